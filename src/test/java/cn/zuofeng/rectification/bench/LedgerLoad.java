package cn.zuofeng.rectification.bench;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.dhatim.fastexcel.reader.ReadableWorkbook;

/**
 * S5: the ledger at a million problems — the ledger search ({@code GET /api/problems} with the
 * filters people use, and the {@code /ledger} page), {@code GET /api/statistics}, and the xlsx
 * export of a filter that finds 100,000 problems.
 */
final class LedgerLoad {

  /** Rows of the seeded ledger in each state, per 20: the export's filter (CLOSED) finds a tenth. */
  static final String STATE_BY_SLOT = """
      case g % 20 when 0 then 'CLOSED' when 1 then 'CLOSED' when 2 then 'DISMISSED' when 3 then 'REGISTERED'
        when 14 then 'PENDING_ACCEPTANCE' when 15 then 'PENDING_ACCEPTANCE' when 16 then 'PENDING_ACCEPTANCE'
        when 17 then 'PENDING_CLOSE_OUT' when 18 then 'PENDING_CLOSE_OUT' when 19 then 'PENDING_CLOSE_OUT'
        else 'RECTIFYING' end""";

  record Dataset(long problems, long seeded, long closed, double seedSeconds) {
    Map<String, Object> toJson() {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("problems", problems);
      json.put("seeded", seeded);
      json.put("closedProblems", closed);
      json.put("seedSeconds", Report.round(seedSeconds));
      return json;
    }
  }

  private LedgerLoad() {}

  /**
   * Adds {@code count} problems to the ledger with one INSERT … SELECT … generate_series: problems
   * of the bench units in every state (a tenth closed, a twentieth dismissed, a twentieth not yet
   * assigned, the rest open with deadlines from 20 days ago to 40 days ahead, so some are overdue),
   * registered over the last year. Ledger rows only: no process instances and no event log (the
   * integrity check would flag them; the searches read the problem table alone). Then VACUUM
   * ANALYZE, as autovacuum would leave a table that size.
   */
  static Dataset seed(Database db, String appDb, List<Seeder.BenchUnit> units, long count) throws SQLException {
    long begin = System.nanoTime();
    long seeded = 0;
    try (Connection c = db.connect(appDb); var s = c.createStatement()) {
      if (Database.count(c, "select count(*) from problem where number like 'WT-S5-%'") == 0) {
        String unitCodes = "array[" + String.join(",", units.stream().map(u -> "'" + u.code() + "'").toList()) + "]";
        seeded = s.executeUpdate("""
            insert into problem (number, title, description, source, category, discovered_on, suggested_unit, state,
              unit_code, severity, rectification_type, deadline, warning_date, overdue_at, dismiss_reason, owner, claimed_at,
              measures, result, rectified_at, rejection_count, accepted_at, closed_at, registered_by, registered_at,
              updated_at, version)
            select 'WT-S5-' || lpad(g::text, 8, '0'),
              '基准台账问题 ' || g || ' 窗口服务' || (array['推诿扯皮','办事拖沓','材料繁杂','态度生硬','多头跑'])[1 + g % 5],
              '群众反映：办理业务需多次往返，窗口人员解释不清，编号 ' || g,
              (array['SELF_INSPECTION','SUPERVISION','UNANNOUNCED_VISIT','PUBLIC_COMPLAINT','HOTLINE','FORUM','INSPECTION_TOUR','SUPERIOR_ASSIGNED'])[1 + g % 8],
              (array['FORMALISM','BUREAUCRATISM','SERVICE_EFFICIENCY','WORK_DISCIPLINE','BUSINESS_ENVIRONMENT','INTEGRITY','OTHER'])[1 + g % 7],
              current_date - (g % 365)::int - 1, '基准测试单位', st.state,
              case when st.state = 'REGISTERED' then null else (:units)[1 + (g / 20) % :unitCount] end,
              case when st.state in ('REGISTERED', 'DISMISSED') then null else (array['GENERAL','SERIOUS','MAJOR'])[1 + g % 3] end,
              case when st.state in ('REGISTERED', 'DISMISSED') then null else 'IMMEDIATE' end,
              d.deadline, d.deadline - 2,
              case when st.state = 'CLOSED' and g % 40 = 0 then d.deadline + 1 else null end,
              case when st.state = 'DISMISSED' then '不属于作风问题' else null end,
              case when st.state in ('REGISTERED', 'DISMISSED') then null else 'bench-user' end,
              case when st.state in ('REGISTERED', 'DISMISSED') then null else r.at + interval '1 day' end,
              case when st.state in ('PENDING_ACCEPTANCE', 'PENDING_CLOSE_OUT', 'CLOSED') then '已当面答复并建立台账' else null end,
              case when st.state in ('PENDING_ACCEPTANCE', 'PENDING_CLOSE_OUT', 'CLOSED') then '群众满意' else null end,
              case when st.state in ('PENDING_ACCEPTANCE', 'PENDING_CLOSE_OUT', 'CLOSED') then r.at + interval '5 days' else null end,
              g % 3 / 2,
              case when st.state in ('PENDING_CLOSE_OUT', 'CLOSED') then r.at + interval '6 days' else null end,
              case when st.state = 'CLOSED' then r.at + interval '7 days' else null end,
              'supervisor', r.at, r.at, 0
            from generate_series(1, :count) g
            cross join lateral (select :state as state) st
            cross join lateral (select now() - make_interval(days => (g % 365)::int, secs => (g % 86400)::int) as at) r
            cross join lateral (select case when st.state in ('REGISTERED', 'DISMISSED') then null
              when st.state = 'CLOSED' then (r.at + interval '10 days')::date
              else current_date - 20 + (g % 61)::int end as deadline) d
            """.replace(":units", unitCodes).replace(":unitCount", String.valueOf(units.size()))
            .replace(":count", String.valueOf(count)).replace(":state", STATE_BY_SLOT));
      }
      s.execute("vacuum analyze problem");
      return new Dataset(Database.count(c, "select count(*) from problem"), seeded,
          Database.count(c, "select count(*) from problem where state = 'CLOSED'"), (System.nanoTime() - begin) / 1e9);
    }
  }

  /** The ledger searches people make, in turn; latency per kind is kept in {@code byKind}. */
  static OpenLoad.Request search(List<Seeder.BenchUnit> units, long seeded, Map<String, Latency> byKind) {
    List<String> kinds = List.of("whole ledger, newest first", "one unit's member: own problems", "state = 整改中",
        "overdue", "by problem number", "by a keyword in the description", "the /ledger page");
    kinds.forEach(kind -> byKind.put(kind, new Latency()));
    return (client, i) -> {
      int kind = (int) (i % kinds.size());
      long begin = System.nanoTime();
      switch (kind) {
        case 0 -> page(client, "supervisor", "/api/problems?page=0&size=20", 20);
        case 1 -> page(client, units.get((int) (i / kinds.size() % units.size())).member(), "/api/problems?page=0&size=20", 20);
        case 2 -> page(client, "leader", "/api/problems?state=RECTIFYING&page=0&size=20", 20);
        case 3 -> page(client, "supervisor", "/api/problems?overdue=true&page=0&size=20", 20);
        case 4 -> page(client, "auditor", "/api/problems?text=WT-S5-" + "%08d".formatted(1 + (i * 7919) % seeded), 1);
        // "编号 12345" is in problem 12345's description (and in 123450–123459 …): Chinese through the trigram index
        case 5 -> page(client, "auditor", "/api/problems?text=" + URLEncoder.encode("编号 " + (1 + (i * 7919) % seeded), StandardCharsets.UTF_8), -1);
        default -> {
          var html = client.expect(200, client.page("supervisor", "/ledger"), "ledger page");
          if (!html.body().contains("共 ")) {
            throw new IllegalStateException("the ledger page shows no total");
          }
        }
      }
      byKind.get(kinds.get(kind)).recordNanos(System.nanoTime() - begin);
    };
  }

  /** {@code expected} problems on the page, or at least one when it is negative. */
  private static void page(HttpDriver client, String user, String path, int expected) throws Exception {
    var json = client.expect(200, client.get(user, path), "ledger search " + path).json();
    int found = json.path("items").size();
    if (expected < 0 ? found == 0 : found != expected) {
      throw new IllegalStateException(path + " as " + user + ": " + json.path("items").size() + " problems, expected " + expected);
    }
  }

  /** 整改统计 over the whole ledger (supervisor) or one unit (its member), in turn. */
  static OpenLoad.Request statistics(List<Seeder.BenchUnit> units, long problems) {
    return (client, i) -> {
      boolean whole = i % 2 == 0;
      String user = whole ? "supervisor" : units.get((int) (i / 2 % units.size())).member();
      var json = client.expect(200, client.get(user, "/api/statistics"), "statistics").json();
      long registered = json.path("total").path("registered").asLong() + json.path("total").path("dismissed").asLong();
      if (whole ? registered < problems : json.path("units").size() != 1) {
        throw new IllegalStateException("statistics as " + user + " do not cover the ledger: " + HttpDriver.abbreviate(json.toString()));
      }
    };
  }

  record Export(long rows, long bytes, double seconds, double liveHeapBeforeMb, double liveHeapMaxMb, int heapSamples) {
    double heapGrowthMb() {
      return liveHeapMaxMb - liveHeapBeforeMb;
    }

    Map<String, Object> toJson() {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("rows", rows);
      json.put("bytes", bytes);
      json.put("seconds", Report.round(seconds));
      json.put("liveHeapBeforeMb", Report.round(liveHeapBeforeMb));
      json.put("liveHeapMaxDuringExportMb", Report.round(liveHeapMaxMb));
      json.put("liveHeapGrowthMb", Report.round(heapGrowthMb()));
      json.put("heapSamples", heapSamples);
      return json;
    }
  }

  /**
   * Downloads the ledger export of every closed problem twice as the supervisor: once timed (to
   * the last byte, saved to {@code file}), once while a sampler measures the live heap (heap used
   * right after a full GC, every {@code sampleMillis}) — the GCs would slow the timed run. Then
   * counts the workbook's rows.
   */
  static Export export(int port, Path file, long sampleMillis) throws Exception {
    var client = new HttpDriver(port);
    String path = "/api/problems/ledger.xlsx?state=CLOSED";
    long begin = System.nanoTime();
    long bytes = client.download("supervisor", path, file);
    double seconds = (System.nanoTime() - begin) / 1e9;

    double before = liveHeapMb();
    AtomicBoolean running = new AtomicBoolean(true);
    AtomicLong maxBytes = new AtomicLong();
    AtomicLong samples = new AtomicLong();
    Thread sampler = new Thread(() -> {
      while (running.get()) {
        maxBytes.accumulateAndGet((long) (liveHeapMb() * 1048576), Math::max);
        samples.incrementAndGet();
        try {
          Thread.sleep(sampleMillis);
        } catch (InterruptedException e) {
          return;
        }
      }
    }, "bench-S5-heap");
    sampler.start();
    Path second = file.resolveSibling("S5-ledger-heap.xlsx");
    try {
      client.download("supervisor", path, second);
    } finally {
      running.set(false);
      sampler.join();
      deleteQuietly(second);
    }
    long rows = 0;
    try (InputStream in = Files.newInputStream(file); var workbook = new ReadableWorkbook(in)) {
      for (var sheet : workbook.getSheets().toList()) {
        try (var stream = sheet.openStream()) {
          rows += stream.count() - 1;
        }
      }
    }
    return new Export(rows, bytes, seconds, before, maxBytes.get() / 1048576.0, (int) samples.get());
  }

  /**
   * The heap right after a full collection, as the collector itself reports it: heap "used" read
   * after {@code System.gc()} returns also counts what the export thread allocated since (the
   * first measurements showed +94 MB that way, while the GC log said 94 → 96 MB).
   */
  private static double liveHeapMb() {
    ManagementFactory.getMemoryMXBean().gc();
    var heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(pool -> pool.getType() == java.lang.management.MemoryType.HEAP).map(pool -> pool.getName()).toList();
    long used = 0;
    for (var collector : ManagementFactory.getGarbageCollectorMXBeans()) {
      if (collector instanceof com.sun.management.GarbageCollectorMXBean gc && gc.getName().contains("Old")
          && gc.getLastGcInfo() != null) {
        var after = gc.getLastGcInfo().getMemoryUsageAfterGc();
        used = heapPools.stream().filter(after::containsKey).mapToLong(pool -> after.get(pool).getUsed()).sum();
      }
    }
    return used / 1048576.0;
  }


  static Map<String, Object> latencies(Map<String, Latency> byKind) {
    Map<String, Object> json = new LinkedHashMap<>();
    byKind.forEach((kind, latency) -> json.put(kind, latency.toJson()));
    return json;
  }

  static Map<String, Latency> kinds() {
    return new ConcurrentHashMap<>();
  }

  static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException ignored) {
      // a leftover in target/bench
    }
  }
}
