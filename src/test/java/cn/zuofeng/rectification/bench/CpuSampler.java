package cn.zuofeng.rectification.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Where the CPU went while a phase ran, from Linux /proc: the whole machine, this JVM (application
 * and load generator together), the PostgreSQL server (postmaster and its backends) and foreign
 * processes — anything else on the machine, which depresses the figures. Samples every 250 ms so
 * short-lived backends are counted too. Off Linux only the JVM figure from the MXBean remains.
 */
final class CpuSampler implements AutoCloseable {

  private static final Path PROC = Path.of("/proc");
  /** The PID of the PostgreSQL postmaster (0 when unknown); set once the server runs. */
  static volatile LongSupplier postmaster = () -> 0;

  private final boolean linux = Files.isReadable(PROC.resolve("stat"));
  private final long jvm = ProcessHandle.current().pid();
  private final Map<Long, Long> lastTicks = new HashMap<>();
  private final long[] machineStart;
  private long[] machineLast;
  private long jvmTicks;
  private long postgresTicks;
  private final Thread thread;
  private volatile boolean running = true;
  private final double mxStart;
  private final long nanoStart = System.nanoTime();

  CpuSampler() {
    machineStart = machine();
    machineLast = machineStart;
    mxStart = processCpuNanos();
    for (long pid : ourPids()) {
      lastTicks.put(pid, ticks(pid));
    }
    thread = new Thread(this::loop, "bench-cpu-sampler");
    thread.setDaemon(true);
    thread.start();
  }

  private void loop() {
    while (running) {
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        return;
      }
      sample();
    }
  }

  private synchronized void sample() {
    if (!linux) {
      return;
    }
    for (long pid : ourPids()) {
      long now = ticks(pid);
      Long before = lastTicks.put(pid, now);
      long delta = Math.max(0, now - (before == null ? 0 : before));
      if (pid == jvm) {
        jvmTicks += delta;
      } else {
        postgresTicks += delta;
      }
    }
    machineLast = machine();
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
    try {
      thread.join(2_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    sample();
  }

  /** Average loads in percent of all cores. */
  synchronized Map<String, Object> toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    long total = machineLast[1] - machineStart[1];
    if (!linux || total <= 0) {
      double elapsed = (System.nanoTime() - nanoStart) * (double) Runtime.getRuntime().availableProcessors();
      json.put("jvmPercent", Report.round(100 * (processCpuNanos() - mxStart) / elapsed));
      return json;
    }
    double machine = 100.0 * (machineLast[0] - machineStart[0]) / total;
    double ownJvm = 100.0 * jvmTicks / total;
    double postgres = 100.0 * postgresTicks / total;
    json.put("machinePercent", Report.round(machine));
    json.put("jvmPercent", Report.round(ownJvm));
    json.put("postgresPercent", Report.round(postgres));
    json.put("foreignPercent", Report.round(Math.max(0, machine - ownJvm - postgres)));
    return json;
  }

  private java.util.List<Long> ourPids() {
    var pids = new java.util.ArrayList<Long>();
    pids.add(jvm);
    long pm = postmaster.getAsLong();
    if (pm > 0) {
      ProcessHandle.of(pm).ifPresent(p -> {
        pids.add(pm);
        p.descendants().forEach(d -> pids.add(d.pid()));
      });
    }
    return pids;
  }

  /** utime + stime of a process (all its threads), in clock ticks; 0 when it is gone. */
  private static long ticks(long pid) {
    try {
      String stat = Files.readString(PROC.resolve(pid + "/stat"));
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }

  /** Busy and total clock ticks of the machine, all CPUs. */
  private long[] machine() {
    if (!linux) {
      return new long[] {0, 0};
    }
    try {
      String[] f = Files.readAllLines(PROC.resolve("stat")).get(0).trim().split("\\s+");
      long user = Long.parseLong(f[1]);
      long nice = Long.parseLong(f[2]);
      long system = Long.parseLong(f[3]);
      long idle = Long.parseLong(f[4]);
      long iowait = Long.parseLong(f[5]);
      long irq = Long.parseLong(f[6]);
      long softirq = Long.parseLong(f[7]);
      long steal = f.length > 8 ? Long.parseLong(f[8]) : 0;
      long busy = user + nice + system + irq + softirq + steal;
      return new long[] {busy, busy + idle + iowait};
    } catch (IOException | RuntimeException e) {
      return new long[] {0, 0};
    }
  }

  private static double processCpuNanos() {
    var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
  }

  /** Busy share of the machine over a short idle period before the run (other work on the machine). */
  static Map<String, Object> idleCheck(long millis) throws InterruptedException {
    var sampler = new CpuSampler();
    Thread.sleep(millis);
    sampler.close();
    return sampler.toJson();
  }
}
