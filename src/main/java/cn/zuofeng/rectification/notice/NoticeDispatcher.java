package cn.zuofeng.rectification.notice;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Sends due deliveries: claims them, sends each on its channel, and records the outcome. Runs
 * outside any process transaction, so a channel that is down never blocks or rolls back a step.
 *
 * <p>Claiming works the same on H2 and PostgreSQL and with any number of application nodes on one
 * database: a node reads due rows, then takes each with a conditional update that counts the
 * attempt and moves {@code next_attempt_at} past a lease. Only one node's update matches, so a row
 * is sent by one node at a time. A delivery is marked SENT after the channel accepted it and never
 * sent again. If a node dies between the channel's acceptance and that mark, the row is due again
 * after the lease and is sent a second time: the one duplicate that no outbox can rule out without
 * the receiver's help (mails carry the notice key in header {@code X-Notice-Key}).
 *
 * <p>A failed attempt is logged at WARN and tried again after a back-off that doubles from
 * {@code first-backoff} up to {@code max-backoff}, without end: a notice is never given up.
 */
@Component
class NoticeDispatcher {

  private static final Logger log = LoggerFactory.getLogger(NoticeDispatcher.class);

  private final JdbcClient jdbc;
  private final Map<String, NoticeChannel> channels = new LinkedHashMap<>();
  private final NoticeProperties properties;
  private final Clock clock;
  private final String node;

  @Autowired
  NoticeDispatcher(JdbcClient jdbc, ObjectProvider<NoticeChannel> channels, NoticeProperties properties) {
    this(jdbc, channels.orderedStream().toList(), properties, Clock.systemUTC(),
        ManagementFactory.getRuntimeMXBean().getName());
  }

  NoticeDispatcher(JdbcClient jdbc, List<NoticeChannel> channels, NoticeProperties properties, Clock clock, String node) {
    this.jdbc = jdbc;
    channels.stream().filter(NoticeChannel::enabled).forEach(channel -> this.channels.put(channel.name(), channel));
    this.properties = properties;
    this.clock = clock;
    this.node = node;
  }

  private record Due(long id, int attempts, String channel, StoredNotice notice) {
  }

  /** Sends due deliveries until none is left (at most ten batches a round); returns how many this node claimed. */
  int dispatchDue() {
    int claimed = 0;
    for (int round = 0; round < 10; round++) {
      Batch batch = dispatchBatch();
      claimed += batch.claimed();
      // a full batch may have more behind it, even when another node claimed part of this one
      if (batch.due() < properties.batchSize()) {
        break;
      }
    }
    return claimed;
  }

  private record Batch(int due, int claimed) {
  }

  /** One batch: reads up to batch-size due deliveries, claims what no other node claimed first, and sends it. */
  private Batch dispatchBatch() {
    if (channels.isEmpty()) {
      return new Batch(0, 0);
    }
    OffsetDateTime now = now();
    List<Due> due = jdbc.sql("""
            select d.id, d.attempts, d.channel, n.id as notice_id, n.notice_key, n.kind, n.problem_number,
                   n.addressee, n.title, n.body, n.created_at
            from notice_delivery d join notice n on n.id = d.notice_id
            where d.status in ('PENDING', 'FAILED') and d.next_attempt_at <= :now and d.channel in (:channels)
            order by d.next_attempt_at, d.id
            fetch first :batch rows only""")
        .param("now", now).param("channels", List.copyOf(channels.keySet())).param("batch", properties.batchSize())
        .query((rs, i) -> new Due(rs.getLong("id"), rs.getInt("attempts"), rs.getString("channel"),
            new StoredNotice(rs.getLong("notice_id"), rs.getString("notice_key"), NoticeKind.valueOf(rs.getString("kind")),
                rs.getString("problem_number"), rs.getString("addressee"), rs.getString("title"), rs.getString("body"),
                rs.getObject("created_at", OffsetDateTime.class))))
        .list();
    int claimed = 0;
    for (Due delivery : due) {
      if (claim(delivery, now)) {
        claimed++;
        send(delivery);
      }
    }
    return new Batch(due.size(), claimed);
  }

  private boolean claim(Due delivery, OffsetDateTime now) {
    return jdbc.sql("""
            update notice_delivery set attempts = attempts + 1, next_attempt_at = :leaseEnd, claimed_by = :node
            where id = :id and attempts = :attempts and status in ('PENDING', 'FAILED') and next_attempt_at <= :now""")
        .param("leaseEnd", now.plus(properties.lease())).param("node", node).param("id", delivery.id())
        .param("attempts", delivery.attempts()).param("now", now)
        .update() == 1;
  }

  private void send(Due delivery) {
    int attempt = delivery.attempts() + 1;
    StoredNotice notice = delivery.notice();
    String outcome;
    try {
      outcome = channels.get(delivery.channel()).send(notice);
    } catch (Exception e) {
      Duration backoff = backoff(attempt);
      OffsetDateTime next = now().plus(backoff);
      String error = NoticeStore.truncate(e.getClass().getSimpleName() + ": " + e.getMessage(), 1000);
      record("""
          update notice_delivery set status = 'FAILED', next_attempt_at = :next, last_error = :error, claimed_by = null
          where id = :id and attempts = :attempt""", delivery, attempt, Map.of("next", next, "error", error));
      log.warn("notice {} for problem {} not delivered by {} (attempt {}), next attempt in {} at {}: {}",
          notice.key(), notice.problemNumber(), delivery.channel(), attempt, backoff, next, error);
      return;
    }
    if (outcome == null) {
      record("""
          update notice_delivery set status = 'SKIPPED', sent_at = :now, last_error = :note, claimed_by = null
          where id = :id and attempts = :attempt""", delivery, attempt, Map.of("now", now(), "note", "没有可发送的收件人"));
      log.info("notice {} for problem {}: nobody to send to by {} ({})", notice.key(), notice.problemNumber(),
          delivery.channel(), notice.addressee());
    } else {
      record("""
          update notice_delivery set status = 'SENT', sent_at = :now, last_error = null, claimed_by = null
          where id = :id and attempts = :attempt""", delivery, attempt, Map.of("now", now()));
      log.info("notice {} for problem {} delivered by {} to {} (attempt {})", notice.key(), notice.problemNumber(),
          delivery.channel(), outcome, attempt);
    }
  }

  private void record(String sql, Due delivery, int attempt, Map<String, ?> values) {
    var statement = jdbc.sql(sql).param("id", delivery.id()).param("attempt", attempt);
    values.forEach(statement::param);
    if (statement.update() == 0) {
      // only when this node overran its lease and another node claimed the row meanwhile
      log.warn("notice {} delivery {} by {} was claimed by another node while this one sent it (lease {} too short?)",
          delivery.notice().key(), delivery.id(), delivery.channel(), properties.lease());
    }
  }

  /** Wait after the given failed attempt: first-backoff doubled per further attempt, at most max-backoff. */
  Duration backoff(int attempt) {
    Duration wait = properties.firstBackoff().multipliedBy(1L << Math.min(Math.max(attempt - 1, 0), 20));
    return wait.compareTo(properties.maxBackoff()) > 0 ? properties.maxBackoff() : wait;
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
  }
}
