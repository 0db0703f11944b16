package cn.zuofeng.rectification.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * S2: the whole loop over REST, as the users do it — register (supervisor), review and assign
 * (supervisor), claim and rectify (fgw-zhao), accept (supervisor), approve the close-out
 * (leader), then read the problem back and check it is CLOSED. Eleven HTTP requests per loop.
 * Closed loop: each client starts its next loop when the previous one ends.
 */
final class FullLoops {

  static final int REQUESTS_PER_LOOP = 11;

  private FullLoops() {}

  static ClosedLoop.Result run(int port, int clients, Duration warmup, Duration measure, LocalDate today)
      throws InterruptedException {
    AtomicLong sequence = new AtomicLong();
    String deadline = today.plusDays(10).toString();
    return ClosedLoop.run("S2", clients, warmup, measure, thread -> {
      HttpDriver http = new HttpDriver(port);
      return () -> loop(http, "S2 全流程 #" + sequence.incrementAndGet(), today, deadline);
    });
  }

  static void loop(HttpDriver http, String title, LocalDate today, String deadline) throws Exception {
    var created = http.expect(201, http.post("supervisor", "/api/problems", HttpDriver.problem(title, today)), "register");
    String number = created.json().path("number").asText();

    String review = task(http, "supervisor", number, "UserTask_ReviewAndAssign");
    http.expect(204, http.post("supervisor", "/engine-rest/task/" + review + "/complete", HttpDriver.variables(Map.of(
        "reviewDecision", "ASSIGN", "unitCode", "fgw", "severity", "GENERAL", "rectificationType", "TIME_LIMITED",
        "deadline", deadline))), "complete review " + number);

    String rectify = task(http, "fgw-zhao", number, "UserTask_Rectify");
    http.expect(204, http.post("fgw-zhao", "/engine-rest/task/" + rectify + "/claim", Map.of("userId", "fgw-zhao")),
        "claim " + number);
    http.expect(204, http.post("fgw-zhao", "/engine-rest/task/" + rectify + "/complete", HttpDriver.variables(Map.of(
        "measures", "基准测试：整改措施", "result", "基准测试：整改结果"))), "complete rectify " + number);

    String accept = task(http, "supervisor", number, "UserTask_AcceptRectification");
    http.expect(204, http.post("supervisor", "/engine-rest/task/" + accept + "/complete",
        HttpDriver.variables(Map.of("acceptanceDecision", "ACCEPT"))), "complete acceptance " + number);

    String closeOut = task(http, "leader", number, "UserTask_ApproveCloseOut");
    http.expect(204, http.post("leader", "/engine-rest/task/" + closeOut + "/complete",
        HttpDriver.variables(Map.of("closeOutDecision", "APPROVE"))), "complete close-out " + number);

    String state = http.expect(200, http.get("supervisor", "/api/problems/" + number), "read " + number)
        .json().path("problem").path("state").asText();
    if (!"CLOSED".equals(state)) {
      throw new IllegalStateException(number + " ended in state " + state + ", expected CLOSED");
    }
  }

  private static String task(HttpDriver http, String user, String number, String taskKey) throws Exception {
    JsonNode tasks = http.expect(200, http.get(user, "/engine-rest/task?maxResults=10&processInstanceBusinessKey=" + number
        + "&taskDefinitionKey=" + taskKey), "find " + taskKey + " of " + number).json();
    if (tasks.size() != 1) {
      throw new IllegalStateException(user + " sees " + tasks.size() + " " + taskKey + " tasks of " + number + ", expected 1");
    }
    return tasks.get(0).path("id").asText();
  }
}
