package cn.zuofeng.rectification.web;

import cn.zuofeng.rectification.ledger.FormInput;
import cn.zuofeng.rectification.ledger.ProblemSearch;
import cn.zuofeng.rectification.ledger.ProblemSource;
import cn.zuofeng.rectification.ledger.ProblemState;
import cn.zuofeng.rectification.security.CurrentUser;
import java.util.HashMap;
import java.util.Map;

/**
 * The ledger's filters as {@code GET /api/problems} takes them (unit, state, source, overdue,
 * text), checked with Chinese field errors and limited to the problems the signed-in user sees.
 */
final class LedgerFilters {

  private LedgerFilters() {}

  static ProblemSearch of(String unit, String state, String source, Boolean overdue, String text) {
    Map<String, Object> params = new HashMap<>();
    params.put("state", blankToNull(state));
    params.put("source", blankToNull(source));
    var in = new FormInput(params);
    ProblemState stateFilter = in.optionalChoice("state", "状态", ProblemState.class);
    ProblemSource sourceFilter = in.optionalChoice("source", "问题来源", ProblemSource.class);
    in.throwIfInvalid();
    return new ProblemSearch(blankToNull(unit), stateFilter, sourceFilter, overdue, blankToNull(text), 0,
        ProblemSearch.MAX_PAGE_SIZE, CurrentUser.get().visibleUnits());
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
