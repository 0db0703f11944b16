package cn.zuofeng.rectification.notice;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.stereotype.Component;

/**
 * Runs the dispatcher every {@code rectification.notice.poll-interval} on a thread of its own (a
 * slow mail server never delays other scheduled work). Off with
 * {@code rectification.notice.dispatch-enabled=false} (unit tests).
 */
// the default phase: starts last and stops first, before the web server, the engine and the data source
@Component
@ConditionalOnProperty(prefix = "rectification.notice", name = "dispatch-enabled", havingValue = "true", matchIfMissing = true)
class NoticeScheduling implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(NoticeScheduling.class);

  private final NoticeDispatcher dispatcher;
  private final NoticeProperties properties;
  private ThreadPoolTaskScheduler scheduler;

  NoticeScheduling(NoticeDispatcher dispatcher, NoticeProperties properties) {
    this.dispatcher = dispatcher;
    this.properties = properties;
  }

  @Override
  public synchronized void start() {
    scheduler = new ThreadPoolTaskScheduler();
    scheduler.setThreadNamePrefix("notice-dispatcher-");
    scheduler.setPoolSize(1);
    scheduler.setWaitForTasksToCompleteOnShutdown(true);
    scheduler.setAwaitTerminationSeconds(30);
    scheduler.initialize();
    scheduler.scheduleWithFixedDelay(this::run, properties.pollInterval());
    log.info("notice dispatcher started: every {}, {} per batch", properties.pollInterval(), properties.batchSize());
  }

  private void run() {
    try {
      dispatcher.dispatchDue();
    } catch (RuntimeException e) {
      // e.g. the database is unreachable: the next round tries again
      log.warn("notice dispatch round failed: {}", e.toString());
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
