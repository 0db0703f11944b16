package cn.zuofeng.rectification.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fault tests of the production configuration (issue 7): two nodes, each the built jar started
 * with the environment docker/compose.yaml sets, on one real PostgreSQL server, loopback only.
 * Runs in its own failsafe execution after {@code package}; the figures go to the test output.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterFaultIT {

  private static final Logger log = LoggerFactory.getLogger(ClusterFaultIT.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  static final Duration START = Duration.ofMinutes(4);
  static final String PASSWORD = "Cluster#Pass-2026x";
  static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));
  static final int TIMER_PROBLEMS = 500;

  static Cluster cluster;
  static Cluster.Node a;
  static Cluster.Node b;

  @BeforeAll
  static void startCluster() throws Exception {
    cluster = new Cluster(Path.of(System.getProperty("cluster.dir", "target/cluster-it")));
    cluster.startDatabase();
    a = cluster.node("node-a");
    b = cluster.node("node-b");
    // as compose: the second node starts once the first has created the schema (depends_on: healthy)
    a.start(START);
    b.start(START);
    var admin = a.admin();
    assertThat(admin.post("/engine-rest/group/create", Map.of("id", "supervisors", "name", "督查组", "type", "WORKFLOW")).status())
        .isEqualTo(204);
    assertThat(admin.post("/api/units", Map.of("code", "fgw", "name", "市发展改革委")).status()).isEqualTo(201);
    user(admin, "sup-1", "supervisors");
    user(admin, "fgw-1", "unit-fgw");
    user(admin, "fgw-2", "unit-fgw");
  }

  @AfterAll
  static void stopCluster() throws Exception {
    if (cluster != null) {
      cluster.close();
    }
  }

  private static void user(Http admin, String id, String group) {
    var created = admin.post("/engine-rest/user/create", Map.of("profile", Map.of("id", id, "firstName", id, "lastName", "测试"),
        "credentials", Map.of("password", PASSWORD)));
    assertThat(created.status()).as(created.body()).isEqualTo(204);
    assertThat(admin.send("PUT", "/engine-rest/group/" + group + "/members/" + id, null).status()).isEqualTo(204);
  }

  static Map<String, Object> problem(String title) {
    return Map.of("title", title, "description", "群众反映：" + title, "source", "HOTLINE", "category", "SERVICE_EFFICIENCY",
        "discoveredOn", TODAY.minusDays(1).toString(), "suggestedUnit", "市发展改革委");
  }

  static Map<String, Object> assignment() {
    Map<String, Object> variables = new HashMap<>();
    Map.of("reviewDecision", "ASSIGN", "unitCode", "fgw", "severity", "GENERAL", "rectificationType", "TIME_LIMITED")
        .forEach((k, v) -> variables.put(k, Map.of("value", v)));
    return Map.of("variables", variables);
  }

  /** Registers and assigns problems through both nodes (several clients at once); returns their numbers. */
  static List<String> registerAndAssign(int count, String prefix, String keyPrefix) throws Exception {
    ExecutorService clients = Executors.newFixedThreadPool(6);
    try {
      List<CompletableFuture<String>> numbers = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        Cluster.Node node = i % 2 == 0 ? a : b;
        String title = prefix + "-" + i;
        String key = keyPrefix + "-" + i;
        numbers.add(CompletableFuture.supplyAsync(() -> {
          var registered = node.as("sup-1", PASSWORD).post("/api/problems", problem(title), "Idempotency-Key", key);
          assertThat(registered.status()).as(registered.body()).isIn(200, 201);
          String number = registered.json().path("number").asText();
          var tasks = node.as("sup-1", PASSWORD).get("/engine-rest/task?maxResults=2&taskDefinitionKey=UserTask_ReviewAndAssign"
              + "&processInstanceBusinessKey=" + number).json();
          var done = node.as("sup-1", PASSWORD).post("/engine-rest/task/" + tasks.get(0).path("id").asText() + "/complete",
              assignment());
          assertThat(done.status()).as(done.body()).isEqualTo(204);
          return number;
        }, clients));
      }
      return numbers.stream().map(CompletableFuture::join).toList();
    } finally {
      clients.shutdownNow();
    }
  }

  // -- 0. the session of a browser survives a switch to the other node (Spring Session JDBC) ----------

  @Test
  @Order(0)
  @Timeout(120)
  void aUserSignedInOnOneNodeKeepsWorkingOnTheOther() throws Exception {
    HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + a.port + "/login"))
        .header("X-Forwarded-Proto", "https").header("Accept", "text/html").GET().build(), HttpResponse.BodyHandlers.ofString());
    String cookie = sessionCookie(page);
    Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.body());
    assertThat(csrf.find()).isTrue();
    HttpResponse<String> signedIn = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + a.port + "/login"))
        .header("X-Forwarded-Proto", "https").header("Cookie", cookie)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("username=sup-1&password=" + java.net.URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8)
            + "&_csrf=" + java.net.URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8))).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(signedIn.statusCode()).isEqualTo(302);
    assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
    String session = sessionCookie(signedIn);

    // Tasklist opens on the first node (the webapps take the login from Spring Security) ...
    HttpResponse<String> tasklist = client.send(HttpRequest.newBuilder(
            URI.create("http://localhost:" + a.port + "/camunda/app/tasklist/default/"))
        .header("X-Forwarded-Proto", "https").header("Cookie", session).header("Accept", "text/html").GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(tasklist.statusCode()).isEqualTo(200);
    // ... and the proxy sends the next requests to the other node: no login, no Authorization header
    for (Cluster.Node node : List.of(b, a, b)) {
      HttpResponse<String> ledger = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + node.port + "/api/problems?size=1"))
          .header("X-Forwarded-Proto", "https").header("Cookie", session).header("Accept", "application/json").GET().build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(ledger.statusCode()).as(node.name + ": " + ledger.body()).isEqualTo(200);
      // the Camunda webapps trust the same session (container-based authentication)
      HttpResponse<String> webapp = client.send(HttpRequest.newBuilder(
              URI.create("http://localhost:" + node.port + "/camunda/api/admin/auth/user/default"))
          .header("X-Forwarded-Proto", "https").header("Cookie", session).header("Accept", "application/json").GET().build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(webapp.statusCode()).as(node.name + ": " + webapp.body()).isEqualTo(200);
      assertThat(JSON.readTree(webapp.body()).path("userId").asText()).isEqualTo("sup-1");
    }
    log.info("FIGURES session: signed in on {}, used on {} and {} with the same session cookie", a.name, b.name, a.name);
  }

  private static String sessionCookie(HttpResponse<?> response) {
    String cookie = response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
        .findFirst().orElseThrow(() -> new AssertionError("no session cookie: " + response.headers().map()));
    return cookie.substring(0, cookie.indexOf(';'));
  }

  // -- 1. 1,000 due timers on two nodes fire exactly once ----------------------------------------------

  @Test
  @Order(1)
  @Timeout(900)
  void thousandDueTimersFireExactlyOnceAcrossTwoNodes() throws Exception {
    long setupStart = System.nanoTime();
    List<String> numbers = registerAndAssign(TIMER_PROBLEMS, "定时器", "timer");
    log.info("FIGURES timers: {} problems registered and assigned through both nodes in {} s", numbers.size(),
        (System.nanoTime() - setupStart) / 1_000_000_000);
    String mine = "select id_ from act_ru_execution where business_key_ like 'WT-%' and parent_id_ is null";
    // the warning and overdue timers of every problem fall due now (the clock of a child process cannot be moved)
    int due = cluster.update("update act_ru_job set duedate_ = now() - interval '1 second' "
        + "where handler_type_ = 'timer-transition' and process_def_key_ = 'problem-rectification' "
        + "and process_instance_id_ in (" + mine + ")");
    assertThat(due).isEqualTo(2 * TIMER_PROBLEMS);
    long fireStart = System.nanoTime();

    long remaining = awaitTimers(Duration.ofMinutes(8));
    double seconds = (System.nanoTime() - fireStart) / 1e9;

    Map<String, Long> perNode = cluster.queryCounts("select hostname_, count(*) from act_hi_job_log "
        + "where job_state_ = 2 and job_def_type_ = 'timer-transition' group by hostname_ order by hostname_");
    long failedAttempts = cluster.queryLong("select count(*) from act_hi_job_log where job_state_ = 1");
    long duplicateJobRuns = cluster.queryLong("select count(*) from (select job_id_ from act_hi_job_log where job_state_ = 2 "
        + "group by job_id_ having count(*) > 1) d");
    long duplicateActivities = cluster.queryLong("select count(*) from (select proc_inst_id_, act_id_ from act_hi_actinst "
        + "where act_id_ in ('ServiceTask_RecordWarning', 'ServiceTask_RecordOverdue') group by proc_inst_id_, act_id_ "
        + "having count(*) > 1) d");
    long duplicateLedgerEvents = cluster.queryLong("select count(*) from (select problem_id, type from problem_event "
        + "where type in ('WARNED', 'OVERDUE') group by problem_id, type having count(*) > 1) d");
    long fired = cluster.queryLong("select count(*) from act_hi_actinst "
        + "where act_id_ in ('ServiceTask_RecordWarning', 'ServiceTask_RecordOverdue') and end_time_ is not null");
    long lostOverdue = TIMER_PROBLEMS - cluster.queryLong("select count(*) from problem where title like '定时器-%' and overdue_at is not null");
    long lostWarning = TIMER_PROBLEMS - cluster.queryLong("select count(*) from problem where title like '定时器-%' and warned_at is not null");
    long incidents = cluster.queryLong("select count(*) from act_ru_incident");
    String acquisitionLosses = acquisitionFailures();
    long supervised = cluster.queryLong("select count(distinct n.problem_id) from supervision_notice n join problem p on p.id = n.problem_id "
        + "where p.title like '定时器-%'");
    long extraNotices = cluster.queryLong("select count(*) from supervision_notice n join problem p on p.id = n.problem_id "
        + "where p.title like '定时器-%'") - supervised;
    long overdueNotices = cluster.queryLong("select count(*) from notice n join problem p on p.number = n.problem_number "
        + "where p.title like '定时器-%' and n.kind = 'OVERDUE'");
    log.info("FIGURES timers: supervision notices issued for {} of {} overdue problems, {} extra; overdue notices {} (2 per problem)",
        supervised, TIMER_PROBLEMS, extraNotices, overdueNotices);

    log.info("FIGURES timers: {} due timers, fired {} in {} s; per node {}; duplicates: job runs {}, activity instances {}, "
            + "ledger events {}; lost: warning {}, overdue {}; still waiting {}; failed attempts (retried) {}; incidents {}; "
            + "acquisition races lost (optimistic locking, per node) {}",
        due, fired, String.format("%.1f", seconds), perNode, duplicateJobRuns, duplicateActivities, duplicateLedgerEvents,
        lostWarning, lostOverdue, remaining, failedAttempts, incidents, acquisitionLosses);

    assertThat(remaining).as("timers left").isZero();
    assertThat(fired).isEqualTo(2L * TIMER_PROBLEMS);
    assertThat(duplicateJobRuns + duplicateActivities + duplicateLedgerEvents).as("duplicates").isZero();
    assertThat(lostWarning + lostOverdue).as("lost").isZero();
    assertThat(incidents).isZero();
    assertThat(supervised).as("every overdue problem is supervised").isEqualTo(TIMER_PROBLEMS);
    assertThat(extraNotices).as("no duplicate supervision notice").isZero();
    assertThat(overdueNotices).as("one overdue notice to the unit and one to the supervisors").isEqualTo(2L * TIMER_PROBLEMS);
    assertThat(perNode).containsOnlyKeys(a.name, b.name);
    assertThat(perNode.values()).allSatisfy(n -> assertThat(n).as("both nodes take work").isPositive());
    assertThat(perNode.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(2L * TIMER_PROBLEMS);

    // structured logs: the line written in the overdue delegate carries the problem number
    String lines = a.logText() + b.logText();
    JsonNode overdueLine = lines.lines().filter(l -> l.startsWith("{") && l.contains("overdue recorded in the ledger"))
        .findFirst().map(ClusterFaultIT::json).orElseThrow(() -> new AssertionError("no overdue log line"));
    assertThat(overdueLine.path("problemNumber").asText()).matches("WT-\\d{4}-\\d{6}");
    assertThat(numbers).contains(overdueLine.path("problemNumber").asText());
    assertThat(overdueLine.path("log").path("level").asText()).isEqualTo("INFO");
    assertThat(overdueLine.path("service").path("node").path("name").asText()).isIn(a.name, b.name);
    JsonNode apiLine = lines.lines().filter(l -> l.startsWith("{") && l.contains("problem registered through the API"))
        .findFirst().map(ClusterFaultIT::json).orElseThrow(() -> new AssertionError("no registration log line"));
    assertThat(numbers).contains(apiLine.path("problemNumber").asText());
  }

  private static JsonNode json(String line) {
    try {
      return JSON.readTree(line);
    } catch (java.io.IOException e) {
      throw new AssertionError("not JSON: " + line, e);
    }
  }

  /** Waits (bounded) until no due timer is left; returns how many are left. */
  private static long awaitTimers(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    long left;
    do {
      // fired timers are gone; one that lost a race waits for its retry (a later due date)
      left = cluster.queryLong("select count(*) from act_ru_job j join act_ru_execution e on e.id_ = j.process_instance_id_ "
          + "where j.handler_type_ = 'timer-transition' and j.process_def_key_ = 'problem-rectification' "
          + "and e.business_key_ in (select number from problem where title like '定时器-%')");
      if (left == 0) {
        return 0;
      }
      Thread.sleep(500);
    } while (System.nanoTime() < deadline);
    return left;
  }

  private static String acquisitionFailures() {
    Map<String, String> perNode = new java.util.TreeMap<>();
    for (Cluster.Node node : List.of(a, b)) {
      String metrics = node.admin().text("/actuator/prometheus").body();
      perNode.put(node.name, metrics.lines().filter(l -> l.startsWith("camunda_job_acquired_total") && l.contains("failure"))
          .map(l -> l.substring(l.lastIndexOf(' ') + 1)).findFirst().orElse("?"));
    }
    return perNode.toString();
  }

  // -- 2. two users claim the same task on different nodes at once ----------------------------------

  @Test
  @Order(2)
  @Timeout(300)
  void twoUsersClaimingOneTaskOnDifferentNodesOneWinsTheOtherGets409() throws Exception {
    List<String> numbers = registerAndAssign(5, "认领", "claim");
    Map<Integer, Integer> statuses = new java.util.TreeMap<>();
    for (String number : numbers) {
      String task = a.as("fgw-1", PASSWORD).get("/engine-rest/task?maxResults=2&taskDefinitionKey=UserTask_Rectify"
          + "&processInstanceBusinessKey=" + number).json().get(0).path("id").asText();
      var start = new CountDownLatch(1);
      List<CompletableFuture<Http.Response>> claims = new ArrayList<>();
      for (var who : List.of(Map.entry("fgw-1", a), Map.entry("fgw-2", b))) {
        Http client = who.getValue().as(who.getKey(), PASSWORD);
        claims.add(CompletableFuture.supplyAsync(() -> {
          try {
            start.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return client.post("/engine-rest/task/" + task + "/claim", Map.of("userId", who.getKey()));
        }));
      }
      start.countDown();
      List<Http.Response> responses = claims.stream().map(CompletableFuture::join).toList();
      responses.forEach(r -> statuses.merge(r.status(), 1, Integer::sum));
      assertThat(responses).extracting(Http.Response::status).as(number).containsExactlyInAnyOrder(204, 409);
      Http.Response lost = responses.stream().filter(r -> r.status() == 409).findFirst().orElseThrow();
      assertThat(lost.json().path("title").asText()).isEqualTo("任务已被他人认领");
      String winner = responses.get(0).status() == 204 ? "fgw-1" : "fgw-2";
      assertThat(a.admin().get("/api/problems/" + number).json().path("problem").path("owner").asText()).isEqualTo(winner);
    }
    log.info("FIGURES claims: {} races on two nodes, statuses {}", numbers.size(), statuses);
  }

  // -- 3. SIGKILL in the middle of a stream of registrations ----------------------------------------

  record Sent(String key, Map<String, Object> body, int status, String number) {}

  @Test
  @Order(3)
  @Timeout(600)
  void registrationsThatGot201SurviveASigkillExactlyOnceAndRetriesCreateNothing() throws Exception {
    List<Sent> sent = new CopyOnWriteArrayList<>();
    AtomicInteger created = new AtomicInteger();
    AtomicBoolean stop = new AtomicBoolean();
    ExecutorService clients = Executors.newFixedThreadPool(3);
    for (int t = 0; t < 3; t++) {
      int thread = t;
      clients.submit(() -> {
        for (int i = 0; !stop.get(); i++) {
          String key = "kill-" + thread + "-" + i;
          Map<String, Object> body = problem("断电-" + key);
          try {
            var response = a.as("sup-1", PASSWORD).post("/api/problems", body, "Idempotency-Key", key);
            String number = response.status() == 201 ? response.json().path("number").asText() : null;
            sent.add(new Sent(key, body, response.status(), number));
            if (response.status() == 201) {
              created.incrementAndGet();
            }
          } catch (RuntimeException connectionLost) {
            sent.add(new Sent(key, body, -1, null));
            return;
          }
        }
      });
    }
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    while (created.get() < 40 && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    a.kill();
    stop.set(true);
    clients.shutdown();
    assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
    long killedAt = System.nanoTime();
    a.start(START);
    double restartSeconds = (System.nanoTime() - killedAt) / 1e9;

    List<Sent> got201 = sent.stream().filter(s -> s.status() == 201).toList();
    List<Sent> unanswered = sent.stream().filter(s -> s.status() == -1).toList();
    assertThat(got201).hasSizeGreaterThanOrEqualTo(40);
    for (Sent s : got201) {
      assertThat(cluster.queryLong("select count(*) from problem where title = '" + s.body().get("title") + "'"))
          .as(s.key()).isEqualTo(1);
      assertThat(cluster.queryLong("select count(*) from problem p join act_hi_procinst h on h.id_ = p.process_instance_id "
          + "and h.business_key_ = p.number where p.number = '" + s.number() + "'")).as("process of " + s.number()).isEqualTo(1);
    }
    // no ledger row without its process and no process without its ledger row
    assertThat(cluster.queryLong("select count(*) from problem p where p.title like '断电-%' and not exists "
        + "(select 1 from act_hi_procinst h where h.id_ = p.process_instance_id)")).isZero();

    // the client retries everything it sent with the same keys
    int replayed = 0;
    int committedUnanswered = 0;
    int registeredOnRetry = 0;
    for (Sent s : sent) {
      var retry = a.as("sup-1", PASSWORD).post("/api/problems", s.body(), "Idempotency-Key", s.key());
      if (s.status() == 201) {
        assertThat(retry.status()).as(s.key()).isEqualTo(200);
        assertThat(retry.json().path("number").asText()).isEqualTo(s.number());
        replayed++;
      } else if (retry.status() == 200) {
        committedUnanswered++;
      } else {
        assertThat(retry.status()).as(s.key() + " " + retry.body()).isEqualTo(201);
        registeredOnRetry++;
      }
    }
    long problems = cluster.queryLong("select count(*) from problem where title like '断电-%'");
    long duplicates = cluster.queryLong("select count(*) from (select title from problem where title like '断电-%' "
        + "group by title having count(*) > 1) d");
    log.info("FIGURES sigkill: sent {}, 201 before the kill {}, no answer {}; restart to ready {} s; retries: {} replayed (200, same "
            + "number), {} unanswered but committed (200), {} registered on retry (201); problems {} for {} keys, duplicates {}",
        sent.size(), got201.size(), unanswered.size(), String.format("%.1f", restartSeconds), replayed, committedUnanswered,
        registeredOnRetry, problems, sent.size(), duplicates);
    assertThat(duplicates).isZero();
    assertThat(problems).isEqualTo(sent.size());
  }

  // -- 4. PostgreSQL stopped for 20 s under load ---------------------------------------------------

  record Call(long startedNanos, long millis, int status, String body) {}

  @Test
  @Order(4)
  @Timeout(600)
  void requestsFailFastWith503WhileTheDatabaseIsDownAndTheClusterRecoversByItself() throws Exception {
    List<String> pending = registerAndAssign(20, "停库", "outage");
    List<Call> calls = new CopyOnWriteArrayList<>();
    AtomicBoolean stop = new AtomicBoolean();
    ExecutorService load = Executors.newFixedThreadPool(4);
    for (int t = 0; t < 4; t++) {
      int thread = t;
      load.submit(() -> {
        HttpClient client = HttpClient.newHttpClient();
        for (int i = 0; !stop.get(); i++) {
          Cluster.Node node = (thread + i) % 2 == 0 ? a : b;
          boolean write = i % 3 == 0;
          calls.add(call(client, node, write ? "POST" : "GET",
              write ? "/api/problems" : "/api/problems?size=5", write ? problem("停库负载-" + thread + "-" + i) : null,
              "load-" + thread + "-" + i));
        }
      });
    }
    Thread.sleep(3000);
    // the pending problems' timers fall due while the database is down
    String instances = String.join("','", pending);
    int timers = cluster.update("update act_ru_job set duedate_ = now() + interval '3 seconds' where handler_type_ = 'timer-transition' "
        + "and process_def_key_ = 'problem-rectification' and process_instance_id_ in (select id_ from act_ru_execution where business_key_ in ('" + instances + "'))");
    assertThat(timers).isEqualTo(40);

    long stopping = System.nanoTime();
    cluster.stopDatabase();
    long down = System.nanoTime();
    Thread.sleep(8000);
    int readinessWhileDown = a.readiness();
    Thread.sleep(Math.max(0, 20_000 - (System.nanoTime() - down) / 1_000_000));
    long restarting = System.nanoTime();
    cluster.startDatabase();
    long up = System.nanoTime();
    long bothReady = -1;
    while (System.nanoTime() - up < Duration.ofMinutes(3).toNanos()) {
      if (a.readiness() == 200 && b.readiness() == 200) {
        bothReady = System.nanoTime();
        break;
      }
      Thread.sleep(200);
    }
    Thread.sleep(3000);
    stop.set(true);
    load.shutdown();
    assertThat(load.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
    // the first request that worked again after the restart
    long firstSuccess = calls.stream().filter(c -> c.startedNanos() >= up && c.status() < 300)
        .mapToLong(c -> c.startedNanos() + c.millis() * 1_000_000).min().orElse(-1);
    Map<Integer, Long> inFlightAtStop = new java.util.TreeMap<>();
    calls.stream().filter(c -> c.startedNanos() < down && c.startedNanos() + c.millis() * 1_000_000 > stopping)
        .forEach(c -> inFlightAtStop.merge(c.status(), 1L, Long::sum));
    Map<Integer, Long> afterRestart = new java.util.TreeMap<>();
    long ready = bothReady < 0 ? up : bothReady;
    calls.stream().filter(c -> c.startedNanos() > ready)
        .forEach(c -> afterRestart.merge(c.status(), 1L, Long::sum));

    // requests begun and answered while it was down (after the stop finished, before the restart began)
    List<Call> whileDown = calls.stream()
        .filter(c -> c.startedNanos() > down && c.startedNanos() + c.millis() * 1_000_000 < restarting).toList();
    long failFast = whileDown.stream().filter(c -> c.status() == 503).count();
    long slowest = whileDown.stream().mapToLong(Call::millis).max().orElse(0);
    Map<Integer, Long> statusesWhileDown = new java.util.TreeMap<>();
    whileDown.forEach(c -> statusesWhileDown.merge(c.status(), 1L, Long::sum));
    Call example = whileDown.stream().filter(c -> c.status() == 503).findFirst().orElseThrow();

    long timersLeft = awaitPending(instances, Duration.ofMinutes(3));
    long fired = cluster.queryLong("select count(*) from act_hi_actinst a join act_hi_procinst p on p.id_ = a.proc_inst_id_ "
        + "where a.act_id_ in ('ServiceTask_RecordWarning', 'ServiceTask_RecordOverdue') and a.end_time_ is not null "
        + "and p.business_key_ in ('" + instances + "')");
    long incidents = cluster.queryLong("select count(*) from act_ru_incident");
    long failedJobs = cluster.queryLong("select count(*) from act_ru_job where exception_msg_ is not null");

    log.info("FIGURES outage: requests in flight while stopping {}; requests after both nodes were ready again {}",
        inFlightAtStop, afterRestart);
    log.info("FIGURES outage: stop took {} ms; {} requests while down: statuses {}, slowest {} ms; readiness while down {}; "
            + "database back after {} ms; both nodes ready {} ms after the restart, first successful request {} ms after it; "
            + "{} pending timers, {} fired afterwards, {} left; incidents {}; jobs with errors {}",
        (down - stopping) / 1_000_000, whileDown.size(), statusesWhileDown, slowest, readinessWhileDown,
        (up - restarting) / 1_000_000, bothReady < 0 ? "never" : (bothReady - up) / 1_000_000,
        firstSuccess < 0 ? "never" : (firstSuccess - up) / 1_000_000, timers, fired, timersLeft, incidents, failedJobs);

    assertThat(whileDown).isNotEmpty();
    assertThat(failFast).as("every request while down gets 503: " + statusesWhileDown).isEqualTo(whileDown.size());
    assertThat(slowest).as("fail fast (Hikari connection timeout 2 s)").isLessThan(6000);
    assertThat(json(example.body()).path("title").asText()).isEqualTo("数据库暂时不可用");
    assertThat(readinessWhileDown).isEqualTo(503);
    assertThat(bothReady).as("recovered by itself").isPositive();
    assertThat(firstSuccess).as("clients are served again").isPositive();
    assertThat(afterRestart.keySet()).as("after recovery every request works").allSatisfy(status -> assertThat(status).isLessThan(300));
    assertThat(timersLeft).isZero();
    assertThat(fired).isEqualTo(40);
    assertThat(incidents).isZero();
  }

  private static long awaitPending(String numbers, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    long left;
    do {
      left = cluster.queryLong("select count(*) from act_ru_job j join act_ru_execution e on e.id_ = j.process_instance_id_ "
          + "where j.handler_type_ = 'timer-transition' and j.process_def_key_ = 'problem-rectification' "
          + "and e.business_key_ in ('" + numbers + "')");
      if (left == 0) {
        return 0;
      }
      Thread.sleep(500);
    } while (System.nanoTime() < deadline);
    return left;
  }

  private static Call call(HttpClient client, Cluster.Node node, String method, String path, Object body, String key) {
    long start = System.nanoTime();
    try {
      var request = HttpRequest.newBuilder(URI.create("http://localhost:" + node.port + path))
          .timeout(Duration.ofSeconds(30))
          .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("sup-1:" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
          .header("Accept", "application/json");
      if (body != null) {
        request.header("Content-Type", "application/json").header("Idempotency-Key", key)
            .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8));
      } else {
        request.GET();
      }
      HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Call(start, (System.nanoTime() - start) / 1_000_000, response.statusCode(), response.body());
    } catch (java.io.IOException e) {
      return new Call(start, (System.nanoTime() - start) / 1_000_000, -1, e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Call(start, 0, -1, "interrupted");
    }
  }
}
