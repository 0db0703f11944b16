package cn.zuofeng.rectification.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The shipped file calendar/cn-holidays.csv agrees with well-known dates of the State Council notices. */
class ShippedCalendarTest {

  private final List<CalendarDay> shipped = CalendarFile.readShipped();
  private final Map<LocalDate, CalendarDay> byDate =
      shipped.stream().collect(Collectors.toMap(CalendarDay::date, Function.identity()));
  private final HolidaySchedule schedule = HolidaySchedule.of(shipped, List.of(), new UnloadedYearWarning());

  @Test
  void holdsTheYears2024To2026() {
    assertThat(schedule.loadedYears()).containsExactly(2024, 2025, 2026);
  }

  @Test
  void listsEveryDayOfTheNotices() {
    // days off and make-up workdays per notice: 2024 28 + 8, 2025 28 + 5, 2026 33 + 6
    Map<Integer, Long> offDays = shipped.stream().filter(day -> !day.working())
        .collect(Collectors.groupingBy(day -> day.date().getYear(), Collectors.counting()));
    Map<Integer, Long> makeUpWorkdays = shipped.stream().filter(CalendarDay::working)
        .collect(Collectors.groupingBy(day -> day.date().getYear(), Collectors.counting()));
    assertThat(offDays).containsExactlyInAnyOrderEntriesOf(Map.of(2024, 28L, 2025, 28L, 2026, 33L));
    assertThat(makeUpWorkdays).containsExactlyInAnyOrderEntriesOf(Map.of(2024, 8L, 2025, 5L, 2026, 6L));
  }

  @Test
  void wellKnownDaysOffAreOff() {
    assertOff("2024-01-01", "元旦");
    assertOff("2024-02-10", "春节");
    assertOff("2024-10-07", "国庆节");
    assertOff("2025-01-28", "春节"); // 除夕, a statutory holiday from 2025 on
    assertOff("2025-06-02", "端午节");
    assertOff("2025-10-08", "国庆节、中秋节");
    assertOff("2026-01-02", "元旦");
    assertOff("2026-02-23", "春节");
    assertOff("2026-09-25", "中秋节");
    assertOff("2026-10-07", "国庆节");
  }

  @Test
  void wellKnownMakeUpWorkdaysAreWorked() {
    assertWork("2024-02-04", "春节");
    assertWork("2024-10-12", "国庆节");
    assertWork("2025-01-26", "春节");
    assertWork("2025-09-28", "国庆节、中秋节");
    assertWork("2025-10-11", "国庆节、中秋节");
    assertWork("2026-01-04", "元旦");
    assertWork("2026-02-14", "春节");
    assertWork("2026-02-28", "春节");
    assertWork("2026-10-10", "国庆节");
  }

  @Test
  void unlistedDaysFollowMondayToFriday() {
    assertThat(byDate).doesNotContainKeys(LocalDate.parse("2026-03-02"), LocalDate.parse("2026-03-07"));
    assertThat(schedule.isWorkingDay(LocalDate.parse("2026-03-02"))).isTrue();
    assertThat(schedule.isWorkingDay(LocalDate.parse("2026-03-07"))).isFalse();
  }

  @Test
  void everyMakeUpWorkdayFallsOnAWeekendAndEveryDayHasAName() {
    assertThat(shipped).allSatisfy(day -> {
      assertThat(day.name()).as(day.date().toString()).isNotBlank();
      if (day.working()) {
        assertThat(day.date().getDayOfWeek()).as(day.date().toString())
            .isIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
      }
    });
  }

  @Test
  void springFestival2026TakesNineDaysOff() {
    assertThat(schedule.workingDaysBetween(LocalDate.parse("2026-02-14"), LocalDate.parse("2026-02-23"))).isZero();
    assertThat(schedule.plusWorkingDays(LocalDate.parse("2026-02-14"), 1)).isEqualTo("2026-02-24");
  }

  private void assertOff(String date, String name) {
    assertThat(byDate.get(LocalDate.parse(date))).as(date).isEqualTo(new CalendarDay(LocalDate.parse(date), false, name));
    assertThat(schedule.isWorkingDay(LocalDate.parse(date))).as(date).isFalse();
  }

  private void assertWork(String date, String name) {
    assertThat(byDate.get(LocalDate.parse(date))).as(date).isEqualTo(new CalendarDay(LocalDate.parse(date), true, name));
    assertThat(schedule.isWorkingDay(LocalDate.parse(date))).as(date).isTrue();
  }
}
