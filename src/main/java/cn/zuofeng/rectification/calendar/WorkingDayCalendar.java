package cn.zuofeng.rectification.calendar;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Working days (工作日) on the official Chinese holiday calendar: public holidays are days off,
 * make-up workdays (调休上班) on a weekend are working days, every other day is a working day
 * when it falls Monday to Friday.
 *
 * <p>The calendar is the shipped file {@code calendar/cn-holidays.csv} with the rows of table
 * {@code calendar_day} laid over it date by date, so a deployment can add a year or a local day
 * off without a release. A year is <em>loaded</em> when the file or the table has at least one
 * day in it; a year that is not loaded is counted Monday to Friday and a warning naming the year
 * is logged once.
 *
 * <p>Both sources are read into an immutable snapshot at startup and on {@link #reload()}; the
 * snapshot is replaced as a whole, so lookups are thread-safe and never touch the database.
 * Changing the table by SQL takes effect after {@link #reload()}; {@link #saveOverride} and
 * {@link #removeOverride} reload by themselves once their transaction has committed. With several
 * application instances, the others notice the change within a minute ({@link #reloadIfChanged},
 * run by {@code CalendarRefresh}).
 */
@Service
public class WorkingDayCalendar {

  private static final Logger log = LoggerFactory.getLogger(WorkingDayCalendar.class);
  private static final int MAX_NAME_LENGTH = 100;

  private final CalendarOverrides overrides;
  private final Clock clock;
  // one for the application's lifetime, so a reload does not repeat the warnings
  private final UnloadedYearWarning unloadedYear = new UnloadedYearWarning();
  private volatile HolidaySchedule schedule;
  private volatile String fingerprint;

  WorkingDayCalendar(CalendarOverrides overrides, Clock clock) {
    this.overrides = overrides;
    this.clock = clock;
    reload();
  }

  /** Whether {@code date} is a working day (工作日). */
  public boolean isWorkingDay(LocalDate date) {
    return schedule.isWorkingDay(date);
  }

  /**
   * The day that is {@code n} working days after {@code start}, {@code start} itself not counted:
   * with {@code n = 1} the first working day after {@code start}, whatever {@code start} is.
   * With {@code n = 0}, {@code start} if it is a working day, otherwise the first working day
   * after it (so from a holiday, {@code n = 0} and {@code n = 1} give the same day).
   * The result is always a working day.
   *
   * @throws IllegalArgumentException if {@code n} is negative
   */
  public LocalDate plusWorkingDays(LocalDate start, int n) {
    return schedule.plusWorkingDays(start, n);
  }

  /**
   * The working day that lies {@code n} working days before {@code end} ({@code end} not counted),
   * e.g. the first day of a warning window of {@code n} working days before a deadline. For
   * {@code n ≥ 1}, {@code workingDaysBetween(minusWorkingDays(d, n), d) == n} when {@code d} is a
   * working day.
   *
   * @throws IllegalArgumentException if {@code n} is less than 1
   */
  public LocalDate minusWorkingDays(LocalDate end, int n) {
    return schedule.minusWorkingDays(end, n);
  }

  /**
   * The number of working days in the half-open interval ({@code from}, {@code to}]: {@code from}
   * is not counted, {@code to} is. {@code 0} when the dates are equal. When {@code to} is before
   * {@code from}, minus the working days in ({@code to}, {@code from}], so that
   * {@code workingDaysBetween(a, b) == -workingDaysBetween(b, a)}. For {@code n ≥ 1},
   * {@code workingDaysBetween(d, plusWorkingDays(d, n)) == n}.
   */
  public int workingDaysBetween(LocalDate from, LocalDate to) {
    return schedule.workingDaysBetween(from, to);
  }

  /** The years with at least one day in the shipped file or in table {@code calendar_day}, ascending. */
  public Set<Integer> loadedYears() {
    return schedule.loadedYears();
  }

  /** The rows of table {@code calendar_day} as of the last reload, by date. */
  public List<CalendarDay> overrides() {
    return schedule.overrides();
  }

  /** Re-reads the shipped file and table {@code calendar_day}; call it after changing the table by SQL. */
  public synchronized void reload() {
    // synchronized: two reloads racing must not let the older read replace the newer snapshot
    var shipped = CalendarFile.readShipped();
    String seen = overrides.fingerprint();
    var rows = overrides.findAll();
    schedule = HolidaySchedule.of(shipped, rows, unloadedYear);
    fingerprint = seen;
    log.info("Working-day calendar loaded: years {} ({} shipped days, {} overrides)",
        schedule.loadedYears(), shipped.size(), rows.size());
  }

  /**
   * Reloads when table {@code calendar_day} changed since the last reload (another instance saved
   * an override, or an administrator changed the table by SQL).
   *
   * @return whether it reloaded
   */
  public boolean reloadIfChanged() {
    if (overrides.fingerprint().equals(fingerprint)) {
      return false;
    }
    reload();
    return true;
  }

  /**
   * Makes {@code date} a working day or a day off, replacing the shipped entry and any earlier
   * override for that date, and reloads. Saving the day's Monday-to-Friday status cancels a
   * shipped entry; saving any day of a year marks that year as loaded.
   *
   * @param name the Chinese name shown to users (e.g. 春节, 调休上班), blank for none, at most 100 characters
   */
  @Transactional
  public void saveOverride(LocalDate date, boolean working, String name) {
    Objects.requireNonNull(date, "date");
    String trimmed = name == null || name.isBlank() ? null : name.strip();
    if (trimmed != null && trimmed.length() > MAX_NAME_LENGTH) {
      throw new IllegalArgumentException("名称不能超过" + MAX_NAME_LENGTH + "个字符");
    }
    overrides.save(new CalendarDay(date, working, trimmed), OffsetDateTime.now(clock));
    log.info("Calendar override saved for {} (year {}): {}", date, date.getYear(), working ? "working day" : "day off");
    reloadWhenCommitted();
  }

  /**
   * Removes the override for {@code date}, so the shipped entry (or Monday to Friday) applies again,
   * and reloads.
   *
   * @return whether there was an override for {@code date}
   */
  @Transactional
  public boolean removeOverride(LocalDate date) {
    Objects.requireNonNull(date, "date");
    boolean removed = overrides.delete(date);
    if (removed) {
      log.info("Calendar override removed for {} (year {})", date, date.getYear());
      reloadWhenCommitted();
    }
    return removed;
  }

  // reading before the commit would cache a change that may still roll back, and other
  // connections could not see it yet anyway
  private void reloadWhenCommitted() {
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCommit() {
          reload();
        }
      });
    } else {
      reload();
    }
  }
}
