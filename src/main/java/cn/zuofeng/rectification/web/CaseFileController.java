package cn.zuofeng.rectification.web;

import cn.zuofeng.rectification.audit.TrailService;
import cn.zuofeng.rectification.ledger.LedgerService;
import cn.zuofeng.rectification.ledger.Problem;
import cn.zuofeng.rectification.ledger.ProblemPage;
import cn.zuofeng.rectification.ledger.ProblemSearch;
import cn.zuofeng.rectification.ledger.UnitDirectory;
import cn.zuofeng.rectification.security.CurrentUser;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 案卷 (printable): the trails of the problems the ledger filters find, one after another, with
 * print styles. A page is rendered whole, so it holds at most {@link #LIMIT} problems; the xlsx
 * export has no such limit.
 */
@Controller
class CaseFileController {

  static final int LIMIT = 200;

  private final LedgerService ledger;
  private final TrailService trails;
  private final UnitDirectory units;

  CaseFileController(LedgerService ledger, TrailService trails, UnitDirectory units) {
    this.ledger = ledger;
    this.trails = trails;
    this.units = units;
  }

  @ModelAttribute("user")
  CurrentUser user() {
    return CurrentUser.get();
  }

  record CaseFileEntry(Problem problem, List<cn.zuofeng.rectification.audit.TrailEntry> entries) {}

  @GetMapping("/ledger/case-file")
  String caseFile(@RequestParam(required = false) String unit, @RequestParam(required = false) String state,
                  @RequestParam(required = false) String source, @RequestParam(required = false) Boolean overdue,
                  @RequestParam(required = false) String text, Model model,
                  jakarta.servlet.http.HttpServletRequest request) {
    ProblemSearch filters = LedgerFilters.of(unit, state, source, overdue, text);
    List<CaseFileEntry> problems = new ArrayList<>();
    long total = 0;
    for (int page = 0; problems.size() < LIMIT; page++) {
      ProblemPage result = ledger.search(new ProblemSearch(filters.unitCode(), filters.state(), filters.source(),
          filters.overdue(), filters.text(), page, ProblemSearch.MAX_PAGE_SIZE, filters.visibleUnits()));
      total = result.total();
      for (Problem problem : result.items()) {
        if (problems.size() < LIMIT) {
          problems.add(new CaseFileEntry(problem, trails.trail(problem)));
        }
      }
      if ((long) (page + 1) * ProblemSearch.MAX_PAGE_SIZE >= total) {
        break;
      }
    }
    model.addAttribute("problems", problems);
    model.addAttribute("total", total);
    model.addAttribute("limit", LIMIT);
    model.addAttribute("unitNames", units.names());
    model.addAttribute("today", ledger.today());
    // the same filters, as a spreadsheet without the page's limit
    model.addAttribute("xlsx", request.getContextPath() + "/api/problems/trails.xlsx"
        + (request.getQueryString() == null ? "" : "?" + request.getQueryString()));
    return "case-file";
  }
}
