package cn.zuofeng.rectification.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What the application adds to the engine for speed, checked on PostgreSQL with the rules it must keep. */
class EngineTuningIT extends ApplicationIT {

  @Autowired JdbcClient jdbc;
  @Autowired RuntimeService runtime;
  @Autowired HistoryService history;

  @Test
  void subtaskLookupsOfCompletedTasksUseAnIndex() {
    assertThat(jdbc.sql("select indexdef from pg_indexes where tablename = 'act_ru_task' and indexname = 'app_idx_task_parent'")
        .query(String.class).list()).singleElement().asString().containsIgnoringCase("parent_task_id_");
  }

  @Test
  void groupsWithoutAuthorizationsStillSeeNothingAndUnitsStillSeeTheirOwn() {
    String number = register("授权检查不再扫描全表");
    complete("supervisor", taskId("supervisor", number, "UserTask_ReviewAndAssign"), Map.of("reviewDecision", "ASSIGN",
        "unitCode", "fgw", "severity", "GENERAL", "rectificationType", "TIME_LIMITED"));
    assertThat(taskId("fgw-zhao", number, "UserTask_Rectify")).as("the unit's own task").isNotNull();
    assertThat(taskId("zjj-sun", number, "UserTask_Rectify")).as("another unit's").isNull();
    assertThat(as("zjj-sun").post("/engine-rest/task/" + taskId("fgw-zhao", number, "UserTask_Rectify") + "/claim",
        Map.of("userId", "zjj-sun")).status()).isIn(403, 404);
  }

  @Test
  void jobsAreTakenByDueDateThroughAnIndexAndJobsWithoutADueDateOfTheirOwnStillRun() throws InterruptedException {
    assertThat(jdbc.sql("select indexdef from pg_indexes where tablename = 'act_ru_job' and indexname = 'app_idx_job_duedate'")
        .query(String.class).list()).singleElement().asString().containsIgnoringCase("duedate_");

    // a batch (as Cockpit starts them) runs as message jobs, which have no due date of their own
    String number = register("按到期时间取作业");
    String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(number).singleResult().getId();
    Date removal = Date.from(Instant.parse("2099-01-01T00:00:00Z"));
    history.setRemovalTimeToHistoricProcessInstances().absoluteRemovalTime(removal).byIds(instance).executeAsync();
    assertThat(jdbc.sql("select count(*) from act_ru_job where duedate_ is null").query(Long.class).single())
        .as("jobs the due-date acquisition could not find").isZero();

    long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!removal.equals(history.createHistoricProcessInstanceQuery().processInstanceId(instance).singleResult().getRemovalTime())) {
      assertThat(System.nanoTime()).as("the batch's jobs ran within 30 s").isLessThan(until);
      Thread.sleep(100);
    }
  }
}
