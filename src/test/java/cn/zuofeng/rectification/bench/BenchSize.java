package cn.zuofeng.rectification.bench;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How long each phase runs. {@code quick} checks that the harness works (small counts, a low
 * arrival rate; its figures say nothing about speed); {@code full} is the measurement.
 */
record BenchSize(String name, int threads,
                 Duration b0Warmup, Duration b0, Duration b0NoSync,
                 Duration b1Warmup, Duration b1,
                 double s1Rate, Duration s1Warmup, Duration s1, Duration s1Drain, Duration s1b,
                 Duration s2Warmup, Duration s2,
                 Duration maxWall,
                 int s3Problems, int b2Problems, Duration s3Limit,
                 int s4Units, int s4Tasks, double s4Rate, Duration s4Warmup, Duration s4,
                 long s5Problems, double s5SearchRate, double s5StatisticsRate, Duration s5Warmup, Duration s5) {

  static final int THREADS = 8;

  static BenchSize of(String name, String rate) {
    BenchSize size = switch (name) {
      case "quick" -> new BenchSize("quick", THREADS,
          s(1), s(3), s(2),
          s(2), s(4),
          20, s(3), s(6), s(10), s(5),
          s(2), s(6),
          Duration.ofMinutes(8),
          200, 200, Duration.ofMinutes(2),
          10, 2_000, 5, s(3), s(6),
          20_000, 5, 1, s(3), s(6));
      case "full" -> new BenchSize("full", THREADS,
          s(3), s(15), s(10),
          s(10), s(30),
          200, s(20), s(60), s(15), s(30),
          s(10), s(60),
          Duration.ofMinutes(75),
          10_000, 10_000, Duration.ofMinutes(15),
          50, 100_000, 5, s(10), s(30),
          1_000_000, 10, 2, s(10), s(30));
      default -> throw new IllegalArgumentException("bench.size must be quick or full, not '" + name + "'");
    };
    if (rate != null && !rate.isBlank()) {
      double r = Double.parseDouble(rate.strip());
      if (r <= 0 || r > 5_000) {
        throw new IllegalArgumentException("bench.rate must be between 0 and 5000 requests/s, not " + rate);
      }
      size = new BenchSize(size.name, size.threads, size.b0Warmup, size.b0, size.b0NoSync, size.b1Warmup, size.b1,
          r, size.s1Warmup, size.s1, size.s1Drain, size.s1b, size.s2Warmup, size.s2, size.maxWall,
          size.s3Problems, size.b2Problems, size.s3Limit, size.s4Units, size.s4Tasks, size.s4Rate, size.s4Warmup, size.s4,
          size.s5Problems, size.s5SearchRate, size.s5StatisticsRate, size.s5Warmup, size.s5);
    }
    return size;
  }

  /** Diagnostics: another cohort size for S3/B2, open-task count for S4 or ledger size for S5 (0 keeps the size's). */
  BenchSize withOverrides(int problems, int tasks, int units, long ledger) {
    return new BenchSize(name, threads, b0Warmup, b0, b0NoSync, b1Warmup, b1, s1Rate, s1Warmup, s1, s1Drain, s1b, s2Warmup, s2,
        maxWall, problems > 0 ? problems : s3Problems, problems > 0 ? problems : b2Problems, s3Limit, units > 0 ? units : s4Units,
        tasks > 0 ? tasks : s4Tasks, s4Rate, s4Warmup, s4, ledger > 0 ? ledger : s5Problems, s5SearchRate, s5StatisticsRate,
        s5Warmup, s5);
  }

  private static Duration s(int seconds) {
    return Duration.ofSeconds(seconds);
  }

  Map<String, Object> toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("name", name);
    json.put("threadsOrClients", threads);
    json.put("b0Seconds", Map.of("warmup", b0Warmup.toSeconds(), "measured", b0.toSeconds(), "noSyncMeasured", b0NoSync.toSeconds()));
    json.put("b1Seconds", Map.of("warmup", b1Warmup.toSeconds(), "measured", b1.toSeconds()));
    json.put("s1", Map.of("ratePerSecond", s1Rate, "warmupSeconds", s1Warmup.toSeconds(), "arrivalSeconds", s1.toSeconds(),
        "drainSeconds", s1Drain.toSeconds(), "s1bArrivalSeconds", s1b.toSeconds()));
    json.put("s2Seconds", Map.of("warmup", s2Warmup.toSeconds(), "measured", s2.toSeconds()));
    json.put("s3", Map.of("problems", s3Problems, "b2Problems", b2Problems, "limitSeconds", s3Limit.toSeconds()));
    json.put("s4", Map.of("units", s4Units, "openTasks", s4Tasks, "ratePerSecond", s4Rate, "warmupSeconds", s4Warmup.toSeconds(),
        "arrivalSeconds", s4.toSeconds()));
    json.put("s5", Map.of("problems", s5Problems, "searchRatePerSecond", s5SearchRate, "statisticsRatePerSecond", s5StatisticsRate,
        "warmupSeconds", s5Warmup.toSeconds(), "arrivalSeconds", s5.toSeconds()));
    return json;
  }
}
