package cn.zuofeng.rectification.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The shared Tasklist filters: each group sees the filters meant for it, each filter only allowed tasks. */
class TasklistFiltersIT extends ApplicationIT {

  private String filterId(String user, String name) {
    for (var filter : as(user).get("/engine-rest/filter?resourceType=Task&maxResults=50").json()) {
      if (filter.path("name").asText().equals(name)) {
        return filter.path("id").asText();
      }
    }
    return null;
  }

  @Test
  void everyGroupSeesItsOwnFilters() {
    assertThat(texts(as("fgw-zhao").get("/engine-rest/filter?resourceType=Task&maxResults=50").json(), "name"))
        .contains("我的待办", "本单位待认领", "即将到期", "已逾期", "督办待答复")
        .doesNotContain("待验收", "待销号审批", "待审批延期", "待约谈", "问责审查");
    assertThat(texts(as("supervisor").get("/engine-rest/filter?resourceType=Task&maxResults=50").json(), "name"))
        .contains("我的待办", "即将到期", "已逾期", "待验收", "待审批延期", "督办待答复")
        .doesNotContain("本单位待认领", "待销号审批", "待约谈", "问责审查");
    assertThat(texts(as("leader").get("/engine-rest/filter?resourceType=Task&maxResults=50").json(), "name"))
        .contains("我的待办", "已逾期", "待销号审批", "待约谈").doesNotContain("本单位待认领", "待验收", "待审批延期");
    assertThat(texts(as("auditor").get("/engine-rest/filter?resourceType=Task&maxResults=50").json(), "name"))
        .containsExactly("问责审查");
    assertThat(as("fgw-zhao").post("/engine-rest/filter/create", Map.of("resourceType", "Task", "name", "私建过滤器",
        "query", Map.of())).status()).as("only administrators create shared filters").isEqualTo(403);
  }

  @Test
  void theUnitFilterListsOnlyTheUnitsUnclaimedTasksNamedAfterTheProblem() {
    String number = register("证照办理要求重复提交材料");
    assertThat(complete("supervisor", taskId("supervisor", number, "UserTask_ReviewAndAssign"), Map.of(
        "reviewDecision", "ASSIGN", "unitCode", "fgw", "severity", "GENERAL", "rectificationType", "TIME_LIMITED")).status())
        .isEqualTo(204);

    var fgw = as("fgw-qian").post("/engine-rest/filter/" + filterId("fgw-qian", "本单位待认领") + "/list?maxResults=50", Map.of()).json();
    assertThat(texts(fgw, "name")).contains("落实整改：证照办理要求重复提交材料");
    assertThat(texts(fgw, "taskDefinitionKey")).containsOnly("UserTask_Rectify");
    var zjj = as("zjj-sun").post("/engine-rest/filter/" + filterId("zjj-sun", "本单位待认领") + "/list?maxResults=50", Map.of()).json();
    assertThat(texts(zjj, "name")).doesNotContain("落实整改：证照办理要求重复提交材料");

    String task = taskId("fgw-qian", number, "UserTask_Rectify");
    assertThat(as("fgw-qian").get("/engine-rest/task/" + task).json().path("description").asText())
        .isEqualTo("群众反映：证照办理要求重复提交材料");
    as("fgw-qian").post("/engine-rest/task/" + task + "/claim", Map.of("userId", "fgw-qian"));
    var mine = as("fgw-qian").post("/engine-rest/filter/" + filterId("fgw-qian", "我的待办") + "/list?maxResults=50", Map.of()).json();
    assertThat(texts(mine, "id")).contains(task);
    var unclaimed = as("fgw-qian").post("/engine-rest/filter/" + filterId("fgw-qian", "本单位待认领") + "/list?maxResults=50", Map.of()).json();
    assertThat(texts(unclaimed, "id")).as("claimed tasks leave the unit's queue").doesNotContain(task);
  }
}
