package cn.zuofeng.rectification.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The working-day arithmetic on one immutable snapshot of the calendar: shipped days with the
 * deployment overrides laid over them. Immutable so that {@link WorkingDayCalendar} can replace a
 * whole snapshot on reload while other threads keep reading the old one, without locks.
 *
 * <p>A day is a working day if it has an entry saying so; without an entry it is a working day
 * when it falls Monday to Friday. A year with no entry at all is not loaded: it is counted
 * Monday to Friday too, and {@link UnloadedYearWarning} says so once.
 */
final class HolidaySchedule {

  private final Map<LocalDate, CalendarDay> days;
  private final List<CalendarDay> overrides;
  private final Set<Integer> loadedYears;
  private final UnloadedYearWarning unloadedYear;

  private HolidaySchedule(Map<LocalDate, CalendarDay> days, List<CalendarDay> overrides, UnloadedYearWarning unloadedYear) {
    this.days = Map.copyOf(days);
    this.overrides = overrides.stream().sorted(Comparator.comparing(CalendarDay::date)).toList();
    var years = new TreeSet<Integer>();
    days.keySet().forEach(date -> years.add(date.getYear()));
    this.loadedYears = Collections.unmodifiableSortedSet(years);
    this.unloadedYear = unloadedYear;
  }

  /** The shipped days, each replaced by the override for the same date if there is one. */
  static HolidaySchedule of(Collection<CalendarDay> shipped, Collection<CalendarDay> overrides,
      UnloadedYearWarning unloadedYear) {
    var merged = new HashMap<LocalDate, CalendarDay>();
    shipped.forEach(day -> merged.put(day.date(), day));
    overrides.forEach(day -> merged.put(day.date(), day));
    return new HolidaySchedule(merged, List.copyOf(overrides), Objects.requireNonNull(unloadedYear));
  }

  boolean isWorkingDay(LocalDate date) {
    CalendarDay entry = days.get(Objects.requireNonNull(date, "date"));
    if (entry != null) {
      return entry.working();
    }
    if (!loadedYears.contains(date.getYear())) {
      unloadedYear.yearNotLoaded(date.getYear());
    }
    return date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY;
  }

  LocalDate plusWorkingDays(LocalDate start, int n) {
    Objects.requireNonNull(start, "start");
    if (n < 0) {
      throw new IllegalArgumentException("n must not be negative: " + n);
    }
    LocalDate day = start;
    if (n == 0) {
      while (!isWorkingDay(day)) {
        day = day.plusDays(1);
      }
      return day;
    }
    // terminates: entries are finite, and beyond them every Monday to Friday is a working day
    for (int left = n; left > 0; ) {
      day = day.plusDays(1);
      if (isWorkingDay(day)) {
        left--;
      }
    }
    return day;
  }

  LocalDate minusWorkingDays(LocalDate end, int n) {
    Objects.requireNonNull(end, "end");
    if (n < 1) {
      throw new IllegalArgumentException("n must be at least 1: " + n);
    }
    LocalDate day = end;
    for (int left = n; left > 0; ) {
      day = day.minusDays(1);
      if (isWorkingDay(day)) {
        left--;
      }
    }
    return day;
  }

  int workingDaysBetween(LocalDate from, LocalDate to) {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (to.isBefore(from)) {
      return -workingDaysBetween(to, from);
    }
    int count = 0;
    for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
      if (isWorkingDay(day)) {
        count++;
      }
    }
    return count;
  }

  Set<Integer> loadedYears() {
    return loadedYears;
  }

  /** The deployment overrides of this snapshot, by date. */
  List<CalendarDay> overrides() {
    return overrides;
  }
}
