package cn.zuofeng.rectification.calendar;

import cn.zuofeng.rectification.PeriodicTask;
import java.time.Duration;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Keeps every application instance's calendar in step with table {@code calendar_day}: every
 * {@code rectification.calendar.refresh-interval} (a minute by default) it reloads when the table
 * changed, so a day off saved on one node counts on all of them without a restart. When the
 * database cannot be reached, the calendar in memory stays valid.
 */
@Component
class CalendarRefresh extends PeriodicTask {

  private final WorkingDayCalendar calendar;

  CalendarRefresh(WorkingDayCalendar calendar,
                  @Value("${rectification.calendar.refresh-interval:PT1M}") Duration interval) {
    super("calendar-refresh-", interval, interval, LoggerFactory.getLogger(CalendarRefresh.class),
        "working-day calendar refresh failed");
    this.calendar = calendar;
  }

  @Override
  protected void runOnce() {
    calendar.reloadIfChanged();
  }
}
