package cn.zuofeng.rectification.ledger;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** SQL for extension requests; only {@link LedgerService} writes through it. */
@Repository
class ExtensionRequests {

  private final JdbcClient jdbc;
  private final ZoneId zone;

  ExtensionRequests(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.zone = clock.getZone();
  }

  long insert(Problem p, LocalDate requested, String reason, String by, OffsetDateTime at) {
    var keys = new GeneratedKeyHolder();
    jdbc.sql("""
            insert into extension_request (problem_id, previous_deadline, requested_deadline, reason, requested_by,
              requested_at, status)
            values (:problemId, :previous, :requested, :reason, :by, :at, 'PENDING')""")
        .param("problemId", p.id())
        .param("previous", p.deadline())
        .param("requested", requested)
        .param("reason", reason)
        .param("by", by)
        .param("at", at)
        .update(keys, "id");
    return keys.getKeyAs(Number.class).longValue();
  }

  void decide(long id, ExtensionRequest.Status status, String by, OffsetDateTime at, String comment,
              LocalDate approvedDeadline) {
    jdbc.sql("""
            update extension_request set status = :status, decided_by = :by, decided_at = :at,
              decision_comment = :comment, approved_deadline = :approved
            where id = :id and status = 'PENDING'""")
        .param("status", status.name())
        .param("by", by)
        .param("at", at)
        .param("comment", comment)
        .param("approved", approvedDeadline)
        .param("id", id)
        .update();
  }

  Optional<ExtensionRequest> pending(long problemId) {
    return jdbc.sql(SELECT + " where problem_id = :id and status = 'PENDING'")
        .param("id", problemId)
        .query(this::map)
        .optional();
  }

  List<ExtensionRequest> of(long problemId) {
    return jdbc.sql(SELECT + " where problem_id = :id order by id")
        .param("id", problemId)
        .query(this::map)
        .list();
  }

  private static final String SELECT = """
      select id, previous_deadline, requested_deadline, reason, requested_by, requested_at, status, decided_by,
        decided_at, decision_comment, approved_deadline
      from extension_request""";

  private ExtensionRequest map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    return new ExtensionRequest(rs.getLong("id"), rs.getObject("previous_deadline", LocalDate.class),
        rs.getObject("requested_deadline", LocalDate.class), rs.getString("reason"), rs.getString("requested_by"),
        LocalTime.of(rs.getObject("requested_at", OffsetDateTime.class), zone),
        ExtensionRequest.Status.valueOf(rs.getString("status")), rs.getString("decided_by"),
        LocalTime.of(rs.getObject("decided_at", OffsetDateTime.class), zone), rs.getString("decision_comment"),
        rs.getObject("approved_deadline", LocalDate.class));
  }
}
