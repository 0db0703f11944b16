package cn.zuofeng.rectification.ledger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Append-only log of every ledger change. Each row stores the SHA-256 of the previous row of the
 * same problem, so an altered or removed row breaks the chain, and a link of the global chain
 * over all problems ({@link GlobalEventChain}). Rows are written in the transaction of the change,
 * at its commit; the problem row's version guard serialises appends per problem.
 */
@Component
public class ProblemEventLog {

  private final JdbcClient jdbc;
  private final ObjectMapper json;
  private final java.time.ZoneId zone;
  private final GlobalEventChain chain;

  ProblemEventLog(JdbcClient jdbc, ObjectMapper json, java.time.Clock clock, GlobalEventChain chain) {
    this.jdbc = jdbc;
    this.json = json;
    this.zone = clock.getZone();
    this.chain = chain;
  }

  private static final Map<String, String> LABELS = Map.ofEntries(
      Map.entry("REGISTERED", "登记问题"), Map.entry("ASSIGNED", "审核交办"), Map.entry("DISMISSED", "不予立项"),
      Map.entry("CLAIMED", "签收"), Map.entry("UNCLAIMED", "退回认领"), Map.entry("RECTIFICATION_SUBMITTED", "提交整改"),
      Map.entry("ACCEPTED", "验收通过"), Map.entry("REJECTED", "退回整改"), Map.entry("CLOSED_OUT", "销号"),
      Map.entry("CLOSE_OUT_SENT_BACK", "销号退回"), Map.entry("WARNED", "预警（黄灯）"), Map.entry("OVERDUE", "逾期（红灯）"),
      Map.entry("REMINDED", "催办"), Map.entry("EXTENSION_REQUESTED", "申请延期"), Map.entry("EXTENSION_APPROVED", "同意延期"),
      Map.entry("EXTENSION_REFUSED", "不同意延期"), Map.entry("PROGRESS_REPORTED", "报送阶段性进展"),
      Map.entry("SUPERVISION_ISSUED", "下发督办单"), Map.entry("SUPERVISION_ANSWERED", "书面答复督办"),
      Map.entry("SUPERVISION_ESCALATED", "督办升级"), Map.entry("ADMONITION_HELD", "约谈"),
      Map.entry("ACCOUNTABILITY_DECIDED", "问责审查"), Map.entry("SUPERVISION_ENDED", "督办结束"));

  /** One entry as an auditor reads it. */
  public record Event(int seq, OffsetDateTime occurredAt, String actor, String type, String activityId,
                      String details, String prevHash, String hash) {

    /** The entry's kind in Chinese. */
    public String label() {
      return LABELS.getOrDefault(type, type);
    }
  }

  void append(Problem problem, String type, Step step, OffsetDateTime at, Map<String, ?> details) {
    // the problem row is already locked by this transaction's insert or versioned update
    var last = chain.lastQueued(problem.id())
        .map(r -> new Object[] {r.seq(), r.hash()})
        .or(() -> jdbc.sql("select seq, hash from problem_event where problem_id = :id order by seq desc limit 1")
            .param("id", problem.id())
            .query((rs, i) -> new Object[] {rs.getInt("seq"), rs.getString("hash")})
            .optional());
    int seq = last.map(r -> (Integer) r[0] + 1).orElse(1);
    String prevHash = last.map(r -> (String) r[1]).orElse(null);
    String detailsJson = toJson(details);
    String hash = hash(prevHash, problem.number(), seq, at, step.actor(), type, step.activityId(), detailsJson);
    // written with its global link when the transaction commits (GlobalEventChain)
    chain.add(new GlobalEventChain.Row(problem.id(), seq, at, step.actor(), type, step.activityId(), detailsJson,
        prevHash, hash));
  }

  public List<Event> eventsOf(long problemId) {
    return jdbc.sql("""
            select seq, occurred_at, actor, type, activity_id, details, prev_hash, hash
            from problem_event where problem_id = :id order by seq""")
        .param("id", problemId)
        .query((rs, i) -> new Event(rs.getInt("seq"), LocalTime.of(rs.getObject("occurred_at", OffsetDateTime.class), zone),
            rs.getString("actor"), rs.getString("type"), rs.getString("activity_id"), rs.getString("details"),
            rs.getString("prev_hash"), rs.getString("hash")))
        .list();
  }

  /** Recomputes the hash of a stored row, as an auditor's verification does. */
  public static String hashOf(String number, Event event) {
    return hash(event.prevHash(), number, event.seq(), event.occurredAt(), event.actor(), event.type(), event.activityId(),
        event.details());
  }

  static String hash(String prevHash, String number, int seq, OffsetDateTime at, String actor, String type,
                     String activityId, String details) {
    String canonical = String.join("\n", String.valueOf(prevHash), number, Integer.toString(seq),
        at.toInstant().toString(), String.valueOf(actor), type, String.valueOf(activityId), String.valueOf(details));
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  private String toJson(Map<String, ?> details) {
    try {
      return json.writeValueAsString(details);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("event details must be plain values", e);
    }
  }

}
