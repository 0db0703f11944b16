package cn.zuofeng.rectification.ledger;

import java.util.stream.Collectors;

/**
 * Conditions on the {@code problem} table that read queries outside the ledger share with the
 * ledger's own, so a word like 逾期 means the same rows everywhere.
 */
public final class ProblemConditions {

  private ProblemConditions() {}

  /**
   * 逾期 (red): the deadline still runs and lay before {@code :today}, the caller's parameter (the
   * application clock's date); {@link Problem#isOverdue} in SQL.
   */
  public static final String OVERDUE = "(state in (" + ProblemState.DEADLINE_RUNNING.stream()
      .map(state -> "'" + state.name() + "'").collect(Collectors.joining(", ")) + ") and deadline < :today)";
}
