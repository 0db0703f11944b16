package cn.zuofeng.rectification.ledger;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** SQL for the problem table; only {@link LedgerService} writes through it. */
@Repository
class ProblemRepository {

  private static final String COLUMNS = """
      id, number, title, description, source, category, discovered_on, suggested_unit, state,
      unit_code, severity, rectification_type, deadline, warning_date, warned_at, overdue_at, dismiss_reason, owner, claimed_at,
      measures, result, rectified_at, rejection_count, last_rejection_reason, accepted_at,
      close_out_comment, closed_at, supervision_level, reminder_count, progress_report_count, registered_by, registered_at, updated_at, process_instance_id, version""";

  /** Rows per round trip when a whole result is streamed ({@link #forEach}). */
  static final int STREAM_FETCH_SIZE = 500;

  private final JdbcClient jdbc;
  private final JdbcClient streaming;
  private final ZoneId zone;

  ProblemRepository(JdbcClient jdbc, DataSource dataSource, Clock clock) {
    this.jdbc = jdbc;
    var template = new JdbcTemplate(dataSource);
    template.setFetchSize(STREAM_FETCH_SIZE);
    this.streaming = JdbcClient.create(template);
    this.zone = clock.getZone();
  }

  long insert(Problem p) {
    var keys = new GeneratedKeyHolder();
    jdbc.sql("""
            insert into problem (number, title, description, source, category, discovered_on, suggested_unit,
              state, registered_by, registered_at, updated_at, process_instance_id, version)
            values (:number, :title, :description, :source, :category, :discoveredOn, :suggestedUnit,
              :state, :registeredBy, :registeredAt, :updatedAt, :processInstanceId, 0)""")
        .param("number", p.number())
        .param("title", p.title())
        .param("description", p.description())
        .param("source", p.source().name())
        .param("category", p.category().name())
        .param("discoveredOn", p.discoveredOn())
        .param("suggestedUnit", p.suggestedUnit())
        .param("state", p.state().name())
        .param("registeredBy", p.registeredBy())
        .param("registeredAt", p.registeredAt())
        .param("updatedAt", p.updatedAt())
        .param("processInstanceId", p.processInstanceId())
        .update(keys, "id");
    return keys.getKeyAs(Number.class).longValue();
  }

  /**
   * Writes the given columns (code names, never user input) and bumps the version, guarded by the
   * version the caller read: a concurrent change makes this fail instead of being overwritten.
   */
  void update(Problem p, Map<String, Object> columns, OffsetDateTime now) {
    var sql = new StringBuilder("update problem set ");
    var params = new HashMap<String, Object>();
    columns.forEach((column, value) -> {
      sql.append(column).append(" = :").append(column).append(", ");
      params.put(column, value instanceof Enum<?> e ? e.name() : value);
    });
    sql.append("updated_at = :updatedAt, version = version + 1 where id = :id and version = :version");
    params.put("updatedAt", now);
    params.put("id", p.id());
    params.put("version", p.version());
    if (jdbc.sql(sql.toString()).params(params).update() != 1) {
      throw new OptimisticLockingFailureException("问题 " + p.number() + " 已被他人修改，请刷新后重试");
    }
  }

  /** One grouped query over the open ledger (for the metrics; a scrape reads a cached result). */
  List<OpenProblems> openByUnit(LocalDate today) {
    return jdbc.sql("""
            select unit_code, count(*) as open_count,
              sum(case when %s then 1 else 0 end) as overdue_count
            from problem where state not in ('CLOSED', 'DISMISSED') group by unit_code""".formatted(ProblemConditions.OVERDUE))
        .param("today", today)
        .query((rs, row) -> new OpenProblems(rs.getString("unit_code"), rs.getLong("open_count"), rs.getLong("overdue_count")))
        .list();
  }

  Optional<Problem> findByNumber(String number) {
    return jdbc.sql("select " + COLUMNS + " from problem where number = :number")
        .param("number", number)
        .query(this::map)
        .optional();
  }

  ProblemPage search(ProblemSearch search, LocalDate today) {
    if (search.visibleUnits() != null && search.visibleUnits().isEmpty()) {
      return new ProblemPage(List.of(), 0, search.page(), search.size());
    }
    Map<String, Object> params = new HashMap<>();
    String where = where(search, today, params);
    long total = jdbc.sql("select count(*) from problem" + where).params(params).query(Long.class).single();
    params.put("limit", search.size());
    params.put("offset", (long) search.page() * search.size());
    List<Problem> items = total == 0 ? new ArrayList<>() : jdbc.sql("select " + COLUMNS + " from problem" + where
            + " order by registered_at desc, id desc limit :limit offset :offset")
        .params(params)
        .query(this::map)
        .list();
    return new ProblemPage(items, total, search.page(), search.size());
  }

  /**
   * Every problem the search finds (its page and size ignored), newest first, handed to
   * {@code each} one at a time while the rows arrive: PostgreSQL sends them through a cursor,
   * {@link #STREAM_FETCH_SIZE} at a time, so a whole ledger passes through a flat heap. Needs the
   * caller's transaction (a cursor lives in one).
   */
  void forEach(ProblemSearch search, LocalDate today, Consumer<Problem> each) {
    if (search.visibleUnits() != null && search.visibleUnits().isEmpty()) {
      return;
    }
    Map<String, Object> params = new HashMap<>();
    String where = where(search, today, params);
    try (Stream<Problem> rows = streaming.sql("select " + COLUMNS + " from problem" + where
            + " order by registered_at desc, id desc")
        .params(params)
        .query(this::map)
        .stream()) {
      rows.forEach(each);
    }
  }

  /** The search's conditions as a where clause (code, never user input; values go to {@code params}). */
  private static String where(ProblemSearch search, LocalDate today, Map<String, Object> params) {
    var where = new StringBuilder(" where 1 = 1");
    if (search.visibleUnits() != null) {
      where.append(" and unit_code in (:visibleUnits)");
      params.put("visibleUnits", search.visibleUnits());
    }
    if (search.unitCode() != null) {
      where.append(" and unit_code = :unitCode");
      params.put("unitCode", search.unitCode());
    }
    if (search.state() != null) {
      where.append(" and state = :state");
      params.put("state", search.state().name());
    }
    if (search.source() != null) {
      where.append(" and source = :source");
      params.put("source", search.source().name());
    }
    if (search.overdue() != null) {
      where.append(search.overdue() ? " and " : " and not ").append(ProblemConditions.OVERDUE);
      params.put("today", today);
    }
    if (search.text() != null && !search.text().isBlank()) {
      where.append(" and (number = :exact or lower(title) like :like escape '\\' or lower(description) like :like escape '\\')");
      String text = search.text().strip();
      params.put("exact", text);
      params.put("like", "%" + text.toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
    }
    return where.toString();
  }

  private Problem map(ResultSet rs, int row) throws SQLException {
    return new Problem(
        rs.getLong("id"),
        rs.getString("number"),
        rs.getString("title"),
        rs.getString("description"),
        ProblemSource.valueOf(rs.getString("source")),
        ProblemCategory.valueOf(rs.getString("category")),
        rs.getObject("discovered_on", LocalDate.class),
        rs.getString("suggested_unit"),
        ProblemState.valueOf(rs.getString("state")),
        rs.getString("unit_code"),
        enumOrNull(Severity.class, rs.getString("severity")),
        enumOrNull(RectificationType.class, rs.getString("rectification_type")),
        rs.getObject("deadline", LocalDate.class),
        rs.getObject("warning_date", LocalDate.class),
        timestamp(rs, "warned_at"),
        timestamp(rs, "overdue_at"),
        rs.getString("dismiss_reason"),
        rs.getString("owner"),
        timestamp(rs, "claimed_at"),
        rs.getString("measures"),
        rs.getString("result"),
        timestamp(rs, "rectified_at"),
        rs.getInt("rejection_count"),
        rs.getString("last_rejection_reason"),
        timestamp(rs, "accepted_at"),
        rs.getString("close_out_comment"),
        timestamp(rs, "closed_at"),
        enumOrNull(SupervisionLevel.class, rs.getString("supervision_level")),
        rs.getInt("reminder_count"),
        rs.getInt("progress_report_count"),
        rs.getString("registered_by"),
        timestamp(rs, "registered_at"),
        timestamp(rs, "updated_at"),
        rs.getString("process_instance_id"),
        rs.getInt("version"));
  }

  /** Timestamps in the application's zone, whatever offset the database returns them with. */
  private OffsetDateTime timestamp(ResultSet rs, String column) throws SQLException {
    return LocalTime.of(rs.getObject(column, OffsetDateTime.class), zone);
  }

  private static <E extends Enum<E>> E enumOrNull(Class<E> type, String value) {
    return value == null ? null : Enum.valueOf(type, value);
  }
}
