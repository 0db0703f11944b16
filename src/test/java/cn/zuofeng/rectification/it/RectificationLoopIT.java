package cn.zuofeng.rectification.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The closed loop driven over HTTP through /api and /engine-rest on PostgreSQL, user by user. */
class RectificationLoopIT extends ApplicationIT {

  @Test
  void problemRunsTheWholeLoopOverHttp() {
    var created = as("supervisor").post("/api/problems", problem("办事窗口午休无人值守"));
    assertThat(created.status()).isEqualTo(201);
    String number = created.json().path("number").asText();
    assertThat(number).matches("WT-\\d{4}-\\d{6}");
    assertThat(created.raw().headers().firstValue("Location")).hasValue("/api/problems/" + number);
    assertThat(created.json().path("stateLabel").asText()).isEqualTo("待审核");

    // 审核交办: Tasklist loads its Chinese form; a missing unit is refused with the field named
    String review = taskId("supervisor", number, "UserTask_ReviewAndAssign");
    var reviewForm = as("supervisor").get("/engine-rest/task/" + review + "/deployed-form");
    assertThat(reviewForm.status()).isEqualTo(200);
    assertThat(reviewForm.json().path("id").asText()).isEqualTo("review-and-assign");
    assertThat(reviewForm.body()).contains("审核结论", "责任单位", "整改时限");
    var missingUnit = complete("supervisor", review, Map.of("reviewDecision", "ASSIGN", "severity", "GENERAL",
        "rectificationType", "TIME_LIMITED", "deadline", TODAY.plusDays(10).toString()));
    assertThat(missingUnit.status()).isEqualTo(400);
    assertThat(missingUnit.json().path("message").asText()).contains("请填写责任单位");
    assertThat(complete("supervisor", review, Map.of("reviewDecision", "ASSIGN", "unitCode", "fgw", "severity", "GENERAL",
        "rectificationType", "TIME_LIMITED", "deadline", TODAY.plusDays(10).toString())).status()).isEqualTo(204);

    // 整改: only unit fgw sees and works the task; it is due at the deadline
    String rectify = taskId("fgw-zhao", number, "UserTask_Rectify");
    assertThat(rectify).isNotNull();
    var rectifyForm = as("fgw-zhao").get("/engine-rest/task/" + rectify + "/deployed-form");
    assertThat(rectifyForm.status()).as("the embedded evidence form is deployed with the process: %s", rectifyForm.body()).isEqualTo(200);
    assertThat(rectifyForm.body()).contains("整改措施", "cam-variable-type=\"File\"");
    assertThat(as("fgw-zhao").get("/engine-rest/task/" + rectify).json().path("due").asText())
        .startsWith(TODAY.plusDays(10).toString() + "T15:59:59");
    assertThat(taskId("zjj-sun", number, "UserTask_Rectify")).as("unit zjj does not see unit fgw's task").isNull();
    assertThat(as("zjj-sun").post("/engine-rest/task/" + rectify + "/claim", Map.of("userId", "zjj-sun")).status()).isEqualTo(403);
    assertThat(as("fgw-zhao").post("/engine-rest/task/" + rectify + "/claim", Map.of("userId", "fgw-zhao")).status()).isEqualTo(204);
    var evidence = Map.of("type", "File",
        "value", Base64.getEncoder().encodeToString("%PDF-1.4 整改报告".getBytes(StandardCharsets.UTF_8)),
        "valueInfo", Map.of("filename", "整改报告.pdf", "mimetype", "application/pdf"));
    assertThat(complete("fgw-zhao", rectify, Map.of("measures", "增设午间轮岗", "result", "已实行弹性午休",
        "evidence1", evidence)).status()).isEqualTo(204);

    // 验收: rejected back with a reason the unit then reads on its task
    String acceptance = taskId("supervisor", number, "UserTask_AcceptRectification");
    assertThat(complete("supervisor", acceptance, Map.of("acceptanceDecision", "REJECT", "rejectionReason", "请附排班表")).status())
        .isEqualTo(204);
    String again = taskId("fgw-zhao", number, "UserTask_Rectify");
    assertThat(as("fgw-zhao").get("/engine-rest/task/" + again + "/variables/lastRejectionReason").json().path("value").asText())
        .isEqualTo("请附排班表");
    assertThat(complete("fgw-zhao", again, Map.of("measures", "增设午间轮岗并公示排班表", "result", "已公示")).status()).isEqualTo(204);
    assertThat(complete("supervisor", taskId("supervisor", number, "UserTask_AcceptRectification"),
        Map.of("acceptanceDecision", "ACCEPT")).status()).isEqualTo(204);

    // an auditor reads everything and changes nothing
    String runningInstance = as("supervisor").get("/api/problems/" + number).json().path("problem").path("processInstanceId").asText();
    assertThat(as("auditor").get("/engine-rest/process-instance/" + runningInstance).status()).isEqualTo(200);
    assertThat(as("auditor").post("/engine-rest/process-instance/" + runningInstance + "/variables",
        Map.of("modifications", Map.of("x", Map.of("value", 1)))).status()).isEqualTo(403);
    String closeOut = taskId("leader", number, "UserTask_ApproveCloseOut");
    assertThat(complete("auditor", closeOut, Map.of("closeOutDecision", "APPROVE")).status()).isEqualTo(403);

    // 销号: only a leader approves
    assertThat(complete("supervisor", closeOut, Map.of("closeOutDecision", "APPROVE")).status()).isEqualTo(403);
    assertThat(complete("leader", closeOut, Map.of("closeOutDecision", "APPROVE")).status()).isEqualTo(204);

    var closed = as("supervisor").get("/api/problems/" + number).json();
    assertThat(closed.path("problem").path("state").asText()).isEqualTo("CLOSED");
    assertThat(closed.path("problem").path("stateLabel").asText()).isEqualTo("已销号");
    assertThat(closed.path("problem").path("closedAt").isTextual()).isTrue();
    assertThat(closed.path("problem").path("rejectionCount").asInt()).isEqualTo(1);
    assertThat(closed.path("problem").path("owner").asText()).isEqualTo("fgw-zhao");
    assertThat(texts(closed.path("evidence"), "fileName")).containsExactly("整改报告.pdf");
    assertThat(closed.path("problem").path("unitName").asText()).isEqualTo("市发展改革委");
    String page = as("supervisor").page("/ledger/" + number).body();
    assertThat(page).contains("已销号", "市发展改革委", "整改报告.pdf", "请附排班表")
        .contains(closed.path("problem").path("closedAt").asText().substring(0, 10));
    var evidenceId = closed.path("evidence").get(0).path("id").asLong();
    var download = as("fgw-zhao").get("/ledger/" + number + "/evidence/" + evidenceId);
    assertThat(download.status()).isEqualTo(200);
    assertThat(download.raw().headers().firstValue("Content-Disposition")).hasValueSatisfying(v -> assertThat(v).startsWith("attachment"));
    assertThat(download.body()).startsWith("%PDF-1.4");
    assertThat(as("zjj-sun").get("/ledger/" + number + "/evidence/" + evidenceId).status()).isEqualTo(404);

    // the auditor traces the whole history
    String instanceId = closed.path("problem").path("processInstanceId").asText();
    var activities = as("auditor").get("/engine-rest/history/activity-instance?maxResults=100&sortBy=startTime&sortOrder=asc"
        + "&processInstanceId=" + instanceId).json();
    assertThat(texts(activities, "activityId")).containsSubsequence("StartEvent_ProblemRegistered",
        "UserTask_ReviewAndAssign", "UserTask_Rectify", "UserTask_AcceptRectification", "UserTask_Rectify",
        "UserTask_AcceptRectification", "UserTask_ApproveCloseOut", "EndEvent_ClosedOut");
    assertThat(as("auditor").get("/api/problems/" + number).status()).isEqualTo(200);
  }

  @Test
  void tasklistStartFormRegistersTheProblemAndRefusesMissingFields() {
    long before = as("supervisor").get("/api/problems?size=1").json().path("total").asLong();
    var startForm = as("supervisor").get("/engine-rest/process-definition/key/problem-rectification/deployed-start-form");
    assertThat(startForm.status()).isEqualTo(200);
    assertThat(startForm.body()).contains("problem-register", "问题标题", "发现日期");
    Map<String, Object> variables = new java.util.HashMap<>();
    problem("通过 Tasklist 登记的问题").forEach((k, v) -> variables.put(k, Map.of("value", v)));
    var started = as("supervisor").post("/engine-rest/process-definition/key/problem-rectification/submit-form",
        Map.of("variables", variables));
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    String number = started.json().path("businessKey").asText();
    assertThat(number).matches("WT-\\d{4}-\\d{6}");
    assertThat(as("supervisor").get("/api/problems/" + number).json().path("problem").path("title").asText())
        .isEqualTo("通过 Tasklist 登记的问题");

    variables.remove("title");
    var refused = as("supervisor").post("/engine-rest/process-definition/key/problem-rectification/submit-form",
        Map.of("variables", variables));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().path("message").asText()).contains("请填写问题标题");
    assertThat(as("supervisor").get("/api/problems?size=1").json().path("total").asLong())
        .as("only the valid registration was saved").isEqualTo(before + 1);
    assertThat(as("fgw-zhao").post("/engine-rest/process-definition/key/problem-rectification/submit-form",
        Map.of("variables", variables)).status()).as("units do not register").isEqualTo(403);
  }
}
