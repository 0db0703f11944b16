package cn.zuofeng.rectification.notice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivery with a channel that fails and recovers: retried with a growing back-off, never lost,
 * sent once. The dispatcher's clock is moved by hand, so no test waits.
 */
@SpringBootTest
@ActiveProfiles("test")
class NoticeDispatcherTest {

  @Autowired JdbcClient jdbc;
  @Autowired TransactionTemplate transaction;
  @Autowired Clock clock;
  @Autowired NoticeProperties defaults;

  final MovableClock now = new MovableClock(Instant.parse("2040-01-01T00:00:00Z"));
  final NoticeStoreTest.FakeChannel channel = new NoticeStoreTest.FakeChannel("TEST-" + UUID.randomUUID().toString().substring(0, 8), true);
  NoticeProperties properties;

  @BeforeEach
  void settings() {
    properties = new NoticeProperties(false, Duration.ofSeconds(1), 5, Duration.ofSeconds(30), Duration.ofMinutes(4),
        Duration.ofMinutes(5), defaults.mail(), defaults.webhook());
  }

  NoticeDispatcher dispatcher(String node) {
    return new NoticeDispatcher(jdbc, List.of(channel), properties, now, node);
  }

  String publish() {
    String key = "WARNING:WT-2026-000007:" + UUID.randomUUID();
    var store = new NoticeStore(jdbc, clock, List.of(channel), now, false);
    transaction.executeWithoutResult(status -> store.publish(NoticeStoreTest.draft(key)));
    return key;
  }

  record Row(String status, int attempts, Instant nextAttemptAt, String lastError) {}

  Row delivery(String key) {
    return jdbc.sql("""
            select d.status, d.attempts, d.next_attempt_at, d.last_error from notice_delivery d
            join notice n on n.id = d.notice_id where n.notice_key = :key""")
        .param("key", key)
        .query((rs, i) -> new Row(rs.getString(1), rs.getInt(2),
            rs.getObject(3, java.time.OffsetDateTime.class).toInstant(), rs.getString(4)))
        .single();
  }

  @Test
  void aFailingChannelIsRetriedWithGrowingBackoffAndDeliversOnceWhenBack() {
    String key = publish();
    channel.failure = new java.net.ConnectException("Connection refused");

    assertThat(dispatcher("a").dispatchDue()).isEqualTo(1);
    Row first = delivery(key);
    assertThat(first.status()).isEqualTo("FAILED");
    assertThat(first.attempts()).isEqualTo(1);
    assertThat(first.lastError()).contains("Connection refused");
    assertThat(first.nextAttemptAt()).isEqualTo(now.instant().plusSeconds(30));

    assertThat(dispatcher("a").dispatchDue()).as("not due before its back-off").isZero();

    now.advance(Duration.ofSeconds(30));
    dispatcher("a").dispatchDue();
    assertThat(delivery(key).attempts()).isEqualTo(2);
    assertThat(delivery(key).nextAttemptAt()).isEqualTo(now.instant().plusSeconds(60));

    for (int i = 0; i < 5; i++) {
      now.advance(Duration.ofMinutes(10));
      dispatcher("a").dispatchDue();
    }
    Row capped = delivery(key);
    assertThat(capped.attempts()).isEqualTo(7);
    assertThat(capped.status()).as("never given up").isEqualTo("FAILED");
    assertThat(capped.nextAttemptAt()).as("back-off capped").isEqualTo(now.instant().plus(Duration.ofMinutes(4)));
    assertThat(channel.sent).isEmpty();

    channel.failure = null;
    now.advance(Duration.ofMinutes(4));
    dispatcher("b").dispatchDue();
    assertThat(delivery(key).status()).isEqualTo("SENT");
    assertThat(delivery(key).attempts()).isEqualTo(8);
    assertThat(delivery(key).lastError()).isNull();
    assertThat(channel.sent).extracting(StoredNotice::key).containsExactly(key);

    now.advance(Duration.ofDays(1));
    assertThat(dispatcher("a").dispatchDue() + dispatcher("b").dispatchDue()).as("a sent delivery is never sent again").isZero();
    assertThat(channel.sent).hasSize(1);
  }

  @Test
  void twoNodesSendEachDeliveryOnce() throws Exception {
    var keys = new java.util.ArrayList<String>();
    for (int i = 0; i < 40; i++) {
      keys.add(publish());
    }
    var a = dispatcher("node-a");
    var b = dispatcher("node-b");
    var ready = new java.util.concurrent.CyclicBarrier(2);
    var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
    try {
      var triedByA = pool.submit(() -> { ready.await(); return a.dispatchDue(); });
      var triedByB = pool.submit(() -> { ready.await(); return b.dispatchDue(); });
      assertThat(triedByA.get(30, java.util.concurrent.TimeUnit.SECONDS) + triedByB.get(30, java.util.concurrent.TimeUnit.SECONDS))
          .isEqualTo(40);
    } finally {
      pool.shutdownNow();
    }
    assertThat(channel.sent).extracting(StoredNotice::key).containsExactlyInAnyOrderElementsOf(keys);
    keys.forEach(key -> assertThat(delivery(key)).extracting(Row::status, Row::attempts).containsExactly("SENT", 1));
  }

  @Test
  void aNodeThatDiedWhileSendingLeavesTheDeliveryToAnotherAfterTheLease() {
    String key = publish();
    // node "dead" claimed the row and died before recording anything
    jdbc.sql("""
            update notice_delivery set attempts = attempts + 1, next_attempt_at = :leaseEnd, claimed_by = 'dead'
            where notice_id = (select id from notice where notice_key = :key)""")
        .param("leaseEnd", now.instant().plus(properties.lease()).atOffset(ZoneOffset.UTC)).param("key", key).update();
    assertThat(dispatcher("b").dispatchDue()).as("still leased").isZero();
    now.advance(properties.lease());
    assertThat(dispatcher("b").dispatchDue()).isEqualTo(1);
    assertThat(delivery(key)).extracting(Row::status, Row::attempts).containsExactly("SENT", 2);
  }

  @Test
  void backoffDoublesUpToTheCap() {
    var dispatcher = dispatcher("a");
    assertThat(dispatcher.backoff(1)).isEqualTo(Duration.ofSeconds(30));
    assertThat(dispatcher.backoff(2)).isEqualTo(Duration.ofSeconds(60));
    assertThat(dispatcher.backoff(3)).isEqualTo(Duration.ofSeconds(120));
    assertThat(dispatcher.backoff(4)).isEqualTo(Duration.ofMinutes(4));
    assertThat(dispatcher.backoff(1000)).isEqualTo(Duration.ofMinutes(4));
  }

  static final class MovableClock extends Clock {
    private volatile Instant instant;

    MovableClock(Instant instant) {
      this.instant = instant;
    }

    void advance(Duration duration) {
      instant = instant.plus(duration);
    }

    @Override public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override public Instant instant() {
      return instant;
    }
  }
}
