package cn.zuofeng.rectification.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.RuntimeService;

/**
 * S4: a unit member opens the 本单位待认领 filter in Tasklist — its first page of 50 and its count
 * over {@code /engine-rest}, authorizations on — while the database holds many open tasks spread
 * over the bench units.
 */
final class UnitFilterLoad {

  static final String FILTER = "本单位待认领";

  record Dataset(long openTasks, long unitTasks, long authorizations, long seededReal, long copied, double seedSeconds) {
    Map<String, Object> toJson() {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("openTasks", openTasks);
      json.put("openTasksOfBenchUnits", unitTasks);
      json.put("authorizations", authorizations);
      json.put("templateProblemsSeeded", seededReal);
      json.put("tasksCopied", copied);
      json.put("seedSeconds", Report.round(seedSeconds));
      return json;
    }
  }

  private UnitFilterLoad() {}

  /** Tops the bench units up to {@code target} open tasks: one fresh assigned problem per unit, copied. */
  static Dataset seed(AppUnderTest app, Database db, String appDb, Seeder seeder, List<Seeder.BenchUnit> units, int target,
                      int threads) throws Exception {
    long begin = System.nanoTime();
    LocalDate today = LocalDate.now(Bench.ZONE);
    List<String> numbers = seeder.assigned("S4 待认领", units.size(), threads, units, today, today.plusDays(10));
    var runtime = app.context.getBean(RuntimeService.class);
    List<String> instances = new ArrayList<>();
    for (String number : numbers) {
      instances.add(runtime.createProcessInstanceQuery().processInstanceBusinessKey(number).singleResult().getId());
    }
    long copied;
    try (Connection c = db.connect(appDb)) {
      long existing = unitTasks(c);
      int copies = (int) Math.max(0, Math.ceil((target - existing) / (double) instances.size()));
      copied = TaskCloner.copy(c, instances, copies);
      return new Dataset(Database.count(c, "select count(*) from act_ru_task"), unitTasks(c),
          Database.count(c, "select count(*) from act_ru_authorization"), numbers.size(), copied, (System.nanoTime() - begin) / 1e9);
    }
  }

  static String filterId(AppUnderTest app) {
    return app.context.getBean(FilterService.class).createFilterQuery().filterName(FILTER).singleResult().getId();
  }

  /** The list (first page of 50) and the count, as the unit member; fails unless the page is full and the count plausible. */
  static OpenLoad.Request request(String filterId, List<Seeder.BenchUnit> units) {
    return (client, i) -> {
      String user = units.get((int) (i % units.size())).member();
      var list = client.expect(200, client.get(user, "/engine-rest/filter/" + filterId + "/list?firstResult=0&maxResults=50"),
          "filter list").json();
      long count = client.expect(200, client.get(user, "/engine-rest/filter/" + filterId + "/count"), "filter count").json()
          .path("count").asLong();
      if (list.size() != Math.min(50, count) || count < 50) {
        throw new IllegalStateException(user + " got " + list.size() + " tasks of " + count);
      }
    };
  }

  private static long unitTasks(Connection c) throws SQLException {
    return Database.count(c, """
        select count(*) from act_ru_task t join act_ru_identitylink i on i.task_id_ = t.id_
        where i.type_ = 'candidate' and i.group_id_ like 'unit-bench-%'""");
  }
}
