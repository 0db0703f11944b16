package cn.zuofeng.rectification.notice;

import cn.zuofeng.rectification.PeriodicTask;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Runs the dispatcher every {@code rectification.notice.poll-interval} on a thread of its own (a
 * slow mail server never delays other scheduled work). Off with
 * {@code rectification.notice.dispatch-enabled=false} (unit tests).
 */
@Component
@ConditionalOnProperty(prefix = "rectification.notice", name = "dispatch-enabled", havingValue = "true", matchIfMissing = true)
class NoticeScheduling extends PeriodicTask {

  private static final Logger log = LoggerFactory.getLogger(NoticeScheduling.class);

  private final NoticeDispatcher dispatcher;
  private final NoticeProperties properties;

  NoticeScheduling(NoticeDispatcher dispatcher, NoticeProperties properties) {
    super("notice-dispatcher-", Duration.ZERO, properties.pollInterval(), log, "notice dispatch round failed");
    this.dispatcher = dispatcher;
    this.properties = properties;
  }

  @Override
  public synchronized void start() {
    super.start();
    log.info("notice dispatcher started: every {}, {} per batch", interval(), properties.batchSize());
  }

  @Override
  protected void runOnce() {
    dispatcher.dispatchDue();
  }
}
