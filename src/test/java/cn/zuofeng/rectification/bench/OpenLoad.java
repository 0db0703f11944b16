package cn.zuofeng.rectification.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An open-model driver: a scheduler thread releases request i at t0 + i / rate, whatever happened
 * before; N client threads (one HTTP client each) take released requests in order and send them.
 * Latency is measured from the scheduled time, so time spent waiting for a free client counts
 * (no coordinated omission). Requests still waiting at the cut-off (end of arrivals + drain
 * allowance) are not sent; they are counted as unsent and recorded with the time they had waited.
 */
final class OpenLoad {

  /** Sends request {@code index}; returns normally on success, throws on any failure. */
  interface Request {
    void send(HttpDriver client, long index) throws Exception;
  }

  record Result(String name, int clients, double offeredRate, double arrivalSeconds, long scheduled, long ok,
                long unsent, int maxBacklog, double throughput, Latency latency, Latency service,
                Failures failures, Map<String, Object> cpu) {

    /** The system kept up: every request was sent, and completions kept pace with arrivals. */
    boolean heldRate() {
      return unsent == 0 && failures.count() == 0 && throughput >= 0.99 * offeredRate;
    }

    Map<String, Object> toJson() {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("model", "open (fixed arrival rate, latency from scheduled time)");
      json.put("clients", clients);
      json.put("offeredRatePerSecond", Report.round(offeredRate));
      json.put("arrivalSeconds", Report.round(arrivalSeconds));
      json.put("scheduled", scheduled);
      json.put("ok", ok);
      json.put("errors", failures.count());
      json.put("errorSamples", failures.samples());
      json.put("unsentAtCutoff", unsent);
      json.put("maxBacklog", maxBacklog);
      json.put("throughputPerSecond", Report.round(throughput));
      json.put("heldOfferedRate", heldRate());
      json.put("latencyFromScheduled", latency.toJson());
      json.put("serviceTime", service.toJson());
      json.put("cpu", cpu);
      return json;
    }
  }

  private record Item(long index, long due) {}

  private static final Item STOP = new Item(-1, 0);

  private OpenLoad() {}

  static Result run(String name, int port, int clients, double rate, Duration arrivals, Duration drain, Request request)
      throws InterruptedException {
    long total = Math.max(1, Math.round(rate * arrivals.toNanos() / 1e9));
    BlockingQueue<Item> released = new LinkedBlockingQueue<>();
    Latency latency = new Latency();
    Latency service = new Latency();
    Failures failures = new Failures();
    AtomicLong ok = new AtomicLong();
    AtomicLong unsent = new AtomicLong();
    AtomicLong firstOk = new AtomicLong(Long.MAX_VALUE);
    AtomicLong lastOk = new AtomicLong(Long.MIN_VALUE);
    AtomicInteger maxBacklog = new AtomicInteger();
    long t0 = System.nanoTime() + 100_000_000L;
    long cutoff = t0 + arrivals.toNanos() + drain.toNanos();

    List<Thread> workers = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      HttpDriver client = new HttpDriver(port);
      Thread worker = new Thread(() -> {
        while (true) {
          Item item;
          try {
            item = released.take();
          } catch (InterruptedException e) {
            return;
          }
          if (item == STOP) {
            return;
          }
          long start = System.nanoTime();
          if (start >= cutoff) {
            unsent.incrementAndGet();
            latency.recordNanos(start - item.due());
            continue;
          }
          try {
            request.send(client, item.index());
            long end = System.nanoTime();
            latency.recordNanos(end - item.due());
            service.recordNanos(end - start);
            ok.incrementAndGet();
            firstOk.accumulateAndGet(end, Math::min);
            lastOk.accumulateAndGet(end, Math::max);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
          } catch (Exception e) {
            long end = System.nanoTime();
            latency.recordNanos(end - item.due());
            failures.add(e);
          }
        }
      }, "bench-" + name + "-client-" + c);
      workers.add(worker);
      worker.start();
    }

    CpuSampler cpu = new CpuSampler();
    double period = 1e9 / rate;
    for (long i = 0; i < total; i++) {
      long due = t0 + Math.round(i * period);
      ClosedLoop.sleepUntil(due);
      released.add(new Item(i, due));
      maxBacklog.accumulateAndGet(released.size(), Math::max);
    }
    for (int c = 0; c < clients; c++) {
      released.add(STOP);
    }
    for (Thread worker : workers) {
      worker.join();
    }
    cpu.close();

    long n = ok.get();
    double throughput = n < 2 ? 0 : (n - 1) / ((lastOk.get() - firstOk.get()) / 1e9);
    return new Result(name, clients, rate, arrivals.toNanos() / 1e9, total, n, unsent.get(), maxBacklog.get(),
        throughput, latency, service, failures, cpu.toJson());
  }
}
