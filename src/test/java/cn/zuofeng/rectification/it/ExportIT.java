package cn.zuofeng.rectification.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;

/**
 * 导出问题台账 and 案卷: the ledger and the trails exported as xlsx, and the printable case file, in
 * Chinese, for whoever may read the problems.
 */
class ExportIT extends ApplicationIT {

  private static final List<String> LEDGER_HEADERS = List.of("问题编号", "问题标题", "问题描述", "问题来源", "问题类别", "发现日期",
      "状态", "亮灯", "超期工作日", "责任单位", "严重程度", "整改类型", "整改时限", "督办级别", "退回次数", "整改措施", "整改结果",
      "登记人", "登记时间", "签收时间", "提交整改时间", "验收通过时间", "销号时间");

  private static final List<String> HEADERS = List.of(
      "问题编号", "问题标题", "责任单位", "状态", "序号", "时间", "人员", "单位/角色", "事项", "内容", "环节", "来源");

  @Test
  void auditorExportsOneProblemsTrailWithEveryStepInOrderAndTheRightPerson() throws IOException {
    String number = closedAfterOneRejection("采购验收走过场");

    HttpResponse<byte[]> download = as("auditor").download("/api/problems/" + number + "/trail.xlsx");
    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(download.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("spreadsheetml"));
    assertThat(download.headers().firstValue("Content-Disposition")).hasValueSatisfying(d -> assertThat(d).contains("attachment", ".xlsx"));
    List<Row> rows = rows(download.body());
    assertThat(cells(rows.get(0))).isEqualTo(HEADERS);
    List<Row> steps = rows.subList(1, rows.size());
    assertThat(steps).allSatisfy(r -> {
      assertThat(r.getCellText(0)).isEqualTo(number);
      assertThat(r.getCellText(1)).isEqualTo("采购验收走过场");
      assertThat(r.getCellText(2)).isEqualTo("市发展改革委");
      assertThat(r.getCellText(3)).isEqualTo("已销号");
    });
    // the same timeline as the trail page, in the same order
    var trail = as("auditor").get("/api/problems/" + number + "/trail").json();
    assertThat(steps).hasSize(trail.size());
    for (int i = 0; i < trail.size(); i++) {
      assertThat(steps.get(i).getCellText(4)).isEqualTo(String.valueOf(i + 1));
      assertThat(steps.get(i).getCellText(8)).isEqualTo(trail.get(i).path("action").asText());
      assertThat(steps.get(i).getCellText(9)).isEqualTo(trail.get(i).path("details").asText(""));
    }
    assertThat(steps).filteredOn(r -> r.getCellText(11).equals("台账"))
        .extracting(r -> r.getCellText(8), r -> r.getCellText(6), r -> r.getCellText(7))
        .containsExactly(
            tuple("登记问题", "张督查", "督查组"), tuple("审核交办", "张督查", "督查组"), tuple("签收", "赵发改", "市发展改革委"),
            tuple("提交整改", "赵发改", "市发展改革委"), tuple("退回整改", "张督查", "督查组"),
            tuple("提交整改", "赵发改", "市发展改革委"), tuple("验收通过", "张督查", "督查组"), tuple("销号", "李组长", "领导小组办公室"));
    assertThat(steps).anySatisfy(r -> {
      assertThat(r.getCellText(8)).isEqualTo("退回整改");
      assertThat(r.getCellText(9)).contains("请附验收记录");
    });
    assertThat(steps).anySatisfy(r -> {
      assertThat(r.getCellText(8)).isEqualTo("完成任务");
      assertThat(r.getCellText(6)).isEqualTo("赵发改");
      assertThat(r.getCellText(9)).contains("measures = 补做验收并留存记录");
      assertThat(r.getCellText(10)).isEqualTo("UserTask_Rectify");
    });

    // the unit reads (and so exports) its own problem; another unit does not even learn it exists
    assertThat(as("fgw-qian").download("/api/problems/" + number + "/trail.xlsx").statusCode()).isEqualTo(200);
    assertThat(as("zjj-sun").download("/api/problems/" + number + "/trail.xlsx").statusCode()).isEqualTo(404);
    assertThat(Http.anonymous(port).download("/api/problems/" + number + "/trail.xlsx").statusCode()).isEqualTo(401);
  }

  @Test
  void filteredLedgerExportHoldsEveryMatchingProblemAndOnlyWhatTheUserMaySee() throws IOException {
    String fgw = closedAfterOneRejection("案卷导出·发改委问题");
    String zjj = register("案卷导出·住建局问题");
    complete("supervisor", taskId("supervisor", zjj, "UserTask_ReviewAndAssign"), Map.of("reviewDecision", "ASSIGN",
        "unitCode", "zjj", "severity", "GENERAL", "rectificationType", "IMMEDIATE"));
    String text = java.net.URLEncoder.encode("案卷导出", java.nio.charset.StandardCharsets.UTF_8);

    HttpResponse<byte[]> all = as("auditor").download("/api/problems/trails.xlsx?text=" + text);
    assertThat(all.statusCode()).isEqualTo(200);
    List<Row> rows = rows(all.body());
    assertThat(cells(rows.get(0))).isEqualTo(HEADERS);
    assertThat(rows.subList(1, rows.size())).extracting(r -> r.getCellText(0)).containsOnly(fgw, zjj).contains(fgw, zjj);
    assertThat(rows).filteredOn(r -> r.getCellText(0).equals(zjj)).extracting(r -> r.getCellText(8))
        .containsSubsequence("登记问题", "审核交办");

    HttpResponse<byte[]> rectifying = as("auditor").download("/api/problems/trails.xlsx?state=RECTIFYING&text=" + text);
    assertThat(rows(rectifying.body()).subList(1, rows(rectifying.body()).size())).extracting(r -> r.getCellText(0)).containsOnly(zjj);

    List<Row> unitRows = rows(as("zjj-sun").download("/api/problems/trails.xlsx").body());
    assertThat(unitRows.subList(1, unitRows.size())).extracting(r -> r.getCellText(0)).contains(zjj).doesNotContain(fgw);
    assertThat(unitRows.subList(1, unitRows.size())).extracting(r -> r.getCellText(2)).containsOnly("市住房城乡建设局");

    var invalid = as("auditor").get("/api/problems/trails.xlsx?state=LOST");
    assertThat(invalid.status()).isEqualTo(400);
    assertThat(invalid.body()).contains("state");
  }

  @Test
  void bigLedgerExportIsStreamedToTheClient() throws IOException {
    for (int i = 0; i < 60; i++) {
      register("批量导出问题 " + i + " " + java.util.UUID.randomUUID());
    }
    HttpResponse<byte[]> download = as("auditor").download("/api/problems/trails.xlsx");
    assertThat(download.statusCode()).isEqualTo(200);
    // written while it is produced, not buffered and measured first
    assertThat(download.headers().firstValue("Content-Length")).isEmpty();
    List<Row> rows = rows(download.body());
    long problems = rows.stream().skip(1).map(r -> r.getCellText(0)).distinct().count();
    long inLedger = as("auditor").get("/api/problems?size=1").json().path("total").asLong();
    assertThat(problems).isEqualTo(inLedger);
  }

  @Test
  void ledgerExportHasOneRowPerProblemWithLabelsInChineseAndOnlyWhatTheUserMaySee() throws IOException {
    String marker = "台账导出" + java.util.UUID.randomUUID().toString().substring(0, 8);
    String closed = closedAfterOneRejection(marker + "·已销号");
    String rectifying = register(marker + "·整改中");
    complete("supervisor", taskId("supervisor", rectifying, "UserTask_ReviewAndAssign"), Map.of("reviewDecision", "ASSIGN",
        "unitCode", "zjj", "severity", "GENERAL", "rectificationType", "IMMEDIATE"));
    // a spreadsheet formula and markup in a title stay text
    String formula = register("=HYPERLINK(\"http://evil.example\",\"" + marker + "\")<script>alert(1)</script>");
    String query = "?text=" + java.net.URLEncoder.encode(marker, java.nio.charset.StandardCharsets.UTF_8);

    HttpResponse<byte[]> download = as("supervisor").download("/api/problems/ledger.xlsx" + query);
    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(download.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("spreadsheetml"));
    assertThat(download.headers().firstValue("Content-Disposition"))
        .hasValueSatisfying(d -> assertThat(d).contains("attachment", ".xlsx", java.net.URLEncoder.encode("问题台账",
            java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20")));
    List<Row> rows = rows(download.body(), "问题台账");
    assertThat(cells(rows.get(0))).isEqualTo(LEDGER_HEADERS);
    // newest first, as the ledger lists them
    assertThat(rows.subList(1, rows.size())).extracting(r -> r.getCellText(0)).containsExactly(formula, rectifying, closed);
    Row closedRow = rows.get(3);
    assertThat(closedRow.getCellText(1)).isEqualTo(marker + "·已销号");
    assertThat(closedRow.getCellText(3)).isEqualTo("热线");
    assertThat(closedRow.getCellText(6)).isEqualTo("已销号");
    assertThat(closedRow.getCellText(7)).as("a closed problem has no light").isEmpty();
    assertThat(closedRow.getCellText(9)).isEqualTo("市发展改革委");
    assertThat(closedRow.getCellText(14)).isEqualTo("1");
    assertThat(closedRow.getCellText(15)).isEqualTo("补做验收并留存记录");
    assertThat(closedRow.getCellText(22)).startsWith(TODAY.toString());
    Row rectifyingRow = rows.get(2);
    assertThat(rectifyingRow.getCellText(6)).isEqualTo("整改中");
    assertThat(rectifyingRow.getCellText(7)).isIn("绿灯", "黄灯");
    assertThat(rectifyingRow.getCellText(9)).isEqualTo("市住房城乡建设局");
    assertThat(rectifyingRow.getCellText(12)).matches("\\d{4}-\\d{2}-\\d{2}");
    Row formulaRow = rows.get(1);
    assertThat(formulaRow.getCellText(1)).startsWith("=HYPERLINK(").endsWith("</script>");
    assertThat(formulaRow.getCell(1).getType()).isEqualTo(org.dhatim.fastexcel.reader.CellType.STRING);

    List<Row> unitRows = rows(as("zjj-sun").download("/api/problems/ledger.xlsx" + query).body(), "问题台账");
    assertThat(unitRows.subList(1, unitRows.size())).extracting(r -> r.getCellText(0)).containsExactly(rectifying);
    assertThat(Http.anonymous(port).download("/api/problems/ledger.xlsx").statusCode()).isEqualTo(401);
    var invalid = as("supervisor").get("/api/problems/ledger.xlsx?state=LOST");
    assertThat(invalid.status()).isEqualTo(400);
    assertThat(invalid.json().path("errors").get(0).path("field").asText()).isEqualTo("state");
    assertThat(invalid.json().path("errors").get(0).path("message").asText()).contains("状态");
    assertThat(as("supervisor").page("/ledger").body()).contains("/api/problems/ledger.xlsx", "导出台账");
  }

  @Test
  void wholeLedgerExportHoldsEveryProblemTheUserSees() throws IOException {
    for (int i = 0; i < 30; i++) {
      register("整本台账导出 " + i + " " + java.util.UUID.randomUUID());
    }
    HttpResponse<byte[]> download = as("leader").download("/api/problems/ledger.xlsx");
    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(download.headers().firstValue("Content-Length")).as("streamed, not buffered").isEmpty();
    List<Row> rows = rows(download.body(), "问题台账");
    var firstPage = as("leader").get("/api/problems?size=100").json();
    assertThat(rows).hasSize((int) firstPage.path("total").asLong() + 1);
    var newest = texts(firstPage.path("items"), "number");
    assertThat(rows.subList(1, 1 + newest.size())).extracting(r -> r.getCellText(0)).containsExactlyElementsOf(newest);
    assertThat(rows.stream().skip(1).map(r -> r.getCellText(0)).distinct().count()).isEqualTo(rows.size() - 1);
  }

  @Test
  void trailAndCaseFilePrintInChinese() {
    String number = closedAfterOneRejection("案卷打印问题");
    String trail = as("auditor").page("/ledger/" + number + "/trail").body();
    assertThat(trail).contains("data-print", "打印", "/api/problems/" + number + "/trail.xlsx", "/js/print.js");
    String caseFile = as("auditor").page("/ledger/case-file?text=" + java.net.URLEncoder.encode("案卷打印问题",
        java.nio.charset.StandardCharsets.UTF_8)).body();
    assertThat(caseFile).contains("案卷", number, "请附验收记录", "李组长", "打印", "/api/problems/trails.xlsx?text=");
    assertThat(as("zjj-sun").page("/ledger/case-file?text=" + java.net.URLEncoder.encode("案卷打印问题",
        java.nio.charset.StandardCharsets.UTF_8)).body()).doesNotContain(number);
    assertThat(as("auditor").page("/css/app.css").body()).contains("@media print");
  }

  /** Registered, assigned to 市发展改革委, rectified, rejected once, rectified again, accepted, closed out. */
  private String closedAfterOneRejection(String title) {
    String number = register(title);
    complete("supervisor", taskId("supervisor", number, "UserTask_ReviewAndAssign"), Map.of("reviewDecision", "ASSIGN",
        "unitCode", "fgw", "severity", "SERIOUS", "rectificationType", "TIME_LIMITED"));
    String rectify = taskId("fgw-zhao", number, "UserTask_Rectify");
    as("fgw-zhao").post("/engine-rest/task/" + rectify + "/claim", Map.of("userId", "fgw-zhao"));
    complete("fgw-zhao", rectify, Map.of("measures", "补做验收", "result", "已验收"));
    complete("supervisor", taskId("supervisor", number, "UserTask_AcceptRectification"),
        Map.of("acceptanceDecision", "REJECT", "rejectionReason", "请附验收记录"));
    complete("fgw-zhao", taskId("fgw-zhao", number, "UserTask_Rectify"), Map.of("measures", "补做验收并留存记录", "result", "已验收"));
    complete("supervisor", taskId("supervisor", number, "UserTask_AcceptRectification"), Map.of("acceptanceDecision", "ACCEPT"));
    complete("leader", taskId("leader", number, "UserTask_ApproveCloseOut"), Map.of("closeOutDecision", "APPROVE"));
    return number;
  }

  private static List<Row> rows(byte[] xlsx) throws IOException {
    return rows(xlsx, "追溯记录");
  }

  private static List<Row> rows(byte[] xlsx, String sheet) throws IOException {
    try (var workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
      assertThat(workbook.getFirstSheet().getName()).isEqualTo(sheet);
      return workbook.getFirstSheet().read();
    }
  }

  private static List<String> cells(Row row) {
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < row.getCellCount(); i++) {
      texts.add(row.getCellText(i));
    }
    return texts;
  }
}
