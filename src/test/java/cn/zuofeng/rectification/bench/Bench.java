package cn.zuofeng.rectification.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The benchmark harness (issue "Benchmarks"): {@code ./mvnw -Pbench verify -Dbench.size=quick|full}.
 *
 * <p>One JVM, one embedded PostgreSQL 17 server (durable commits), everything on localhost:
 * <ol>
 *   <li>S7 — the application starts (SpringApplication, demo profile, random port): time to ready;
 *       first, so the JVM is cold as in a real start;</li>
 *   <li>B0 — raw PostgreSQL commits/s (1-row INSERT + COMMIT, 8 JDBC threads): the physical ceiling;</li>
 *   <li>B1 — bare Camunda on a separate database of the same server: start + complete loops/s;</li>
 *   <li>S1 — {@code POST /api/problems} at a fixed arrival rate (open model, 8 HTTP clients), then
 *       heap used after GC;</li>
 *   <li>S2 — the whole loop over REST, 8 clients, closed loop;</li>
 *   <li>B2, S3 — a cohort of deadlines falling due at once (engine clock moved), processed by the job
 *       executor with the starter's defaults, then with the tuned settings ({@link JobExecutorSettings});</li>
 *   <li>S4 — the 本单位待认领 Tasklist filter (first page + count) over many open tasks, open model;</li>
 *   <li>S6 — one problem's audit trail with millions of history rows;</li>
 *   <li>S5 — the ledger at a million problems: search, statistics, the xlsx export of 100,000 rows.</li>
 * </ol>
 * Diagnostics: {@code -Dbench.pgStatements=true} (statement statistics per phase, slow-statement plans),
 * {@code -Dbench.explain=true} (the filter's plans), {@code -Dbench.s3Problems}, {@code -Dbench.s4Tasks},
 * {@code -Dbench.s4Units}, {@code -Dbench.s5Problems} (other data sizes), {@code -Dbench.s5Only=true} (S7 then S5 alone), all passed through {@code -Dbench.jvmArgs="..."}.
 * Prints a table and writes {@code benchmarks.json} and {@code benchmarks.md} ({@code docs/} for
 * {@code full}, {@code target/bench/} for {@code quick}, or {@code -Dbench.out}). Exits non-zero when
 * the harness breaks (the application does not start, any request or operation fails, the ledger
 * count does not add up) — never because a target is missed.
 */
public final class Bench {

  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  static final double S1_TARGET_RATE = 200;
  static final double S1_TARGET_P95_MS = 100;
  static final double S1_TARGET_RATIO = 0.6;
  static final double S2_TARGET_LOOPS = 60;
  static final double S7_TARGET_START_S = 20;
  static final double S7_TARGET_HEAP_MB = 512;
  static final double S3_TARGET_SECONDS = 60;
  static final int S3_TARGET_PROBLEMS = 10_000;
  static final double S3_TARGET_SPEEDUP = 3;
  static final double S4_TARGET_P95_MS = 100;
  static final int S4_TARGET_TASKS = 100_000;
  static final double S6_TARGET_P95_MS = 50;
  static final long S6_TARGET_ROWS = 5_000_000L;
  static final double S5_TARGET_SEARCH_P95_MS = 100;
  static final double S5_TARGET_STATISTICS_P95_MS = 500;
  static final long S5_TARGET_PROBLEMS = 1_000_000L;
  static final double S5_TARGET_EXPORT_S = 10;
  static final long S5_TARGET_EXPORT_ROWS = 100_000L;
  static final double S5_TARGET_HEAP_GROWTH_MB = 64;

  private Bench() {}

  public static void main(String[] args) {
    quietLogging();
    int code;
    try {
      code = run();
    } catch (Throwable e) {
      System.out.println("[bench] FAILED: " + e);
      e.printStackTrace(System.out);
      code = 1;
    }
    System.out.flush();
    System.exit(code);
  }

  private static int run() throws Exception {
    BenchSize size = BenchSize.of(System.getProperty("bench.size", "quick").strip(), System.getProperty("bench.rate"))
        .withOverrides(Integer.getInteger("bench.s3Problems", 0), Integer.getInteger("bench.s4Tasks", 0),
            Integer.getInteger("bench.s4Units", 0), Long.getLong("bench.s5Problems", 0));
    Path base = Path.of(System.getProperty("bench.basedir", ".")).toAbsolutePath().normalize();
    Path work = base.resolve("target/bench");
    String outProperty = System.getProperty("bench.out", "");
    Path out = !outProperty.isBlank() ? Path.of(outProperty).toAbsolutePath()
        : "full".equals(size.name()) ? base.resolve("docs") : work;
    String rate = System.getProperty("bench.rate", "");
    String command = "./mvnw -Pbench verify -Dbench.size=" + size.name() + (rate.isBlank() ? "" : " -Dbench.rate=" + rate.strip());
    watchdog(size.maxWall());
    long began = System.nanoTime();
    log("size " + size.name() + ", S1 at " + Report.f0(size.s1Rate()) + " requests/s; output to " + out);

    Map<String, Object> machine = Machine.describe();
    Map<String, Object> idle = CpuSampler.idleCheck(3_000);
    long waitIdle = Long.getLong("bench.waitIdle", 0);
    long waitUntil = System.nanoTime() + Duration.ofSeconds(waitIdle).toNanos();
    while (((Number) idle.getOrDefault("machinePercent", 0)).doubleValue() > 20 && System.nanoTime() < waitUntil) {
      log("machine " + idle.get("machinePercent") + "% busy with other work; waiting for it to calm down (-Dbench.waitIdle)");
      Thread.sleep(5_000);
      idle = CpuSampler.idleCheck(3_000);
    }
    machine.put("busyBeforeRun", idle);
    log("machine busy before the run: " + idle.getOrDefault("machinePercent", "n/a") + "% of all cores");
    long errors = 0;
    boolean statements = Boolean.getBoolean("bench.pgStatements");
    try (Database db = Database.start(statements)) {
      Map<String, Object> postgres = db.describe();
      long postmasterPid = db.postmasterPid();
      CpuSampler.postmaster = () -> postmasterPid;
      log("PostgreSQL " + postgres.get("server_version") + " up (fsync " + postgres.get("fsync")
          + ", synchronous_commit " + postgres.get("synchronous_commit") + ")");
      var report = new Report(size.name(), command, machine, postgres, size.toJson());
      String appDb = db.create("rectification_bench");
      String appUrl = db.url(appDb);

      // S7: start-up, first while the JVM is still cold
      log("S7: starting the application (log: " + work.resolve("app.log") + ")");
      AppUnderTest started;
      try {
        started = AppUnderTest.start(appUrl, work.resolve("app.log"));
      } catch (Throwable e) {
        throw new IllegalStateException("the application did not start (see " + work.resolve("app.log") + ")", e);
      }
      try (AppUnderTest app = started) {
        LocalDate today = LocalDate.now(ZONE);
        var probe = new HttpDriver(app.port);
        long firstBegin = System.nanoTime();
        long problemsAtStart = probe.expect(200, probe.get("supervisor", "/api/problems?size=1"), "first request")
            .json().path("total").asLong();
        double firstRequestMs = (System.nanoTime() - firstBegin) / 1e6;
        Map<String, Object> heapAtStart = AppUnderTest.heapAfterGc();
        log("S7: ready in " + Report.f1(app.startSeconds) + " s on port " + app.port + " (" + problemsAtStart
            + " demo problems), heap after GC " + heapAtStart.get("heapUsedMb") + " MB");
        Map<String, Object> s7 = new LinkedHashMap<>();
        s7.put("startSeconds", Report.round(app.startSeconds));
        s7.put("jvmUptimeAtReadySeconds", Report.round(app.jvmUptimeAtReadySeconds));
        s7.put("firstRequestMs", Report.round(firstRequestMs));
        s7.put("heapAfterStart", heapAtStart);
        report.result("S7", s7);

        if (Boolean.getBoolean("bench.s5Only")) {
          // diagnostics: S5 alone, written to target/bench
          var s5 = ledger(report, app, db, appDb, work, size, new Seeder(app).units(size.s4Units()));
          describeLedger(report, size, s5);
          report.result("harnessErrors", s5.errors());
          System.out.println(report.console());
          report.write(work);
          return s5.errors() > 0 ? 1 : 0;
        }

        // B0: the physical ceiling
        String rawDb = db.create("bench_raw");
        db.checkpoint();
        log("B0: raw INSERT + COMMIT, " + size.threads() + " JDBC threads, " + size.b0().toSeconds() + " s");
        var b0 = RawCommits.run(db, rawDb, size.threads(), size.b0Warmup(), size.b0(), true);
        errors += b0.failures().count();
        report.result("B0", b0.toJson());
        log("B0: " + Report.f0(b0.opsPerSecond()) + " commits/s");
        db.checkpoint();
        var b0NoSync = RawCommits.run(db, rawDb, size.threads(), Duration.ofSeconds(1), size.b0NoSync(), false);
        errors += b0NoSync.failures().count();
        report.result("B0-nosync", b0NoSync.toJson());
        log("B0 (synchronous_commit off, reference): " + Report.f0(b0NoSync.opsPerSecond()) + " commits/s");

        // B1: bare Camunda
        db.execute("drop database bench_raw");
        String engineDb = db.create("bench_engine");
        db.checkpoint();
        db.resetStatements();
        log("B1: bare Camunda start + complete, " + size.threads() + " threads, " + size.b1().toSeconds() + " s");
        var b1 = BareEngine.run(db, engineDb, size.threads(), size.b1Warmup(), size.b1());
        errors += b1.failures().count();
        report.result("B1", b1.toJson());
        db.dumpStatements(work.resolve("pg-statements-B1.txt"));
        log("B1: " + Report.f1(b1.opsPerSecond()) + " loops/s");

        // S1: registrations at a fixed arrival rate
        OpenLoad.Request register = (client, i) -> client.expect(201,
            client.post("supervisor", "/api/problems", HttpDriver.problem("S1 基准测试问题 #" + i, today)), "register");
        db.checkpoint();
        long problemsBefore = probe.get("supervisor", "/api/problems?size=1").json().path("total").asLong();
        log("S1: warm-up, " + Report.f0(size.s1Rate()) + " requests/s for " + size.s1Warmup().toSeconds() + " s");
        var s1Warmup = OpenLoad.run("S1-warmup", app.port, size.threads(), size.s1Rate(), size.s1Warmup(),
            Duration.ofSeconds(5), register);
        errors += s1Warmup.failures().count();
        db.checkpoint();
        db.resetStatements();
        Map<String, Object> datasetS1 = db.dataset(appDb);
        log("S1: " + Report.f0(size.s1Rate()) + " requests/s for " + size.s1().toSeconds() + " s");
        var s1 = OpenLoad.run("S1", app.port, size.threads(), size.s1Rate(), size.s1(), size.s1Drain(), register);
        errors += s1.failures().count();
        db.dumpStatements(work.resolve("pg-statements-S1.txt"));
        Map<String, Object> heapAfterS1 = AppUnderTest.heapAfterGc();
        report.result("S1-warmup", s1Warmup.toJson());
        Map<String, Object> s1Json = s1.toJson();
        s1Json.put("datasetAtStart", datasetS1);
        report.result("S1", s1Json);
        s7.put("heapAfterS1", heapAfterS1);
        log("S1: " + Report.f1(s1.throughput()) + " requests/s, p95 " + Report.f1(s1.latency().millis(95)) + " ms, errors "
            + s1.failures().count() + ", unsent " + s1.unsent() + "; heap after GC " + heapAfterS1.get("heapUsedMb") + " MB");

        OpenLoad.Result s1b = null;
        if (!s1.heldRate() && s1.throughput() > 1) {
          double sustainable = Math.max(1, Math.floor(0.7 * s1.throughput()));
          log("S1b: S1 did not hold its rate; again at 70% of its throughput, " + Report.f0(sustainable)
              + " requests/s for " + size.s1b().toSeconds() + " s");
          db.checkpoint();
          s1b = OpenLoad.run("S1b", app.port, size.threads(), sustainable, size.s1b(), size.s1Drain(), register);
          errors += s1b.failures().count();
          report.result("S1b", s1b.toJson());
          log("S1b: " + Report.f1(s1b.throughput()) + " requests/s, p95 " + Report.f1(s1b.latency().millis(95)) + " ms");
        }
        long registered = s1Warmup.ok() + s1.ok() + (s1b == null ? 0 : s1b.ok());
        long problemsAfter = probe.get("supervisor", "/api/problems?size=1").json().path("total").asLong();
        if (problemsAfter != problemsBefore + registered) {
          errors++;
          report.note("ledger count mismatch: " + problemsBefore + " + " + registered + " registered ≠ " + problemsAfter);
        }

        // S2: whole loops over REST
        log("S2: full loops via REST, " + size.threads() + " clients, " + size.s2().toSeconds() + " s");
        db.checkpoint();
        db.resetStatements();
        Map<String, Object> datasetS2 = db.dataset(appDb);
        var s2 = FullLoops.run(app.port, size.threads(), size.s2Warmup(), size.s2(), today);
        errors += s2.failures().count();
        db.dumpStatements(work.resolve("pg-statements-S2.txt"));
        Map<String, Object> s2Json = s2.toJson();
        s2Json.put("requestsPerLoop", FullLoops.REQUESTS_PER_LOOP);
        s2Json.put("datasetAtStart", datasetS2);
        s2Json.put("requestsPerSecond", Report.round(s2.opsPerSecond() * FullLoops.REQUESTS_PER_LOOP));
        report.result("S2", s2Json);
        log("S2: " + Report.f1(s2.opsPerSecond()) + " loops/s, errors " + s2.failures().count());

        // B2 then S3: deadlines falling due at once, starter defaults, then the tuned job executor
        var seeder = new Seeder(app);
        var units = seeder.units(size.s4Units());
        var b2Settings = JobExecutorSettings.starterDefaults();
        log("B2: " + size.b2Problems() + " problems falling due at once, job executor " + b2Settings.describe());
        var b2 = DeadlineRush.run("B2", app, db, appDb, seeder, units, b2Settings, size.b2Problems(), size.threads(), size.s3Limit());
        report.result("B2", b2.toJson());
        errors += rushErrors(report, b2);
        log("B2: " + (b2.done() ? "done" : "NOT done") + " in " + Report.f1(b2.seconds()) + " s, " + Report.f1(b2.jobsPerSecond())
            + " jobs/s, failed " + b2.failedJobs() + ", incidents " + b2.incidents());
        var s3Settings = JobExecutorSettings.tuned();
        log("S3: " + size.s3Problems() + " problems falling due at once, job executor " + s3Settings.describe() + " (" + s3Settings.source() + ")");
        db.resetStatements();
        var s3 = DeadlineRush.run("S3", app, db, appDb, seeder, units, s3Settings, size.s3Problems(), size.threads(), size.s3Limit());
        db.dumpStatements(work.resolve("pg-statements-S3.txt"));
        report.result("S3", s3.toJson());
        errors += rushErrors(report, s3);
        log("S3: " + (s3.done() ? "done" : "NOT done") + " in " + Report.f1(s3.seconds()) + " s, " + Report.f1(s3.jobsPerSecond())
            + " jobs/s, failed " + s3.failedJobs() + ", incidents " + s3.incidents());

        // S4: the unit's 本单位待认领 filter over many open tasks
        JobExecutorSettings.stop(app);
        log("S4: seeding " + size.s4Tasks() + " open tasks over " + size.s4Units() + " units");
        var s4Data = UnitFilterLoad.seed(app, db, appDb, seeder, units, size.s4Tasks(), size.threads());
        JobExecutorSettings.start(app);
        log("S4: " + s4Data.unitTasks() + " open tasks of the bench units (" + s4Data.copied() + " copied), "
            + s4Data.openTasks() + " open tasks, " + s4Data.authorizations() + " authorizations; seeded in "
            + Report.f0(s4Data.seedSeconds()) + " s");
        String filterId = UnitFilterLoad.filterId(app);
        OpenLoad.Request filter = UnitFilterLoad.request(filterId, units);
        if (Boolean.getBoolean("bench.explain")) {
          explainFilter(app, db, appDb, work, filter);
        }
        db.checkpoint();
        var s4Warmup = OpenLoad.run("S4-warmup", app.port, size.threads(), size.s4Rate(), size.s4Warmup(), Duration.ofSeconds(5), filter);
        errors += s4Warmup.failures().count();
        db.resetStatements();
        log("S4: " + Report.f0(size.s4Rate()) + " filter views/s for " + size.s4().toSeconds() + " s");
        db.explainSlow(Integer.getInteger("bench.explainMs", 20));
        var s4 = OpenLoad.run("S4", app.port, size.threads(), size.s4Rate(), size.s4(), size.s1Drain(), filter);
        db.explainSlow(-1);
        errors += s4.failures().count();
        db.dumpStatements(work.resolve("pg-statements-S4.txt"));
        Map<String, Object> s4Json = s4.toJson();
        s4Json.put("dataset", s4Data.toJson());
        s4Json.put("warmup", s4Warmup.toJson());
        report.result("S4", s4Json);
        log("S4: p50 " + Report.f1(s4.latency().millis(50)) + " / p95 " + Report.f1(s4.latency().millis(95)) + " / p99 "
            + Report.f1(s4.latency().millis(99)) + " ms, errors " + s4.failures().count() + ", unsent " + s4.unsent());

        // S6: one problem's audit trail while the history tables hold millions of rows
        boolean full = "full".equals(size.name());
        long s6Rows = full ? S6_TARGET_ROWS : 100_000L;
        double s6Rate = full ? 20 : 5;
        Duration s6Duration = Duration.ofSeconds(full ? 30 : 10);
        log("S6: growing the history tables to " + s6Rows + " rows");
        var s6Data = TrailLoad.seed(db, appDb, s6Rows);
        int s6Entries = probe.expect(200, probe.get("auditor", "/api/problems/" + s6Data.problem() + "/trail"), "trail")
            .json().size();
        s6Data = TrailLoad.withEntries(s6Data, s6Entries);
        log("S6: " + s6Data.historyRows() + " history rows (" + s6Data.copied() + " copied in " + Report.f0(s6Data.seedSeconds())
            + " s); trail of " + s6Data.problem() + " has " + s6Entries + " entries");
        db.checkpoint();
        var s6Request = TrailLoad.request(s6Data.problem(), s6Entries);
        var s6Warmup = OpenLoad.run("S6-warmup", app.port, size.threads(), s6Rate, Duration.ofSeconds(5), Duration.ofSeconds(5),
            s6Request);
        errors += s6Warmup.failures().count();
        var s6 = OpenLoad.run("S6", app.port, size.threads(), s6Rate, s6Duration, size.s1Drain(), s6Request);
        errors += s6.failures().count();
        Map<String, Object> s6Json = s6.toJson();
        s6Json.put("dataset", s6Data.toJson());
        report.result("S6", s6Json);
        log("S6: p50 " + Report.f1(s6.latency().millis(50)) + " / p95 " + Report.f1(s6.latency().millis(95)) + " / p99 "
            + Report.f1(s6.latency().millis(99)) + " ms, errors " + s6.failures().count() + ", unsent " + s6.unsent());

        // S5: the ledger at a million problems: search, statistics, export
        var s5 = ledger(report, app, db, appDb, work, size, units);
        errors += s5.errors();

        s7.put("heapAtEnd", AppUnderTest.heapAfterGc());

        describe(report, size, app, firstRequestMs, heapAtStart, heapAfterS1, b0, b0NoSync, b1, s1, s1b, s2, datasetS1, datasetS2);
        describeDeadlines(report, size, b2, s3);
        describeFilter(report, size, s4, s4Data);
        describeTrail(report, size, s6, s6Data);
        describeLedger(report, size, s5);
        Map<String, Map<String, Object>> phaseCpu = new java.util.HashMap<>(
            Map.of("B0", b0.cpu(), "B0'", b0NoSync.cpu(), "B1", b1.cpu(), "S1", s1.cpu(), "S2", s2.cpu(), "B2", b2.cpu(),
                "S3", s3.cpu(), "S4", s4.cpu(), "S6", s6.cpu()));
        phaseCpu.put("S5 search", s5.search().cpu());
        phaseCpu.put("S5 statistics", s5.statistics().cpu());
        if (s1b != null) {
          phaseCpu.put("S1b", s1b.cpu());
        }
        foreignLoad(report, idle, phaseCpu);
        report.result("harnessErrors", errors);
        report.result("harnessSeconds", Report.round((System.nanoTime() - began) / 1e9));
        System.out.println(report.console());
        report.write(out);
        log("wrote " + out.resolve("benchmarks.md") + " and benchmarks.json");
      }
    }
    if (errors > 0) {
      log("FAILED: " + errors + " errors — the figures are not trustworthy (see the error samples in benchmarks.json)");
      return 1;
    }
    log("done in " + Report.f0((System.nanoTime() - began) / 1e9) + " s (targets are reported, never enforced)");
    return 0;
  }

  private static void describe(Report report, BenchSize size, AppUnderTest app, double firstRequestMs,
                               Map<String, Object> heapAtStart, Map<String, Object> heapAfterS1,
                               ClosedLoop.Result b0, ClosedLoop.Result b0NoSync, ClosedLoop.Result b1,
                               OpenLoad.Result s1, OpenLoad.Result s1b, ClosedLoop.Result s2,
                               Map<String, Object> datasetS1, Map<String, Object> datasetS2) {
    int n = size.threads();
    report.row("B0", "PostgreSQL 1-row INSERT + COMMIT, " + n + " JDBC threads", Report.f0(b0.opsPerSecond()) + " commits/s",
        latencies(b0.latency()) + "; " + cpu(b0.cpu()));
    report.row("B0'", "same, synchronous_commit off (reference only)", Report.f0(b0NoSync.opsPerSecond()) + " commits/s",
        latencies(b0NoSync.latency()) + "; " + cpu(b0NoSync.cpu()));
    report.row("B1", "bare Camunda: start + complete 1-task process, " + n + " threads", Report.f1(b1.opsPerSecond()) + " loops/s",
        latencies(b1.latency()) + "; " + cpu(b1.cpu()));
    report.row("S7", "start-up to ready (SpringApplication.run, demo data)", Report.f1(app.startSeconds) + " s",
        "JVM uptime at ready " + Report.f1(app.jvmUptimeAtReadySeconds) + " s; first request " + Report.f0(firstRequestMs)
            + " ms; heap after start " + heapAtStart.get("heapUsedMb") + " MB");
    report.row("S1", "POST /api/problems, open model, " + n + " clients", Report.f1(s1.throughput()) + " req/s",
        "offered " + Report.f0(s1.offeredRate()) + "/s for " + Report.f0(s1.arrivalSeconds()) + " s; from schedule "
            + latencies(s1.latency()) + "; service " + latencies(s1.service()) + "; errors " + s1.failures().count()
            + ", unsent " + s1.unsent() + ", max backlog " + s1.maxBacklog() + "; " + cpu(s1.cpu()) + "; at start "
            + dataset(datasetS1));
    double ratio = b1.opsPerSecond() == 0 ? 0 : s1.throughput() / b1.opsPerSecond();
    report.row("S1/B1", "S1 throughput / B1 loops/s", Report.round(ratio) + "", "");
    report.row("S7 heap", "heap used after S1, after GC", heapAfterS1.get("heapUsedMb") + " MB",
        "committed " + heapAfterS1.get("heapCommittedMb") + " MB, max " + heapAfterS1.get("heapMaxMb") + " MB, non-heap "
            + heapAfterS1.get("nonHeapUsedMb") + " MB");
    if (s1b != null) {
      report.row("S1b", "as S1 at 70% of S1's throughput (informational)", Report.f1(s1b.throughput()) + " req/s",
          "offered " + Report.f0(s1b.offeredRate()) + "/s for " + Report.f0(s1b.arrivalSeconds()) + " s; from schedule "
              + latencies(s1b.latency()) + "; service " + latencies(s1b.service()) + "; errors " + s1b.failures().count()
              + ", unsent " + s1b.unsent() + "; " + cpu(s1b.cpu()));
    }
    report.row("S2", "full loop via REST (" + FullLoops.REQUESTS_PER_LOOP + " requests), " + n + " clients, closed loop",
        Report.f1(s2.opsPerSecond()) + " loops/s", "= " + Report.f0(s2.opsPerSecond() * FullLoops.REQUESTS_PER_LOOP)
            + " req/s; loop " + latencies(s2.latency()) + "; errors " + s2.failures().count() + "; " + cpu(s2.cpu())
            + "; at start " + dataset(datasetS2));

    boolean s1Clean = s1.failures().count() == 0;
    report.target("S1", "S1 sustained throughput", "≥ " + Report.f0(S1_TARGET_RATE) + "/s",
        Report.f1(s1.throughput()) + "/s (offered " + Report.f0(s1.offeredRate()) + "/s" + (s1.unsent() > 0 ? ", backlog left" : "") + ")",
        s1Clean && s1.offeredRate() >= S1_TARGET_RATE && s1.throughput() >= 0.99 * S1_TARGET_RATE);
    report.target("S1", "S1 p95 latency (from scheduled time)", "≤ " + Report.f0(S1_TARGET_P95_MS) + " ms",
        Report.f1(s1.latency().millis(95)) + " ms at " + Report.f0(s1.offeredRate()) + "/s",
        s1Clean && s1.latency().millis(95) <= S1_TARGET_P95_MS);
    report.target("S1", "S1 / B1", "≥ " + S1_TARGET_RATIO, String.valueOf(Report.round(ratio)), s1Clean && ratio >= S1_TARGET_RATIO);
    report.target("S2", "S2 full loops", "≥ " + Report.f0(S2_TARGET_LOOPS) + " loops/s", Report.f1(s2.opsPerSecond()) + " loops/s",
        s2.failures().count() == 0 && s2.opsPerSecond() >= S2_TARGET_LOOPS);
    report.target("S7", "S7 start-up to ready", "≤ " + Report.f0(S7_TARGET_START_S) + " s", Report.f1(app.startSeconds) + " s",
        app.startSeconds <= S7_TARGET_START_S);
    double heap = ((Number) heapAfterS1.get("heapUsedMb")).doubleValue();
    report.target("S7", "S7 heap used after S1 (after GC)", "≤ " + Report.f0(S7_TARGET_HEAP_MB) + " MB", Report.f0(heap) + " MB",
        heap <= S7_TARGET_HEAP_MB);

    if (s1.offeredRate() < S1_TARGET_RATE) {
      report.note("S1 was offered " + Report.f0(s1.offeredRate()) + "/s, below the 200/s target rate, so its throughput "
          + "target cannot pass in this run.");
    }
    report.method("One JVM runs the harness and the application; PostgreSQL " + "17 (io.zonky.test embedded server, the pom's "
        + "binaries BOM) runs as a separate process on the same machine. fsync is on and synchronous_commit is set back to "
        + "on (zonky turns it off by default), so every COMMIT waits for its WAL flush, as in production. Everything talks "
        + "over localhost. Order: S7, B0, B1, S1, S2, B2, S3, S4, S6, S5; a CHECKPOINT runs before each measured phase so that one phase's "
        + "writes are not flushed during the next.");
    report.method("CPU is the load while a phase was measured, in % of all cores, from /proc: the whole machine = this JVM "
        + "(application and load generator together) + PostgreSQL (postmaster and backends) + foreign processes (anything "
        + "else on the machine; above 10% the run is flagged). Dataset: rows in the application's database when S1 and "
        + "S2 began — S2 runs after S1, so the problems S1 registered are open tasks during S2.");
    report.method("B0: " + n + " JDBC connections, each inserting one row into a scratch table and committing, as fast as "
        + "possible (closed loop), " + size.b0Warmup().toSeconds() + " s warm-up, " + size.b0().toSeconds() + " s measured. "
        + "B0' repeats it with synchronous_commit off for the session, to show what the WAL flush costs.");
    report.method("B1: a plain standalone Camunda 7.24 engine (no Spring, history FULL, authorizations off, job executor off, "
        + "UUID ids, 10-connection Hikari pool) on its own database of the same server; each operation starts a "
        + "one-user-task process with a business key, queries its task and completes it. " + n + " threads, closed loop, "
        + size.b1Warmup().toSeconds() + " s warm-up, " + size.b1().toSeconds() + " s measured.");
    report.method("S7: SpringApplication.run of RectificationApplication (profile demo on PostgreSQL, random port, default job "
        + "executor) until it returns, i.e. ApplicationReadyEvent published and the demo data (users, units, 8 problems) "
        + "created; measured first, on a cold JVM, but JVM launch and PostgreSQL start-up are not included. Heap: "
        + "MemoryMXBean heap used after two System.gc() calls, after S1 (includes the small load generator).");
    report.method("S1: open model. A scheduler releases request i at t0 + i/rate regardless of responses; " + n + " clients "
        + "(one java.net.http HttpClient each, HTTP/1.1, HTTP Basic as supervisor on every request, no session) send "
        + "released requests in order. Latency is measured from the scheduled time, so waiting for a free client counts; "
        + "service time is from the actual send. Sustained throughput = completions/s between the first and the last "
        + "success; the target counts as held within 1%. Requests still waiting " + size.s1Drain().toSeconds() + " s after "
        + "the last arrival are not sent (unsent) and enter the latency figures with the time they waited. A "
        + size.s1Warmup().toSeconds() + " s warm-up at the same rate precedes the " + size.s1().toSeconds() + " s run. "
        + "If S1 cannot hold its rate, S1b repeats it at 70% of S1's throughput to show latency below saturation.");
    report.method("S2: closed loop (each client starts its next loop when the previous one ends), " + n + " clients: register "
        + "(supervisor) → find + complete UserTask_ReviewAndAssign (supervisor, ASSIGN to fgw) → find, claim, complete "
        + "UserTask_Rectify (fgw-zhao) → find + complete UserTask_AcceptRectification (supervisor, ACCEPT) → find + "
        + "complete UserTask_ApproveCloseOut (leader, APPROVE) → GET the problem and check it is CLOSED. "
        + size.s2Warmup().toSeconds() + " s warm-up, " + size.s2().toSeconds() + " s measured; loops completing inside "
        + "the window count.");
  }

  /** Diagnostics: the plans of the filter's list and count queries, before and after {@code -Dbench.explainSql}. */
  private static void explainFilter(AppUnderTest app, Database db, String appDb, Path work, OpenLoad.Request filter)
      throws Exception {
    var client = new HttpDriver(app.port);
    String logger = "org.camunda.bpm.engine.impl.persistence.entity.TaskEntity";
    try (var c = db.connect(appDb)) {
      String initSql = AppUnderTest.PRODUCTION.getProperty("spring.datasource.hikari.connection-init-sql");
      if (initSql != null) {
        try (var s = c.createStatement()) {
          s.execute(initSql);
        }
      }
      String text = SqlExplain.explain(logger, work.resolve("app.log"), c, () -> filter.send(client, 0));
      var configuration = (org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) app.context
          .getBean(org.camunda.bpm.engine.ProcessEngine.class).getProcessEngineConfiguration();
      String revokes = configuration.getAuthorizationCheckRevokes();
      String other = "always".equals(revokes) ? "auto" : "always";
      configuration.setAuthorizationCheckRevokes(other);
      text = "-- authorizationCheckRevokes = " + revokes + " (the application's setting)\n" + text
          + "\n-- after: authorizationCheckRevokes = " + other + "\n" + SqlExplain.explain(logger, work.resolve("app.log"), c,
          () -> filter.send(client, 0));
      configuration.setAuthorizationCheckRevokes(revokes);
      String extra = System.getProperty("bench.explainSql", "");
      for (String sql : extra.replace('~', ' ').split(";")) {
        if (!sql.isBlank()) {
          try (var s = c.createStatement()) {
            s.execute(sql);
          }
          text += "\n-- after: " + sql + "\n" + SqlExplain.explain(logger, work.resolve("app.log"), c, () -> filter.send(client, 0));
        }
      }
      java.nio.file.Files.writeString(work.resolve("explain-S4.txt"), text);
      log("S4: query plans in " + work.resolve("explain-S4.txt"));
    }
  }

  /** A rush that did not finish, or failed jobs, means the harness (or the application) broke. */
  private static long rushErrors(Report report, DeadlineRush.Result rush) {
    if (rush.done() && rush.failedJobs() == 0 && rush.incidents() == 0) {
      return 0;
    }
    report.note(rush.name() + ": " + (rush.done() ? "" : "not finished within the limit (" + rush.overdueEvents() + " overdue events, "
        + rush.supervisionNotices() + " supervision notices of " + rush.problems() + " problems, " + rush.dueJobsLeft()
        + " due jobs left); ") + rush.failedJobs() + " failed job executions, " + rush.incidents() + " incidents.");
    return 1;
  }

  private static void describeDeadlines(Report report, BenchSize size, DeadlineRush.Result b2, DeadlineRush.Result s3) {
    report.row("B2", b2.problems() + " deadlines due at once, Camunda starter's default job executor", Report.f1(b2.seconds()) + " s",
        rush(b2));
    report.row("S3", s3.problems() + " deadlines due at once, tuned job executor", Report.f1(s3.seconds()) + " s", rush(s3));
    double speedup = b2.jobsPerSecond() == 0 ? 0 : s3.jobsPerSecond() / b2.jobsPerSecond();
    report.row("S3/B2", "S3 jobs/s ÷ B2 jobs/s", Report.round(speedup) + "", "");
    report.target("S3", "S3 " + s3.problems() + " deadlines: overdue + supervision notice for all", "≤ " + Report.f0(S3_TARGET_SECONDS) + " s",
        Report.f1(s3.seconds()) + " s" + (s3.problems() < S3_TARGET_PROBLEMS ? " (" + s3.problems() + " problems, not " + S3_TARGET_PROBLEMS + ")" : ""),
        s3.clean() && s3.problems() >= S3_TARGET_PROBLEMS && s3.seconds() <= S3_TARGET_SECONDS);
    report.target("S3", "S3 / B2 (jobs/s)", "≥ " + Report.f0(S3_TARGET_SPEEDUP) + "×", Report.round(speedup) + "×",
        s3.clean() && b2.done() && speedup >= S3_TARGET_SPEEDUP);
    for (DeadlineRush.Result r : List.of(b2, s3)) {
      if (r.waitingOnCounter() >= 1) {
        report.note(r.name() + ": on average " + Report.f1(r.waitingOnCounter()) + " of " + Report.f1(r.activeInApp())
            + " active database sessions were waiting for the lock on the 督办单 counter row (supervision_counter). Numbers "
            + "are gap-free per year (ADR 0006): the overdue timer's job takes the next number when it issues the first "
            + "notice and keeps the row locked until its transaction commits, after the engine's flush, so escalations "
            + "are issued one at a time and more job threads only queue there. This, not the job executor's settings, "
            + "bounds S3 (and B2, whose pool grows to 10 threads once its queue of 3 is full).");
      }
    }
    report.method("S3 and B2: a cohort of problems is registered and assigned (IMMEDIATE, one deadline two days ahead, "
        + "round-robin over " + size.s4Units() + " bench units) through the application's own services in this JVM "
        + "(ProblemRegistration and TaskService as the supervisor, " + size.threads() + " threads; not measured, the seeding "
        + "rate is in benchmarks.json). Then the job executor is stopped, the engine clock (ClockUtil) is moved to 08:00 "
        + "the day after the deadline, so each problem's warning and overdue timers are due, the job executor settings "
        + "under test are applied to the running application (thread pool, queue, acquisition size, idle wait, Hikari "
        + "pool) and it is started. Measured from the start until every problem of the cohort has its OVERDUE ledger "
        + "event and its first 督办单 (supervision_notice) and no due job is left (database polled once a second, so a figure may be up to a second long). Jobs "
        + "and failures come from the job log (history FULL): successful and failed executions, optimistic-locking "
        + "failures among them; acquisition counts from the engine's job metrics. B2 runs first with the Camunda "
        + "starter's defaults (" + b2.settings().describe() + "); S3 then runs on a fresh cohort with " + s3.settings().describe()
        + " (" + s3.settings().source() + "), on a database that now also holds B2's cohort. The speed-up compares jobs/s. "
        + "Both runs start the job executor when the timers are already due; an executor that has been idle sleeps between "
        + "acquisitions (defaults: 5 s, doubling up to 60 s; tuned: " + s3.settings().waitTimeInMillis() + " ms up to "
        + s3.settings().maxWait() + " ms), so in production the first due timer is noticed up to that much later. "
        + "The database sessions waiting for the 督办单 counter's row lock are sampled with each poll (pg_stat_activity).");
  }

  private static void describeFilter(Report report, BenchSize size, OpenLoad.Result s4, UnitFilterLoad.Dataset data) {
    report.row("S4", "本单位待认领 filter, first page of 50 + count, open model, " + size.threads() + " clients",
        "p95 " + Report.f1(s4.latency().millis(95)) + " ms", "offered " + Report.f0(s4.offeredRate()) + " views/s for "
            + Report.f0(s4.arrivalSeconds()) + " s (each view = 2 requests); from schedule " + latencies(s4.latency())
            + "; errors " + s4.failures().count() + ", unsent " + s4.unsent() + "; " + cpu(s4.cpu()) + "; "
            + data.unitTasks() + " open tasks over " + size.s4Units() + " units (" + data.openTasks() + " in all), "
            + data.authorizations() + " authorizations");
    report.target("S4", "S4 p95 (list + count) with " + data.unitTasks() + " open tasks", "≤ " + Report.f0(S4_TARGET_P95_MS) + " ms"
            + " at " + S4_TARGET_TASKS + " tasks",
        Report.f1(s4.latency().millis(95)) + " ms", s4.failures().count() == 0 && s4.unsent() == 0
            && data.unitTasks() >= S4_TARGET_TASKS && s4.latency().millis(95) <= S4_TARGET_P95_MS);
    report.method("S4: " + size.s4Units() + " bench units, each with one member (group unit-<code> only). Their open tasks are "
        + "B2's and S3's UserTask_Rectify and UserTask_AnswerSupervision tasks plus one freshly assigned problem per unit, "
        + "copied at the SQL level up to " + size.s4Tasks() + " (TaskCloner: the engine rows the application wrote — "
        + "executions, task, candidate-group identity link, the group's task authorization — repeated with "
        + "suffixed ids and due dates spread over 60 days; no variables, timer jobs, subscriptions or history; then ANALYZE). "
        + "Open model as S1 at " + Report.f0(size.s4Rate()) + " views/s (" + size.s4Warmup().toSeconds() + " s warm-up, "
        + size.s4().toSeconds() + " s measured); a view is GET /engine-rest/filter/{id}/list?firstResult=0&maxResults=50 "
        + "then GET /engine-rest/filter/{id}/count as a member of the next unit (HTTP Basic, authorizations on), and "
        + "fails unless the page holds 50 tasks. Latency of the pair, from the scheduled time. The application sets the "
        + "engine's authorization-check-revokes to always: with the default (auto, no revoke authorizations) Camunda joins "
        + "ACT_RU_AUTHORIZATION on RESOURCE_ID_ IN (task id, definition key, '*'), an OR condition PostgreSQL can only run "
        + "as a nested loop over every task × every authorization of the unit (4 million comparisons at 2,000 tasks per "
        + "unit); always checks each task with EXISTS on the authorization's resource index. EXPLAIN ANALYZE at 2,000 tasks "
        + "per unit (20,000 in all, busy machine): list 828 → 76 ms, count 714 → 31 ms; extended statistics on the "
        + "permission bits fixed the row estimate but not the plan. The production profile also sets random_page_cost "
        + "1.1 on every connection (the harness takes it over): with the default 4 PostgreSQL scans all of ACT_RU_TASK "
        + "instead of fetching the unit's 2,000 tasks by id; at 100,000 tasks over 50 units, list 135 → 56 ms, count "
        + "120 → 41 ms. -Dbench.explain=true writes the plans to target/bench/explain-S4.txt.");
  }

  private static void describeTrail(Report report, BenchSize size, OpenLoad.Result s6, TrailLoad.Dataset data) {
    report.row("S6", "one problem's audit trail (GET /api/problems/{n}/trail), open model, " + size.threads() + " clients",
        "p95 " + Report.f1(s6.latency().millis(95)) + " ms", "offered " + Report.f0(s6.offeredRate()) + " requests/s for "
            + Report.f0(s6.arrivalSeconds()) + " s; from schedule " + latencies(s6.latency()) + "; errors "
            + s6.failures().count() + ", unsent " + s6.unsent() + "; " + cpu(s6.cpu()) + "; " + data.historyRows()
            + " rows in Camunda's history tables, trail of " + data.trailEntries() + " entries");
    report.target("S6", "S6 trail p95 with " + data.historyRows() + " history rows", "≤ " + Report.f0(S6_TARGET_P95_MS)
            + " ms at " + S6_TARGET_ROWS + " rows", Report.f1(s6.latency().millis(95)) + " ms",
        s6.failures().count() == 0 && s6.unsent() == 0 && data.historyRows() >= S6_TARGET_ROWS
            && s6.latency().millis(95) <= S6_TARGET_P95_MS);
    report.method("S6: the history tables the trail reads (" + String.join(", ", TrailLoad.HISTORY) + ") are grown to "
        + "the size's row count by copying the rows the earlier phases wrote under new ids and process instance ids "
        + "(INSERT … SELECT … CROSS JOIN generate_series, then ANALYZE), so they belong to other instances; the problem "
        + "read is one that S2 drove through the whole loop (closed). Open model as S1; each request is GET "
        + "/api/problems/{number}/trail as the auditor (HTTP Basic), which merges the ledger's event log with the "
        + "instance's task history, form values, operation log and comments; it fails unless every entry is there.");
  }

  record Ledger(LedgerLoad.Dataset data, OpenLoad.Result search, Map<String, Latency> kinds, OpenLoad.Result statistics,
                LedgerLoad.Export export, long errors) {}

  /** S5: grows the ledger, then measures the search, the statistics and the export. */
  private static Ledger ledger(Report report, AppUnderTest app, Database db, String appDb, Path work, BenchSize size,
                               List<Seeder.BenchUnit> units) throws Exception {
    long errors = 0;
    log("S5: adding " + size.s5Problems() + " problems to the ledger");
    var s5Data = LedgerLoad.seed(db, appDb, units, size.s5Problems());
    log("S5: " + s5Data.problems() + " problems (" + s5Data.seeded() + " seeded in " + Report.f0(s5Data.seedSeconds())
        + " s), " + s5Data.closed() + " closed");
    db.checkpoint();
    Map<String, Latency> searchKinds = LedgerLoad.kinds();
    var search = LedgerLoad.search(units, s5Data.seeded(), searchKinds);
    errors += OpenLoad.run("S5-search-warmup", app.port, size.threads(), size.s5SearchRate(), size.s5Warmup(),
        Duration.ofSeconds(5), search).failures().count();
    searchKinds.clear();
    search = LedgerLoad.search(units, s5Data.seeded(), searchKinds);
    db.resetStatements();
    var s5Search = OpenLoad.run("S5-search", app.port, size.threads(), size.s5SearchRate(), size.s5(), size.s1Drain(), search);
    db.dumpStatements(work.resolve("pg-statements-S5-search.txt"));
    errors += s5Search.failures().count();
    log("S5 search: p50 " + Report.f1(s5Search.latency().millis(50)) + " / p95 " + Report.f1(s5Search.latency().millis(95))
        + " ms, errors " + s5Search.failures().count() + ", unsent " + s5Search.unsent());
    var statistics = LedgerLoad.statistics(units, s5Data.problems() - 1_000);
    errors += OpenLoad.run("S5-statistics-warmup", app.port, size.threads(), size.s5StatisticsRate(), size.s5Warmup(),
        Duration.ofSeconds(5), statistics).failures().count();
    db.resetStatements();
    var s5Statistics = OpenLoad.run("S5-statistics", app.port, size.threads(), size.s5StatisticsRate(), size.s5(),
        size.s1Drain(), statistics);
    db.dumpStatements(work.resolve("pg-statements-S5-statistics.txt"));
    errors += s5Statistics.failures().count();
    log("S5 statistics: p50 " + Report.f1(s5Statistics.latency().millis(50)) + " / p95 "
        + Report.f1(s5Statistics.latency().millis(95)) + " ms, errors " + s5Statistics.failures().count());
    db.checkpoint();
    var s5Export = LedgerLoad.export(app.port, work.resolve("S5-ledger.xlsx"), 250);
    log("S5 export: " + s5Export.rows() + " rows, " + s5Export.bytes() / 1024 + " KB in " + Report.f1(s5Export.seconds())
        + " s; live heap " + Report.f1(s5Export.liveHeapBeforeMb()) + " MB before, at most " + Report.f1(s5Export.liveHeapMaxMb())
        + " MB during");
    if (s5Export.rows() != s5Data.closed()) {
      errors++;
      report.note("S5 export holds " + s5Export.rows() + " rows, the ledger " + s5Data.closed() + " closed problems");
    }
    Map<String, Object> s5Json = new LinkedHashMap<>();
    s5Json.put("dataset", s5Data.toJson());
    Map<String, Object> searchJson = s5Search.toJson();
    searchJson.put("serviceTimeByKind", LedgerLoad.latencies(searchKinds));
    s5Json.put("search", searchJson);
    s5Json.put("statistics", s5Statistics.toJson());
    s5Json.put("export", s5Export.toJson());
    report.result("S5", s5Json);
    return new Ledger(s5Data, s5Search, searchKinds, s5Statistics, s5Export, errors);
  }

  private static void describeLedger(Report report, BenchSize size, Ledger s5) {
    OpenLoad.Result search = s5.search();
    Map<String, Latency> kinds = s5.kinds();
    OpenLoad.Result statistics = s5.statistics();
    LedgerLoad.Export export = s5.export();
    LedgerLoad.Dataset data = s5.data();
    var byKind = new StringBuilder();
    kinds.forEach((kind, latency) -> byKind.append(byKind.isEmpty() ? "" : "; ").append(kind).append(" p95 ")
        .append(Report.f1(latency.millis(95))).append(" ms"));
    report.row("S5 search", "ledger search (GET /api/problems, 6 kinds, and the /ledger page), open model, " + size.threads()
            + " clients", "p95 " + Report.f1(search.latency().millis(95)) + " ms", "offered " + Report.f0(search.offeredRate())
            + " requests/s for " + Report.f0(search.arrivalSeconds()) + " s; from schedule " + latencies(search.latency())
            + "; errors " + search.failures().count() + ", unsent " + search.unsent() + "; service p95 by kind: " + byKind + "; "
            + cpu(search.cpu()) + "; " + data.problems() + " problems");
    report.row("S5 statistics", "GET /api/statistics (whole ledger as supervisor, one unit as its member), open model",
        "p95 " + Report.f1(statistics.latency().millis(95)) + " ms", "offered " + Report.f0(statistics.offeredRate())
            + " requests/s for " + Report.f0(statistics.arrivalSeconds()) + " s; from schedule " + latencies(statistics.latency())
            + "; errors " + statistics.failures().count() + ", unsent " + statistics.unsent() + "; " + cpu(statistics.cpu()));
    report.row("S5 export", "GET /api/problems/ledger.xlsx?state=CLOSED", Report.f1(export.seconds()) + " s",
        export.rows() + " rows, " + Report.f1(export.bytes() / 1048576.0) + " MB; live heap " + Report.f1(export.liveHeapBeforeMb())
            + " MB before, at most " + Report.f1(export.liveHeapMaxMb()) + " MB during (" + export.heapSamples() + " samples)");
    boolean full = data.problems() >= S5_TARGET_PROBLEMS;
    report.target("S5", "S5 ledger search p95 with " + data.problems() + " problems", "≤ " + Report.f0(S5_TARGET_SEARCH_P95_MS)
            + " ms at " + S5_TARGET_PROBLEMS + " problems", Report.f1(search.latency().millis(95)) + " ms",
        full && search.failures().count() == 0 && search.unsent() == 0 && search.latency().millis(95) <= S5_TARGET_SEARCH_P95_MS);
    report.target("S5", "S5 statistics p95 with " + data.problems() + " problems", "≤ " + Report.f0(S5_TARGET_STATISTICS_P95_MS)
            + " ms", Report.f1(statistics.latency().millis(95)) + " ms", full && statistics.failures().count() == 0
            && statistics.unsent() == 0 && statistics.latency().millis(95) <= S5_TARGET_STATISTICS_P95_MS);
    report.target("S5", "S5 export of " + export.rows() + " rows", "≤ " + Report.f0(S5_TARGET_EXPORT_S) + " s for "
            + S5_TARGET_EXPORT_ROWS + " rows, flat heap (live heap grows ≤ " + Report.f0(S5_TARGET_HEAP_GROWTH_MB) + " MB)",
        Report.f1(export.seconds()) + " s, live heap +" + Report.f1(export.heapGrowthMb()) + " MB",
        export.rows() >= S5_TARGET_EXPORT_ROWS && export.seconds() <= S5_TARGET_EXPORT_S
            && export.heapGrowthMb() <= S5_TARGET_HEAP_GROWTH_MB);
    report.method("S5: the ledger (table problem) is grown to the size's problem count with one INSERT … SELECT … "
        + "generate_series: problems of the " + size.s4Units() + " bench units in every state (per 20: 2 closed, 1 dismissed, "
        + "1 not yet assigned, 3 awaiting acceptance, 3 awaiting close-out, 10 rectifying with deadlines from 20 days ago to "
        + "40 days ahead, so a third of those are overdue), registered over the last year; ledger rows only, no process "
        + "instances, then VACUUM ANALYZE. Search: open model, " + Report.f0(size.s5SearchRate()) + " requests/s, "
        + size.s5Warmup().toSeconds() + " s warm-up, " + size.s5().toSeconds() + " s measured; requests rotate over seven kinds: "
        + "the whole ledger's first page of 20 with its total (supervisor), a unit member's own problems, state RECTIFYING "
        + "(leader), overdue (supervisor), one problem by its number in the search box (auditor), a Chinese keyword from "
        + "one problem's description (\"编号 12345\", auditor), and the /ledger HTML page; each fails unless it returns a full "
        + "page (or the one problem, or at least one for the keyword). Statistics: GET /api/statistics, alternately as the "
        + "supervisor (all units) and as a unit member (its unit), " + Report.f0(size.s5StatisticsRate()) + " requests/s, "
        + "same timing; fails unless the totals cover the ledger. Export: GET /api/problems/ledger.xlsx?state=CLOSED as the "
        + "supervisor, timed to the last byte; the workbook's rows are counted afterwards and must equal the closed problems. "
        + "The heap is measured in a second, untimed download: every 250 ms a sampler forces a full GC and reads the heap "
        + "that collection left (the live heap, as the collector reports it); the growth is the largest sample minus the live heap before the download.");
  }

  private static String rush(DeadlineRush.Result r) {
    return Report.f0(r.jobs()) + " jobs, " + Report.f1(r.jobsPerSecond()) + " jobs/s; " + r.overdueEvents() + " overdue events, "
        + r.supervisionNotices() + " supervision notices; failed executions " + r.failedJobs() + " (optimistic locking "
        + r.optimisticLockingFailures() + "), incidents " + r.incidents() + "; acquisitions "
        + r.metrics().get("job-acquisition-attempt") + ", rejected " + r.metrics().get("job-execution-rejected") + "; sessions "
        + "active " + Report.f1(r.activeInApp()) + ", of which waiting for the 督办单 counter " + Report.f1(r.waitingOnCounter()) + "; "
        + cpu(r.cpu()) + "; seeding " + Report.f0(r.problems() / Math.max(0.001, r.seedSeconds())) + " problems/s (not measured)";
  }

  private static String latencies(Latency latency) {
    return "p50 " + Report.f1(latency.millis(50)) + " / p95 " + Report.f1(latency.millis(95)) + " / p99 "
        + Report.f1(latency.millis(99)) + " ms";
  }

  private static String cpu(Map<String, Object> cpu) {
    if (!cpu.containsKey("machinePercent")) {
      return cpu.containsKey("jvmPercent") ? "CPU: JVM " + Report.f0(percent(cpu, "jvmPercent")) + "%" : "CPU n/a";
    }
    return "CPU " + Report.f0(percent(cpu, "machinePercent")) + "% = JVM " + Report.f0(percent(cpu, "jvmPercent"))
        + " + PostgreSQL " + Report.f0(percent(cpu, "postgresPercent")) + " + foreign " + Report.f0(percent(cpu, "foreignPercent"));
  }

  private static double percent(Map<String, Object> cpu, String key) {
    return ((Number) cpu.getOrDefault(key, 0)).doubleValue();
  }

  private static String dataset(Map<String, Object> dataset) {
    return dataset.get("problems") + " problems, " + dataset.get("openTasks") + " open tasks, "
        + dataset.get("authorizations") + " authorizations";
  }

  /** Flags phases during which other processes on the machine took a noticeable share of the CPU. */
  private static void foreignLoad(Report report, Map<String, Object> idle, Map<String, Map<String, Object>> phases) {
    double before = percent(idle, "machinePercent");
    if (before > 10) {
      report.note("the machine was " + Report.f0(before) + "% busy before the run started (other processes).");
    }
    var disturbed = new java.util.ArrayList<String>();
    new java.util.TreeMap<>(phases).forEach((phase, cpu) -> {
      if (percent(cpu, "foreignPercent") > 10) {
        disturbed.add(phase + " " + Report.f0(percent(cpu, "foreignPercent")) + "%");
      }
    });
    if (!disturbed.isEmpty()) {
      report.note("WARNING: foreign processes used a noticeable share of the CPU (" + String.join(", ", disturbed)
          + " of all cores); those figures are lower than this machine can do — run again on an idle machine.");
    }
  }

  static void log(String message) {
    System.out.println("[bench] " + message);
    System.out.flush();
  }

  /** Stops the JVM if the run takes far longer than planned, so the harness always ends by itself. */
  private static void watchdog(Duration limit) {
    Thread watchdog = new Thread(() -> {
      try {
        Thread.sleep(limit.toMillis());
      } catch (InterruptedException e) {
        return;
      }
      System.out.println("[bench] FAILED: still running after " + limit.toMinutes() + " min; stopping");
      System.out.flush();
      Runtime.getRuntime().halt(3);
    }, "bench-watchdog");
    watchdog.setDaemon(true);
    watchdog.start();
  }

  /** Until the application configures logging, only warnings reach the console. */
  private static void quietLogging() {
    if (org.slf4j.LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext context) {
      context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(ch.qos.logback.classic.Level.WARN);
    }
  }
}
