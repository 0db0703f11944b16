package cn.zuofeng.rectification.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The embedded PostgreSQL server (io.zonky.test, the binaries of the pom's BOM) for the whole
 * run. Durable commits as in production: fsync is on by default, and synchronous_commit — which
 * zonky turns off by default — is turned back on, so every COMMIT waits for its WAL flush.
 */
final class Database implements AutoCloseable {

  static final String USER = "postgres";
  static final String PASSWORD = "postgres";

  private final EmbeddedPostgres server;
  private final boolean statements;

  private Database(EmbeddedPostgres server, boolean statements) {
    this.server = server;
    this.statements = statements;
  }

  /** Starts the server; with {@code statements}, pg_stat_statements records every statement (diagnostics). */
  static Database start(boolean statements) throws IOException, SQLException {
    var builder = EmbeddedPostgres.builder()
        .setServerConfig("max_connections", "200")
        // a UTF-8 LC_CTYPE, as in production: pg_trgm indexes Chinese text only then (V8)
        .setLocaleConfig("locale", "C.UTF-8")
        .setServerConfig("fsync", "on")
        .setServerConfig("synchronous_commit", "on")
        .setRegisterShutdownHook(true);
    if (statements) {
      // diagnostics: statement counts, and plans of slow statements (auto_explain, off until explainSlow)
      Path logs = Path.of(System.getProperty("bench.basedir", "."), "target", "bench", "pg-log").toAbsolutePath();
      Files.createDirectories(logs);
      builder.setServerConfig("shared_preload_libraries", "pg_stat_statements,auto_explain")
          .setServerConfig("logging_collector", "on")
          .setServerConfig("log_directory", logs.toString())
          .setServerConfig("log_filename", "postgresql.log")
          .setServerConfig("auto_explain.log_min_duration", "-1")
          .setServerConfig("auto_explain.log_analyze", "on")
          .setServerConfig("auto_explain.log_buffers", "on");
    }
    var db = new Database(builder.start(), statements);
    if (statements) {
      db.execute("create extension if not exists pg_stat_statements");
    }
    return db;
  }

  void execute(String sql) throws SQLException {
    try (Connection c = server.getPostgresDatabase().getConnection(); var s = c.createStatement()) {
      s.execute(sql);
    }
  }

  /** The PID of the postmaster, from postmaster.pid in the data directory (0 when unknown). */
  long postmasterPid() {
    try (Connection c = server.getPostgresDatabase().getConnection(); var s = c.createStatement();
         var rs = s.executeQuery("show data_directory")) {
      rs.next();
      var pidFile = java.nio.file.Path.of(rs.getString(1), "postmaster.pid");
      return Long.parseLong(java.nio.file.Files.readAllLines(pidFile).get(0).strip());
    } catch (SQLException | IOException | RuntimeException e) {
      return 0;
    }
  }

  /** How much data the application's database holds (the figures depend on it). */
  Map<String, Object> dataset(String database) throws SQLException {
    Map<String, Object> json = new LinkedHashMap<>();
    try (Connection c = connect(database); var s = c.createStatement()) {
      for (String[] count : new String[][] {
          {"problems", "select count(*) from problem"},
          {"openTasks", "select count(*) from act_ru_task"},
          {"authorizations", "select count(*) from act_ru_authorization"},
          {"historicVariableUpdates", "select count(*) from act_hi_detail"}}) {
        try (var rs = s.executeQuery(count[1])) {
          rs.next();
          json.put(count[0], rs.getLong(1));
        }
      }
    }
    return json;
  }

  /** The one number a query such as {@code select count(*) …} returns. */
  static long count(Connection c, String sql) throws SQLException {
    try (var s = c.createStatement(); var rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** Writes dirty pages now, so one phase's checkpoint does not land in the next phase. */
  void checkpoint() throws SQLException {
    execute("checkpoint");
  }

  /** Logs the plan of every statement slower than {@code millis} to target/bench/pg-log (diagnostics only; -1 stops). */
  void explainSlow(int millis) throws SQLException {
    if (statements) {
      execute("alter system set auto_explain.log_min_duration = " + millis);
      execute("select pg_reload_conf()");
    }
  }

  /** Starts a new statement statistics period (diagnostics only). */
  void resetStatements() throws SQLException {
    if (statements) {
      execute("select pg_stat_statements_reset()");
    }
  }

  /** Writes the statements that took the most time since the last reset (diagnostics only). */
  void dumpStatements(java.nio.file.Path file) throws SQLException, IOException {
    if (!statements) {
      return;
    }
    var out = new StringBuilder(String.format("%-20s %9s %11s %9s %9s  %s%n", "database", "calls", "total_ms", "mean_ms", "rows", "query"));
    try (Connection c = server.getPostgresDatabase().getConnection(); var s = c.createStatement();
         var rs = s.executeQuery("""
             select d.datname, s.calls, s.total_exec_time, s.mean_exec_time, s.rows,
                    left(regexp_replace(s.query, '\\s+', ' ', 'g'), 400) as query
             from pg_stat_statements s left join pg_database d on d.oid = s.dbid
             order by s.total_exec_time desc limit 40""")) {
      while (rs.next()) {
        out.append(String.format(java.util.Locale.ROOT, "%-20s %9d %11.0f %9.3f %9d  %s%n", rs.getString(1), rs.getLong(2),
            rs.getDouble(3), rs.getDouble(4), rs.getLong(5), rs.getString(6)));
      }
    }
    java.nio.file.Files.createDirectories(file.getParent());
    java.nio.file.Files.writeString(file, out);
  }

  /** Creates an empty database (dropping an old one) and returns its name. */
  String create(String database) throws SQLException {
    try (Connection c = server.getPostgresDatabase().getConnection(); var s = c.createStatement()) {
      s.execute("drop database if exists " + database);
      s.execute("create database " + database);
    }
    return database;
  }

  String url(String database) {
    return server.getJdbcUrl(USER, database);
  }

  Connection connect(String database) throws SQLException {
    return server.getDatabase(USER, database).getConnection();
  }

  /** The server's version and the settings that bound commit throughput. */
  Map<String, Object> describe() throws SQLException {
    Map<String, Object> json = new LinkedHashMap<>();
    try (Connection c = server.getPostgresDatabase().getConnection(); var s = c.createStatement()) {
      try (var rs = s.executeQuery("select version()")) {
        rs.next();
        json.put("version", rs.getString(1));
      }
      for (String setting : List.of("server_version", "fsync", "synchronous_commit", "wal_sync_method", "full_page_writes",
          "shared_buffers", "max_connections", "data_directory")) {
        try (var rs = s.executeQuery("show " + setting)) {
          rs.next();
          json.put(setting, rs.getString(1));
        }
      }
    }
    try {
      var store = java.nio.file.Files.getFileStore(java.nio.file.Path.of((String) json.get("data_directory")));
      json.put("dataFileSystem", store.type() + " (" + store.name() + ")");
    } catch (IOException | RuntimeException e) {
      json.put("dataFileSystem", "unknown");
    }
    // a temporary folder of this run: says nothing about the machine, and no local path belongs in the report
    json.remove("data_directory");
    return json;
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
