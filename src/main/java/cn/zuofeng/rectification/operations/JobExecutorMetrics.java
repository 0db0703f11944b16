package cn.zuofeng.rectification.operations;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.metrics.Meter;
import org.camunda.bpm.engine.impl.metrics.MetricsRegistry;
import org.camunda.bpm.engine.management.Metrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The engine's own counters of this node as Prometheus counters: job acquisition (attempts,
 * acquired, not acquired), executions (successful, failed), jobs rejected by a full queue, exclusive
 * locks, started activity and process instances. The engine counts in memory and every 15 minutes
 * moves the counts into {@code ACT_RU_METER_LOG} under this node's reporter id; the value shown is
 * what this node reported (one cached query per interval) plus what it counted since.
 */
@Component
class JobExecutorMetrics implements MeterBinder {

  private static final Logger log = LoggerFactory.getLogger(JobExecutorMetrics.class);

  /** Prometheus name (without _total), tag result or null, and the engine's metric name. */
  private record Counter(String name, String result, String engineName, String description) {}

  private static final List<Counter> COUNTERS = List.of(
      new Counter("camunda.job.acquisition.attempts", null, Metrics.JOB_ACQUISITION_ATTEMPT, "作业获取轮次"),
      new Counter("camunda.job.acquired", "success", Metrics.JOB_ACQUIRED_SUCCESS, "获取的作业：success 已锁定，failure 被其他节点抢先（乐观锁）"),
      new Counter("camunda.job.acquired", "failure", Metrics.JOB_ACQUIRED_FAILURE, "获取的作业：success 已锁定，failure 被其他节点抢先（乐观锁）"),
      new Counter("camunda.job.rejected", null, Metrics.JOB_EXECUTION_REJECTED, "执行队列已满被拒绝的作业"),
      new Counter("camunda.job.executions", "successful", Metrics.JOB_SUCCESSFUL, "执行的作业：successful 成功，failed 失败"),
      new Counter("camunda.job.executions", "failed", Metrics.JOB_FAILED, "执行的作业：successful 成功，failed 失败"),
      new Counter("camunda.job.locked.exclusive", null, Metrics.JOB_LOCKED_EXCLUSIVE, "按流程实例独占锁定的作业"),
      new Counter("camunda.activity.instances.started", null, Metrics.ACTIVTY_INSTANCE_START, "启动的活动实例"),
      new Counter("camunda.process.instances.started", null, Metrics.ROOT_PROCESS_INSTANCE_START, "启动的流程实例"));

  private final ManagementService management;
  private final MetricsRegistry engineMeters;
  private final String reporter;
  private final long refreshNanos;
  private final Map<String, Long> shown = new ConcurrentHashMap<>();
  private volatile Map<String, Long> reported = Map.of();
  private volatile long reportedAt = Long.MIN_VALUE;

  JobExecutorMetrics(ProcessEngine engine, @Value("${rectification.metrics.engine-refresh:30s}") java.time.Duration refresh) {
    this.management = engine.getManagementService();
    var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    this.engineMeters = configuration.getMetricsRegistry();
    var reporter = configuration.getDbMetricsReporter();
    this.reporter = reporter == null || reporter.getMetricsCollectionTask() == null ? null
        : reporter.getMetricsCollectionTask().getReporter();
    this.refreshNanos = refresh.toNanos();
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    for (Counter c : COUNTERS) {
      var builder = FunctionCounter.builder(c.name(), this, m -> m.value(c.engineName())).description(c.description());
      if (c.result() != null) {
        builder.tag("result", c.result());
      }
      builder.register(registry);
    }
  }

  /** Never decreases: right after the engine moved its counts to the database the cache may lag. */
  double value(String engineName) {
    Meter live = engineMeters == null ? null : engineMeters.getDbMeterByName(engineName);
    long total = reported().getOrDefault(engineName, 0L) + (live == null ? 0 : live.get());
    return shown.merge(engineName, total, Math::max);
  }

  private Map<String, Long> reported() {
    if (reportedAt != Long.MIN_VALUE && System.nanoTime() - reportedAt < refreshNanos) {
      return reported;
    }
    synchronized (this) {
      if (reportedAt != Long.MIN_VALUE && System.nanoTime() - reportedAt < refreshNanos) {
        return reported;
      }
      try {
        Map<String, Long> sums = new HashMap<>();
        for (Counter c : COUNTERS) {
          var query = management.createMetricsQuery().name(c.engineName());
          if (reporter != null) {
            query.reporter(reporter);
          }
          sums.put(c.engineName(), query.sum());
        }
        reported = Map.copyOf(sums);
      } catch (RuntimeException e) {
        log.warn("engine metrics not read from the database: {}", e.getMessage());
      }
      reportedAt = System.nanoTime();
      return reported;
    }
  }
}
