package cn.zuofeng.rectification.web;

import cn.zuofeng.rectification.ledger.LedgerService;
import cn.zuofeng.rectification.ledger.Problem;
import cn.zuofeng.rectification.ledger.ProblemNotFoundException;
import cn.zuofeng.rectification.security.CurrentUser;
import org.springframework.stereotype.Component;

/** Reads one problem for the signed-in user: a unit member sees only its own unit's problems. */
@Component
class ProblemAccess {

  private final LedgerService ledger;

  ProblemAccess(LedgerService ledger) {
    this.ledger = ledger;
  }

  /** A problem the user may not see answers exactly like one that does not exist. */
  Problem visible(String number) {
    return ledger.find(number).filter(this::mayRead).orElseThrow(() -> new ProblemNotFoundException(number));
  }

  boolean mayRead(Problem problem) {
    var units = CurrentUser.get().visibleUnits();
    return units == null || (problem.unitCode() != null && units.contains(problem.unitCode()));
  }
}
