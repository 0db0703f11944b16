package cn.zuofeng.rectification.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What the application adds to the engine for speed, checked on PostgreSQL with the rules it must keep. */
class EngineTuningIT extends ApplicationIT {

  @Autowired JdbcClient jdbc;

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
}
