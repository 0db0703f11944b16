package cn.zuofeng.rectification.bench;

import cn.zuofeng.rectification.RectificationApplication;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The application, in this JVM (SpringApplication, random port), with the demo profile on the
 * embedded PostgreSQL, the production profile's connection settings and the starter's default job
 * executor. Its log goes to a file so the
 * harness output stays readable (the logging cost stays).
 */
final class AppUnderTest implements AutoCloseable {

  private static final String INIT_SQL = "spring.datasource.hikari.connection-init-sql";
  /** application-prod.yaml, for the settings the harness takes over from production. */
  static final java.util.Properties PRODUCTION = production();

  final ConfigurableApplicationContext context;
  final int port;
  /** SpringApplication.run(...) until it returned (ApplicationReadyEvent published, runners done). */
  final double startSeconds;
  final double jvmUptimeAtReadySeconds;

  private AppUnderTest(ConfigurableApplicationContext context, double startSeconds, double jvmUptimeAtReadySeconds) {
    this.context = context;
    this.port = Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
    this.startSeconds = startSeconds;
    this.jvmUptimeAtReadySeconds = jvmUptimeAtReadySeconds;
  }

  static AppUnderTest start(String jdbcUrl, Path logFile) {
    long begin = System.nanoTime();
    var args = new java.util.ArrayList<>(java.util.List.of(
        "--spring.profiles.active=demo",
        "--server.port=0",
        "--spring.datasource.url=" + jdbcUrl,
        "--spring.datasource.username=" + Database.USER,
        "--spring.datasource.password=" + Database.PASSWORD,
        "--camunda.bpm.database.schema-update=true",
        "--spring.main.banner-mode=off",
        "--logging.file.name=" + logFile,
        "--logging.threshold.console=OFF"));
    // the production profile's PostgreSQL session settings (the demo profile's own default is H2)
    if (PRODUCTION.getProperty(INIT_SQL) != null) {
      args.add("--" + INIT_SQL + "=" + PRODUCTION.getProperty(INIT_SQL));
    }
    ConfigurableApplicationContext context = new SpringApplication(RectificationApplication.class).run(args.toArray(String[]::new));
    double seconds = (System.nanoTime() - begin) / 1e9;
    return new AppUnderTest(context, seconds, ManagementFactory.getRuntimeMXBean().getUptime() / 1e3);
  }

  private static java.util.Properties production() {
    var yaml = new org.springframework.beans.factory.config.YamlPropertiesFactoryBean();
    yaml.setResources(new org.springframework.core.io.ClassPathResource("application-prod.yaml"));
    var properties = yaml.getObject();
    return properties == null ? new java.util.Properties() : properties;
  }

  /** Heap in use after a full GC (MemoryMXBean), in MB, with committed and max for context. */
  static Map<String, Object> heapAfterGc() {
    var memory = ManagementFactory.getMemoryMXBean();
    memory.gc();
    memory.gc();
    MemoryUsage heap = memory.getHeapMemoryUsage();
    MemoryUsage nonHeap = memory.getNonHeapMemoryUsage();
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("heapUsedMb", Report.round(heap.getUsed() / 1048576.0));
    json.put("heapCommittedMb", Report.round(heap.getCommitted() / 1048576.0));
    json.put("heapMaxMb", Report.round(heap.getMax() / 1048576.0));
    json.put("nonHeapUsedMb", Report.round(nonHeap.getUsed() / 1048576.0));
    return json;
  }

  @Override
  public void close() {
    context.close();
  }
}
