package cn.zuofeng.rectification.calendar;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL for table {@code calendar_day}, the deployment's overrides of the shipped holiday file.
 */
@Repository
class CalendarOverrides {

  private final JdbcClient jdbc;

  CalendarOverrides(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  List<CalendarDay> findAll() {
    return jdbc.sql("select calendar_date, working, name from calendar_day order by calendar_date")
        .query((rs, row) -> new CalendarDay(rs.getObject(1, LocalDate.class), rs.getBoolean(2), rs.getString(3)))
        .list();
  }

  /** Adds the day, or replaces the row for its date (update first: no portable upsert on H2 and PostgreSQL). */
  void save(CalendarDay day, OffsetDateTime now) {
    int updated = jdbc.sql("update calendar_day set working = :working, name = :name, updated_at = :now where calendar_date = :day")
        .param("working", day.working()).param("name", day.name()).param("now", now).param("day", day.date())
        .update();
    if (updated == 0) {
      jdbc.sql("insert into calendar_day (calendar_date, working, name, updated_at) values (:day, :working, :name, :now)")
          .param("day", day.date()).param("working", day.working()).param("name", day.name()).param("now", now)
          .update();
    }
  }

  /**
   * What changes whenever a row is added, changed or removed: the row count and the newest change
   * time. Cheap enough to ask every minute.
   */
  String fingerprint() {
    return jdbc.sql("select count(*), max(updated_at) from calendar_day")
        .query((rs, row) -> rs.getLong(1) + "@" + rs.getString(2))
        .single();
  }

  boolean delete(LocalDate date) {
    return jdbc.sql("delete from calendar_day where calendar_date = :day").param("day", date).update() > 0;
  }
}
