package cn.zuofeng.rectification.ledger;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * 导出问题台账 (xlsx): one row per problem the search finds, newest first, with what the ledger
 * page shows and the rectification's texts and dates. The rows stream from a database cursor into
 * the workbook and out to the caller {@value #FLUSH_EVERY} at a time, so an export of a whole
 * ledger needs no more heap than one of a page. Callers limit the search to what the user sees.
 */
@Service
public class LedgerExport {

  static final List<String> HEADERS = List.of("问题编号", "问题标题", "问题描述", "问题来源", "问题类别", "发现日期", "状态",
      "亮灯", "超期工作日", "责任单位", "严重程度", "整改类型", "整改时限", "督办级别", "退回次数", "整改措施", "整改结果",
      "登记人", "登记时间", "签收时间", "提交整改时间", "验收通过时间", "销号时间");
  private static final double[] WIDTHS = {17, 28, 40, 12, 14, 12, 8, 6, 10, 18, 8, 8, 12, 10, 8, 40, 40, 10, 17, 17, 17, 17, 17};
  private static final int FLUSH_EVERY = 500;
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final LedgerService ledger;
  private final UnitDirectory units;

  LedgerExport(LedgerService ledger, UnitDirectory units) {
    this.ledger = ledger;
    this.units = units;
  }

  /** Writes the workbook to {@code out} and returns how many problems it holds. */
  public long export(ProblemSearch search, OutputStream out) throws IOException {
    Map<String, String> unitNames = units.names();
    LocalDate today = ledger.today();
    long[] rows = {0};
    try (var sheet = new StreamedSheet(out, "问题台账", HEADERS, WIDTHS)) {
      ledger.forEachMatching(search, p -> {
        TrafficLight light = p.light(today);
        boolean overdue = p.isOverdue(today);
        sheet.row(p.number(), p.title(), p.description(), label(p.source()), label(p.category()), p.discoveredOn(),
            label(p.state()), label(light), overdue ? ledger.overdueWorkingDays(p) : null,
            p.unitCode() == null ? null : unitNames.getOrDefault(p.unitCode(), p.unitCode()), label(p.severity()),
            label(p.rectificationType()), p.deadline(), label(p.supervisionLevel()), p.rejectionCount(), p.measures(),
            p.result(), p.registeredBy(), time(p.registeredAt()), time(p.claimedAt()), time(p.rectifiedAt()),
            time(p.acceptedAt()), time(p.closedAt()));
        if (++rows[0] % FLUSH_EVERY == 0) {
          sheet.flush();
        }
      });
    }
    return rows[0];
  }

  private static String label(Labelled value) {
    return value == null ? null : value.label();
  }

  private static String time(OffsetDateTime time) {
    return time == null ? null : TIME.format(time);
  }
}
