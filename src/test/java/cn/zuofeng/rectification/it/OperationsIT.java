package cn.zuofeng.rectification.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/**
 * Production operation on one node: health open and metrics for administrators only, Prometheus
 * metrics of the engine and the ledger, registration with an idempotency key, and the 409 of a
 * lost claim race through Camunda's REST API.
 */
class OperationsIT extends ApplicationIT {

  @Test
  void healthAndItsProbesAreOpenAndReadinessWatchesTheDatabaseAndTheJobExecutor() {
    var anonymous = Http.anonymous(port);
    assertThat(anonymous.get("/actuator/health/liveness").json().path("status").asText()).isEqualTo("UP");
    var readiness = anonymous.get("/actuator/health/readiness");
    assertThat(readiness.status()).isEqualTo(200);
    assertThat(readiness.json().path("status").asText()).isEqualTo("UP");
    assertThat(anonymous.get("/actuator/health").json().path("components").isMissingNode())
        .as("no details for strangers").isTrue();

    var details = as("admin").get("/actuator/health/readiness").json().path("components");
    assertThat(details.path("db").path("status").asText()).isEqualTo("UP");
    assertThat(details.path("jobExecutor").path("status").asText()).isEqualTo("UP");
  }

  @Test
  void metricsAndOtherEndpointsNeedTheAdministrator() {
    var anonymous = Http.anonymous(port).text("/actuator/prometheus");
    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(anonymous.body()).contains("未登录");
    for (String user : List.of("supervisor", "auditor", "fgw-zhao")) {
      var denied = as(user).text("/actuator/prometheus");
      assertThat(denied.status()).as(user).isEqualTo(403);
      assertThat(denied.body()).contains("无权访问").doesNotContain("jvm_");
      assertThat(as(user).get("/actuator/metrics").status()).as(user).isEqualTo(403);
    }
    assertThat(as("admin").get("/actuator/metrics").status()).isEqualTo(200);
  }

  @Test
  void prometheusShowsTheJvmThePoolHttpTheJobExecutorAndTheLedger() {
    register("窗口办事排长队");
    var scrape = as("admin").text("/actuator/prometheus");
    assertThat(scrape.status()).isEqualTo(200);
    String metrics = scrape.body();
    assertThat(metrics).contains("jvm_memory_used_bytes", "hikaricp_connections_active", "http_server_requests_seconds",
        "camunda_job_acquisition_attempts_total", "camunda_job_acquired_total{", "result=\"success\"",
        "camunda_job_executions_total{", "camunda_job_rejected_total", "camunda_process_instances_started_total",
        "rectification_problems_open");
    double open = value(metrics, "rectification_problems_open{");
    assertThat(open).isGreaterThanOrEqualTo(1);
    // the job executor polls all the time: its acquisition counter is never zero
    assertThat(value(metrics, "camunda_job_acquisition_attempts_total{")).isPositive();
    // one row per unit, known units included even without overdue problems
    assertThat(metrics).containsPattern("rectification_problems_overdue\\{[^}]*unit=\"fgw\"[^}]*\\} \\d");
  }

  @Test
  void aRetryWithTheSameIdempotencyKeyReturnsTheSameProblemAndRegistersNothing() {
    String key = UUID.randomUUID().toString();
    var body = problem("重复提交测试：窗口推诿");
    var first = as("supervisor").post("/api/problems", body, "Idempotency-Key", key);
    assertThat(first.status()).as(first.body()).isEqualTo(201);
    String number = first.json().path("number").asText();

    var retry = as("supervisor").post("/api/problems", body, "Idempotency-Key", key);
    assertThat(retry.status()).as(retry.body()).isEqualTo(200);
    assertThat(retry.json().path("number").asText()).isEqualTo(number);
    assertThat(retry.raw().headers().firstValue("Idempotent-Replayed")).hasValue("true");
    assertThat(as("supervisor").get("/api/problems?text=" + encode("重复提交测试：窗口推诿")).json().path("total").asInt())
        .isEqualTo(1);

    Map<String, Object> changed = new HashMap<>(body);
    changed.put("title", "重复提交测试：换了标题");
    var reused = as("supervisor").post("/api/problems", changed, "Idempotency-Key", key);
    assertThat(reused.status()).as(reused.body()).isEqualTo(422);
    assertThat(reused.json().path("title").asText()).isEqualTo("幂等键已用于其他请求");
    assertThat(reused.json().path("detail").asText()).contains("内容不同");
    assertThat(as("supervisor").get("/api/problems?text=" + encode("重复提交测试：换了标题")).json().path("total").asInt())
        .isZero();

    var invalid = as("supervisor").post("/api/problems", body, "Idempotency-Key", "x".repeat(300));
    assertThat(invalid.status()).isEqualTo(400);
    assertThat(invalid.json().path("errors").get(0).path("field").asText()).isEqualTo("Idempotency-Key");
  }

  @Test
  void twoUnitMembersClaimingTheSameTaskAtOnceOneWinsTheOtherGetsAChineseConflict() throws Exception {
    String number = register("同时认领测试");
    String review = taskId("supervisor", number, "UserTask_ReviewAndAssign");
    assertThat(complete("supervisor", review, Map.of("reviewDecision", "ASSIGN", "unitCode", "fgw", "severity", "GENERAL",
        "rectificationType", "TIME_LIMITED")).status()).isEqualTo(204);
    String task = taskId("fgw-zhao", number, "UserTask_Rectify");

    var start = new CountDownLatch(1);
    List<CompletableFuture<Http.Response>> claims = new ArrayList<>();
    for (String user : List.of("fgw-zhao", "fgw-qian")) {
      Http client = as(user);
      claims.add(CompletableFuture.supplyAsync(() -> {
        try {
          start.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return client.post("/engine-rest/task/" + task + "/claim", Map.of("userId", user));
      }));
    }
    start.countDown();
    List<Http.Response> responses = claims.stream().map(CompletableFuture::join).toList();
    assertThat(responses).extracting(Http.Response::status).containsExactlyInAnyOrder(204, 409);
    Http.Response lost = responses.stream().filter(r -> r.status() == 409).findFirst().orElseThrow();
    assertThat(lost.raw().headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
    assertThat(lost.json().path("title").asText()).isEqualTo("任务已被他人认领");
    assertThat(lost.json().path("detail").asText()).contains("已被他人认领");
  }

  static double value(String prometheus, String prefix) {
    return prometheus.lines().filter(l -> l.startsWith(prefix)).findFirst()
        .map(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
        .orElseThrow(() -> new AssertionError("no metric " + prefix));
  }

  static String encode(String text) {
    return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
  }
}
