package cn.zuofeng.rectification.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every role against every endpoint family, over HTTP on the running application: what each may
 * do, what is refused, and that refusals leak nothing (counts, lists, error texts).
 */
class SecurityMatrixIT extends ApplicationIT {

  @org.springframework.beans.factory.annotation.Autowired cn.zuofeng.rectification.notice.Notices notices;

  static final String ANONYMOUS = "anonymous";
  static final List<String> ROLES = List.of(ANONYMOUS, "fgw-zhao", "zjj-sun", "supervisor", "leader", "auditor", "admin");

  /** One request by one role and what must come back. */
  record Case(String role, String method, String path, Object body, Set<Integer> expected, Consumer<Http.Response> check) {

    boolean allowed() {
      return expected.stream().allMatch(s -> s < 400);
    }

    @Override
    public String toString() {
      return role + " " + method + " " + path.replaceAll("[0-9a-f]{8}-[0-9a-f-]{27}", "{id}") + " → " + expected;
    }
  }

  @TestFactory
  Stream<DynamicTest> everyRoleMeetsEveryEndpointFamily() {
    // a problem of unit fgw, waiting for rectification
    String number = register("乱摊派乱收费");
    String review = taskId("supervisor", number, "UserTask_ReviewAndAssign");
    assertThat(complete("supervisor", review, Map.of("reviewDecision", "ASSIGN", "unitCode", "fgw", "severity", "MAJOR",
        "rectificationType", "TIME_LIMITED", "deadline", TODAY.plusDays(15).toString())).status()).isEqualTo(204);
    String task = taskId("fgw-zhao", number, "UserTask_Rectify");
    String instance = as("supervisor").get("/api/problems/" + number).json().path("problem").path("processInstanceId").asText();
    String operation = as("admin").get("/engine-rest/history/user-operation?maxResults=1&processInstanceId=" + instance)
        .json().get(0).path("operationId").asText();

    // notices: one for unit A (fgw)
    String noticeKey = "OVERDUE:" + number + ":matrix";
    notices.publish(new cn.zuofeng.rectification.notice.NoticeDraft(noticeKey, cn.zuofeng.rectification.notice.NoticeKind.OVERDUE,
        number, "unit-fgw", "问题 " + number + " 已逾期", "请抓紧整改"));
    long noticeId = java.util.stream.StreamSupport.stream(as("fgw-zhao").get("/api/notices?size=100").json().path("items").spliterator(), false)
        .filter(n -> n.path("key").asText().equals(noticeKey)).findFirst().orElseThrow().path("id").asLong();

    List<Case> cases = new ArrayList<>();
    for (String role : ROLES) {
      boolean anonymous = role.equals(ANONYMOUS);
      boolean unitA = role.equals("fgw-zhao");
      boolean unitB = role.equals("zjj-sun");
      boolean unit = unitA || unitB;
      boolean admin = role.equals("admin");
      Set<Integer> denied = anonymous ? Set.of(401) : Set.of(403);
      Set<Integer> hidden = anonymous ? Set.of(401) : Set.of(403, 404);

      // the ledger API
      cases.add(new Case(role, "GET", "/api/problems?size=5", null, anonymous ? Set.of(401) : Set.of(200), null));
      cases.add(new Case(role, "POST", "/api/problems", problem("矩阵测试登记"),
          role.equals("supervisor") || admin ? Set.of(201) : denied, null));
      cases.add(new Case(role, "GET", "/api/problems/" + number, null,
          anonymous ? Set.of(401) : unitB ? Set.of(404) : Set.of(200), null));
      // trail exports: whoever may read the trail; a unit exports only its own unit's problems
      cases.add(new Case(role, "GET", "/api/problems/" + number + "/trail.xlsx", null,
          anonymous ? Set.of(401) : unitB ? Set.of(404) : Set.of(200), null));
      cases.add(new Case(role, "GET", "/api/problems/trails.xlsx?unit=fgw&state=RECTIFYING", null,
          anonymous ? Set.of(401) : Set.of(200), null));
      cases.add(new Case(role, "GET", "/api/units", null, anonymous ? Set.of(401) : Set.of(200), null));
      cases.add(new Case(role, "POST", "/api/units", Map.of("code", "t" + Math.abs(role.hashCode() % 1000), "name", "测试单位"),
          admin ? Set.of(201) : denied, null));

      // 工作日历: everyone reads it, administrators change it (the admin's day is removed again at once)
      cases.add(new Case(role, "GET", "/api/calendar", null, anonymous ? Set.of(401) : Set.of(200), null));
      cases.add(new Case(role, "PUT", "/api/calendar/days/2099-01-05", Map.of("working", false, "name", "矩阵测试"),
          admin ? Set.of(200) : denied, null));
      cases.add(new Case(role, "DELETE", "/api/calendar/days/2099-01-05", null, admin ? Set.of(204) : denied, null));

      // 整改统计: everyone signed in; a unit member only their own unit, and no other unit on request
      cases.add(new Case(role, "GET", "/api/statistics", null, anonymous ? Set.of(401) : Set.of(200),
          anonymous ? null : unit ? r -> assertThat(texts(r.json().path("units"), "unitCode")).containsExactly(unitA ? "fgw" : "zjj")
              : r -> assertThat(texts(r.json().path("units"), "unitCode")).contains("fgw", "zjj", "null")));
      cases.add(new Case(role, "GET", "/api/statistics?unit=fgw", null,
          anonymous ? Set.of(401) : unitB ? Set.of(403) : Set.of(200),
          unitB ? r -> assertThat(r.json().path("detail").asText()).isEqualTo("只能查看本单位的整改统计") : null));

      // 延期申请 and 督办单: only the responsible unit asks for more time; readers read
      if (!unitA) {
        cases.add(new Case(role, "POST", "/api/problems/" + number + "/extension-requests",
            Map.of("requestedDeadline", TODAY.plusDays(40).toString(), "reason", "越权申请"),
            anonymous ? Set.of(401) : unitB ? Set.of(404) : Set.of(403), null));
      }
      cases.add(new Case(role, "GET", "/api/problems/" + number + "/extension-requests", null,
          anonymous ? Set.of(401) : unitB ? Set.of(404) : Set.of(200), null));
      cases.add(new Case(role, "GET", "/api/problems/" + number + "/supervision-notices", null,
          anonymous ? Set.of(401) : unitB ? Set.of(404) : Set.of(200), null));

      // tasks: only unit A sees and works its task; nobody else claims, completes or annotates it
      cases.add(new Case(role, "GET", "/engine-rest/task/" + task, null,
          anonymous ? Set.of(401) : unitB ? Set.of(404) : Set.of(200), null));
      cases.add(new Case(role, "GET", "/engine-rest/task/count?processInstanceBusinessKey=" + number, null,
          anonymous ? Set.of(401) : Set.of(200),
          anonymous ? null : r -> assertThat(r.json().path("count").asInt()).isEqualTo(unitB ? 0 : 1)));
      cases.add(new Case(role, "GET", "/engine-rest/task/" + task + "/variables", null,
          anonymous ? Set.of(401) : unitB ? Set.of(403, 404) : Set.of(200), null));
      // (camunda-admin holds every permission by design and is left out of the work checks)
      if (!unitA && !admin) {
        cases.add(new Case(role, "POST", "/engine-rest/task/" + task + "/claim", Map.of("userId", role), hidden, null));
        cases.add(new Case(role, "POST", "/engine-rest/task/" + task + "/complete", Map.of(), hidden, null));
        cases.add(new Case(role, "POST", "/engine-rest/task/" + task + "/comment/create", Map.of("message", "越权意见"), hidden, null));
        cases.add(new Case(role, "PUT", "/engine-rest/task/" + task + "/variables/measures", Map.of("value", "篡改"), hidden, null));
      }

      // process instances and history: readers read, nobody but admin changes
      cases.add(new Case(role, "GET", "/engine-rest/process-instance/" + instance, null,
          anonymous ? Set.of(401) : unit ? Set.of(403, 404) : Set.of(200), null));
      cases.add(new Case(role, "GET", "/engine-rest/history/process-instance?maxResults=10&processInstanceId=" + instance, null,
          anonymous ? Set.of(401) : Set.of(200),
          anonymous ? null : r -> assertThat(r.json().size()).isEqualTo(unit ? 0 : 1)));
      cases.add(new Case(role, "GET", "/engine-rest/history/activity-instance?maxResults=50&processInstanceId=" + instance, null,
          anonymous ? Set.of(401) : Set.of(200),
          anonymous ? null : r -> assertThat(r.json().isEmpty()).isEqualTo(unit)));
      if (!admin) {
        cases.add(new Case(role, "POST", "/engine-rest/process-instance/" + instance + "/variables",
            Map.of("modifications", Map.of("x", Map.of("value", 1))), hidden, null));
        cases.add(new Case(role, "PUT", "/engine-rest/process-instance/" + instance + "/suspended",
            Map.of("suspended", true), hidden, null));
        cases.add(new Case(role, "DELETE", "/engine-rest/process-instance/" + instance, null, hidden, null));
        cases.add(new Case(role, "PUT", "/engine-rest/history/user-operation/" + operation + "/set-annotation",
            Map.of("annotation", "篡改说明"), hidden, null));
      }

      // deployments, authorizations, users: administrators only
      cases.add(new Case(role, "GET", "/engine-rest/deployment?maxResults=10", null, anonymous ? Set.of(401) : Set.of(200),
          anonymous ? null : r -> assertThat(r.json().isEmpty()).isEqualTo(unit)));
      if (!admin) {
        cases.add(new Case(role, "POST", "/engine-rest/authorization/create",
            Map.of("type", 1, "permissions", List.of("ALL"), "userId", role, "resourceType", 8, "resourceId", "*"), denied, null));
        cases.add(new Case(role, "POST", "/engine-rest/user/create",
            Map.of("profile", Map.of("id", "intruder"), "credentials", Map.of("password", "Qx7#mLp2Vw9z")), denied, null));
        cases.add(new Case(role, "POST", "/engine-rest/filter/create",
            Map.of("resourceType", "Task", "name", "越权过滤器", "query", Map.of()), denied, null));
        cases.add(new Case(role, "PUT", "/engine-rest/group/supervisors/members/" + role, null, denied, null));
      }
      cases.add(new Case(role, "GET", "/engine-rest/authorization?maxResults=100", null, anonymous ? Set.of(401) : Set.of(200),
          admin || anonymous ? null : r -> assertThat(r.body()).doesNotContain("\"groupId\":\"camunda-admin\"")));

      // notices: each user reads and marks only notices addressed to them or their groups
      cases.add(new Case(role, "GET", "/api/notices?size=100", null, anonymous ? Set.of(401) : Set.of(200),
          anonymous ? null : r -> assertThat(r.body().contains(noticeKey)).isEqualTo(unitA)));
      cases.add(new Case(role, "POST", "/api/notices/" + noticeId + "/read", null,
          anonymous ? Set.of(401) : unitA ? Set.of(200) : Set.of(404), null));
      cases.add(new Case(role, "GET", "/api/notices/deliveries", null, admin ? Set.of(200) : denied, null));

      // hardening of ad-hoc queries
      if (!anonymous) {
        cases.add(new Case(role, "POST", "/engine-rest/task?maxResults=10",
            Map.of("orQueries", List.of(Map.of("assigneeExpression", "${''.getClass()}"))), Set.of(400), null));
        cases.add(new Case(role, "GET", "/engine-rest/task?maxResults=10&assigneeExpression=%24%7BcurrentUser()%7D", null, Set.of(400), null));
        cases.add(new Case(role, "GET", "/engine-rest/task?maxResults=5000", null, Set.of(400), null));
      }
    }

    org.slf4j.LoggerFactory.getLogger(SecurityMatrixIT.class).info("security matrix: {} cases, {} allowed, {} denied",
        cases.size(), cases.stream().filter(Case::allowed).count(), cases.stream().filter(c -> !c.allowed()).count());
    return cases.stream().map(c -> dynamicTest(c.toString(), () -> {
      Http client = c.role().equals(ANONYMOUS) ? Http.anonymous(port) : as(c.role());
      Http.Response response = client.send(c.method(), c.path(), c.body());
      assertThat(response.status()).as("%s: %s", c, response.body()).isIn(c.expected());
      assertThat(response.body()).as("no stack trace to clients").doesNotContain("\tat ", ".java:");
      if (c.check() != null) {
        c.check().accept(response);
      }
    }));
  }
}
