package cn.zuofeng.rectification.workflow;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;

/**
 * The two moments of a day the flow uses: a date-only deadline ends at 23:59:59 of that day, and
 * warnings, reminders and report requests go out at the start of the office day (09:00), both in
 * the application's zone (Asia/Shanghai).
 */
final class OfficeDay {

  /** Warnings, reminders and progress-report requests go out at this hour. */
  static final int OPENING_HOUR = 9;

  private OfficeDay() {}

  /** The last second of {@code day}: a deadline "by 12-01" holds through 12-01. */
  static Date endOf(LocalDate day, ZoneId zone) {
    return Date.from(day.plusDays(1).atStartOfDay(zone).minusSeconds(1).toInstant());
  }

  /** 09:00 of {@code day}. */
  static Date openingOf(LocalDate day, ZoneId zone) {
    return Date.from(day.atTime(OPENING_HOUR, 0).atZone(zone).toInstant());
  }
}
