package cn.zuofeng.rectification.ledger;

/** The problem is not in a state that allows the requested step (e.g. accepting a closed problem). */
public class IllegalStateTransitionException extends RuntimeException {

  public IllegalStateTransitionException(String number, ProblemState current, String action) {
    super("问题 " + number + " 当前状态为「" + current.label() + "」，不能" + action);
  }

  /** A refusal that the state alone does not explain, in words the user reads. */
  public IllegalStateTransitionException(String message) {
    super(message);
  }
}
