package cn.zuofeng.rectification.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** 纪检/审计: who did what, when and why, for any problem, and proof that nothing was altered. */
class AuditTrailIT extends ApplicationIT {

  @Autowired JdbcClient jdbc;
  @Autowired org.camunda.bpm.engine.RuntimeService runtime;
  @Autowired org.camunda.bpm.engine.ManagementService management;

  @Test
  void trailShowsEveryStepWithThePersonTheirUnitAndTheValuesEntered() {
    String number = register("工程款拨付拖延");
    complete("supervisor", taskId("supervisor", number, "UserTask_ReviewAndAssign"), Map.of("reviewDecision", "ASSIGN",
        "unitCode", "fgw", "severity", "SERIOUS", "rectificationType", "TIME_LIMITED"));
    String rectify = taskId("fgw-zhao", number, "UserTask_Rectify");
    as("fgw-zhao").post("/engine-rest/task/" + rectify + "/claim", Map.of("userId", "fgw-zhao"));
    complete("fgw-zhao", rectify, Map.of("measures", "建立拨付台账", "result", "已拨付"));
    complete("supervisor", taskId("supervisor", number, "UserTask_AcceptRectification"),
        Map.of("acceptanceDecision", "REJECT", "rejectionReason", "请附银行回单"));
    complete("fgw-zhao", taskId("fgw-zhao", number, "UserTask_Rectify"), Map.of("measures", "建立拨付台账并附回单", "result", "已拨付"));
    complete("supervisor", taskId("supervisor", number, "UserTask_AcceptRectification"), Map.of("acceptanceDecision", "ACCEPT"));
    complete("leader", taskId("leader", number, "UserTask_ApproveCloseOut"), Map.of("closeOutDecision", "APPROVE"));

    var response = as("auditor").get("/api/problems/" + number + "/trail");
    assertThat(response.status()).isEqualTo(200);
    List<JsonNode> trail = new ArrayList<>();
    response.json().forEach(trail::add);
    assertThat(trail).extracting(e -> e.path("time").asText()).isSorted();
    assertThat(trail).anySatisfy(e -> {
      assertThat(e.path("action").asText()).isEqualTo("登记问题");
      assertThat(e.path("actorName").asText()).isEqualTo("张督查");
      assertThat(e.path("role").asText()).isEqualTo("督查组");
    });
    assertThat(trail).anySatisfy(e -> {
      assertThat(e.path("action").asText()).isEqualTo("认领任务");
      assertThat(e.path("actor").asText()).isEqualTo("fgw-zhao");
      assertThat(e.path("role").asText()).isEqualTo("市发展改革委");
      assertThat(e.path("activityId").asText()).isEqualTo("UserTask_Rectify");
    });
    assertThat(trail).anySatisfy(e -> {
      assertThat(e.path("action").asText()).isEqualTo("完成任务");
      assertThat(e.path("actor").asText()).isEqualTo("supervisor");
      assertThat(e.path("details").asText()).contains("rejectionReason = 请附银行回单");
    });
    assertThat(trail).anySatisfy(e -> {
      assertThat(e.path("action").asText()).isEqualTo("完成任务");
      assertThat(e.path("details").asText()).contains("measures = 建立拨付台账并附回单");
    });
    assertThat(trail).anySatisfy(e -> {
      assertThat(e.path("action").asText()).isEqualTo("销号");
      assertThat(e.path("actorName").asText()).isEqualTo("李组长");
      assertThat(e.path("source").asText()).isEqualTo("台账");
    });
    var ledgerSteps = trail.stream().filter(e -> e.path("source").asText().equals("台账"))
        .map(e -> e.path("action").asText()).toList();
    assertThat(ledgerSteps).containsSubsequence("登记问题", "审核交办", "签收", "提交整改", "退回整改", "提交整改", "验收通过", "销号");

    String page = as("auditor").page("/ledger/" + number + "/trail").body();
    assertThat(page).contains("追溯记录", "张督查", "督查组", "市发展改革委", "请附银行回单", "李组长");

    assertThat(as("fgw-qian").get("/api/problems/" + number + "/trail").status()).as("the unit reads its own trail").isEqualTo(200);
    assertThat(as("zjj-sun").get("/api/problems/" + number + "/trail").status()).isEqualTo(404);
  }

  @Test
  void trailOfAnExtendedSupervisedProblemShowsEveryStepWithItsPersonAndValuesInOrder() throws Exception {
    String number = register("市场主体登记窗口推诿");
    complete("supervisor", taskId("supervisor", number, "UserTask_ReviewAndAssign"), Map.of("reviewDecision", "ASSIGN",
        "unitCode", "scj", "severity", "GENERAL", "rectificationType", "IMMEDIATE"));
    String rectify = taskId("scj-zhou", number, "UserTask_Rectify");
    as("scj-zhou").post("/engine-rest/task/" + rectify + "/claim", Map.of("userId", "scj-zhou"));
    java.time.LocalDate deadline = java.time.LocalDate.parse(
        as("supervisor").get("/api/problems/" + number).json().path("problem").path("deadline").asText());
    java.time.LocalDate extended = deadline.plusDays(7);
    assertThat(as("scj-zhou").post("/api/problems/" + number + "/extension-requests", Map.of(
        "requestedDeadline", extended.toString(), "reason", "需调取三年档案")).status()).isEqualTo(201);
    complete("supervisor", taskId("supervisor", number, "UserTask_DecideExtension"), Map.of(
        "extensionDecision", "APPROVE", "approvedDeadline", extended.toString(), "extensionComment", "同意，请按期完成"));

    // the extended deadline passes: the job executor records the overdue and issues the supervision notice
    var zone = java.time.ZoneId.of("Asia/Shanghai");
    org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(
        java.util.Date.from(extended.plusDays(1).atTime(8, 0).atZone(zone).toInstant()));
    try {
      long until = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
      while (taskId("scj-zhou", number, "UserTask_AnswerSupervision") == null && System.nanoTime() < until) {
        Thread.sleep(200);
      }
      String answer = taskId("scj-zhou", number, "UserTask_AnswerSupervision");
      assertThat(answer).as("a supervision notice to answer").isNotNull();
      String committed = extended.plusDays(10).toString();
      assertThat(complete("scj-zhou", answer, Map.of("answerReasons", "档案调取周期长", "answerPlan", "专人驻档案馆",
          "committedDate", committed)).status()).isEqualTo(204);
      completed("scj-zhou", number, "UserTask_Rectify", Map.of("measures", "首问负责", "result", "已整改"));
      completed("supervisor", number, "UserTask_AcceptRectification",
          Map.of("acceptanceDecision", "REJECT", "rejectionReason", "缺少群众回访记录"));
      // sent back after the deadline: the re-entered rectification's warning and overdue timers are
      // already due; a person opens the task after the job executor has dealt with them
      awaitDueJobsDone(number);
      completed("scj-zhou", number, "UserTask_Rectify", Map.of("measures", "首问负责并回访", "result", "已整改"));
      completed("supervisor", number, "UserTask_AcceptRectification", Map.of("acceptanceDecision", "ACCEPT"));
      completed("leader", number, "UserTask_ApproveCloseOut", Map.of("closeOutDecision", "APPROVE"));

      List<JsonNode> ledger = new ArrayList<>();
      as("auditor").get("/api/problems/" + number + "/trail").json().forEach(e -> {
        if (e.path("source").asText().equals("台账")) {
          ledger.add(e);
        }
      });
      assertThat(ledger).extracting(e -> e.path("time").asText()).isSorted();
      assertThat(ledger).extracting(e -> e.path("action").asText() + " / " + e.path("actor").asText()).containsSubsequence(
          "登记问题 / supervisor", "审核交办 / supervisor", "签收 / scj-zhou", "申请延期 / scj-zhou",
          "同意延期 / supervisor", "逾期（红灯） / system", "下发督办单 / system", "书面答复督办 / scj-zhou",
          "提交整改 / scj-zhou", "退回整改 / supervisor", "提交整改 / scj-zhou", "验收通过 / supervisor",
          "销号 / leader", "督办结束 / leader");
      assertThat(detailsOf(ledger, "申请延期")).contains(extended.toString(), "需调取三年档案");
      assertThat(detailsOf(ledger, "同意延期")).contains(deadline.toString(), extended.toString(), "同意，请按期完成");
      assertThat(detailsOf(ledger, "下发督办单")).containsPattern("督办〔\\d{4}〕\\d+号").contains("scj");
      assertThat(detailsOf(ledger, "书面答复督办")).contains("档案调取周期长", "专人驻档案馆", committed);
      assertThat(detailsOf(ledger, "督办结束")).contains("问题已销号");
      assertThat(as("auditor").get("/api/audit/verify").json().path("intact").asBoolean()).isTrue();
    } finally {
      org.camunda.bpm.engine.impl.util.ClockUtil.reset();
    }
  }

  private void completed(String user, String number, String taskKey, Map<String, ?> values) {
    String task = taskId(user, number, taskKey);
    assertThat(task).as(taskKey + " for " + user).isNotNull();
    var response = complete(user, task, values);
    assertThat(response.status()).as(taskKey + ": " + response.body()).isEqualTo(204);
  }

  /** Waits (bounded) until no job of the problem's process instances is due any more. */
  private void awaitDueJobsDone(String number) throws InterruptedException {
    long until = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < until) {
      long due = runtime.createProcessInstanceQuery().processInstanceBusinessKey(number).list().stream()
          .mapToLong(instance -> management.createJobQuery().processInstanceId(instance.getId()).executable().count())
          .sum();
      if (due == 0) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("jobs of " + number + " still due after 30 s");
  }

  private static String detailsOf(List<JsonNode> trail, String action) {
    return trail.stream().filter(e -> e.path("action").asText().equals(action)).reduce((a, b) -> b).orElseThrow()
        .path("details").asText();
  }

  @Test
  void alteredOrRemovedLedgerHistoryIsNamedByTheVerification() {
    assertThat(as("supervisor").get("/api/audit/verify").status()).as("for auditors").isEqualTo(403);
    assertThat(as("auditor").page("/audit/verify").body()).contains("校验通过");
    var clean = as("auditor").get("/api/audit/verify").json();
    assertThat(clean.path("intact").asBoolean()).as(clean.toString()).isTrue();
    assertThat(clean.path("eventsChecked").asLong()).isGreaterThan(clean.path("problemsChecked").asLong());

    String number = register("台账被篡改的问题");
    complete("supervisor", taskId("supervisor", number, "UserTask_ReviewAndAssign"),
        Map.of("reviewDecision", "DISMISS", "dismissReason", "重复登记"));
    long problemId = jdbc.sql("select id from problem where number = :n").param("n", number).query(Long.class).single();
    String original = jdbc.sql("select details from problem_event where problem_id = :id and seq = 2")
        .param("id", problemId).query(String.class).single();
    try {
      // someone edits the reason in the database
      jdbc.sql("update problem_event set details = :d where problem_id = :id and seq = 2")
          .param("d", original.replace("重复登记", "领导同意")).param("id", problemId).update();
      var altered = as("auditor").get("/api/audit/verify").json();
      assertThat(altered.path("intact").asBoolean()).isFalse();
      assertThat(altered.path("problemNumber").asText()).isEqualTo(number);
      assertThat(altered.path("seq").asInt()).isEqualTo(2);
      assertThat(altered.path("reason").asText()).contains("内容被修改");
      long globalSeq = jdbc.sql("select global_seq from problem_event where problem_id = :id and seq = 2")
          .param("id", problemId).query(Long.class).single();
      assertThat(altered.path("globalSeq").asLong()).isEqualTo(globalSeq);
      assertThat(altered.path("message").asText()).contains("问题 " + number + " 第 2 条记录", "全局第 " + globalSeq + " 条");
      assertThat(as("auditor").page("/audit/verify").body()).contains("发现篡改", number);
    } finally {
      jdbc.sql("update problem_event set details = :d where problem_id = :id and seq = 2")
          .param("d", original).param("id", problemId).update();
    }

    var last = jdbc.sql("select * from problem_event where problem_id = :id and seq = 2").param("id", problemId)
        .query().singleRow();
    try {
      jdbc.sql("delete from problem_event where problem_id = :id and seq = 2").param("id", problemId).update();
      var removed = as("auditor").get("/api/audit/verify").json();
      assertThat(removed.path("intact").asBoolean()).isFalse();
      assertThat(removed.path("problemNumber").asText()).isEqualTo(number);
      assertThat(removed.path("reason").asText()).contains("末尾的记录被删除");
    } finally {
      reinsert(last);
    }
    assertThat(as("auditor").get("/api/audit/verify").json().path("intact").asBoolean()).isTrue();
  }

  @Test
  void newestEventRemovedTogetherWithTheProblemVersionIsCaughtByTheGlobalChain() {
    String number = register("末条记录被删除的问题");
    complete("supervisor", taskId("supervisor", number, "UserTask_ReviewAndAssign"),
        Map.of("reviewDecision", "DISMISS", "dismissReason", "不属于作风问题"));
    String later = register("之后登记的问题");
    long problemId = jdbc.sql("select id from problem where number = :n").param("n", number).query(Long.class).single();
    var newest = jdbc.sql("select * from problem_event where problem_id = :id and seq = 2").param("id", problemId)
        .query().singleRow();
    try {
      // the problem's own chain and its change count agree again: only the global chain shows the hole
      jdbc.sql("delete from problem_event where problem_id = :id and seq = 2").param("id", problemId).update();
      jdbc.sql("update problem set version = version - 1 where id = :id").param("id", problemId).update();
      var result = as("auditor").get("/api/audit/verify").json();
      assertThat(result.path("intact").asBoolean()).as(result.toString()).isFalse();
      assertThat(result.path("globalSeq").asLong()).isEqualTo(((Number) newest.get("global_seq")).longValue());
      assertThat(result.path("reason").asText()).contains("记录被删除");
      assertThat(as("auditor").page("/audit/verify").body()).contains("发现篡改", "全局第 " + newest.get("global_seq") + " 条");
    } finally {
      reinsert(newest);
      jdbc.sql("update problem set version = version + 1 where id = :id").param("id", problemId).update();
    }
    assertThat(as("auditor").get("/api/audit/verify").json().path("intact").asBoolean()).isTrue();

    // the newest event of all (the later problem's second): the chain head still remembers it
    complete("supervisor", taskId("supervisor", later, "UserTask_ReviewAndAssign"),
        Map.of("reviewDecision", "DISMISS", "dismissReason", "重复登记"));
    var head = jdbc.sql("select * from problem_event where global_seq = (select max(global_seq) from problem_event)")
        .query().singleRow();
    long headProblem = ((Number) head.get("problem_id")).longValue();
    try {
      jdbc.sql("delete from problem_event where id = :id").param("id", head.get("id")).update();
      jdbc.sql("update problem set version = version - 1 where id = :id").param("id", headProblem).update();
      var result = as("auditor").get("/api/audit/verify").json();
      assertThat(result.path("intact").asBoolean()).isFalse();
      assertThat(result.path("reason").asText()).contains("链头", "末尾的记录被删除");
    } finally {
      reinsert(head);
      jdbc.sql("update problem set version = version + 1 where id = :id").param("id", headProblem).update();
    }
    assertThat(as("auditor").get("/api/audit/verify").json().path("intact").asBoolean()).isTrue();
  }

  @Test
  void forgedEventWithValidHashesIsCaught() {
    String number = register("被补写记录的问题");
    long problemId = jdbc.sql("select id from problem where number = :n").param("n", number).query(Long.class).single();
    var first = jdbc.sql("select hash from problem_event where problem_id = :id and seq = 1").param("id", problemId)
        .query(String.class).single();
    var tail = jdbc.sql("select global_seq, global_hash from problem_event order by global_seq desc limit 1")
        .query((rs, i) -> new Object[] {rs.getLong(1), rs.getString(2)}).single();
    // a forger who knows the hash rules: a plausible row, both hashes recomputed, the version bumped
    var at = java.time.OffsetDateTime.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    String details = "{\"dismissReason\":\"领导同意\"}";
    var forged = new cn.zuofeng.rectification.ledger.ProblemEventLog.Event(2, at, "supervisor", "DISMISSED",
        "UserTask_ReviewAndAssign", details, first, null);
    String hash = cn.zuofeng.rectification.ledger.ProblemEventLog.hashOf(number, forged);
    long globalSeq = (Long) tail[0] + 1;
    try {
      jdbc.sql("""
              insert into problem_event (problem_id, seq, occurred_at, actor, type, activity_id, details, prev_hash, hash,
                                         global_seq, global_prev_hash, global_hash)
              values (:problemId, 2, :at, 'supervisor', 'DISMISSED', 'UserTask_ReviewAndAssign', :details, :prev, :hash,
                      :globalSeq, :globalPrev, :globalHash)""")
          .param("problemId", problemId).param("at", at).param("details", details).param("prev", first)
          .param("hash", hash).param("globalSeq", globalSeq).param("globalPrev", tail[1])
          .param("globalHash", cn.zuofeng.rectification.ledger.GlobalEventChain.link((String) tail[1], globalSeq, hash))
          .update();
      jdbc.sql("update problem set version = version + 1 where id = :id").param("id", problemId).update();
      var result = as("auditor").get("/api/audit/verify").json();
      assertThat(result.path("intact").asBoolean()).as(result.toString()).isFalse();
      assertThat(result.path("globalSeq").asLong()).isEqualTo(globalSeq);
      assertThat(result.path("reason").asText()).contains("链头", "补写");
    } finally {
      jdbc.sql("delete from problem_event where problem_id = :id and seq = 2").param("id", problemId).update();
      jdbc.sql("update problem set version = version - 1 where id = :id").param("id", problemId).update();
    }
    assertThat(as("auditor").get("/api/audit/verify").json().path("intact").asBoolean()).isTrue();
  }

  @Test
  void concurrentRegistrationsKeepTheGlobalChainUnbroken() throws Exception {
    long before = jdbc.sql("select count(*) from problem_event").query(Long.class).single();
    int threads = 8;
    int each = 20;
    var pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
    try {
      var futures = new ArrayList<java.util.concurrent.Future<List<Integer>>>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        futures.add(pool.submit(() -> {
          Http supervisor = as("supervisor");
          List<Integer> statuses = new ArrayList<>();
          for (int i = 0; i < each; i++) {
            statuses.add(supervisor.post("/api/problems", problem("并发登记 " + thread + "-" + i)).status());
          }
          return statuses;
        }));
      }
      for (var future : futures) {
        assertThat(future.get(5, java.util.concurrent.TimeUnit.MINUTES)).containsOnly(201);
      }
    } finally {
      pool.shutdownNow();
    }
    var chain = jdbc.sql("select count(*), max(global_seq), min(global_seq) from problem_event")
        .query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)}).single();
    assertThat(chain[0]).isGreaterThanOrEqualTo(before + threads * each);
    assertThat(chain[1] - chain[2] + 1).as("global numbers without a gap").isEqualTo(chain[0]);
    var result = as("auditor").get("/api/audit/verify").json();
    assertThat(result.path("intact").asBoolean()).as(result.toString()).isTrue();
    assertThat(result.path("headSeq").asLong()).isEqualTo(chain[1]);
  }

  private void reinsert(Map<String, Object> row) {
    jdbc.sql("""
            insert into problem_event (id, problem_id, seq, occurred_at, actor, type, activity_id, details, prev_hash, hash,
                                       global_seq, global_prev_hash, global_hash)
            values (:id, :problemId, :seq, :at, :actor, :type, :activity, :details, :prev, :hash,
                    :globalSeq, :globalPrev, :globalHash)""")
        .param("id", row.get("id")).param("problemId", row.get("problem_id")).param("seq", row.get("seq"))
        .param("at", row.get("occurred_at")).param("actor", row.get("actor")).param("type", row.get("type"))
        .param("activity", row.get("activity_id")).param("details", row.get("details"))
        .param("prev", row.get("prev_hash")).param("hash", row.get("hash")).param("globalSeq", row.get("global_seq"))
        .param("globalPrev", row.get("global_prev_hash")).param("globalHash", row.get("global_hash")).update();
  }
}
