package cn.zuofeng.rectification.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.metrics.Meter;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.management.Metrics;

/**
 * S3 and B2: many rectification deadlines falling due at once. A cohort of problems is registered
 * and assigned through the application (not measured) with the same deadline; the job executor is
 * stopped, the engine clock (ClockUtil, the application runs in this JVM) is moved to the morning
 * after the deadline, so every warning and overdue timer of the cohort is due, then the job
 * executor is started with the settings under test and the harness polls the database until every
 * problem of the cohort has its OVERDUE ledger event and its first supervision notice, and no due
 * job is left.
 */
final class DeadlineRush {

  private static final List<String> JOB_METRICS = List.of(Metrics.JOB_ACQUISITION_ATTEMPT, Metrics.JOB_ACQUIRED_SUCCESS,
      Metrics.JOB_ACQUIRED_FAILURE, Metrics.JOB_EXECUTION_REJECTED, Metrics.JOB_LOCKED_EXCLUSIVE, Metrics.JOB_SUCCESSFUL,
      Metrics.JOB_FAILED);

  record Result(String name, JobExecutorSettings settings, int problems, double seedSeconds, boolean done, double seconds,
                long jobs, long failedJobs, long optimisticLockingFailures, long incidents, long overdueEvents,
                long supervisionNotices, long dueJobsLeft, Map<String, Long> metrics, Map<String, Object> cpu,
                double waitingOnCounter, double activeInApp) {

    double jobsPerSecond() {
      return seconds <= 0 ? 0 : jobs / seconds;
    }

    boolean clean() {
      return done && failedJobs == 0 && incidents == 0;
    }

    Map<String, Object> toJson() {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("jobExecutor", settings.toJson());
      json.put("problems", problems);
      json.put("seedSeconds", Report.round(seedSeconds));
      json.put("done", done);
      json.put("seconds", Report.round(seconds));
      json.put("jobsExecuted", jobs);
      json.put("jobsPerSecond", Report.round(jobsPerSecond()));
      json.put("failedJobExecutions", failedJobs);
      json.put("optimisticLockingFailures", optimisticLockingFailures);
      json.put("incidents", incidents);
      json.put("overdueEvents", overdueEvents);
      json.put("supervisionNotices", supervisionNotices);
      json.put("dueJobsLeft", dueJobsLeft);
      json.put("engineMetrics", metrics);
      json.put("meanSessionsWaitingForSupervisionCounter", Report.round(waitingOnCounter));
      json.put("meanActiveSessions", Report.round(activeInApp));
      json.put("cpu", cpu);
      return json;
    }
  }

  private DeadlineRush() {}

  static Result run(String name, AppUnderTest app, Database db, String appDb, Seeder seeder, List<Seeder.BenchUnit> units,
                    JobExecutorSettings settings, int problems, int seedThreads, Duration limit) throws Exception {
    JobExecutorSettings.stop(app);
    ClockUtil.reset();
    LocalDate today = LocalDate.now(Bench.ZONE);
    LocalDate deadline = today.plusDays(2);
    long seedBegin = System.nanoTime();
    List<String> numbers = seeder.assigned(name + " 到期", problems, seedThreads, units, today, deadline);
    double seedSeconds = (System.nanoTime() - seedBegin) / 1e9;
    Bench.log(name + ": seeded " + numbers.size() + " assigned problems in " + Report.f1(seedSeconds) + " s ("
        + Report.f0(numbers.size() / seedSeconds) + "/s); deadline " + deadline);

    settings.apply(app);
    db.checkpoint();
    ProcessEngine engine = app.context.getBean(ProcessEngine.class);
    var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    engine.getManagementService().reportDbMetricsNow();
    Map<String, Long> metricsBefore = metrics(configuration);

    // the morning after the deadline (Asia/Shanghai): the cohort's warning and overdue timers are due
    long target = deadline.plusDays(1).atTime(8, 0).atZone(Bench.ZONE).toInstant().toEpochMilli();
    ClockUtil.offset(target - System.currentTimeMillis());
    try (Connection c = db.connect(appDb)) {
      var array = c.createArrayOf("varchar", numbers.toArray());
      CpuSampler cpu = new CpuSampler();
      long begin = System.nanoTime();
      JobExecutorSettings.start(app);
      long end = begin + limit.toNanos();
      long finished = -1;
      long[] progress;
      double waiting = 0;
      double active = 0;
      int samples = 0;
      while (true) {
        progress = progress(c, array);
        double[] sessions = sessions(c);
        waiting += sessions[0];
        active += sessions[1];
        samples++;
        if (progress[0] == numbers.size() && progress[1] == numbers.size() && progress[2] == 0) {
          finished = System.nanoTime();
          break;
        }
        if (System.nanoTime() > end) {
          break;
        }
        // its three counting queries cost PostgreSQL ~140 ms a round at 10,000 problems: once a second keeps
        // the harness's own share small (at 10 rounds/s it took a quarter of a core from the run it measures)
        Thread.sleep(1000);
      }
      cpu.close();
      var cpuJson = cpu.toJson();
      double seconds = ((finished > 0 ? finished : System.nanoTime()) - begin) / 1e9;
      JobExecutorSettings.stop(app);
      Map<String, Long> metricsAfter = metrics(configuration);
      Map<String, Long> delta = new LinkedHashMap<>();
      metricsAfter.forEach((k, v) -> delta.put(k, v - metricsBefore.getOrDefault(k, 0L)));
      long[] log = jobLog(c, array);
      long incidents = Database.count(c, "select count(*) from act_ru_incident");
      ClockUtil.reset();
      return new Result(name, settings, numbers.size(), seedSeconds, finished > 0, seconds, log[0], log[1], log[2], incidents,
          progress[0], progress[1], progress[2], delta, cpuJson, waiting / Math.max(1, samples), active / Math.max(1, samples));
    } finally {
      ClockUtil.reset();
    }
  }

  /**
   * The application's database sessions right now: how many wait for a lock in the supervision
   * notice counter's UPDATE (督办单 numbers are gap-free per year: the counter row stays locked until
   * the issuing transaction commits), and how many are active at all.
   */
  private static double[] sessions(Connection c) throws SQLException {
    try (var s = c.prepareStatement("""
        select count(*) filter (where wait_event_type = 'Lock' and query like 'update supervision_counter%'),
               count(*) filter (where state = 'active')
        from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()""")) {
      try (var rs = s.executeQuery()) {
        rs.next();
        return new double[] {rs.getLong(1), rs.getLong(2)};
      }
    }
  }

  /** Overdue events of the cohort, cohort problems with a supervision notice, due jobs left. */
  private static long[] progress(Connection c, java.sql.Array numbers) throws SQLException {
    long overdue;
    long supervised;
    try (var s = c.prepareStatement("""
        select count(distinct p.id) from problem p join problem_event e on e.problem_id = p.id and e.type = 'OVERDUE'
        where p.number = any (?)""")) {
      s.setArray(1, numbers);
      overdue = single(s);
    }
    try (var s = c.prepareStatement("""
        select count(distinct n.problem_id) from supervision_notice n join problem p on p.id = n.problem_id
        where p.number = any (?)""")) {
      s.setArray(1, numbers);
      supervised = single(s);
    }
    long due;
    try (var s = c.prepareStatement("""
        select count(*) from act_ru_job where retries_ > 0 and suspension_state_ = 1
          and (duedate_ is null or duedate_ <= ?)""")) {
      s.setTimestamp(1, new Timestamp(ClockUtil.now().getTime()));
      due = single(s);
    }
    return new long[] {overdue, supervised, due};
  }

  /**
   * From the job log (history FULL), for the cohort's process instances (the problems' and their
   * supervisions', which share the business key): successful executions, failed executions, of
   * which optimistic-locking failures.
   */
  private static long[] jobLog(Connection c, java.sql.Array numbers) throws SQLException {
    try (var s = c.prepareStatement("""
        select count(*) filter (where job_state_ = 2),
               count(*) filter (where job_state_ = 1),
               count(*) filter (where job_state_ = 1 and job_exception_msg_ like '%OptimisticLocking%')
        from act_hi_job_log where process_instance_id_ in
          (select proc_inst_id_ from act_hi_procinst where business_key_ = any (?))""")) {
      s.setArray(1, numbers);
      try (var rs = s.executeQuery()) {
        rs.next();
        return new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)};
      }
    }
  }

  private static Map<String, Long> metrics(ProcessEngineConfigurationImpl configuration) {
    Map<String, Long> values = new LinkedHashMap<>();
    for (String name : JOB_METRICS) {
      Meter meter = configuration.getMetricsRegistry().getDbMeterByName(name);
      values.put(name, meter == null ? 0 : meter.get());
    }
    return values;
  }

  private static long single(java.sql.PreparedStatement s) throws SQLException {
    try (var rs = s.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
