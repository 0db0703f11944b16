package cn.zuofeng.rectification.web;

import cn.zuofeng.rectification.calendar.CalendarDay;
import cn.zuofeng.rectification.calendar.WorkingDayCalendar;
import cn.zuofeng.rectification.ledger.FormInput;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Checks a day an administrator enters for the working-day calendar (API and page alike) and saves it. */
@Component
class CalendarDays {

  static final int FIRST_YEAR = 2000;
  static final int LAST_YEAR = 2099;

  private final WorkingDayCalendar calendar;
  private final Clock clock;

  CalendarDays(WorkingDayCalendar calendar, Clock clock) {
    this.calendar = calendar;
    this.clock = clock;
  }

  /** The day named in a path, or a 400 naming field {@code date}. */
  LocalDate date(String text) {
    var in = new FormInput(java.util.Collections.singletonMap("date", text));
    LocalDate date = checkedDate(in);
    in.throwIfInvalid();
    return date;
  }

  /**
   * Saves {@code date} as a working day or a day off with its name; nothing is saved when any
   * field is wrong (400 naming each).
   */
  CalendarDay save(String dateText, Object working, Object name) {
    Map<String, Object> fields = new HashMap<>();
    fields.put("date", dateText);
    fields.put("name", name);
    var in = new FormInput(fields);
    LocalDate date = checkedDate(in);
    Boolean worked = working(working);
    if (worked == null) {
      in.reject("working", "请选择该日是上班（true）还是放假（false）");
    }
    String label = in.optionalText("name", "名称", 100);
    if (label != null && (label.contains("<") || label.contains(">"))) {
      in.reject("name", "名称不能包含 < 或 > 等标记字符");
    }
    in.throwIfInvalid();
    calendar.saveOverride(date, worked, label);
    return new CalendarDay(date, worked, label == null || label.isBlank() ? null : label.strip());
  }

  private LocalDate checkedDate(FormInput in) {
    LocalDate date = in.requiredDate("date", "日期", clock.getZone());
    if (date != null && (date.getYear() < FIRST_YEAR || date.getYear() > LAST_YEAR)) {
      in.reject("date", "日期应在 " + FIRST_YEAR + " 年至 " + LAST_YEAR + " 年之间");
      return null;
    }
    return date;
  }

  private static Boolean working(Object value) {
    if (value instanceof Boolean b) {
      return b;
    }
    if (value instanceof String text) {
      return switch (text.strip()) {
        case "true", "WORKING", "上班" -> Boolean.TRUE;
        case "false", "OFF", "放假" -> Boolean.FALSE;
        default -> null;
      };
    }
    return null;
  }
}
