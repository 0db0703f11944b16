package cn.zuofeng.rectification.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The ledger API, the login and the webapps over HTTP on PostgreSQL, with the demo data. */
class LedgerApiIT extends ApplicationIT {

  @Test
  void demoDataCoversEveryStateOnPostgres() {
    var all = as("supervisor").get("/api/problems?size=100").json();
    var states = new HashSet<>(texts(all.path("items"), "state"));
    assertThat(states).contains("REGISTERED", "DISMISSED", "RECTIFYING", "PENDING_ACCEPTANCE", "PENDING_CLOSE_OUT", "CLOSED");
  }

  @Test
  void ledgerSearchFiltersAndUnitsSeeOnlyTheirOwnProblems() {
    String number = register("企业开办仍需多头跑");
    var rectifying = as("supervisor").get("/api/problems?state=RECTIFYING&size=100").json();
    assertThat(texts(rectifying.path("items"), "state")).isNotEmpty().containsOnly("RECTIFYING");
    assertThat(texts(as("supervisor").get("/api/problems?unit=fgw&size=100").json().path("items"), "unitCode")).containsOnly("fgw");
    assertThat(texts(as("supervisor").get("/api/problems?source=HOTLINE&size=100").json().path("items"), "source")).containsOnly("HOTLINE");
    assertThat(texts(as("supervisor").get("/api/problems?text=多头跑").json().path("items"), "number")).containsExactly(number);
    assertThat(as("supervisor").get("/api/problems?overdue=true").json().path("total").asLong()).isZero();
    var page = as("supervisor").get("/api/problems?size=2&page=1").json();
    assertThat(page.path("items").size()).isEqualTo(2);
    assertThat(page.path("total").asLong()).isGreaterThan(4);

    var unitView = as("fgw-zhao").get("/api/problems?size=100").json();
    assertThat(texts(unitView.path("items"), "unitCode")).isNotEmpty().containsOnly("fgw");
    String fgwProblem = unitView.path("items").get(0).path("number").asText();
    assertThat(as("fgw-zhao").get("/api/problems/" + fgwProblem).status()).isEqualTo(200);
    var hidden = as("zjj-sun").get("/api/problems/" + fgwProblem);
    assertThat(hidden.status()).as("another unit's problem answers like a missing one").isEqualTo(404);
    assertThat(hidden.json().path("detail").asText()).contains("不存在");
    assertThat(as("zjj-sun").get("/api/problems/" + number).status()).as("unassigned problems are not the unit's").isEqualTo(404);
  }

  @Test
  void badInputIsRefusedWithTheFieldNamedAndNothingSaved() {
    long before = as("supervisor").get("/api/problems?size=1").json().path("total").asLong();
    var invalid = as("supervisor").post("/api/problems", Map.of("title", "", "source", "RUMOUR",
        "category", "FORMALISM", "discoveredOn", "2026-02-30", "description", "x"));
    assertThat(invalid.status()).isEqualTo(400);
    assertThat(invalid.raw().headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).contains("application/problem+json"));
    assertThat(texts(invalid.json().path("errors"), "field")).containsExactly("title", "source", "discoveredOn");
    assertThat(invalid.json().path("detail").asText()).contains("请填写问题标题");

    var malformed = as("supervisor").post("/api/problems", "{\"title\": \"x\",");
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.json().path("title").asText()).isEqualTo("请求体不是有效的 JSON");
    var wrongType = as("supervisor").post("/api/problems", "{\"title\": {\"a\": 1}}");
    assertThat(wrongType.status()).isEqualTo(400);
    assertThat(texts(wrongType.json().path("errors"), "field")).containsExactly("title");

    assertThat(as("supervisor").get("/api/problems?state=OPEN").json().path("errors").get(0).path("field").asText()).isEqualTo("state");
    assertThat(as("supervisor").get("/api/problems?size=1000").status()).isEqualTo(400);
    assertThat(as("supervisor").get("/api/problems?size=1").json().path("total").asLong()).isEqualTo(before);
  }

  @Test
  void scriptInADescriptionIsKeptVerbatimAndShownInert() {
    String script = "<script>alert('xss')</script>窗口人员态度恶劣";
    var created = as("supervisor").post("/api/problems", Map.of("title", "态度问题", "description", script,
        "source", "PUBLIC_COMPLAINT", "category", "SERVICE_EFFICIENCY", "discoveredOn", TODAY.toString()));
    assertThat(created.status()).isEqualTo(201);
    String number = created.json().path("number").asText();
    assertThat(as("supervisor").get("/api/problems/" + number).json().path("problem").path("description").asText()).isEqualTo(script);
    String page = as("supervisor").page("/ledger/" + number).body();
    assertThat(page).doesNotContain("<script>alert").contains("&lt;script&gt;alert");
  }

  @Test
  void strangersAndWrongGroupsAreTurnedAway() {
    var anonymous = Http.anonymous(port);
    assertThat(anonymous.get("/api/problems").status()).isEqualTo(401);
    assertThat(anonymous.get("/api/problems").json().path("title").asText()).isEqualTo("未登录");
    assertThat(anonymous.get("/engine-rest/task?maxResults=1").status()).isEqualTo(401);
    assertThat(anonymous.get("/camunda/api/engine/engine/default/task/count").status()).isEqualTo(401);
    var page = anonymous.page("/ledger");
    assertThat(page.status()).isEqualTo(302);
    assertThat(page.raw().headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
    assertThat(anonymous.page("/login").body()).contains("用户名", "密码", "登录");
    assertThat(Http.anonymous(port).post("/api/problems", problem("x")).status()).isEqualTo(401);

    var wrongPassword = Http.as(port, "nobody").get("/api/problems");
    assertThat(wrongPassword.status()).isEqualTo(401);
    var unitRegisters = as("fgw-zhao").post("/api/problems", problem("单位不能登记问题"));
    assertThat(unitRegisters.status()).isEqualTo(403);
    assertThat(unitRegisters.json().path("title").asText()).isEqualTo("无权访问");
    assertThat(as("auditor").post("/api/problems", problem("纪检不能登记问题")).status()).isEqualTo(403);
  }

  @Test
  void webappsTrustTheOneLogin() {
    assertThat(webappUser("supervisor").path("userId").asText()).isEqualTo("supervisor");
    assertThat(webappUser("supervisor").path("authorizedApps").toString()).contains("tasklist", "cockpit").doesNotContain("\"admin\"");
    assertThat(webappUser("fgw-zhao").path("authorizedApps").toString()).contains("tasklist").doesNotContain("cockpit");
    assertThat(webappUser("auditor").path("authorizedApps").toString()).contains("cockpit");
    assertThat(webappUser("admin").path("authorizedApps").toString()).contains("\"admin\"");
  }

  /** Opens Tasklist as the user (no second login), then asks the webapp who is signed in. */
  private com.fasterxml.jackson.databind.JsonNode webappUser(String user) {
    Http browser = as(user);
    var tasklist = browser.page("/camunda/app/tasklist/default/");
    assertThat(tasklist.status()).isEqualTo(200);
    assertThat(tasklist.body()).contains("Tasklist");
    return browser.get("/camunda/api/admin/auth/user/default").json();
  }
}
