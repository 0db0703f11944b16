package cn.zuofeng.rectification.notice;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The notice tables' SQL on a real PostgreSQL server (the production major version), without the
 * rest of the application: publishing once per key even when two nodes race.
 */
class NoticeStoreOnPostgresIT {

  private static EmbeddedPostgres server;
  private static DataSource dataSource;
  private static JdbcClient jdbc;
  private static TransactionTemplate transaction;

  @BeforeAll
  static void migrate() throws IOException {
    server = EmbeddedPostgres.builder().start();
    dataSource = server.getPostgresDatabase();
    Flyway.configure().dataSource(dataSource).table("app_schema_history").load().migrate();
    jdbc = JdbcClient.create(dataSource);
    transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
  }

  @AfterAll
  static void stop() throws IOException {
    if (server != null) {
      server.close();
    }
  }

  static NoticeStore store(NoticeChannel... channels) {
    return new NoticeStore(jdbc, Clock.systemUTC(), List.of(channels), Clock.systemUTC(), true);
  }

  static int count(String sql, String key) {
    return jdbc.sql(sql).param("key", key).query(Integer.class).single();
  }

  @Test
  void theSameKeyTwiceInOneTransactionKeepsTheTransactionUsable() {
    var store = store(new NoticeStoreTest.FakeChannel("EMAIL", true));
    String key = "WARNING:WT-2026-000001:" + UUID.randomUUID();
    String other = "WARNING:WT-2026-000002:" + UUID.randomUUID();
    var results = transaction.execute(status -> List.of(store.publish(NoticeStoreTest.draft(key)),
        store.publish(NoticeStoreTest.draft(key)), store.publish(NoticeStoreTest.draft(other))));
    assertThat(results).containsExactly(true, false, true);
    assertThat(count("select count(*) from notice where notice_key = :key", key)).isEqualTo(1);
    assertThat(count("select count(*) from notice_delivery d join notice n on n.id = d.notice_id where n.notice_key = :key",
        key)).isEqualTo(1);
    assertThat(count("select count(*) from notice where notice_key = :key", other)).isEqualTo(1);
  }

  /** Two nodes publish the same fact at once: the second waits for the first and stores nothing, without an error. */
  @Test
  void aLostRaceReturnsFalseWithoutBreakingTheLosersTransaction() throws Exception {
    var store = store();
    String key = "OVERDUE:WT-2026-000003:" + UUID.randomUUID();
    String losersOwn = "REMINDER:WT-2026-000003:" + UUID.randomUUID();
    var firstPublished = new CountDownLatch(1);
    var secondStarted = new CountDownLatch(1);
    CompletableFuture<Boolean> first = CompletableFuture.supplyAsync(() -> transaction.execute(status -> {
      boolean stored = store.publish(NoticeStoreTest.draft(key));
      firstPublished.countDown();
      await(secondStarted);
      return stored;
    }));
    assertThat(firstPublished.await(20, TimeUnit.SECONDS)).isTrue();
    CompletableFuture<List<Boolean>> second = CompletableFuture.supplyAsync(() -> transaction.execute(status -> {
      secondStarted.countDown();
      // blocks on the first transaction's uncommitted row until it commits
      boolean stored = store.publish(NoticeStoreTest.draft(key));
      return List.of(stored, store.publish(NoticeStoreTest.draft(losersOwn)));
    }));
    assertThat(first.get(20, TimeUnit.SECONDS)).isTrue();
    assertThat(second.get(20, TimeUnit.SECONDS)).containsExactly(false, true);
    assertThat(count("select count(*) from notice where notice_key = :key", key)).isEqualTo(1);
    assertThat(count("select count(*) from notice where notice_key = :key", losersOwn)).isEqualTo(1);
  }

  /** Two application nodes dispatch at once on one PostgreSQL: every delivery is sent once, none is left. */
  @Test
  void twoNodesSendEachDeliveryOnce() throws Exception {
    var channel = new NoticeStoreTest.FakeChannel("PG-" + UUID.randomUUID().toString().substring(0, 8), true);
    var store = store(channel);
    var keys = new java.util.ArrayList<String>();
    for (int i = 0; i < 200; i++) {
      String key = "OVERDUE:WT-2026-" + i + ":" + UUID.randomUUID();
      transaction.executeWithoutResult(status -> store.publish(NoticeStoreTest.draft(key)));
      keys.add(key);
    }
    var properties = new NoticeProperties(false, java.time.Duration.ofSeconds(1), 10, java.time.Duration.ofSeconds(30),
        java.time.Duration.ofHours(1), java.time.Duration.ofMinutes(5), new NoticeProperties.Mail("noreply@localhost", "问题整改闭环"),
        new NoticeProperties.Webhook("", java.time.Duration.ofSeconds(10)));
    var ready = new java.util.concurrent.CyclicBarrier(2);
    var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
    try {
      var nodes = List.of("node-a", "node-b").stream().map(node -> pool.submit(() -> {
        var dispatcher = new NoticeDispatcher(jdbc, List.of(channel), properties, Clock.systemUTC(), node);
        ready.await();
        int claimed = 0;
        for (int round; (round = dispatcher.dispatchDue()) > 0; ) {
          claimed += round;
        }
        return claimed;
      })).toList();
      int claimedByA = nodes.get(0).get(60, TimeUnit.SECONDS);
      int claimedByB = nodes.get(1).get(60, TimeUnit.SECONDS);
      org.slf4j.LoggerFactory.getLogger(NoticeStoreOnPostgresIT.class)
          .info("two dispatchers on PostgreSQL: node-a sent {}, node-b sent {}", claimedByA, claimedByB);
      assertThat(claimedByA + claimedByB).isEqualTo(200);
    } finally {
      pool.shutdownNow();
    }
    assertThat(channel.sent).extracting(StoredNotice::key).containsExactlyInAnyOrderElementsOf(keys);
    assertThat(jdbc.sql("select count(*) from notice_delivery where channel = :channel and status = 'SENT' and attempts = 1")
        .param("channel", channel.name()).query(Integer.class).single()).isEqualTo(200);
  }

  /** Holds the first transaction open until the second publisher waits for its row lock. */
  private static void await(CountDownLatch latch) {
    try {
      latch.await(20, TimeUnit.SECONDS);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      while (jdbc.sql("select count(*) from pg_stat_activity where wait_event_type = 'Lock'").query(Integer.class).single() == 0) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError("the second publisher never waited for the first one's row");
        }
        Thread.sleep(20);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
