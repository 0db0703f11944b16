package cn.zuofeng.rectification.it;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zuofeng.rectification.ledger.Step;
import cn.zuofeng.rectification.ledger.SupervisionLevel;
import cn.zuofeng.rectification.supervision.SupervisionReason;
import cn.zuofeng.rectification.supervision.SupervisionService;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 督办 and 延期申请 on a real PostgreSQL server with the real job executor: an overdue problem gets
 * a numbered supervision notice that its unit answers over HTTP; notice numbers stay gap-free
 * under concurrency; a unit's extension request, once approved, moves the deadline, the task and
 * the timer jobs.
 */
class EscalationIT extends ApplicationIT {

  private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

  @Autowired SupervisionService supervision;
  @Autowired TransactionTemplate transactions;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void overdueProblemGetsANumberedSupervisionNoticeThatItsUnitAnswersOverHttp() throws Exception {
    String number = register("督办件逾期未答复");
    assign(number, "xzfw", "GENERAL", "IMMEDIATE");
    LocalDate deadline = LocalDate.parse(problem("supervisor", number).path("deadline").asText());

    ClockUtil.setCurrentTime(Date.from(deadline.plusDays(1).atTime(8, 0).atZone(BEIJING).toInstant()));
    JsonNode supervised = await(number, p -> "SUPERVISION".equals(p.path("supervisionLevel").asText()));
    assertThat(supervised.path("supervisionLevelLabel").asText()).isEqualTo("督办");

    var notices = as("xzfw-wu").get("/api/problems/" + number + "/supervision-notices");
    assertThat(notices.status()).isEqualTo(200);
    JsonNode notice = notices.json().get(0);
    assertThat(notice.path("noticeNumber").asText()).matches("督办〔\\d{4}〕\\d+号");
    assertThat(notice.path("text").asText()).contains(number, "逾期未完成整改");
    assertThat(as("zjj-sun").get("/api/problems/" + number + "/supervision-notices").status())
        .as("another unit does not even see it").isEqualTo(404);

    String answer = taskId("xzfw-wu", number, "UserTask_AnswerSupervision");
    assertThat(answer).as("the unit finds the answer task").isNotNull();
    assertThat(taskId("zjj-sun", number, "UserTask_AnswerSupervision")).isNull();
    var past = complete("xzfw-wu", answer, Map.of("answerReasons", "窗口人手不足", "answerPlan", "增设窗口",
        "committedDate", "2020-01-01"));
    assertThat(past.status()).isEqualTo(400);
    assertThat(past.body()).contains("承诺完成日期不能早于今天");
    String committed = deadline.plusDays(10).toString();
    assertThat(complete("xzfw-wu", answer, Map.of("answerReasons", "窗口人手不足", "answerPlan", "增设窗口",
        "committedDate", committed)).status()).isEqualTo(204);

    JsonNode answered = as("supervisor").get("/api/problems/" + number + "/supervision-notices").json().get(0);
    assertThat(answered.path("answeredBy").asText()).isEqualTo("xzfw-wu");
    assertThat(answered.path("committedDate").asText()).isEqualTo(committed);
    assertThat(texts(as("auditor").get("/api/problems/" + number + "/trail").json(), "action"))
        .contains("逾期（红灯）", "下发督办单", "书面答复督办");
    String instance = supervised.path("processInstanceId").asText();
    assertThat(as("supervisor").get("/engine-rest/incident/count").json().path("count").asInt()).as("no incident").isZero();
    assertThat(as("auditor").get("/engine-rest/history/process-instance/count?processDefinitionKey=supervision&processInstanceBusinessKey="
        + number).json().path("count").asInt()).isEqualTo(1);
    assertThat(instance).isNotBlank();
  }

  @Test
  void noticeNumbersAreGapFreeUnderConcurrencyAndARolledBackNoticeGivesItsNumberBack() throws Exception {
    int threads = 12;
    List<String> numbers = new ArrayList<>();
    for (int i = 0; i < threads + 1; i++) {
      String number = register("并发督办 " + i);
      assign(number, "fgw", "GENERAL", "TIME_LIMITED");
      numbers.add(number);
    }
    var pool = Executors.newFixedThreadPool(threads);
    try {
      List<Callable<Integer>> work = new ArrayList<>();
      for (String number : numbers.subList(0, threads)) {
        work.add(() -> transactions.execute(status -> seq(supervision.issue(number, SupervisionLevel.SUPERVISION,
            SupervisionReason.OVERDUE, new Step(Step.SYSTEM, "ServiceTask_IssueNotice")).noticeNumber())));
      }
      List<Integer> seqs = new ArrayList<>();
      for (Future<Integer> result : pool.invokeAll(work)) {
        seqs.add(result.get());
      }
      Collections.sort(seqs);
      assertThat(seqs).as("no duplicate").doesNotHaveDuplicates();
      assertThat(seqs.get(threads - 1) - seqs.get(0)).as("no gap").isEqualTo(threads - 1);

      String last = numbers.get(threads);
      Integer rolledBack = transactions.execute(status -> {
        int seq = seq(supervision.issue(last, SupervisionLevel.SUPERVISION, SupervisionReason.OVERDUE,
            new Step(Step.SYSTEM, "ServiceTask_IssueNotice")).noticeNumber());
        status.setRollbackOnly();
        return seq;
      });
      assertThat(supervision.noticesOf(last)).as("nothing kept").isEmpty();
      Integer next = transactions.execute(status -> seq(supervision.issue(last, SupervisionLevel.SUPERVISION,
          SupervisionReason.OVERDUE, new Step(Step.SYSTEM, "ServiceTask_IssueNotice")).noticeNumber()));
      assertThat(next).as("the number of the rolled-back notice is given again").isEqualTo(rolledBack);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void anApprovedExtensionRequestMovesTheDeadlineTheTaskAndTheTimers() {
    String number = register("企业开办时间过长");
    assign(number, "scj", "GENERAL", "TIME_LIMITED");
    String rectify = taskId("scj-zhou", number, "UserTask_Rectify");
    assertThat(as("scj-zhou").post("/engine-rest/task/" + rectify + "/claim", Map.of("userId", "scj-zhou")).status())
        .isEqualTo(204);
    LocalDate deadline = LocalDate.parse(problem("supervisor", number).path("deadline").asText());
    String path = "/api/problems/" + number + "/extension-requests";

    assertThat(as("zjj-sun").post(path, Map.of("requestedDeadline", deadline.plusDays(10).toString(), "reason", "x"))
        .status()).as("another unit: as if it did not exist").isEqualTo(404);
    var supervisorAsks = as("supervisor").post(path, Map.of("requestedDeadline", deadline.plusDays(10).toString(), "reason", "x"));
    assertThat(supervisorAsks.status()).isEqualTo(403);
    assertThat(supervisorAsks.body()).contains("只有责任单位可以申请延期");
    var earlier = as("scj-zhou").post(path, Map.of("requestedDeadline", deadline.toString(), "reason", "需要更多时间"));
    assertThat(earlier.status()).isEqualTo(400);
    assertThat(earlier.json().path("errors").get(0).path("field").asText()).isEqualTo("requestedDeadline");
    var malformed = as("scj-zhou").post(path, Map.of("requestedDeadline", "下个月", "reason", "需要更多时间"));
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.body()).contains("requestedDeadline");

    LocalDate requested = deadline.plusDays(14);
    var created = as("scj-zhou").post(path, Map.of("requestedDeadline", requested.toString(),
        "reason", "需等待省级系统对接<script>alert(1)</script>"));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(created.json().path("status").asText()).isEqualTo("PENDING");
    assertThat(as("scj-zhou").post(path, Map.of("requestedDeadline", requested.plusDays(1).toString(), "reason", "再延"))
        .status()).as("one pending request at a time").isEqualTo(409);

    String decide = taskId("supervisor", number, "UserTask_DecideExtension");
    assertThat(complete("supervisor", decide, Map.of("extensionDecision", "APPROVE",
        "approvedDeadline", requested.toString(), "extensionComment", "同意")).status()).isEqualTo(204);

    JsonNode moved = problem("scj-zhou", number);
    assertThat(moved.path("deadline").asText()).isEqualTo(requested.toString());
    var task = as("scj-zhou").get("/engine-rest/task?maxResults=10&processInstanceBusinessKey=" + number
        + "&taskDefinitionKey=UserTask_Rectify").json().get(0);
    assertThat(task.path("assignee").asText()).isEqualTo("scj-zhou");
    assertThat(OffsetDateTime.parse(task.path("due").asText().replaceFirst("(\\+|-)(\\d{2})(\\d{2})$", "$1$2:$3")).toInstant())
        .isEqualTo(requested.plusDays(1).atStartOfDay(BEIJING).minusSeconds(1).toInstant());
    String instance = moved.path("processInstanceId").asText();
    var overdueTimer = as("admin").get("/engine-rest/job?maxResults=10&processInstanceId=" + instance + "&activityId=BoundaryEvent_Overdue").json();
    assertThat(overdueTimer).hasSize(1);
    assertThat(overdueTimer.get(0).path("dueDate").asText()).startsWith(requested.toString());
    assertThat(as("scj-zhou").get(path).json().get(0).path("status").asText()).isEqualTo("APPROVED");
  }

  private void assign(String number, String unit, String severity, String type) {
    String review = taskId("supervisor", number, "UserTask_ReviewAndAssign");
    assertThat(complete("supervisor", review, Map.of("reviewDecision", "ASSIGN", "unitCode", unit, "severity", severity,
        "rectificationType", type)).status()).isEqualTo(204);
  }

  private JsonNode problem(String user, String number) {
    return as(user).get("/api/problems/" + number).json().path("problem");
  }

  private static int seq(String noticeNumber) {
    return Integer.parseInt(noticeNumber.replaceAll(".*〕(\\d+)号", "$1"));
  }

  /** Polls the ledger (bounded) until the asynchronous job executor has done its work. */
  private JsonNode await(String number, Predicate<JsonNode> done) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    JsonNode problem;
    do {
      problem = problem("supervisor", number);
      if (done.test(problem)) {
        return problem;
      }
      Thread.sleep(200);
    } while (System.nanoTime() < deadline);
    throw new AssertionError("the job executor did not get there within 30 s: " + problem);
  }
}
