package cn.zuofeng.rectification.statistics;

import cn.zuofeng.rectification.ledger.ProblemConditions;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Counts over the problem table for 整改统计; reads only. */
@Repository
class StatisticsRepository {

  /** The counts of one unit_code (null: not yet assigned). */
  record Counts(String unitCode, long registered, long dismissed, long closed, long open, long overdue, long closedOnTime) {}

  private final JdbcClient jdbc;

  StatisticsRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Every count of every unit in one grouped statement: the database reads each matching row once
   * (an index on unit_code, state, deadline, overdue_at, registered_at covers it) and returns one
   * row per unit.
   *
   * @param registeredFrom registered at or after, or null
   * @param registeredBefore registered before, or null
   * @param units only these unit codes (never the unassigned), or null for every problem
   */
  List<Counts> countByUnit(OffsetDateTime registeredFrom, OffsetDateTime registeredBefore, Set<String> units,
                           LocalDate today) {
    Map<String, Object> params = new HashMap<>();
    var where = new StringBuilder(" where 1 = 1");
    if (units != null) {
      where.append(" and unit_code in (:units)");
      params.put("units", units);
    }
    if (registeredFrom != null) {
      where.append(" and registered_at >= :registeredFrom");
      params.put("registeredFrom", registeredFrom);
    }
    if (registeredBefore != null) {
      where.append(" and registered_at < :registeredBefore");
      params.put("registeredBefore", registeredBefore);
    }
    params.put("today", today);
    return jdbc.sql("""
            select unit_code,
              count(*) filter (where state <> 'DISMISSED') as registered,
              count(*) filter (where state = 'DISMISSED') as dismissed,
              count(*) filter (where state = 'CLOSED') as closed,
              count(*) filter (where state not in ('CLOSED', 'DISMISSED')) as open_count,
              count(*) filter (where %s) as overdue,
              count(*) filter (where state = 'CLOSED' and overdue_at is null) as closed_on_time
            from problem""".formatted(ProblemConditions.OVERDUE) + where + " group by unit_code")
        .params(params)
        .query((rs, row) -> new Counts(rs.getString("unit_code"), rs.getLong("registered"), rs.getLong("dismissed"),
            rs.getLong("closed"), rs.getLong("open_count"), rs.getLong("overdue"), rs.getLong("closed_on_time")))
        .list();
  }
}
