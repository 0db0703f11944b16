package cn.zuofeng.rectification.ledger;

import java.util.Set;

/**
 * A ledger query. {@code visibleUnits} null means every problem is visible (supervisors, leaders,
 * auditors); otherwise only problems assigned to those units are.
 */
public record ProblemSearch(
    String unitCode,
    ProblemState state,
    ProblemSource source,
    Boolean overdue,
    String text,
    int page,
    int size,
    Set<String> visibleUnits) {

  public static final int MAX_PAGE_SIZE = 100;

  public static ProblemSearch all() {
    return new ProblemSearch(null, null, null, null, null, 0, 20, null);
  }
}
