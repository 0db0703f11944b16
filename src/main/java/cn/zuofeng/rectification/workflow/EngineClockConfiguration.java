package cn.zuofeng.rectification.workflow;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One time for the whole application: the ledger reads the engine's clock, so moving the engine
 * clock in a test (or a timer firing) and "today" in the ledger never disagree.
 */
@Configuration(proxyBeanMethods = false)
class EngineClockConfiguration {

  @Bean
  Clock clock(@Value("${rectification.zone:Asia/Shanghai}") ZoneId zone) {
    return new EngineClock(zone);
  }

  static final class EngineClock extends Clock {

    private final ZoneId zone;

    EngineClock(ZoneId zone) {
      this.zone = zone;
    }

    @Override
    public ZoneId getZone() {
      return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return new EngineClock(zone);
    }

    @Override
    public Instant instant() {
      return ClockUtil.now().toInstant();
    }
  }
}
