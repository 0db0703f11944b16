package cn.zuofeng.rectification.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * 整改统计 on PostgreSQL: problems driven through the real loop (closed in time, closed after the
 * job executor recorded them overdue, overdue now, open, waiting for review, dismissed) and the
 * counts and rates {@code GET /api/statistics} and the page give for them, per reader.
 */
class StatisticsIT extends ApplicationIT {

  private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void countsAndRatesPerUnitAndOverallForEveryKindOfProblem() throws InterruptedException {
    JsonNode before = statistics("supervisor", "").json();
    String a = unit("统计甲局");
    String b = unit("统计乙局");
    String member = member(a);

    // unit A: two closed in time, one closed after its deadline, one overdue now, one open in time
    String onTime1 = assign(register("统计·按期销号一"), a, TODAY.plusDays(30));
    String onTime2 = assign(register("统计·按期销号二"), a, TODAY.plusDays(30));
    closeOut(onTime1, member);
    closeOut(onTime2, member);
    String late = assign(register("统计·超期后销号"), a, TODAY.plusDays(3));
    String overdue = assign(register("统计·超期未整改"), a, TODAY.plusDays(3));
    assign(register("统计·整改中"), a, TODAY.plusDays(60));
    // unit B: one open; not assigned: one waiting for review, one dismissed
    assign(register("统计·乙局整改中"), b, TODAY.plusDays(60));
    register("统计·待审核");
    String dismissed = register("统计·不予立项");
    assertThat(complete("supervisor", taskId("supervisor", dismissed, "UserTask_ReviewAndAssign"),
        Map.of("reviewDecision", "DISMISS", "dismissReason", "不属于作风问题")).status()).isEqualTo(204);

    // the deadline passes: the job executor records both overdue; the late one is then closed
    LocalDate deadline = LocalDate.parse(ledgerRow(late).path("deadline").asText());
    LocalDate later = deadline.plusDays(1);
    ClockUtil.setCurrentTime(Date.from(later.atTime(8, 0).atZone(BEIJING).toInstant()));
    awaitOverdueRecorded(late);
    awaitOverdueRecorded(overdue);
    closeOut(late, member);

    JsonNode onlyA = statistics("supervisor", "?unit=" + a).json();
    assertThat(onlyA.path("today").asText()).isEqualTo(later.toString());
    assertThat(onlyA.path("units")).hasSize(1);
    JsonNode rowA = onlyA.path("units").get(0);
    assertRow(rowA, a, "统计甲局", 5, 0, 3, 2, 1, 2, "0.6000", "0.6667");
    assertThat(onlyA.path("total")).isEqualTo(withoutUnit(rowA));
    assertThat(onlyA.has("from") && onlyA.path("from").isNull()).as("null period limits are present").isTrue();
    assertThat(onlyA.has("to") && onlyA.path("to").isNull()).isTrue();

    JsonNode all = statistics("supervisor", "").json();
    List<JsonNode> rows = new ArrayList<>();
    all.path("units").forEach(rows::add);
    JsonNode last = rows.get(rows.size() - 1);
    assertThat(last.path("unitCode").isNull()).as("未交办 last, with a null code").isTrue();
    assertThat(last.path("unitName").asText()).isEqualTo("未交办");
    List<String> codes = rows.subList(0, rows.size() - 1).stream().map(r -> r.path("unitCode").asText()).toList();
    assertThat(codes).isSorted().contains(a, b, "fgw", "zjj");
    assertRow(rows.get(codes.indexOf(a)), a, "统计甲局", 5, 0, 3, 2, 1, 2, "0.6000", "0.6667");
    JsonNode rowB = rows.get(codes.indexOf(b));
    assertRow(rowB, b, "统计乙局", 1, 0, 0, 1, 0, 0, "0.0000", null);
    assertThat(rowB.has("onTimeRate")).as("a rate without divisor is null, not left out").isTrue();
    JsonNode unassignedBefore = lastRow(before);
    assertThat(last.path("registered").asLong() - unassignedBefore.path("registered").asLong()).isEqualTo(1);
    assertThat(last.path("dismissed").asLong() - unassignedBefore.path("dismissed").asLong()).isEqualTo(1);
    assertThat(last.path("closed").asLong()).isZero();
    for (String field : List.of("registered", "dismissed", "closed", "open", "overdue", "closedOnTime")) {
      assertThat(all.path("total").path(field).asLong()).as("total " + field + " sums the rows")
          .isEqualTo(rows.stream().mapToLong(r -> r.path(field).asLong()).sum());
    }
    assertThat(all.path("total").path("registered").asLong() - before.path("total").path("registered").asLong()).isEqualTo(7);
    assertThat(all.path("total").path("dismissed").asLong() - before.path("total").path("dismissed").asLong()).isEqualTo(1);
    assertThat(all.path("total").path("closed").asLong() - before.path("total").path("closed").asLong()).isEqualTo(3);
    assertThat(all.path("total").path("closedOnTime").asLong() - before.path("total").path("closedOnTime").asLong()).isEqualTo(2);
    JsonNode total = all.path("total");
    assertThat(total.path("rectificationRate").decimalValue()).isEqualByComparingTo(rate(total.path("closed").asLong(),
        total.path("registered").asLong()));

    // registration dates are inclusive; a period before these problems has none of them
    JsonNode today = statistics("supervisor", "?unit=" + a + "&from=" + TODAY + "&to=" + TODAY).json();
    assertThat(today.path("from").asText()).isEqualTo(TODAY.toString());
    assertRow(today.path("units").get(0), a, "统计甲局", 5, 0, 3, 2, 1, 2, "0.6000", "0.6667");
    JsonNode earlier = statistics("supervisor", "?unit=" + a + "&to=" + TODAY.minusDays(1)).json();
    assertRow(earlier.path("units").get(0), a, "统计甲局", 0, 0, 0, 0, 0, 0, null, null);

    // a unit member: only their own unit, no 未交办 row, the total is theirs
    JsonNode own = statistics(member, "").json();
    assertThat(own.path("units")).hasSize(1);
    assertRow(own.path("units").get(0), a, "统计甲局", 5, 0, 3, 2, 1, 2, "0.6000", "0.6667");
    assertThat(own.path("total")).isEqualTo(withoutUnit(own.path("units").get(0)));
    assertThat(statistics(member, "?unit=" + a).status()).isEqualTo(200);
    assertThat(as(member).page("/statistics").body()).as("the unit's overdue notices are counted in the header")
        .contains("class=\"badge\"");
    var fgw = statistics("fgw-zhao", "").json();
    assertThat(texts(fgw.path("units"), "unitCode")).containsExactly("fgw");
    assertThat(fgw.path("units").get(0)).isEqualTo(statistics("supervisor", "?unit=fgw").json().path("units").get(0));
  }

  @Test
  void anotherUnitBadInputAndStrangersAreRefused() {
    var otherUnit = statistics("fgw-zhao", "?unit=zjj");
    assertThat(otherUnit.status()).isEqualTo(403);
    assertThat(otherUnit.json().path("detail").asText()).isEqualTo("只能查看本单位的整改统计");

    var reversed = statistics("supervisor", "?from=2026-12-05&to=2026-12-01");
    assertThat(reversed.status()).isEqualTo(400);
    assertThat(reversed.raw().headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).contains("application/problem+json"));
    assertThat(texts(reversed.json().path("errors"), "field")).containsExactly("to");
    assertThat(reversed.json().path("detail").asText()).contains("截止日期", "起始日期");
    var malformed = statistics("supervisor", "?from=2026-13-01");
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(texts(malformed.json().path("errors"), "field")).containsExactly("from");
    assertThat(malformed.json().path("detail").asText()).contains("起始日期", "2026-13-01");
    var unknown = statistics("supervisor", "?unit=nowhere");
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(texts(unknown.json().path("errors"), "field")).containsExactly("unit");

    var anonymous = Http.anonymous(port).get("/api/statistics");
    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(anonymous.json().path("title").asText()).isEqualTo("未登录");
    var page = Http.anonymous(port).page("/statistics");
    assertThat(page.status()).isEqualTo(302);
    assertThat(page.raw().headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
  }

  @Test
  void pageShowsTheTableInChineseWithPercentagesAndErrorsOnThePage() {
    String c = unit("统计丙局");
    String member = member(c);
    String closed = assign(register("统计页面·已销号"), c, TODAY.plusDays(30));
    closeOut(closed, member);
    assign(register("统计页面·整改中一"), c, TODAY.plusDays(30));
    assign(register("统计页面·整改中二"), c, TODAY.plusDays(30));

    var page = as("supervisor").page("/statistics?unit=" + c);
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("整改统计", "<th>单位</th>", "<th>登记</th>", "<th>已销号</th>", "<th>未销号</th>",
        "<th>超期</th>", "<th>按期销号</th>", "<th>整改率</th>", "<th>按期整改率</th>", "统计丙局", "合计",
        "33.3%", "100.0%", "name=\"from\"", "name=\"to\"", "name=\"unit\"");
    assertThat(as("fgw-zhao").page("/ledger").body()).as("a link for everyone in the header")
        .contains("<a href=\"/statistics\">整改统计</a>");
    var all = as("leader").page("/statistics");
    assertThat(all.body()).contains("未交办", "统计丙局", "市发展改革委");

    var own = as(member).page("/statistics");
    assertThat(own.status()).isEqualTo(200);
    assertThat(own.body()).contains("统计丙局", "33.3%").doesNotContain("未交办", "市发展改革委", "name=\"unit\"");

    var bad = as("supervisor").page("/statistics?from=2026-12-05&to=2026-12-01");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.body()).contains("整改统计", "截止日期（2026-12-01）不能早于起始日期（2026-12-05）").doesNotContain("Whitelabel");
    var denied = as("fgw-zhao").page("/statistics?unit=zjj");
    assertThat(denied.status()).isEqualTo(403);
    assertThat(denied.body()).contains("只能查看本单位的整改统计").doesNotContain("市住房城乡建设局");
  }

  private Http.Response statistics(String user, String query) {
    return as(user).get("/api/statistics" + query);
  }

  private static void assertRow(JsonNode row, String unitCode, String unitName, long registered, long dismissed, long closed,
                                long open, long overdue, long closedOnTime, String rectificationRate, String onTimeRate) {
    assertThat(row.path("unitCode").asText()).isEqualTo(unitCode);
    assertThat(row.path("unitName").asText()).isEqualTo(unitName);
    assertThat(List.of(row.path("registered").asLong(), row.path("dismissed").asLong(), row.path("closed").asLong(),
        row.path("open").asLong(), row.path("overdue").asLong(), row.path("closedOnTime").asLong()))
        .as("registered, dismissed, closed, open, overdue, closed on time of " + unitName)
        .containsExactly(registered, dismissed, closed, open, overdue, closedOnTime);
    assertRate(row, "rectificationRate", rectificationRate);
    assertRate(row, "onTimeRate", onTimeRate);
  }

  private static void assertRate(JsonNode row, String field, String expected) {
    assertThat(row.has(field)).as(field + " present").isTrue();
    if (expected == null) {
      assertThat(row.path(field).isNull()).as(field).isTrue();
    } else {
      assertThat(row.path(field).decimalValue()).as(field).isEqualByComparingTo(expected);
    }
  }

  private static BigDecimal rate(long part, long whole) {
    return BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, java.math.RoundingMode.HALF_UP);
  }

  /** The row's counts and rates, as the total of a single row reads. */
  private static JsonNode withoutUnit(JsonNode row) {
    var copy = ((com.fasterxml.jackson.databind.node.ObjectNode) row).deepCopy();
    copy.putNull("unitCode");
    copy.put("unitName", "合计");
    return copy;
  }

  private static JsonNode lastRow(JsonNode statistics) {
    return statistics.path("units").get(statistics.path("units").size() - 1);
  }

  /** A new responsible unit of its own, so its counts are exactly this test's. */
  private String unit(String name) {
    String code = "st" + UUID.randomUUID().toString().substring(0, 6);
    var created = as("admin").post("/api/units", Map.of("code", code, "name", name));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return code;
  }

  /** A member of the unit's group, with the demo password. */
  private String member(String unit) {
    String id = unit + "-member";
    Http admin = as("admin");
    var created = admin.post("/engine-rest/user/create", Map.of("profile", Map.of("id", id, "firstName", id, "lastName", "统计"),
        "credentials", Map.of("password", Http.PASSWORD)));
    assertThat(created.status()).as(created.body()).isEqualTo(204);
    assertThat(admin.send("PUT", "/engine-rest/group/unit-" + unit + "/members/" + id, null).status()).isEqualTo(204);
    return id;
  }

  private String assign(String number, String unit, LocalDate deadline) {
    var assigned = complete("supervisor", taskId("supervisor", number, "UserTask_ReviewAndAssign"), Map.of(
        "reviewDecision", "ASSIGN", "unitCode", unit, "severity", "GENERAL", "rectificationType", "TIME_LIMITED",
        "deadline", deadline.toString()));
    assertThat(assigned.status()).as(assigned.body()).isEqualTo(204);
    return number;
  }

  /** 整改 by the unit, 验收 by the supervisors, 销号 by the leaders. */
  private void closeOut(String number, String member) {
    completed(member, number, "UserTask_Rectify", Map.of("measures", "建立制度", "result", "已整改"));
    completed("supervisor", number, "UserTask_AcceptRectification", Map.of("acceptanceDecision", "ACCEPT"));
    completed("leader", number, "UserTask_ApproveCloseOut", Map.of("closeOutDecision", "APPROVE"));
    assertThat(ledgerRow(number).path("state").asText()).isEqualTo("CLOSED");
  }

  private void completed(String user, String number, String taskKey, Map<String, ?> values) {
    String task = taskId(user, number, taskKey);
    assertThat(task).as(taskKey + " for " + user).isNotNull();
    var response = complete(user, task, values);
    assertThat(response.status()).as(taskKey + ": " + response.body()).isEqualTo(204);
  }

  private JsonNode ledgerRow(String number) {
    return as("supervisor").get("/api/problems/" + number).json().path("problem");
  }

  /** Waits (bounded) until the overdue is in the ledger and none of the problem's jobs is due any more. */
  private void awaitOverdueRecorded(String number) throws InterruptedException {
    long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < until) {
      JsonNode p = ledgerRow(number);
      long due = runtime.createProcessInstanceQuery().processInstanceBusinessKey(number).list().stream()
          .mapToLong(instance -> management.createJobQuery().processInstanceId(instance.getId()).executable().count())
          .sum();
      if (p.hasNonNull("overdueAt") && due == 0) {
        return;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("the overdue of " + number + " was not recorded within 30 s: " + ledgerRow(number));
  }
}
