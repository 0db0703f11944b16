package cn.zuofeng.rectification.bench;

import com.zaxxer.hikari.HikariDataSource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import javax.sql.DataSource;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultJobExecutor;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.spring.boot.starter.property.JobExecutionProperty;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The job executor's settings ({@code camunda.bpm.job-execution.*}) and the connection pool size,
 * applied to the running application between phases: the job executor is stopped, its Spring
 * thread pool rebuilt with the new sizes and the acquisition restarted with the new values.
 */
record JobExecutorSettings(String source, int corePoolSize, int maxPoolSize, int queueCapacity, int maxJobsPerAcquisition,
                           int waitTimeInMillis, long maxWait, int lockTimeInMillis, int backoffTimeInMillis,
                           long maxBackoff, int hikariMaximumPoolSize) {

  private static final String PREFIX = "camunda.bpm.job-execution.";

  /** B2: what the Camunda Spring Boot starter and the engine use when nothing is configured. */
  static JobExecutorSettings starterDefaults() {
    var starter = new JobExecutionProperty();
    var engine = new DefaultJobExecutor();
    return new JobExecutorSettings("Camunda starter defaults", starter.getCorePoolSize(), starter.getMaxPoolSize(),
        starter.getQueueCapacity(), engine.getMaxJobsPerAcquisition(), engine.getWaitTimeInMillis(), engine.getMaxWait(),
        engine.getLockTimeInMillis(), engine.getBackoffTimeInMillis(), engine.getMaxBackoff(), 10);
  }

  /**
   * S3: the application's production tuning when {@code application-prod.yaml} has any
   * {@code camunda.bpm.job-execution.*} key (missing keys keep the starter's defaults); otherwise
   * the harness's own tuning for two cores with PostgreSQL on the same machine (see {@link #BENCH_TUNING}).
   */
  static JobExecutorSettings tuned() {
    Properties prod = new Properties();
    var resource = new ClassPathResource("application-prod.yaml");
    if (resource.exists()) {
      var yaml = new YamlPropertiesFactoryBean();
      yaml.setResources(resource);
      prod = yaml.getObject();
    }
    boolean configured = prod != null && prod.stringPropertyNames().stream().anyMatch(k -> k.startsWith(PREFIX));
    if (!configured) {
      return BENCH_TUNING;
    }
    var d = starterDefaults();
    Properties p = prod;
    return new JobExecutorSettings("application-prod.yaml", i(p, "core-pool-size", d.corePoolSize), i(p, "max-pool-size", d.maxPoolSize),
        i(p, "queue-capacity", d.queueCapacity), i(p, "max-jobs-per-acquisition", d.maxJobsPerAcquisition),
        i(p, "wait-time-in-millis", d.waitTimeInMillis), l(p, "max-wait", d.maxWait), i(p, "lock-time-in-millis", d.lockTimeInMillis),
        i(p, "backoff-time-in-millis", d.backoffTimeInMillis), l(p, "max-backoff", d.maxBackoff),
        Integer.parseInt(resolved(p, "spring.datasource.hikari.maximum-pool-size", d.hikariMaximumPoolSize)));
  }

  /** A value of the production profile as a node would see it: ${ENV_VAR:default} resolved from this environment. */
  private static String resolved(Properties p, String key, Object fallback) {
    String raw = p.getProperty(key, String.valueOf(fallback));
    return new org.springframework.util.PropertyPlaceholderHelper("${", "}", ":", null, true)
        .replacePlaceholders(raw, System::getenv).strip();
  }

  /**
   * The harness's tuning, used while main has none: as many job threads as the 8 clients of the
   * other scenarios, a queue and an acquisition size that keep them fed (the defaults acquire 3
   * jobs at a time for a queue of 3), and a short idle wait so due timers are noticed within a
   * second, not up to a minute later; the pool keeps one connection for each job thread plus the
   * acquisition, the web requests and the notice dispatcher.
   */
  static final JobExecutorSettings BENCH_TUNING = new JobExecutorSettings("harness (main has no job executor tuning)",
      8, 8, 32, 16, 1000, 5000, 300000, 0, 0, 16);

  private static int i(Properties p, String key, int fallback) {
    return Integer.parseInt(resolved(p, PREFIX + key, fallback));
  }

  private static long l(Properties p, String key, long fallback) {
    return Long.parseLong(resolved(p, PREFIX + key, fallback));
  }

  /** Stops the job executor and applies these settings; {@link #start} starts it again. */
  void apply(AppUnderTest app) {
    JobExecutor executor = app.context.getBean(JobExecutor.class);
    stop(app);
    ThreadPoolTaskExecutor pool = app.context.getBean("camundaTaskExecutor", ThreadPoolTaskExecutor.class);
    pool.shutdown();
    pool.setCorePoolSize(corePoolSize);
    pool.setMaxPoolSize(maxPoolSize);
    pool.setQueueCapacity(queueCapacity);
    pool.initialize();
    executor.setMaxJobsPerAcquisition(maxJobsPerAcquisition);
    executor.setWaitTimeInMillis(waitTimeInMillis);
    executor.setMaxWait(maxWait);
    executor.setLockTimeInMillis(lockTimeInMillis);
    executor.setBackoffTimeInMillis(backoffTimeInMillis);
    executor.setMaxBackoff(maxBackoff);
    if (app.context.getBean(DataSource.class) instanceof HikariDataSource hikari) {
      hikari.getHikariConfigMXBean().setMaximumPoolSize(hikariMaximumPoolSize);
    }
  }

  static void stop(AppUnderTest app) {
    JobExecutor executor = app.context.getBean(JobExecutor.class);
    if (executor.isActive()) {
      executor.shutdown();
    }
  }

  static void start(AppUnderTest app) {
    app.context.getBean(JobExecutor.class).start();
  }

  Map<String, Object> toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("source", source);
    json.put("corePoolSize", corePoolSize);
    json.put("maxPoolSize", maxPoolSize);
    json.put("queueCapacity", queueCapacity);
    json.put("maxJobsPerAcquisition", maxJobsPerAcquisition);
    json.put("waitTimeInMillis", waitTimeInMillis);
    json.put("maxWait", maxWait);
    json.put("lockTimeInMillis", lockTimeInMillis);
    json.put("backoffTimeInMillis", backoffTimeInMillis);
    json.put("maxBackoff", maxBackoff);
    json.put("hikariMaximumPoolSize", hikariMaximumPoolSize);
    return json;
  }

  String describe() {
    return "threads " + corePoolSize + "–" + maxPoolSize + ", queue " + queueCapacity + ", " + maxJobsPerAcquisition
        + " jobs/acquisition, idle wait " + waitTimeInMillis + "–" + maxWait + " ms, " + hikariMaximumPoolSize + " connections";
  }
}
