package cn.zuofeng.rectification.notice;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores notices and their pending deliveries in the caller's transaction: called from a delegate,
 * that is the engine's (Spring-managed) transaction, so the notice exists exactly when the step
 * that caused it committed, and a rolled-back step leaves no notice behind.
 *
 * <p>The same key twice stores nothing new and never breaks the caller's transaction. On
 * PostgreSQL the insert is {@code on conflict do nothing}: a concurrent publisher of the same key
 * (a second node firing the same fact) waits for the first one's commit and then inserts nothing,
 * so even the lost race returns {@code false} without an exception. On H2 (single node) the insert
 * is guarded by {@code not exists}, and the unlikely unique violation of a race is caught (H2 keeps
 * the transaction usable after a failed statement).
 */
@Service
@Transactional
class NoticeStore implements Notices {

  private static final Logger log = LoggerFactory.getLogger(NoticeStore.class);
  static final int MAX_TITLE = 200;
  static final int MAX_BODY = 4000;

  private final JdbcClient jdbc;
  private final Clock clock;
  private final List<NoticeChannel> channels;
  private final Clock wallClock;
  private final boolean postgres;

  @Autowired
  NoticeStore(JdbcClient jdbc, Clock clock, ObjectProvider<NoticeChannel> channels, DataSource dataSource) {
    this(jdbc, clock, channels.orderedStream().toList(), Clock.systemUTC(), isPostgres(dataSource));
  }

  NoticeStore(JdbcClient jdbc, Clock clock, List<NoticeChannel> channels, Clock wallClock, boolean postgres) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.channels = channels;
    this.wallClock = wallClock;
    this.postgres = postgres;
  }

  @Override
  public boolean publish(NoticeDraft draft) {
    check(draft);
    Long id = insertOnce(draft);
    if (id == null) {
      log.info("notice {} for problem {} exists already: nothing published", draft.key(), draft.problemNumber());
      return false;
    }
    var notice = new StoredNotice(id, draft.key(), draft.kind(), draft.problemNumber(), draft.addressee(),
        draft.title(), draft.body(), null);
    // deliveries are due at once by the wall clock: a moved engine clock must not delay sending
    OffsetDateTime due = OffsetDateTime.now(wallClock);
    for (NoticeChannel channel : channels) {
      if (channel.enabled()) {
        jdbc.sql("""
                insert into notice_delivery (notice_id, channel, recipient, status, attempts, next_attempt_at)
                values (:noticeId, :channel, :recipient, 'PENDING', 0, :due)""")
            .param("noticeId", id).param("channel", channel.name())
            .param("recipient", truncate(channel.recipientOf(notice), 320)).param("due", due)
            .update();
      }
    }
    log.info("notice {} ({}) for problem {} to {} stored", draft.key(), draft.kind(), draft.problemNumber(),
        draft.addressee());
    return true;
  }

  /** The new notice's id, or null when one with the key exists. */
  private Long insertOnce(NoticeDraft draft) {
    String sql = postgres
        ? """
          insert into notice (notice_key, kind, problem_number, addressee, title, body, created_at)
          values (:key, :kind, :problemNumber, :addressee, :title, :body, :createdAt)
          on conflict (notice_key) do nothing"""
        : """
          insert into notice (notice_key, kind, problem_number, addressee, title, body, created_at)
          select :key, :kind, :problemNumber, :addressee, :title, :body, :createdAt
          where not exists (select 1 from notice where notice_key = :key)""";
    var keys = new GeneratedKeyHolder();
    try {
      int inserted = jdbc.sql(sql)
          .param("key", draft.key()).param("kind", draft.kind().name()).param("problemNumber", draft.problemNumber())
          .param("addressee", draft.addressee()).param("title", truncate(draft.title(), MAX_TITLE))
          .param("body", truncate(draft.body(), MAX_BODY))
          .param("createdAt", OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC))
          .update(keys, "id");
      return inserted == 0 ? null : keys.getKey().longValue();
    } catch (DuplicateKeyException lostRace) {
      if (postgres) {
        throw lostRace; // cannot happen with "on conflict do nothing"; never swallow it on an aborted transaction
      }
      return null;
    }
  }

  private static void check(NoticeDraft draft) {
    if (draft == null || blank(draft.key()) || draft.kind() == null || blank(draft.addressee()) || blank(draft.title())
        || draft.body() == null) {
      throw new IllegalArgumentException("a notice needs key, kind, addressee, title and body: " + draft);
    }
    if (draft.key().length() > 200 || draft.addressee().length() > 64
        || (draft.problemNumber() != null && draft.problemNumber().length() > 20)) {
      throw new IllegalArgumentException("notice key (≤ 200), addressee (≤ 64) or problem number (≤ 20) too long: "
          + draft.key());
    }
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  static String truncate(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }

  private static boolean isPostgres(DataSource dataSource) {
    try (Connection connection = dataSource.getConnection()) {
      return connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
    } catch (SQLException e) {
      throw new IllegalStateException("cannot determine the database product", e);
    }
  }
}
