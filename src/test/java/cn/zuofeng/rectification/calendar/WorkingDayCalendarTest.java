package cn.zuofeng.rectification.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The service in the application: shipped file plus rows of calendar_day, created by Flyway. */
@SpringBootTest
@ActiveProfiles("test")
class WorkingDayCalendarTest {

  private static final LocalDate PLAIN_WEDNESDAY = LocalDate.of(2026, 3, 4);
  private static final LocalDate PLAIN_SATURDAY = LocalDate.of(2026, 3, 7);

  @Autowired WorkingDayCalendar calendar;
  @Autowired JdbcClient jdbc;
  @Autowired PlatformTransactionManager transactions;

  @AfterEach
  void removeOverrides() {
    // the application context (and its in-memory database) is shared with other test classes
    jdbc.sql("delete from calendar_day").update();
    calendar.reload();
  }

  @Test
  void shipsTheOfficialCalendar() {
    assertThat(calendar.loadedYears()).contains(2024, 2025, 2026);
    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 14))).isTrue();
    assertThat(calendar.plusWorkingDays(LocalDate.of(2026, 2, 13), 2)).isEqualTo("2026-02-24");
  }

  @Test
  void aRowInTheTableMakesAWorkingDayOffAfterReload() {
    insertRow(PLAIN_WEDNESDAY, false, "本地放假");
    assertThat(calendar.isWorkingDay(PLAIN_WEDNESDAY)).as("cached until reload").isTrue();

    calendar.reload();

    assertThat(calendar.isWorkingDay(PLAIN_WEDNESDAY)).isFalse();
    assertThat(calendar.plusWorkingDays(LocalDate.of(2026, 3, 3), 1)).isEqualTo("2026-03-05");
  }

  @Test
  void aSavedOverrideMakesAWeekendDayWorking() {
    calendar.saveOverride(PLAIN_SATURDAY, true, "调休上班");

    assertThat(calendar.isWorkingDay(PLAIN_SATURDAY)).isTrue();
    assertThat(calendar.plusWorkingDays(LocalDate.of(2026, 3, 6), 1)).isEqualTo(PLAIN_SATURDAY);
    assertThat(calendar.overrides()).containsExactly(new CalendarDay(PLAIN_SATURDAY, true, "调休上班"));
  }

  @Test
  void anOverrideReplacesTheShippedDayUntilItIsRemoved() {
    LocalDate nationalDay = LocalDate.of(2026, 10, 1);
    calendar.saveOverride(nationalDay, true, null);
    calendar.saveOverride(nationalDay, true, "值班");
    assertThat(calendar.isWorkingDay(nationalDay)).isTrue();
    assertThat(calendar.overrides()).containsExactly(new CalendarDay(nationalDay, true, "值班"));

    assertThat(calendar.removeOverride(nationalDay)).isTrue();
    assertThat(calendar.removeOverride(nationalDay)).isFalse();

    assertThat(calendar.isWorkingDay(nationalDay)).isFalse();
    assertThat(calendar.overrides()).isEmpty();
  }

  @Test
  void year2027IsNotLoadedUntilAnOverrideFor2027IsSaved() {
    LocalDate springFestival2027 = LocalDate.of(2027, 2, 8); // a Monday
    assertThat(calendar.loadedYears()).doesNotContain(2027);
    assertThat(calendar.isWorkingDay(springFestival2027)).as("Monday to Friday fallback").isTrue();

    calendar.saveOverride(springFestival2027, false, "春节");

    assertThat(calendar.loadedYears()).contains(2027);
    assertThat(calendar.isWorkingDay(springFestival2027)).isFalse();
  }

  @Test
  void anOverrideSavedInATransactionThatRollsBackIsNotApplied() {
    new TransactionTemplate(transactions).executeWithoutResult(status -> {
      calendar.saveOverride(PLAIN_WEDNESDAY, false, "本地放假");
      assertThat(calendar.isWorkingDay(PLAIN_WEDNESDAY)).as("not before the commit").isTrue();
      status.setRollbackOnly();
    });

    assertThat(calendar.isWorkingDay(PLAIN_WEDNESDAY)).isTrue();
    assertThat(calendar.overrides()).isEmpty();
  }

  @Test
  void aNameLongerThanTheColumnIsRefused() {
    assertThatThrownBy(() -> calendar.saveOverride(PLAIN_WEDNESDAY, false, "假".repeat(101)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("100");
    assertThat(calendar.overrides()).isEmpty();
  }

  private void insertRow(LocalDate day, boolean working, String name) {
    jdbc.sql("insert into calendar_day (calendar_date, working, name, updated_at) values (:day, :working, :name, current_timestamp)")
        .param("day", day).param("working", working).param("name", name).update();
  }
}
