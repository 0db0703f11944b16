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
      jdbc.sql("""
              insert into problem_event (id, problem_id, seq, occurred_at, actor, type, activity_id, details, prev_hash, hash)
              values (:id, :problemId, :seq, :at, :actor, :type, :activity, :details, :prev, :hash)""")
          .param("id", last.get("id")).param("problemId", problemId).param("seq", last.get("seq"))
          .param("at", last.get("occurred_at")).param("actor", last.get("actor")).param("type", last.get("type"))
          .param("activity", last.get("activity_id")).param("details", last.get("details"))
          .param("prev", last.get("prev_hash")).param("hash", last.get("hash")).update();
    }
    assertThat(as("auditor").get("/api/audit/verify").json().path("intact").asBoolean()).isTrue();
  }
}
