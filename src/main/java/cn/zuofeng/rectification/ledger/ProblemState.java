package cn.zuofeng.rectification.ledger;

import java.util.EnumSet;
import java.util.Set;

/** Where a problem stands in the closed loop. */
public enum ProblemState implements Labelled {
  REGISTERED("待审核"),
  DISMISSED("不予立项"),
  RECTIFYING("整改中"),
  PENDING_ACCEPTANCE("待验收"),
  PENDING_CLOSE_OUT("待销号"),
  CLOSED("已销号");

  /** States in which the deadline still counts: the problem is assigned but not yet accepted. */
  public static final Set<ProblemState> DEADLINE_RUNNING = EnumSet.of(RECTIFYING, PENDING_ACCEPTANCE);

  private final String label;

  ProblemState(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
