package cn.zuofeng.rectification.notice;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The in-app inbox (站内通知): a user's notices are those addressed to the user or to one of their
 * groups; each user marks them read for themselves.
 */
@Service
public class NoticeInbox {

  public static final int MAX_PAGE_SIZE = 100;

  private final JdbcClient jdbc;
  private final ZoneId zone;

  NoticeInbox(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.zone = clock.getZone();
  }

  /** The owner's notices, newest first. */
  public InboxPage inbox(InboxOwner owner, int page, int size) {
    int pageSize = Math.min(Math.max(size, 1), MAX_PAGE_SIZE);
    int pageNumber = Math.max(page, 0);
    List<NoticeView> items = jdbc.sql("""
            select n.id, n.notice_key, n.kind, n.problem_number, n.addressee, n.title, n.body, n.created_at, r.read_at
            from notice n left join notice_read r on r.notice_id = n.id and r.user_id = :user
            where n.addressee in (:addressees)
            order by n.created_at desc, n.id desc
            limit :size offset :offset""")
        .param("user", owner.userId()).param("addressees", owner.addressees())
        .param("size", pageSize).param("offset", (long) pageNumber * pageSize)
        .query((rs, i) -> view(rs, List.of()))
        .list();
    long total = jdbc.sql("select count(*) from notice where addressee in (:addressees)")
        .param("addressees", owner.addressees()).query(Long.class).single();
    return new InboxPage(withDeliveries(items), total, unread(owner), pageNumber, pageSize);
  }

  /** How many of the owner's notices the owner has not read (the badge in the page header). */
  public long unread(InboxOwner owner) {
    return jdbc.sql("""
            select count(*) from notice n
            where n.addressee in (:addressees)
              and not exists (select 1 from notice_read r where r.notice_id = n.id and r.user_id = :user)""")
        .param("addressees", owner.addressees()).param("user", owner.userId())
        .query(Long.class).single();
  }

  /**
   * Marks the notice read for the owner (again: no change). Returns false when there is no such notice
   * addressed to the owner, which the caller answers like a notice that does not exist.
   */
  public boolean markRead(long id, InboxOwner owner) {
    boolean addressed = jdbc.sql("select count(*) from notice where id = :id and addressee in (:addressees)")
        .param("id", id).param("addressees", owner.addressees()).query(Long.class).single() > 0;
    if (!addressed) {
      return false;
    }
    try {
      jdbc.sql("""
              insert into notice_read (notice_id, user_id, read_at)
              select :id, :user, :now where not exists
                (select 1 from notice_read where notice_id = :id and user_id = :user)""")
          .param("id", id).param("user", owner.userId()).param("now", OffsetDateTime.now(ZoneOffset.UTC))
          .update();
    } catch (DuplicateKeyException readTwiceAtOnce) {
      // a double click: the other request stored it (its own statement, so nothing else is affected)
    }
    return true;
  }

  /** Deliveries by channel and status, over all notices (for administrators). */
  public List<DeliveryStatus> deliveryStatus() {
    return jdbc.sql("""
            select channel, status, count(*) as deliveries, max(attempts) as max_attempts,
                   min(case when status in ('PENDING', 'FAILED') then next_attempt_at end) as oldest_due
            from notice_delivery group by channel, status order by channel, status""")
        .query((rs, i) -> new DeliveryStatus(rs.getString("channel"), NoticeView.channelLabel(rs.getString("channel")),
            rs.getString("status"), NoticeView.statusLabel(rs.getString("status")), rs.getLong("deliveries"),
            rs.getLong("max_attempts"), local(rs.getObject("oldest_due", OffsetDateTime.class))))
        .list();
  }

  private List<NoticeView> withDeliveries(List<NoticeView> notices) {
    if (notices.isEmpty()) {
      return notices;
    }
    Map<Long, List<NoticeView.Delivery>> byNotice = new HashMap<>();
    jdbc.sql("""
            select notice_id, channel, status, attempts, next_attempt_at, sent_at, last_error
            from notice_delivery where notice_id in (:ids) order by notice_id, channel""")
        .param("ids", notices.stream().map(NoticeView::id).toList())
        .query(rs -> {
          String status = rs.getString("status");
          byNotice.computeIfAbsent(rs.getLong("notice_id"), id -> new ArrayList<>()).add(new NoticeView.Delivery(
              rs.getString("channel"), NoticeView.channelLabel(rs.getString("channel")), status,
              NoticeView.statusLabel(status), rs.getInt("attempts"),
              status.equals("PENDING") || status.equals("FAILED") ? local(rs.getObject("next_attempt_at", OffsetDateTime.class)) : null,
              local(rs.getObject("sent_at", OffsetDateTime.class)), rs.getString("last_error")));
        });
    return notices.stream().map(n -> new NoticeView(n.id(), n.key(), n.kind(), n.kindLabel(), n.problemNumber(),
        n.addressee(), n.title(), n.body(), n.createdAt(), n.read(), n.readAt(),
        List.copyOf(byNotice.getOrDefault(n.id(), List.of())))).toList();
  }

  private NoticeView view(ResultSet rs, List<NoticeView.Delivery> deliveries) throws SQLException {
    NoticeKind kind = NoticeKind.valueOf(rs.getString("kind"));
    OffsetDateTime readAt = local(rs.getObject("read_at", OffsetDateTime.class));
    return new NoticeView(rs.getLong("id"), rs.getString("notice_key"), kind, kind.label(), rs.getString("problem_number"),
        rs.getString("addressee"), rs.getString("title"), rs.getString("body"),
        local(rs.getObject("created_at", OffsetDateTime.class)), readAt != null, readAt, deliveries);
  }

  private OffsetDateTime local(OffsetDateTime time) {
    return time == null ? null : time.atZoneSameInstant(zone).toOffsetDateTime();
  }
}
