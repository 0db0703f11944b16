package cn.zuofeng.rectification.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The real job executor on PostgreSQL fires the warning and overdue timers of 落实整改 when their
 * working-day dates come (the test moves the engine clock of the running application).
 */
class DeadlineTimersIT extends ApplicationIT {

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void jobExecutorRecordsTheWarningAndTheOverdueWhenTheirDatesCome() throws InterruptedException {
    String number = register("督办件超期未办结");
    String review = taskId("supervisor", number, "UserTask_ReviewAndAssign");
    assertThat(complete("supervisor", review, Map.of("reviewDecision", "ASSIGN", "unitCode", "scj", "severity", "GENERAL",
        "rectificationType", "IMMEDIATE")).status()).as("no deadline: the policy proposes it").isEqualTo(204);

    var assigned = as("supervisor").get("/api/problems/" + number).json().path("problem");
    LocalDate deadline = LocalDate.parse(assigned.path("deadline").asText());
    LocalDate warningDate = LocalDate.parse(assigned.path("warningDate").asText());
    assertThat(deadline).isAfter(TODAY);
    assertThat(warningDate).isBefore(deadline);
    assertThat(assigned.path("light").asText()).isIn("GREEN", "YELLOW");

    ClockUtil.setCurrentTime(Date.from(deadline.plusDays(1).atTime(8, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant()));
    var overdue = awaitProblem(number, p -> !p.path("overdueAt").isMissingNode() && !p.path("overdueAt").isNull()
        && !p.path("warnedAt").isMissingNode());
    assertThat(overdue.path("light").asText()).isEqualTo("RED");
    assertThat(overdue.path("lightLabel").asText()).isEqualTo("红灯");
    assertThat(overdue.path("overdue").asBoolean()).isTrue();
    String instance = overdue.path("processInstanceId").asText();
    assertThat(as("supervisor").get("/engine-rest/process-instance/" + instance + "/variables/light").json()
        .path("value").asText()).isEqualTo("RED");
    assertThat(as("supervisor").get("/engine-rest/incident/count?processInstanceId=" + instance).json()
        .path("count").asInt()).as("no incident").isZero();
    assertThat(texts(as("auditor").get("/engine-rest/history/activity-instance?maxResults=50&processInstanceId=" + instance)
        .json(), "activityId")).contains("ServiceTask_RecordWarning", "ServiceTask_RecordOverdue");
  }

  /** Polls the ledger (bounded) until the asynchronous job executor has done its work. */
  private com.fasterxml.jackson.databind.JsonNode awaitProblem(String number,
      java.util.function.Predicate<com.fasterxml.jackson.databind.JsonNode> done) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    com.fasterxml.jackson.databind.JsonNode problem;
    do {
      problem = as("supervisor").get("/api/problems/" + number).json().path("problem");
      if (done.test(problem)) {
        return problem;
      }
      Thread.sleep(200);
    } while (System.nanoTime() < deadline);
    throw new AssertionError("the timers did not fire within 30 s: " + problem);
  }
}
