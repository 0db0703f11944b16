package cn.zuofeng.rectification.bench;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A latency distribution: every sample kept (nanoseconds), percentiles from the sorted array
 * (nearest rank). The harness classes compile in the default build, whose test classpath has no
 * HdrHistogram, so no histogram library; the runs are bounded, so the arrays stay small.
 */
final class Latency {

  private long[] samples = new long[1024];
  private int count;
  private long[] sorted;

  synchronized void recordNanos(long nanos) {
    if (count == samples.length) {
      samples = Arrays.copyOf(samples, count * 2);
    }
    samples[count++] = Math.max(0, nanos);
    sorted = null;
  }

  synchronized long count() {
    return count;
  }

  private synchronized long[] sorted() {
    if (sorted == null) {
      sorted = Arrays.copyOf(samples, count);
      Arrays.sort(sorted);
    }
    return sorted;
  }

  /** The value at a percentile (nearest rank), in milliseconds; 0 when empty. */
  double millis(double percentile) {
    long[] values = sorted();
    if (values.length == 0) {
      return 0;
    }
    int rank = (int) Math.ceil(percentile / 100.0 * values.length);
    return values[Math.min(values.length - 1, Math.max(0, rank - 1))] / 1e6;
  }

  double meanMillis() {
    long[] values = sorted();
    return values.length == 0 ? 0 : Arrays.stream(values).average().orElse(0) / 1e6;
  }

  double maxMillis() {
    long[] values = sorted();
    return values.length == 0 ? 0 : values[values.length - 1] / 1e6;
  }

  Map<String, Object> toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("samples", count());
    json.put("meanMs", Report.round(meanMillis()));
    json.put("p50Ms", Report.round(millis(50)));
    json.put("p95Ms", Report.round(millis(95)));
    json.put("p99Ms", Report.round(millis(99)));
    json.put("maxMs", Report.round(maxMillis()));
    return json;
  }
}
