package cn.zuofeng.rectification.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import cn.zuofeng.rectification.notice.NoticeDraft;
import cn.zuofeng.rectification.notice.NoticeKind;
import cn.zuofeng.rectification.notice.Notices;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Notice delivery against real servers on loopback: GreenMail as the SMTP server, a JDK HTTP server
 * as the 企业微信/钉钉 robot, the whole application on PostgreSQL with its dispatcher running.
 * Runs in a JVM of its own (failsafe execution "notice-delivery"): its mail and webhook settings make
 * a second application context, and a second engine named "default" must not share a JVM.
 */
class NoticeDeliveryIT extends ApplicationIT {

  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(NoticeDeliveryIT.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int SMTP_PORT = freePort();
  private static GreenMail smtp = startSmtp();
  private static final List<JsonNode> WEBHOOK_CALLS = new CopyOnWriteArrayList<>();
  /** Problem number → how many of its coming webhook calls the robot refuses (as a rate-limited robot answers). */
  private static final Map<String, AtomicInteger> WEBHOOK_REFUSALS = new java.util.concurrent.ConcurrentHashMap<>();
  private static final HttpServer ROBOT = startRobot();

  @Autowired Notices notices;
  @Autowired JdbcClient jdbc;
  @Autowired TransactionTemplate transaction;
  @Autowired ProcessEngine engine;

  @DynamicPropertySource
  static void channels(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", () -> SMTP_PORT);
    registry.add("rectification.notice.mail.from", () -> "noreply@example.gov.cn");
    registry.add("rectification.notice.webhook.url",
        () -> "http://127.0.0.1:" + ROBOT.getAddress().getPort() + "/cgi-bin/webhook/send?key=secret-robot-key");
    registry.add("rectification.notice.poll-interval", () -> "200ms");
    registry.add("rectification.notice.first-backoff", () -> "300ms");
    registry.add("rectification.notice.max-backoff", () -> "1s");
  }

  @AfterAll
  static void stopServers() {
    smtp.stop();
    ROBOT.stop(0);
  }

  private static int freePort() {
    try (var socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static GreenMail startSmtp() {
    var server = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    server.start();
    return server;
  }

  private static HttpServer startRobot() {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      server.createContext("/cgi-bin/webhook/send", exchange -> {
        byte[] answer;
        JsonNode call = JSON.readTree(exchange.getRequestBody());
        String content = call.path("text").path("content").asText();
        boolean refuse = WEBHOOK_REFUSALS.entrySet().stream()
            .anyMatch(r -> content.contains(r.getKey()) && r.getValue().getAndUpdate(n -> Math.max(n - 1, 0)) > 0);
        if (refuse) {
          answer = "{\"errcode\":45009,\"errmsg\":\"api freq out of limit\"}".getBytes(StandardCharsets.UTF_8);
        } else {
          WEBHOOK_CALLS.add(call);
          answer = "{\"errcode\":0,\"errmsg\":\"ok\"}".getBytes(StandardCharsets.UTF_8);
        }
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, answer.length);
        exchange.getResponseBody().write(answer);
        exchange.close();
      });
      server.start();
      return server;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static NoticeDraft overdue(String key, String number) {
    return new NoticeDraft(key, NoticeKind.OVERDUE, number, "unit-fgw", "问题 " + number + " 已超过整改时限",
        "市发展改革委：\n贵单位承办的问题「项目审批环节多、时限长」已超过整改时限 2 个工作日，请立即整改并报送整改情况。");
  }

  static String key(String kind) {
    return kind + ":WT-2026-" + UUID.randomUUID();
  }

  /** The mails GreenMail received for the notice, one per recipient. */
  static List<MimeMessage> mailsOf(String key) {
    return Arrays.stream(smtp.getReceivedMessages()).filter(m -> key.equals(header(m, "X-Notice-Key"))).toList();
  }

  static List<String> recipients(List<MimeMessage> mails) {
    // GreenMail keeps one copy per RCPT; the message names every addressee in To
    return mails.stream().map(m -> {
      try {
        return Arrays.stream(m.getRecipients(Message.RecipientType.TO)).map(Object::toString).sorted().toList().toString();
      } catch (jakarta.mail.MessagingException e) {
        throw new IllegalStateException(e);
      }
    }).distinct().toList();
  }

  static List<JsonNode> webhookCallsOf(String number) {
    return WEBHOOK_CALLS.stream().filter(c -> c.path("text").path("content").asText().contains(number)).toList();
  }

  private static String header(MimeMessage message, String name) {
    try {
      return message.getHeader(name, null);
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  record Delivery(String channel, String status, int attempts, String lastError) {}

  List<Delivery> deliveries(String key) {
    return jdbc.sql("""
            select d.channel, d.status, d.attempts, d.last_error from notice_delivery d
            join notice n on n.id = d.notice_id where n.notice_key = :key order by d.channel""")
        .param("key", key)
        .query((rs, i) -> new Delivery(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4))).list();
  }

  boolean allSent(String key) {
    return deliveries(key).stream().allMatch(d -> d.status().equals("SENT"));
  }

  /** Publishes a further notice and waits for its mail: the dispatcher has run its rounds since. */
  void dispatcherRanAgain() {
    String sentinel = key("SENTINEL");
    transaction.executeWithoutResult(s -> notices.publish(overdue(sentinel, "WT-2026-999999")));
    await().atMost(Duration.ofSeconds(30)).until(() -> mailsOf(sentinel).size() == 2);
  }

  @Test
  void aNoticeArrivesOnceByMailToEveryMemberOfTheUnitAndOnceAtTheRobot() throws Exception {
    String key = key("OVERDUE");
    String number = "WT-2026-" + key.substring(key.length() - 6);
    transaction.executeWithoutResult(s -> assertThat(notices.publish(overdue(key, number))).isTrue());

    // the servers have it a moment before the dispatcher records it as sent
    await().atMost(Duration.ofSeconds(30)).until(() -> mailsOf(key).size() == 2 && webhookCallsOf(number).size() == 1
        && allSent(key));
    List<MimeMessage> mails = mailsOf(key);
    assertThat(recipients(mails)).containsExactly("[fgw-qian@example.gov.cn, fgw-zhao@example.gov.cn]");
    MimeMessage mail = mails.get(0);
    assertThat(mail.getSubject()).isEqualTo("问题 " + number + " 已超过整改时限");
    assertThat(mail.getContent().toString())
        .contains("贵单位承办的问题「项目审批环节多、时限长」已超过整改时限 2 个工作日")
        .contains("问题编号：" + number);
    assertThat(mail.getContentType()).containsIgnoringCase("charset=UTF-8");
    assertThat(mail.getFrom()[0].toString()).contains("noreply@example.gov.cn");

    JsonNode call = webhookCallsOf(number).get(0);
    assertThat(call.path("msgtype").asText()).isEqualTo("text");
    assertThat(call.path("text").path("content").asText())
        .startsWith("【逾期】问题 " + number + " 已超过整改时限\n市发展改革委：").contains("请立即整改并报送整改情况");

    assertThat(deliveries(key)).extracting(Delivery::channel, Delivery::status, Delivery::attempts)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("EMAIL", "SENT", 1),
            org.assertj.core.groups.Tuple.tuple("WEBHOOK", "SENT", 1));
    dispatcherRanAgain();
    assertThat(mailsOf(key)).hasSize(2);
    assertThat(webhookCallsOf(number)).hasSize(1);
  }

  @Test
  void theSameKeyPublishedTwiceMakesOneNoticeAndOneMail() {
    String key = key("WARNING");
    String number = "WT-2026-" + key.substring(key.length() - 6);
    transaction.executeWithoutResult(s -> assertThat(notices.publish(overdue(key, number))).isTrue());
    // a timer job retried, or fired on a second node
    transaction.executeWithoutResult(s -> assertThat(notices.publish(overdue(key, number))).isFalse());

    await().atMost(Duration.ofSeconds(30)).until(() -> mailsOf(key).size() == 2);
    dispatcherRanAgain();
    assertThat(jdbc.sql("select count(*) from notice where notice_key = :key").param("key", key).query(Integer.class).single())
        .isEqualTo(1);
    assertThat(mailsOf(key)).as("one message, to the unit's two members").hasSize(2);
    assertThat(webhookCallsOf(number)).hasSize(1);
  }

  /** Published inside an engine command (as a delegate does): a step that fails leaves no notice and sends nothing. */
  @Test
  void aNoticeExistsExactlyWhenTheEngineStepCommitted() {
    var commands = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired();
    String rolledBack = key("ESCALATION");
    assertThatThrownBy(() -> commands.execute(context -> {
      notices.publish(overdue(rolledBack, "WT-2026-000101"));
      throw new IllegalStateException("the step failed after publishing");
    })).hasMessageContaining("the step failed");
    String committed = key("ESCALATION");
    commands.execute(context -> notices.publish(overdue(committed, "WT-2026-000102")));

    await().atMost(Duration.ofSeconds(30)).until(() -> mailsOf(committed).size() == 2);
    assertThat(deliveries(rolledBack)).isEmpty();
    assertThat(mailsOf(rolledBack)).isEmpty();
  }

  @Test
  void aRobotThatRefusesIsAskedAgainUntilItTakesTheMessageOnce() {
    String key = key("REMINDER");
    String number = "WT-2026-" + key.substring(key.length() - 6);
    WEBHOOK_REFUSALS.put(number, new AtomicInteger(2));
    transaction.executeWithoutResult(s -> notices.publish(overdue(key, number)));

    await().atMost(Duration.ofSeconds(30)).until(() -> webhookCallsOf(number).size() == 1 && allSent(key));
    Delivery webhook = deliveries(key).stream().filter(d -> d.channel().equals("WEBHOOK")).findFirst().orElseThrow();
    assertThat(webhook.status()).isEqualTo("SENT");
    assertThat(webhook.attempts()).isEqualTo(3);
    dispatcherRanAgain();
    assertThat(webhookCallsOf(number)).hasSize(1);
  }

  /**
   * Fault test 5 of issue #7: the mail server refuses connections. Publishing still commits at once,
   * the engine goes on working, the delivery is retried (attempts grow) and nothing is lost; once
   * the server is back the notice arrives exactly once.
   */
  @Test
  void aMailServerThatIsDownNeitherStallsTheProcessNorLosesTheNotice() throws Exception {
    smtp.stop();
    try {
      String key = key("OVERDUE");
      String number = "WT-2026-" + key.substring(key.length() - 6);
      long started = System.nanoTime();
      transaction.executeWithoutResult(s -> assertThat(notices.publish(overdue(key, number))).isTrue());
      Duration publishing = Duration.ofNanos(System.nanoTime() - started);
      assertThat(jdbc.sql("select count(*) from notice where notice_key = :key").param("key", key).query(Integer.class).single())
          .as("the notice committed with the step").isEqualTo(1);

      // the engine keeps working while mail is down: a registration through the process answers 201
      String registered = register("邮件服务器停机期间登记的问题");
      assertThat(registered).startsWith("WT-");

      await().atMost(Duration.ofSeconds(30)).until(() -> deliveries(key).stream()
          .anyMatch(d -> d.channel().equals("EMAIL") && d.status().equals("FAILED") && d.attempts() >= 3));
      Delivery failing = deliveries(key).get(0);
      assertThat(failing.lastError()).isNotBlank();
      var inbox = as("fgw-zhao").get("/api/notices?size=100").json();
      assertThat(texts(inbox.path("items"), "key")).as("the inbox has it while mail is down").contains(key);
      assertThat(mailsOf(key)).isEmpty();
      assertThat(as("fgw-zhao").page("/notices").body()).contains("电子邮件：发送失败，等待重试（已尝试 ");
      assertThat(as("admin").get("/api/notices/deliveries").body()).contains("\"status\":\"FAILED\"");

      smtp = startSmtp();
      await().atMost(Duration.ofSeconds(30)).until(() -> mailsOf(key).size() == 2 && allSent(key));
      Delivery sent = deliveries(key).get(0);
      assertThat(sent.status()).isEqualTo("SENT");
      assertThat(sent.attempts()).isGreaterThanOrEqualTo(4);
      dispatcherRanAgain();
      assertThat(mailsOf(key)).as("delivered exactly once").hasSize(2);
      log.info("fault test: publishing with the mail server down took {} ms; delivered after {} attempts",
          publishing.toMillis(), sent.attempts());
    } finally {
      if (!smtp.isRunning()) {
        smtp = startSmtp();
      }
    }
  }
}
