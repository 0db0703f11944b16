package cn.zuofeng.rectification.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Multiplies real process instances at the SQL level, for S4's 100,000 open tasks (seeding them
 * through the application would take most of an hour on two cores). The templates are problems
 * the application registered and assigned itself; each copy repeats their engine rows — executions,
 * the UserTask_Rectify task, its candidate-group identity link, the group's task authorization the
 * engine created — with every id given the suffix {@code c<n>}, so copies are the rows the
 * application writes, only more of them. Due dates are spread over 60 days so the filter's order
 * by due date has real work to do. Left out: variables (about 20 per instance, two million rows
 * for 100,000 tasks; the list and count do not read them, and Tasklist reads them only for the 50
 * tasks shown, by execution id), timer jobs, message subscriptions, history and ledger rows;
 * copies are never worked on.
 */
final class TaskCloner {

  /** Columns that hold an id of a copied row (or the business key): they get the copy's suffix. */
  private static final Set<String> REMAPPED = Set.of("id_", "proc_inst_id_", "parent_id_", "super_exec_", "root_proc_inst_id_",
      "execution_id_", "task_id_", "var_scope_", "bytearray_id_", "resource_id_", "business_key_", "process_instance_id_");

  private TaskCloner() {}

  /** Adds {@code copies} copies of each template process instance; returns the number of tasks added. */
  static long copy(Connection c, List<String> templateInstances, int copies) throws SQLException {
    if (copies <= 0 || templateInstances.isEmpty()) {
      return 0;
    }
    boolean autoCommit = c.getAutoCommit();
    c.setAutoCommit(false);
    try {
      var ids = c.createArrayOf("varchar", templateInstances.toArray());
      String tasks = "(select id_ from act_ru_task where proc_inst_id_ = any (?))";
      insert(c, "act_ru_execution", "t.proc_inst_id_ = any (?)", ids, copies);
      long added = insert(c, "act_ru_task", "t.proc_inst_id_ = any (?)", ids, copies);
      insert(c, "act_ru_identitylink", "t.task_id_ in " + tasks, ids, copies);
      insert(c, "act_ru_authorization", "t.resource_id_ in " + tasks, ids, copies);
      c.commit();
      try (var s = c.createStatement()) {
        for (String table : List.of("act_ru_execution", "act_ru_task", "act_ru_identitylink", "act_ru_authorization")) {
          s.execute("analyze " + table);
        }
      }
      return added;
    } catch (SQLException | RuntimeException e) {
      c.rollback();
      throw e;
    } finally {
      c.setAutoCommit(autoCommit);
    }
  }

  private static long insert(Connection c, String table, String where, java.sql.Array ids, int copies) throws SQLException {
    List<String> columns = new ArrayList<>();
    try (var s = c.prepareStatement("""
        select column_name from information_schema.columns where table_schema = current_schema() and table_name = ?
        order by ordinal_position""")) {
      s.setString(1, table);
      try (var rs = s.executeQuery()) {
        while (rs.next()) {
          columns.add(rs.getString(1).toLowerCase(java.util.Locale.ROOT));
        }
      }
    }
    List<String> values = new ArrayList<>();
    for (String column : columns) {
      if (REMAPPED.contains(column)) {
        values.add("case when t." + column + " is null then null else t." + column + " || 'c' || g end");
      } else if ("act_ru_task".equals(table) && "due_date_".equals(column)) {
        values.add("t.due_date_ + ((g * 7) % 60) * interval '1 day'");
      } else {
        values.add("t." + column);
      }
    }
    String sql = "insert into " + table + " (" + String.join(", ", columns) + ") select " + String.join(", ", values)
        + " from " + table + " t cross join generate_series(1, " + copies + ") g where " + where;
    try (var s = c.prepareStatement(sql)) {
      s.setArray(1, ids);
      return s.executeUpdate();
    }
  }
}
