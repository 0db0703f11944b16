package cn.zuofeng.rectification.calendar;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One day whose status is stated explicitly, in the shipped holiday file or as a deployment
 * override: whether it is worked and, for people, the holiday it belongs to (e.g. 春节).
 *
 * @param date the day
 * @param working {@code true} for a working day (e.g. 调休上班 on a weekend), {@code false} for a day off
 * @param name Chinese name shown to users, or {@code null}
 */
public record CalendarDay(LocalDate date, boolean working, String name) {

  public CalendarDay {
    Objects.requireNonNull(date, "date");
  }
}
