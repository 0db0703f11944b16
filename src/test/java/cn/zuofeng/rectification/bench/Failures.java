package cn.zuofeng.rectification.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** Counts failed operations and keeps the first few messages for the report. */
final class Failures {

  private static final int KEEP = 5;
  private final AtomicLong count = new AtomicLong();
  private final List<String> samples = new ArrayList<>();

  void add(String message) {
    count.incrementAndGet();
    synchronized (samples) {
      if (samples.size() < KEEP && !samples.contains(message)) {
        samples.add(message);
      }
    }
  }

  void add(Throwable e) {
    add(e.getClass().getSimpleName() + ": " + e.getMessage());
  }

  long count() {
    return count.get();
  }

  List<String> samples() {
    synchronized (samples) {
      return List.copyOf(samples);
    }
  }
}
