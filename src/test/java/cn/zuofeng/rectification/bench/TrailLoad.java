package cn.zuofeng.rectification.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * S6: an auditor reads one problem's trail ({@code GET /api/problems/{n}/trail}: ledger events,
 * task history, form values, operation log, comments) while Camunda's history tables hold millions
 * of rows of other process instances.
 */
final class TrailLoad {

  /** The history tables the trail reads, or that grow with every instance. */
  static final List<String> HISTORY = List.of("act_hi_actinst", "act_hi_detail", "act_hi_taskinst", "act_hi_varinst",
      "act_hi_op_log", "act_hi_job_log", "act_hi_identitylink");

  record Dataset(long historyRows, long copied, String problem, int trailEntries, double seedSeconds) {
    Map<String, Object> toJson() {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("historyRows", historyRows);
      json.put("rowsCopied", copied);
      json.put("problem", problem);
      json.put("trailEntries", trailEntries);
      json.put("seedSeconds", Report.round(seedSeconds));
      return json;
    }
  }

  private TrailLoad() {}

  /**
   * Grows the history tables to at least {@code target} rows by copying the rows the earlier
   * phases wrote, under new ids and process instance ids (other instances: the trail's problem is
   * not among them), then ANALYZE; and picks a closed problem of S2 to read.
   */
  static Dataset seed(Database db, String appDb, long target) throws SQLException {
    long begin = System.nanoTime();
    try (Connection c = db.connect(appDb)) {
      long existing = historyRows(c);
      long copied = 0;
      if (existing < target) {
        int copies = (int) Math.ceil((target - existing) / (double) existing);
        for (String table : HISTORY) {
          copied += copy(c, table, copies);
        }
      }
      try (var s = c.createStatement()) {
        for (String table : HISTORY) {
          s.execute("analyze " + table);
        }
      }
      String problem;
      try (var s = c.createStatement(); var rs = s.executeQuery(
          "select number from problem where state = 'CLOSED' and title like 'S2%' order by id desc limit 1")) {
        problem = rs.next() ? rs.getString(1) : null;
      }
      if (problem == null) {
        try (var s = c.createStatement(); var rs = s.executeQuery(
            "select number from problem where state = 'CLOSED' order by id desc limit 1")) {
          rs.next();
          problem = rs.getString(1);
        }
      }
      return new Dataset(historyRows(c), copied, problem, 0, (System.nanoTime() - begin) / 1e9);
    }
  }

  static Dataset withEntries(Dataset data, int entries) {
    return new Dataset(data.historyRows(), data.copied(), data.problem(), entries, data.seedSeconds());
  }

  /** GET the trail as the auditor; fails unless it holds the problem's steps. */
  static OpenLoad.Request request(String number, int expectedEntries) {
    return (client, i) -> {
      var trail = client.expect(200, client.get("auditor", "/api/problems/" + number + "/trail"), "trail").json();
      if (trail.size() < expectedEntries) {
        throw new IllegalStateException("trail of " + number + " has " + trail.size() + " entries, expected " + expectedEntries);
      }
    };
  }

  private static long copy(Connection c, String table, int copies) throws SQLException {
    List<String> columns = new ArrayList<>();
    try (var rs = c.getMetaData().getColumns(null, null, table, null)) {
      while (rs.next()) {
        columns.add(rs.getString("COLUMN_NAME"));
      }
    }
    List<String> values = new ArrayList<>();
    for (String column : columns) {
      boolean instanceKey = column.equals("id_") || column.equals("proc_inst_id_") || column.equals("root_proc_inst_id_")
          || column.equals("execution_id_") || column.equals("act_inst_id_") || column.equals("task_id_");
      values.add(instanceKey ? "case when " + column + " is null then null else left(" + column + ", 50) || '-s6-' || g end"
          : column);
    }
    String sql = "insert into " + table + " (" + String.join(", ", columns) + ") select " + String.join(", ", values)
        + " from " + table + " cross join generate_series(1, " + copies + ") g where id_ not like '%-s6-%'";
    try (var s = c.createStatement()) {
      return s.executeUpdate(sql);
    }
  }

  private static long historyRows(Connection c) throws SQLException {
    long rows = 0;
    try (var s = c.createStatement()) {
      for (String table : HISTORY) {
        try (var rs = s.executeQuery("select count(*) from " + table)) {
          rs.next();
          rows += rs.getLong(1);
        }
      }
    }
    return rows;
  }
}
