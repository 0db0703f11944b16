package cn.zuofeng.rectification.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The working-day arithmetic on in-memory data (no Spring, no file): 元旦 and 春节 2026, 国庆 2025,
 * as in the State Council notices.
 */
class HolidayScheduleTest {

  private final ListAppender<ILoggingEvent> log = new ListAppender<>();
  private final Logger logger = (Logger) LoggerFactory.getLogger(WorkingDayCalendar.class);
  private final HolidaySchedule schedule = HolidaySchedule.of(days(), List.of(), new UnloadedYearWarning());

  @BeforeEach
  void captureLog() {
    log.start();
    logger.addAppender(log);
  }

  @AfterEach
  void releaseLog() {
    logger.detachAppender(log);
  }

  // -- 春节 2026: Sun Feb 15 – Mon Feb 23 off, Sat Feb 14 and Sat Feb 28 worked

  @Test
  void springFestivalMakeUpSaturdaysAreWorkingDays() {
    assertThat(schedule.isWorkingDay(date("2026-02-14"))).isTrue();
    assertThat(schedule.isWorkingDay(date("2026-02-28"))).isTrue();
  }

  @Test
  void everyDayOfTheSpringFestivalIsOff() {
    for (LocalDate day = date("2026-02-15"); !day.isAfter(date("2026-02-23")); day = day.plusDays(1)) {
      assertThat(schedule.isWorkingDay(day)).as(day.toString()).isFalse();
    }
    assertThat(schedule.isWorkingDay(date("2026-02-24"))).isTrue();
  }

  @Test
  void countingFromTheFridayBeforeSpringFestivalUsesTheMakeUpSaturdaysAndSkipsTheHoliday() {
    LocalDate friday = date("2026-02-13");
    assertThat(schedule.plusWorkingDays(friday, 1)).isEqualTo("2026-02-14");
    assertThat(schedule.plusWorkingDays(friday, 2)).isEqualTo("2026-02-24");
    assertThat(schedule.plusWorkingDays(friday, 5)).isEqualTo("2026-02-27");
    assertThat(schedule.plusWorkingDays(friday, 6)).isEqualTo("2026-02-28");
    assertThat(schedule.plusWorkingDays(friday, 7)).isEqualTo("2026-03-02");
  }

  @Test
  void countingFromAHolidayStartsWithTheFirstWorkingDayAfterIt() {
    LocalDate springFestival = date("2026-02-17");
    assertThat(schedule.plusWorkingDays(springFestival, 1)).isEqualTo("2026-02-24");
    assertThat(schedule.plusWorkingDays(springFestival, 2)).isEqualTo("2026-02-25");
    assertThat(schedule.plusWorkingDays(date("2025-10-01"), 1)).isEqualTo("2025-10-09");
  }

  // -- 国庆节、中秋节 2025: Wed Oct 1 – Wed Oct 8 off, Sun Sep 28 and Sat Oct 11 worked

  @Test
  void nationalDayMakeUpWeekendDaysAreWorkingDaysAndTheHolidayIsOff() {
    assertThat(schedule.isWorkingDay(date("2025-09-28"))).isTrue();
    assertThat(schedule.isWorkingDay(date("2025-10-11"))).isTrue();
    for (LocalDate day = date("2025-10-01"); !day.isAfter(date("2025-10-08")); day = day.plusDays(1)) {
      assertThat(schedule.isWorkingDay(day)).as(day.toString()).isFalse();
    }
  }

  @Test
  void countingAcrossNationalDayUsesTheMakeUpSundayAndSaturday() {
    LocalDate friday = date("2025-09-26");
    assertThat(schedule.plusWorkingDays(friday, 1)).isEqualTo("2025-09-28");
    assertThat(schedule.plusWorkingDays(friday, 3)).isEqualTo("2025-09-30");
    assertThat(schedule.plusWorkingDays(friday, 4)).isEqualTo("2025-10-09");
    assertThat(schedule.plusWorkingDays(friday, 6)).isEqualTo("2025-10-11");
    assertThat(schedule.plusWorkingDays(friday, 7)).isEqualTo("2025-10-13");
  }

  @Test
  void countingBackFromADeadlineAfterNationalDaySkipsTheHolidayAndUsesTheMakeUpSaturday() {
    LocalDate deadline = date("2025-10-13");
    assertThat(schedule.minusWorkingDays(deadline, 1)).isEqualTo("2025-10-11");
    assertThat(schedule.minusWorkingDays(deadline, 2)).isEqualTo("2025-10-10");
    assertThat(schedule.minusWorkingDays(deadline, 3)).as("Thu after the holiday").isEqualTo("2025-10-09");
    assertThat(schedule.minusWorkingDays(deadline, 4)).as("across Oct 1-8").isEqualTo("2025-09-30");
    assertThat(schedule.workingDaysBetween(schedule.minusWorkingDays(deadline, 5), deadline)).isEqualTo(5);
  }

  // -- 元旦 2026: Thu Jan 1 – Sat Jan 3 off, Sun Jan 4 worked

  @Test
  void newYearIsOffAndTheFollowingSundayIsWorked() {
    LocalDate newYearsEve = date("2025-12-31");
    assertThat(schedule.isWorkingDay(newYearsEve)).isTrue();
    assertThat(schedule.isWorkingDay(date("2026-01-02"))).isFalse();
    assertThat(schedule.plusWorkingDays(newYearsEve, 1)).isEqualTo("2026-01-04");
    assertThat(schedule.plusWorkingDays(newYearsEve, 2)).isEqualTo("2026-01-05");
  }

  // -- a week without holidays

  @Test
  void aPlainWeekCountsMondayToFriday() {
    LocalDate monday = date("2026-03-02");
    assertThat(schedule.plusWorkingDays(monday, 4)).isEqualTo("2026-03-06");
    assertThat(schedule.plusWorkingDays(monday, 5)).isEqualTo("2026-03-09");
    assertThat(schedule.plusWorkingDays(date("2026-03-06"), 1)).isEqualTo("2026-03-09");
    assertThat(schedule.plusWorkingDays(date("2026-03-07"), 1)).isEqualTo("2026-03-09");
    assertThat(schedule.isWorkingDay(date("2026-03-07"))).isFalse();
    assertThat(schedule.isWorkingDay(date("2026-03-08"))).isFalse();
  }

  // -- n = 0

  @Test
  void zeroWorkingDaysFromAWorkingDayIsThatDay() {
    assertThat(schedule.plusWorkingDays(date("2026-03-04"), 0)).isEqualTo("2026-03-04");
    assertThat(schedule.plusWorkingDays(date("2026-02-14"), 0)).as("make-up Saturday").isEqualTo("2026-02-14");
  }

  @Test
  void zeroWorkingDaysFromADayOffIsTheNextWorkingDay() {
    assertThat(schedule.plusWorkingDays(date("2026-02-15"), 0)).isEqualTo("2026-02-24");
    assertThat(schedule.plusWorkingDays(date("2026-03-07"), 0)).isEqualTo("2026-03-09");
  }

  @Test
  void negativeWorkingDaysAreRefused() {
    assertThatThrownBy(() -> schedule.plusWorkingDays(date("2026-03-04"), -1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  // -- workingDaysBetween: half-open (from, to]

  @Test
  void workingDaysBetweenCountsTheEndButNotTheStart() {
    assertThat(schedule.workingDaysBetween(date("2026-03-02"), date("2026-03-09"))).isEqualTo(5);
    assertThat(schedule.workingDaysBetween(date("2026-02-13"), date("2026-02-28"))).isEqualTo(6);
    assertThat(schedule.workingDaysBetween(date("2025-09-30"), date("2025-10-08"))).isZero();
    assertThat(schedule.workingDaysBetween(date("2025-09-30"), date("2025-10-09"))).isEqualTo(1);
  }

  @Test
  void workingDaysBetweenIsNegativeWhenTheEndIsBeforeTheStart() {
    assertThat(schedule.workingDaysBetween(date("2026-02-28"), date("2026-02-13"))).isEqualTo(-6);
    assertThat(schedule.workingDaysBetween(date("2026-03-09"), date("2026-03-02"))).isEqualTo(-5);
  }

  @Test
  void workingDaysBetweenEqualDatesIsZero() {
    assertThat(schedule.workingDaysBetween(date("2026-03-04"), date("2026-03-04"))).isZero();
    assertThat(schedule.workingDaysBetween(date("2026-02-17"), date("2026-02-17"))).isZero();
  }

  @Test
  void workingDaysBetweenUndoesPlusWorkingDays() {
    for (LocalDate start = date("2025-09-01"); start.isBefore(date("2026-03-31")); start = start.plusDays(1)) {
      for (int n = 1; n <= 15; n++) {
        LocalDate end = schedule.plusWorkingDays(start, n);
        assertThat(schedule.isWorkingDay(end)).as("%s + %d", start, n).isTrue();
        assertThat(schedule.workingDaysBetween(start, end)).as("%s + %d", start, n).isEqualTo(n);
      }
    }
  }

  // -- overrides and years without data

  @Test
  void anOverrideReplacesTheShippedDayAndLoadsItsYear() {
    var overridden = HolidaySchedule.of(days(), List.of(
        new CalendarDay(date("2025-10-08"), true, "本地调整"),
        new CalendarDay(date("2027-02-06"), false, "春节")), new UnloadedYearWarning());
    assertThat(overridden.isWorkingDay(date("2025-10-08"))).isTrue();
    assertThat(overridden.isWorkingDay(date("2025-10-07"))).isFalse();
    assertThat(overridden.loadedYears()).containsExactly(2025, 2026, 2027);
    assertThat(overridden.overrides()).extracting(CalendarDay::date)
        .containsExactly(date("2025-10-08"), date("2027-02-06"));
  }

  @Test
  void aYearWithoutDataIsMondayToFridayAndWarnedAboutOnce() {
    assertThat(schedule.loadedYears()).containsExactly(2025, 2026).doesNotContain(2030);

    // Tue 2030-01-01 would be 元旦, but 2030 has no data
    assertThat(schedule.isWorkingDay(date("2030-01-01"))).isTrue();
    assertThat(schedule.isWorkingDay(date("2030-01-05"))).isFalse();
    assertThat(schedule.plusWorkingDays(date("2030-01-04"), 1)).isEqualTo("2030-01-07");
    assertThat(schedule.workingDaysBetween(date("2030-01-06"), date("2030-01-31"))).isEqualTo(19);

    assertThat(warnings()).hasSize(1).first().asString().contains("2030");
    schedule.isWorkingDay(date("2031-06-02"));
    assertThat(warnings()).hasSize(2).last().asString().contains("2031");
  }

  @Test
  void aLoadedYearLogsNoWarning() {
    schedule.workingDaysBetween(date("2025-01-01"), date("2026-12-31"));
    assertThat(warnings()).isEmpty();
  }

  private List<String> warnings() {
    var messages = new ArrayList<String>();
    log.list.stream().filter(event -> event.getLevel() == Level.WARN)
        .forEach(event -> messages.add(event.getFormattedMessage()));
    return messages;
  }

  private static LocalDate date(String iso) {
    return LocalDate.parse(iso);
  }

  private static List<CalendarDay> days() {
    var days = new ArrayList<CalendarDay>();
    days.add(new CalendarDay(date("2025-09-28"), true, "国庆节、中秋节"));
    off(days, "2025-10-01", "2025-10-08", "国庆节、中秋节");
    days.add(new CalendarDay(date("2025-10-11"), true, "国庆节、中秋节"));
    off(days, "2026-01-01", "2026-01-03", "元旦");
    days.add(new CalendarDay(date("2026-01-04"), true, "元旦"));
    days.add(new CalendarDay(date("2026-02-14"), true, "春节"));
    off(days, "2026-02-15", "2026-02-23", "春节");
    days.add(new CalendarDay(date("2026-02-28"), true, "春节"));
    return days;
  }

  private static void off(List<CalendarDay> days, String first, String last, String name) {
    for (LocalDate day = date(first); !day.isAfter(date(last)); day = day.plusDays(1)) {
      days.add(new CalendarDay(day, false, name));
    }
  }
}
