package cn.zuofeng.rectification.it;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole application on a real PostgreSQL server and a real port, with the demo users;
 * tests talk to it over HTTP only, as users and integrators do.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "it"})
abstract class ApplicationIT {

  static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

  @LocalServerPort int port;

  @org.springframework.beans.factory.annotation.Autowired
  void keepDatabaseUntilClosed(org.springframework.context.ConfigurableApplicationContext context) {
    EmbeddedPostgres.usedBy(context);
  }

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    EmbeddedPostgres.register(registry, "rectification_it");
  }

  Http as(String user) {
    return Http.as(port, user);
  }

  static Map<String, Object> problem(String title) {
    return Map.of("title", title, "description", "群众反映：" + title, "source", "HOTLINE",
        "category", "SERVICE_EFFICIENCY", "discoveredOn", TODAY.minusDays(1).toString(), "suggestedUnit", "市发展改革委");
  }

  String register(String title) {
    var response = as("supervisor").post("/api/problems", problem(title));
    assertThat(response.status()).as(response.body()).isEqualTo(201);
    return response.json().path("number").asText();
  }

  /** The one open task of a problem with that key, as seen by the user (null when they see none). */
  String taskId(String user, String number, String taskKey) {
    var response = as(user).get("/engine-rest/task?maxResults=10&processInstanceBusinessKey=" + number
        + "&taskDefinitionKey=" + taskKey);
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    var tasks = response.json();
    return tasks.isEmpty() ? null : tasks.get(0).path("id").asText();
  }

  Http.Response complete(String user, String taskId, Map<String, ?> values) {
    Map<String, Object> variables = new java.util.HashMap<>();
    values.forEach((name, value) -> variables.put(name, value instanceof Map<?, ?> typed ? typed : Map.of("value", value)));
    return as(user).post("/engine-rest/task/" + taskId + "/complete", Map.of("variables", variables));
  }

  static List<String> texts(com.fasterxml.jackson.databind.JsonNode array, String field) {
    var values = new java.util.ArrayList<String>();
    array.forEach(node -> values.add(node.path(field).asText()));
    return values;
  }
}
