package cn.zuofeng.rectification.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

/** Publishing stores a notice in the caller's transaction, once per key. */
@SpringBootTest
@ActiveProfiles("test")
class NoticeStoreTest {

  @Autowired Notices notices;
  @Autowired JdbcClient jdbc;
  @Autowired TransactionTemplate transaction;
  @Autowired Clock clock;

  static NoticeDraft draft(String key) {
    return new NoticeDraft(key, NoticeKind.OVERDUE, "WT-2026-000012", "unit-fgw", "问题 WT-2026-000012 已逾期",
        "贵单位承办的问题「会议过多」已超过整改时限，请抓紧整改。");
  }

  static String key() {
    return "OVERDUE:WT-2026-000012:" + UUID.randomUUID();
  }

  int notices(String key) {
    return jdbc.sql("select count(*) from notice where notice_key = :key").param("key", key).query(Integer.class).single();
  }

  @Test
  void theSameKeyTwiceStoresOneNoticeAndTheCallersTransactionStillCommits() {
    String key = key();
    String other = key();
    List<Boolean> results = transaction.execute(status -> {
      boolean first = notices.publish(draft(key));
      boolean second = notices.publish(draft(key));
      // the caller goes on after the duplicate: its transaction is intact
      boolean third = notices.publish(draft(other));
      return List.of(first, second, third);
    });
    assertThat(results).containsExactly(true, false, true);
    assertThat(notices(key)).isEqualTo(1);
    assertThat(notices(other)).isEqualTo(1);
    assertThat(notices.publish(draft(key))).as("published again in a later transaction").isFalse();
    assertThat(notices(key)).isEqualTo(1);
  }

  @Test
  void aRolledBackStepLeavesNoNotice() {
    String key = key();
    assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
      notices.publish(draft(key));
      throw new IllegalStateException("the step failed after publishing");
    })).hasMessageContaining("the step failed");
    assertThat(notices(key)).isZero();
    assertThat(notices.publish(draft(key))).as("the retried step publishes it").isTrue();
    assertThat(notices(key)).isEqualTo(1);
  }

  @Test
  void eachEnabledChannelGetsOnePendingDelivery() {
    var mail = new FakeChannel("EMAIL", true);
    var webhook = new FakeChannel("WEBHOOK", false);
    var store = new NoticeStore(jdbc, clock, List.of(mail, webhook), Clock.systemUTC(), false);
    String key = key();
    transaction.executeWithoutResult(status -> {
      store.publish(draft(key));
      store.publish(draft(key));
    });
    var deliveries = jdbc.sql("""
            select d.channel, d.recipient, d.status, d.attempts from notice_delivery d
            join notice n on n.id = d.notice_id where n.notice_key = :key""")
        .param("key", key).query((rs, i) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4)))
        .list();
    assertThat(deliveries).containsExactly(List.of("EMAIL", "unit-fgw", "PENDING", 0));
  }

  @Test
  void aNoticeWithoutAddresseeIsRefused() {
    var draft = new NoticeDraft(key(), NoticeKind.WARNING, "WT-2026-000001", " ", "预警", "正文");
    assertThatThrownBy(() -> notices.publish(draft)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void anOverlongBodyIsShortenedNotRefused() {
    String key = key();
    var draft = new NoticeDraft(key, NoticeKind.REMINDER, "WT-2026-000001", "unit-fgw", "催办", "催".repeat(5000));
    assertThat(notices.publish(draft)).isTrue();
    String body = jdbc.sql("select body from notice where notice_key = :key").param("key", key).query(String.class).single();
    assertThat(body).hasSize(NoticeStore.MAX_BODY).endsWith("…");
  }

  static final class FakeChannel implements NoticeChannel {
    private final String name;
    private final boolean enabled;
    final List<StoredNotice> sent = new java.util.concurrent.CopyOnWriteArrayList<>();
    volatile Exception failure;

    FakeChannel(String name, boolean enabled) {
      this.name = name;
      this.enabled = enabled;
    }

    @Override public String name() {
      return name;
    }

    @Override public boolean enabled() {
      return enabled;
    }

    @Override public String recipientOf(StoredNotice notice) {
      return notice.addressee();
    }

    @Override public String send(StoredNotice notice) throws Exception {
      if (failure != null) {
        throw failure;
      }
      sent.add(notice);
      return "ok";
    }
  }
}
