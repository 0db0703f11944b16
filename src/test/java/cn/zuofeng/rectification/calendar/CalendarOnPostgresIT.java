package cn.zuofeng.rectification.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The migration and the SQL of table calendar_day on a real PostgreSQL server (the production
 * major version), without the rest of the application: H2 is what the other tests run on.
 */
class CalendarOnPostgresIT {

  private static EmbeddedPostgres server;
  private static DataSource dataSource;

  @BeforeAll
  static void migrate() throws IOException {
    server = EmbeddedPostgres.builder().start();
    dataSource = server.getPostgresDatabase();
    Flyway.configure().dataSource(dataSource).table("app_schema_history").load().migrate();
  }

  @AfterAll
  static void stop() throws IOException {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void overridesAreSavedReadAndRemovedOnPostgres() {
    var jdbc = JdbcClient.create(dataSource);
    var calendar = new WorkingDayCalendar(new CalendarOverrides(jdbc), Clock.system(ZoneId.of("Asia/Shanghai")));
    LocalDate springFestival2027 = LocalDate.of(2027, 2, 8);
    LocalDate saturday = LocalDate.of(2027, 2, 20);

    calendar.saveOverride(springFestival2027, false, "春节");
    calendar.saveOverride(saturday, true, "春节");
    calendar.saveOverride(saturday, true, "春节调休上班");

    assertThat(calendar.loadedYears()).contains(2027);
    assertThat(calendar.overrides()).containsExactly(
        new CalendarDay(springFestival2027, false, "春节"), new CalendarDay(saturday, true, "春节调休上班"));
    assertThat(calendar.isWorkingDay(springFestival2027)).isFalse();
    assertThat(jdbc.sql("select count(*) from calendar_day where calendar_date = :day and updated_at is not null")
        .param("day", saturday).query(Integer.class).single()).isEqualTo(1);

    assertThat(calendar.removeOverride(springFestival2027)).isTrue();
    assertThat(calendar.isWorkingDay(springFestival2027)).isTrue();
  }

  @Test
  void anotherNodeFollowsAChangeToTheTableWithoutARestart() {
    var jdbc = JdbcClient.create(dataSource);
    var zone = Clock.system(ZoneId.of("Asia/Shanghai"));
    var nodeA = new WorkingDayCalendar(new CalendarOverrides(jdbc), zone);
    var nodeB = new WorkingDayCalendar(new CalendarOverrides(jdbc), zone);
    LocalDate localDayOff = LocalDate.of(2026, 12, 15);
    assertThat(nodeB.reloadIfChanged()).as("nothing changed yet").isFalse();

    nodeA.saveOverride(localDayOff, false, "本地放假");
    try {
      assertThat(nodeB.isWorkingDay(localDayOff)).as("before node B looks").isTrue();
      assertThat(nodeB.reloadIfChanged()).isTrue();
      assertThat(nodeB.isWorkingDay(localDayOff)).isFalse();
      assertThat(nodeB.plusWorkingDays(LocalDate.of(2026, 12, 14), 1)).isEqualTo(LocalDate.of(2026, 12, 16));
      assertThat(nodeB.reloadIfChanged()).as("read once").isFalse();
    } finally {
      nodeA.removeOverride(localDayOff);
    }
    assertThat(nodeB.reloadIfChanged()).as("a removal is a change too").isTrue();
    assertThat(nodeB.isWorkingDay(localDayOff)).isTrue();
  }
}
