package cn.zuofeng.rectification.it;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zuofeng.rectification.ledger.GlobalChainMigration;
import cn.zuofeng.rectification.ledger.GlobalEventChain;
import cn.zuofeng.rectification.ledger.ProblemEventLog;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.migration.JavaMigration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * Migration V6 on a database that already has a ledger: the existing events are chained in the
 * order they were written, on H2 and on PostgreSQL alike, and new events continue the chain.
 */
class GlobalChainMigrationIT {

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgresql"})
  void existingEventsAreChainedInTheOrderTheyWereWritten(String database) throws Exception {
    DataSource dataSource = dataSource(database);
    JavaMigration v6 = new GlobalChainMigration();
    // every migration before V6, whichever numbers the other features took
    var before = java.util.Arrays.stream(Flyway.configure().dataSource(dataSource).table("app_schema_history")
            .javaMigrations(v6).load().info().all())
        .map(m -> m.getVersion())
        .filter(v -> v != null && v.isNewerThan("0") && !v.isAtLeast("6"))
        .max(org.flywaydb.core.api.MigrationVersion::compareTo).orElseThrow();
    Flyway.configure().dataSource(dataSource).table("app_schema_history").javaMigrations(v6).target(before).load().migrate();

    JdbcClient jdbc = JdbcClient.create(dataSource);
    // two problems whose events interleave, written as the application wrote them before V6
    long a = problem(jdbc, "WT-2025-000001");
    long b = problem(jdbc, "WT-2025-000002");
    event(jdbc, a, "WT-2025-000001", 1, "REGISTERED");
    event(jdbc, b, "WT-2025-000002", 1, "REGISTERED");
    event(jdbc, a, "WT-2025-000001", 2, "DISMISSED");

    Flyway.configure().dataSource(dataSource).table("app_schema_history").javaMigrations(v6).target("6").load().migrate();

    var rows = jdbc.sql("select global_seq, global_prev_hash, global_hash, hash from problem_event order by id")
        .query((rs, i) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)}).list();
    String previous = null;
    for (int i = 0; i < rows.size(); i++) {
      Object[] row = rows.get(i);
      assertThat(row[0]).isEqualTo((long) i + 1);
      assertThat(row[1]).isEqualTo(previous);
      assertThat(row[2]).isEqualTo(GlobalEventChain.link(previous, i + 1, (String) row[3]));
      previous = (String) row[2];
    }
    var head = jdbc.sql("select last_seq, last_hash from problem_event_chain").query((rs, i) -> new Object[] {rs.getLong(1), rs.getString(2)}).list();
    assertThat(head).hasSize(1);
    assertThat(head.get(0)).containsExactly(3L, previous);
  }

  private static DataSource dataSource(String database) throws Exception {
    if (database.equals("h2")) {
      return new SimpleDriverDataSource(new org.h2.Driver(), "jdbc:h2:mem:v6-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1", "sa", "");
    }
    var server = EmbeddedPostgres.server();
    String name = "v6_migration";
    try (var connection = server.getPostgresDatabase().getConnection(); var statement = connection.createStatement()) {
      statement.execute("drop database if exists " + name);
      statement.execute("create database " + name);
    }
    return new SimpleDriverDataSource(new org.postgresql.Driver(), server.getJdbcUrl("postgres", name), "postgres", "postgres");
  }

  private static long problem(JdbcClient jdbc, String number) {
    OffsetDateTime at = OffsetDateTime.parse("2025-06-01T09:00:00+08:00");
    jdbc.sql("""
            insert into problem (number, title, description, source, category, discovered_on, state, registered_at, updated_at)
            values (:number, '旧问题', '迁移前登记', 'HOTLINE', 'OTHER', :on, 'REGISTERED', :at, :at)""")
        .param("number", number).param("on", at.toLocalDate()).param("at", at).update();
    return jdbc.sql("select id from problem where number = :n").param("n", number).query(Long.class).single();
  }

  private static final List<String> HASHES = new ArrayList<>();

  private static void event(JdbcClient jdbc, long problemId, String number, int seq, String type) {
    OffsetDateTime at = OffsetDateTime.parse("2025-06-01T09:00:00+08:00").plusMinutes(HASHES.size());
    String prev = seq == 1 ? null : jdbc.sql("select hash from problem_event where problem_id = :p and seq = :s")
        .param("p", problemId).param("s", seq - 1).query(String.class).single();
    String hash = ProblemEventLog.hashOf(number, new ProblemEventLog.Event(seq, at, "supervisor", type, null, "{}", prev, null));
    HASHES.add(hash);
    jdbc.sql("""
            insert into problem_event (problem_id, seq, occurred_at, actor, type, activity_id, details, prev_hash, hash)
            values (:p, :seq, :at, 'supervisor', :type, null, '{}', :prev, :hash)""")
        .param("p", problemId).param("seq", seq).param("at", at).param("type", type).param("prev", prev).param("hash", hash)
        .update();
  }
}
