package cn.zuofeng.rectification.audit;

import cn.zuofeng.rectification.ledger.LedgerService;
import cn.zuofeng.rectification.ledger.Problem;
import cn.zuofeng.rectification.ledger.ProblemSearch;
import cn.zuofeng.rectification.ledger.StreamedSheet;
import cn.zuofeng.rectification.ledger.UnitDirectory;
import java.io.IOException;
import java.io.OutputStream;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Trails as a spreadsheet for a case file (案卷): one row per trail entry, headed in Chinese, the
 * problem's number, title and unit on every row so the sheet can be filtered and sorted. Written
 * as a stream: each problem's rows go to the output as soon as they are written, so a whole
 * ledger exports with a heap that does not grow with its size. Callers decide who may export
 * which problems (the same rule as for reading a trail).
 */
@Service
public class TrailExport {

  static final List<String> HEADERS = List.of(
      "问题编号", "问题标题", "责任单位", "状态", "序号", "时间", "人员", "单位/角色", "事项", "内容", "环节", "来源");
  private static final double[] WIDTHS = {17, 28, 18, 8, 6, 20, 12, 18, 12, 60, 26, 6};
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private final LedgerService ledger;
  private final TrailService trails;
  private final UnitDirectory units;
  private final TransactionTemplate snapshot;

  TrailExport(LedgerService ledger, TrailService trails, UnitDirectory units, PlatformTransactionManager transactions) {
    this.ledger = ledger;
    this.trails = trails;
    this.units = units;
    this.snapshot = new TransactionTemplate(transactions);
    // one consistent view of the ledger from the first page to the last, whatever changes meanwhile
    this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    this.snapshot.setReadOnly(true);
  }

  /** One problem's trail. */
  public void problemTrail(Problem problem, OutputStream out) throws IOException {
    try (var sheet = sheet(out)) {
      write(sheet, problem, trails.trail(problem), units.names());
    }
  }

  /** The trails of every problem the search finds (its page and size are ignored), newest first. */
  public void ledgerTrails(ProblemSearch search, OutputStream out) throws IOException {
    Map<String, String> unitNames = units.names();
    try (var sheet = sheet(out)) {
      snapshot.executeWithoutResult(status ->
          ledger.forEachMatching(search, problem -> write(sheet, problem, trails.trail(problem), unitNames)));
    }
  }

  private static StreamedSheet sheet(OutputStream out) {
    return new StreamedSheet(out, "追溯记录", HEADERS, WIDTHS);
  }

  /** One row per entry; the problem's rows leave the heap at once. */
  private static void write(StreamedSheet sheet, Problem problem, List<TrailEntry> entries, Map<String, String> unitNames) {
    String unit = problem.unitCode() == null ? null : unitNames.getOrDefault(problem.unitCode(), problem.unitCode());
    int step = 0;
    for (TrailEntry entry : entries) {
      step++;
      sheet.row(problem.number(), problem.title(), unit, problem.state().label(), step,
          entry.time() == null ? null : TIME.format(entry.time()),
          entry.actorName() != null ? entry.actorName() : entry.actor() != null ? entry.actor() : "系统",
          entry.role(), entry.action(), entry.details(), entry.activityId(), entry.source());
    }
    sheet.flush();
  }
}
