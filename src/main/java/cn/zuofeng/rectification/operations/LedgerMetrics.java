package cn.zuofeng.rectification.operations;

import cn.zuofeng.rectification.ledger.LedgerService;
import cn.zuofeng.rectification.ledger.OpenProblems;
import cn.zuofeng.rectification.ledger.UnitDirectory;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Ledger gauges: {@code rectification.problems.open} and {@code rectification.problems.overdue}
 * per unit (tag {@code unit}). Both come from one grouped query whose result is kept for
 * {@code rectification.metrics.ledger-refresh} (30 s): a scrape, or several nodes scraped at once,
 * never scans the ledger more often than that.
 */
@Component
class LedgerMetrics implements MeterBinder {

  private static final Logger log = LoggerFactory.getLogger(LedgerMetrics.class);

  private final LedgerService ledger;
  private final UnitDirectory units;
  private final long refreshNanos;
  private volatile Snapshot snapshot = new Snapshot(0, Map.of(), Long.MIN_VALUE);
  private MultiGauge overdueByUnit;

  record Snapshot(long open, Map<String, Long> overdue, long takenAt) {}

  LedgerMetrics(LedgerService ledger, UnitDirectory units,
                @Value("${rectification.metrics.ledger-refresh:30s}") Duration refresh) {
    this.ledger = ledger;
    this.units = units;
    this.refreshNanos = refresh.toNanos();
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    Gauge.builder("rectification.problems.open", this, m -> m.current().open())
        .description("未销号的问题数（不含不予立项）").register(registry);
    overdueByUnit = MultiGauge.builder("rectification.problems.overdue")
        .description("逾期未验收的问题数，按责任单位").register(registry);
  }

  /** Shows the units' rows from the first scrape on (the database is ready by now). */
  @EventListener(ApplicationReadyEvent.class)
  void firstCount() {
    current();
  }

  /** The cached counts, refreshed first when they are older than the refresh interval. */
  Snapshot current() {
    Snapshot s = snapshot;
    if (System.nanoTime() - s.takenAt() < refreshNanos && s.takenAt() != Long.MIN_VALUE) {
      return s;
    }
    synchronized (this) {
      if (snapshot != s) {
        return snapshot;
      }
      try {
        Map<String, Long> overdue = new TreeMap<>();
        units.names().keySet().forEach(code -> overdue.put(code, 0L));
        long open = 0;
        for (OpenProblems row : ledger.openByUnit()) {
          open += row.open();
          if (row.unitCode() != null) {
            overdue.put(row.unitCode(), row.overdue());
          }
        }
        boolean newUnits = !new TreeSet<>(overdue.keySet()).equals(new TreeSet<>(snapshot.overdue().keySet()));
        snapshot = new Snapshot(open, Map.copyOf(overdue), System.nanoTime());
        if (newUnits && overdueByUnit != null) {
          overdueByUnit.register(overdue.keySet().stream()
              .map(code -> MultiGauge.Row.of(Tags.of("unit", code), this, m -> m.snapshot.overdue().getOrDefault(code, 0L)))
              .toList(), true);
        }
      } catch (RuntimeException e) {
        // the database may be down: keep the last counts, try again after the interval
        log.warn("ledger metrics not refreshed: {}", e.getMessage());
        snapshot = new Snapshot(s.open(), s.overdue(), System.nanoTime());
      }
      return snapshot;
    }
  }
}
