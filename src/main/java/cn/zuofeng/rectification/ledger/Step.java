package cn.zuofeng.rectification.ledger;

/** Who changes the ledger, and at which step of the process (BPMN activity id, may be null). */
public record Step(String actor, String activityId) {

  public static final String SYSTEM = "system";

  public Step {
    actor = actor == null || actor.isBlank() ? SYSTEM : actor;
  }
}
