package cn.zuofeng.rectification.web;

import cn.zuofeng.rectification.calendar.CalendarDay;
import cn.zuofeng.rectification.calendar.WorkingDayCalendar;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * 工作日历: which years the calendar knows and the deployment's own days (next year's schedule,
 * a local day off). Everyone reads it; administrators add, change and remove days (security
 * configuration), and every node follows within a minute.
 */
@RestController
@RequestMapping("/api/calendar")
class CalendarController {

  private final WorkingDayCalendar calendar;
  private final CalendarDays days;
  private final Clock clock;

  CalendarController(WorkingDayCalendar calendar, CalendarDays days, Clock clock) {
    this.calendar = calendar;
    this.days = days;
    this.clock = clock;
  }

  /**
   * @param loadedYears years with holiday data (the shipped file or the deployment's days)
   * @param unloadedYears this year and next when they have no data: counted Monday to Friday
   */
  record Overview(Set<Integer> loadedYears, List<Integer> unloadedYears, List<CalendarDay> days) {}

  @GetMapping
  Overview overview() {
    return overview(calendar, LocalDate.now(clock));
  }

  static Overview overview(WorkingDayCalendar calendar, LocalDate today) {
    var loaded = calendar.loadedYears();
    List<Integer> unloaded = List.of(today.getYear(), today.getYear() + 1).stream()
        .filter(year -> !loaded.contains(year)).toList();
    return new Overview(loaded, unloaded, calendar.overrides());
  }

  /** Adds or replaces a day: {@code {"working": false, "name": "春节"}}. */
  @PutMapping("/days/{date}")
  CalendarDay save(@PathVariable String date, @RequestBody(required = false) Map<String, Object> body) {
    Map<String, Object> values = body == null ? Map.of() : body;
    return days.save(date, values.get("working"), values.get("name"));
  }

  @DeleteMapping("/days/{date}")
  ResponseEntity<?> remove(@PathVariable String date) {
    if (!calendar.removeOverride(days.date(date))) {
      ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
          "工作日历中没有单独设置 " + date + "，该日按随系统提供的节假日安排（或周一至周五）计算");
      body.setTitle("日期未单独设置");
      return ResponseEntity.status(HttpStatus.NOT_FOUND).body(body);
    }
    return ResponseEntity.noContent().build();
  }

  /** After the table was changed by SQL: this node re-reads it now (the others within a minute). */
  @PostMapping("/reload")
  Overview reload() {
    calendar.reload();
    return overview();
  }
}
