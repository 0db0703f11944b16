package cn.zuofeng.rectification;

import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * Background work repeated with a fixed delay on a thread of its own, from the application's start
 * until it stops (the default phase: starts last and stops first, before the web server, the
 * engine and the data source, waiting up to 30 s for a round in progress). A round that fails is
 * logged and the next one tries again.
 */
public abstract class PeriodicTask implements SmartLifecycle {

  private final String threadNamePrefix;
  private final Duration firstDelay;
  private final Duration interval;
  private final Logger log;
  private final String failure;
  private ThreadPoolTaskScheduler scheduler;

  /**
   * @param failure what the warning says when a round fails, followed by the exception
   *     (e.g. "notice dispatch round failed")
   */
  protected PeriodicTask(String threadNamePrefix, Duration firstDelay, Duration interval, Logger log, String failure) {
    this.threadNamePrefix = threadNamePrefix;
    this.firstDelay = firstDelay;
    this.interval = interval;
    this.log = log;
    this.failure = failure;
  }

  /** One round of the work. */
  protected abstract void runOnce();

  protected Duration interval() {
    return interval;
  }

  @Override
  public synchronized void start() {
    scheduler = new ThreadPoolTaskScheduler();
    scheduler.setThreadNamePrefix(threadNamePrefix);
    scheduler.setPoolSize(1);
    scheduler.setWaitForTasksToCompleteOnShutdown(true);
    scheduler.setAwaitTerminationSeconds(30);
    scheduler.initialize();
    scheduler.scheduleWithFixedDelay(this::round, Instant.now().plus(firstDelay), interval);
  }

  private void round() {
    try {
      runOnce();
    } catch (RuntimeException e) {
      // e.g. the database is unreachable: the next round tries again
      log.warn("{}: {}", failure, e.toString());
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
