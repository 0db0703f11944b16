package cn.zuofeng.rectification.audit;

import cn.zuofeng.rectification.ledger.LedgerService;
import cn.zuofeng.rectification.ledger.Problem;
import cn.zuofeng.rectification.ledger.ProblemPage;
import cn.zuofeng.rectification.ledger.ProblemSearch;
import cn.zuofeng.rectification.ledger.UnitDirectory;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
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
    try (var sheet = new Sheet(out, units.names())) {
      sheet.write(problem, trails.trail(problem));
    }
  }

  /** The trails of every problem the search finds (its page and size are ignored), newest first. */
  public void ledgerTrails(ProblemSearch search, OutputStream out) throws IOException {
    try (var sheet = new Sheet(out, units.names())) {
      snapshot.executeWithoutResult(status -> {
        for (int page = 0; ; page++) {
          ProblemPage result = ledger.search(new ProblemSearch(search.unitCode(), search.state(), search.source(),
              search.overdue(), search.text(), page, ProblemSearch.MAX_PAGE_SIZE, search.visibleUnits()));
          for (Problem problem : result.items()) {
            sheet.write(problem, trails.trail(problem));
          }
          if ((long) (page + 1) * ProblemSearch.MAX_PAGE_SIZE >= result.total()) {
            break;
          }
        }
      });
    }
  }

  /** The workbook being streamed; a new worksheet starts when one is full. */
  private static final class Sheet implements AutoCloseable {

    private final Workbook workbook;
    private final Map<String, String> unitNames;
    private Worksheet worksheet;
    private int sheets;
    private int row;

    Sheet(OutputStream out, Map<String, String> unitNames) {
      this.workbook = new Workbook(out, "问题整改闭环", "1.0");
      this.unitNames = unitNames;
      newWorksheet();
    }

    private void newWorksheet() {
      sheets++;
      worksheet = workbook.newWorksheet(sheets == 1 ? "追溯记录" : "追溯记录（" + sheets + "）");
      for (int column = 0; column < WIDTHS.length; column++) {
        worksheet.width(column, WIDTHS[column]);
        worksheet.inlineString(0, column, HEADERS.get(column));
      }
      worksheet.range(0, 0, 0, HEADERS.size() - 1).style().bold().fillColor("EEEEEE").set();
      worksheet.freezePane(0, 1);
      worksheet.repeatRows(0);
      row = 1;
    }

    void write(Problem problem, List<TrailEntry> entries) {
      try {
        int step = 0;
        for (TrailEntry entry : entries) {
          if (row >= Worksheet.MAX_ROWS) {
            worksheet.finish();
            newWorksheet();
          }
          step++;
          text(0, problem.number());
          text(1, problem.title());
          text(2, problem.unitCode() == null ? null : unitNames.getOrDefault(problem.unitCode(), problem.unitCode()));
          text(3, problem.state().label());
          worksheet.value(row, 4, step);
          text(5, entry.time() == null ? null : TIME.format(entry.time()));
          text(6, entry.actorName() != null ? entry.actorName() : entry.actor() != null ? entry.actor() : "系统");
          text(7, entry.role());
          text(8, entry.action());
          text(9, entry.details());
          text(10, entry.activityId());
          text(11, entry.source());
          row++;
        }
        // this problem's rows leave the heap now
        worksheet.flush();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** Inline strings: a shared-string table would keep every distinct text in memory until the end. */
    private void text(int column, String value) {
      if (value != null) {
        worksheet.inlineString(row, column, value);
      }
    }

    @Override
    public void close() throws IOException {
      worksheet.finish();
      workbook.finish();
    }
  }
}
