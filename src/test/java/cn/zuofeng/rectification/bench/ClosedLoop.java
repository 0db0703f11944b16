package cn.zuofeng.rectification.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A closed-loop driver: N threads each run one operation after another, as fast as it completes,
 * for a warm-up and then a measured window. Operations that complete inside the window count;
 * every thread stops at the end of the window after the operation it is in (each operation is
 * bounded by its own timeouts), so the run is bounded.
 */
final class ClosedLoop {

  /** One thread's state (a connection, an HTTP client), opened on that thread and closed at the end. */
  interface Worker extends AutoCloseable {
    void run() throws Exception;

    @Override
    default void close() throws Exception {}
  }

  interface WorkerFactory {
    Worker open(int thread) throws Exception;
  }

  record Result(String name, int threads, double seconds, long ops, double opsPerSecond, Latency latency,
                Failures failures, long warmupOps, Map<String, Object> cpu) {

    Map<String, Object> toJson() {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("model", "closed loop");
      json.put("threads", threads);
      json.put("measuredSeconds", Report.round(seconds));
      json.put("warmupOps", warmupOps);
      json.put("ops", ops);
      json.put("opsPerSecond", Report.round(opsPerSecond));
      json.put("latency", latency.toJson());
      json.put("errors", failures.count());
      json.put("errorSamples", failures.samples());
      json.put("cpu", cpu);
      return json;
    }
  }

  private ClosedLoop() {}

  static Result run(String name, int threads, Duration warmup, Duration measure, WorkerFactory factory)
      throws InterruptedException {
    Latency latency = new Latency();
    Failures failures = new Failures();
    AtomicLong ops = new AtomicLong();
    AtomicLong warmupOps = new AtomicLong();
    long start = System.nanoTime();
    long windowStart = start + warmup.toNanos();
    long windowEnd = windowStart + measure.toNanos();
    List<Thread> workers = new ArrayList<>();
    CpuSampler[] cpu = new CpuSampler[1];
    Thread cpuStarter = new Thread(() -> {
      sleepUntil(windowStart);
      cpu[0] = new CpuSampler();
    }, "bench-" + name + "-cpu");
    cpuStarter.setDaemon(true);
    cpuStarter.start();
    for (int t = 0; t < threads; t++) {
      int thread = t;
      Thread worker = new Thread(() -> {
        try (Worker w = factory.open(thread)) {
          while (true) {
            long begin = System.nanoTime();
            if (begin >= windowEnd) {
              break;
            }
            try {
              w.run();
              long end = System.nanoTime();
              if (end >= windowStart && end < windowEnd) {
                ops.incrementAndGet();
                latency.recordNanos(end - begin);
              } else if (end < windowStart) {
                warmupOps.incrementAndGet();
              }
            } catch (Exception e) {
              failures.add(e);
            }
          }
        } catch (Exception e) {
          failures.add(e);
        }
      }, "bench-" + name + "-" + t);
      workers.add(worker);
      worker.start();
    }
    for (Thread worker : workers) {
      worker.join();
    }
    cpuStarter.join();
    Map<String, Object> cpuJson = Map.of();
    if (cpu[0] != null) {
      cpu[0].close();
      cpuJson = cpu[0].toJson();
    }
    double seconds = measure.toNanos() / 1e9;
    return new Result(name, threads, seconds, ops.get(), ops.get() / seconds, latency, failures, warmupOps.get(), cpuJson);
  }

  static void sleepUntil(long nanoTime) {
    long wait;
    while ((wait = nanoTime - System.nanoTime()) > 0) {
      java.util.concurrent.locks.LockSupport.parkNanos(wait);
      if (Thread.interrupted()) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
