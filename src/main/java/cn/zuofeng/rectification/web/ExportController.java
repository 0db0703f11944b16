package cn.zuofeng.rectification.web;

import cn.zuofeng.rectification.audit.TrailExport;
import cn.zuofeng.rectification.ledger.LedgerExport;
import cn.zuofeng.rectification.ledger.LedgerService;
import cn.zuofeng.rectification.ledger.Problem;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Spreadsheets (xlsx) of the ledger: 导出问题台账, and 导出追溯记录 for a case file. Whoever may read
 * a problem may export it: a unit only its own unit's problems, everyone else every problem. The
 * filters are those of {@code GET /api/problems}; the workbook is written straight to the response.
 */
@RestController
@RequestMapping("/api/problems")
class ExportController {

  static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  private final TrailExport export;
  private final LedgerExport ledgerExport;
  private final ProblemAccess access;
  private final LedgerService ledger;

  ExportController(TrailExport export, LedgerExport ledgerExport, ProblemAccess access, LedgerService ledger) {
    this.export = export;
    this.ledgerExport = ledgerExport;
    this.access = access;
    this.ledger = ledger;
  }

  /** 导出问题台账: one row per problem. */
  @GetMapping("/ledger.xlsx")
  void ledger(@RequestParam(required = false) String unit, @RequestParam(required = false) String state,
              @RequestParam(required = false) String source, @RequestParam(required = false) Boolean overdue,
              @RequestParam(required = false) String text, HttpServletResponse response) throws IOException {
    var search = LedgerFilters.of(unit, state, source, overdue, text);
    start(response, "问题台账-" + ledger.today() + ".xlsx");
    ledgerExport.export(search, response.getOutputStream());
  }

  /** One problem's trail. */
  @GetMapping("/{number}/trail.xlsx")
  void problemTrail(@PathVariable String number, HttpServletResponse response) throws IOException {
    Problem problem = access.visible(number);
    start(response, "追溯记录-" + problem.number() + ".xlsx");
    export.problemTrail(problem, response.getOutputStream());
  }

  /** The trails of every problem the ledger filters find (same filters as {@code GET /api/problems}). */
  @GetMapping("/trails.xlsx")
  void ledgerTrails(@RequestParam(required = false) String unit, @RequestParam(required = false) String state,
                    @RequestParam(required = false) String source, @RequestParam(required = false) Boolean overdue,
                    @RequestParam(required = false) String text, HttpServletResponse response) throws IOException {
    var search = LedgerFilters.of(unit, state, source, overdue, text);
    start(response, "追溯记录-问题台账-" + ledger.today() + ".xlsx");
    export.ledgerTrails(search, response.getOutputStream());
  }

  private static void start(HttpServletResponse response, String fileName) {
    response.setContentType(XLSX);
    response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
        ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString());
    response.setHeader("X-Content-Type-Options", "nosniff");
  }
}
