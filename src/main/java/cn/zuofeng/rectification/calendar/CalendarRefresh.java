package cn.zuofeng.rectification.calendar;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.stereotype.Component;

/**
 * Keeps every application instance's calendar in step with table {@code calendar_day}: every
 * {@code rectification.calendar.refresh-interval} (a minute by default) it reloads when the table
 * changed, so a day off saved on one node counts on all of them without a restart.
 */
@Component
class CalendarRefresh implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(CalendarRefresh.class);

  private final WorkingDayCalendar calendar;
  private final Duration interval;
  private ThreadPoolTaskScheduler scheduler;

  CalendarRefresh(WorkingDayCalendar calendar,
                  @Value("${rectification.calendar.refresh-interval:PT1M}") Duration interval) {
    this.calendar = calendar;
    this.interval = interval;
  }

  @Override
  public synchronized void start() {
    scheduler = new ThreadPoolTaskScheduler();
    scheduler.setThreadNamePrefix("calendar-refresh-");
    scheduler.setPoolSize(1);
    scheduler.initialize();
    scheduler.scheduleWithFixedDelay(this::run, java.time.Instant.now().plus(interval), interval);
  }

  private void run() {
    try {
      calendar.reloadIfChanged();
    } catch (RuntimeException e) {
      // e.g. the database is unreachable: the calendar in memory stays valid, the next round tries again
      log.warn("working-day calendar refresh failed: {}", e.toString());
    }
  }

  @Override
  public synchronized void stop() {
    if (scheduler != null) {
      scheduler.shutdown();
      scheduler = null;
    }
  }

  @Override
  public synchronized boolean isRunning() {
    return scheduler != null;
  }
}
