package cn.zuofeng.rectification.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * What docker/compose.yaml runs, without Docker: one PostgreSQL server (embedded, the production
 * major version, restartable on the same port and data directory) and application nodes, each the
 * built jar started with {@code java -jar} and the environment variables the compose file sets,
 * on loopback. Every process started here is stopped at the end, also when the JVM exits early.
 */
final class Cluster implements AutoCloseable {

  static final String DATABASE = "rectification";
  static final String ADMIN_PASSWORD = "Cluster-Keeper-Secret-2026";
  private static final List<Process> STARTED = new CopyOnWriteArrayList<>();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> STARTED.forEach(Process::destroyForcibly)));
  }

  final Path workDir;
  private final Path dataDir;
  private final int pgPort;
  private io.zonky.test.db.postgres.embedded.EmbeddedPostgres postgres;
  private final List<Node> nodes = new ArrayList<>();

  Cluster(Path workDir) throws IOException {
    this.workDir = workDir;
    this.dataDir = workDir.resolve("pgdata");
    deleteRecursively(workDir);
    Files.createDirectories(workDir);
    this.pgPort = freePort();
  }

  /** Starts PostgreSQL on the cluster's port and data directory (initialised the first time). */
  void startDatabase() throws IOException {
    postgres = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder()
        .setDataDirectory(dataDir)
        .setCleanDataDirectory(false)
        .setPort(pgPort)
        .setServerConfig("max_connections", "200")
        .setRegisterShutdownHook(true)
        .start();
    try (Connection c = postgres.getPostgresDatabase().getConnection(); var s = c.createStatement();
         var rs = s.executeQuery("select count(*) from pg_database where datname = '" + DATABASE + "'")) {
      rs.next();
      if (rs.getInt(1) == 0) {
        s.execute("create database " + DATABASE);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Stops PostgreSQL (pg_ctl stop -m fast): connections break, new ones are refused. */
  void stopDatabase() throws IOException {
    postgres.close();
    postgres = null;
  }

  Connection sql() throws SQLException {
    return postgres.getDatabase("postgres", DATABASE).getConnection();
  }

  long queryLong(String sql) {
    try (Connection c = sql(); var s = c.createStatement(); var rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  Map<String, Long> queryCounts(String sql) {
    Map<String, Long> counts = new LinkedHashMap<>();
    try (Connection c = sql(); var s = c.createStatement(); var rs = s.executeQuery(sql)) {
      while (rs.next()) {
        counts.put(rs.getString(1), rs.getLong(2));
      }
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
    return counts;
  }

  int update(String sql) {
    try (Connection c = sql(); var s = c.createStatement()) {
      return s.executeUpdate(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  /** The environment of one node, as docker/compose.yaml and docker/.env.example set it. */
  Map<String, String> environment(String nodeName, int port) {
    return environment("jdbc:postgresql://localhost:" + pgPort + "/" + DATABASE, nodeName, port);
  }

  static Map<String, String> environment(String dbUrl, String nodeName, int port) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("SPRING_PROFILES_ACTIVE", "prod");
    env.put("DB_URL", dbUrl);
    env.put("DB_USER", "postgres");
    env.put("DB_PASSWORD", "postgres");
    env.put("ADMIN_USER", "admin");
    env.put("ADMIN_PASSWORD", ADMIN_PASSWORD);
    env.put("DB_POOL_SIZE", "40");
    env.put("DB_CONNECTION_TIMEOUT_MS", "2000");
    env.put("WEB_THREADS", "30");
    env.put("JOB_THREADS_CORE", "4");
    env.put("JOB_THREADS_MAX", "8");
    env.put("JOB_LOCK_TIME_MS", "300000");
    env.put("LOGGING_LEVEL_CN_ZUOFENG_RECTIFICATION", "INFO");
    env.put("JAVA_OPTS", "-Xmx512m -XX:+ExitOnOutOfMemoryError");
    env.put("NODE_NAME", nodeName);
    env.put("PORT", String.valueOf(port));
    return env;
  }

  Node node(String name) throws IOException {
    var node = new Node(name, freePort());
    nodes.add(node);
    return node;
  }

  @Override
  public void close() throws IOException {
    for (Node node : nodes) {
      node.stop();
    }
    if (postgres != null) {
      postgres.close();
    }
  }

  /** One application node: the built jar in a child process. */
  final class Node {
    final String name;
    final int port;
    private Process process;
    private int starts;
    Path log;

    Node(String name, int port) {
      this.name = name;
      this.port = port;
    }

    /** Starts the jar and waits (bounded) until its readiness probe answers UP. */
    Node start(Duration timeout) throws IOException, InterruptedException {
      String jar = System.getProperty("app.jar");
      if (jar == null || !Files.exists(Path.of(jar))) {
        throw new IllegalStateException("the built jar is missing (run ./mvnw verify, which packages first): " + jar);
      }
      Map<String, String> env = environment(name, port);
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.addAll(List.of(env.get("JAVA_OPTS").split(" ")));
      command.addAll(List.of("-jar", jar));
      var builder = new ProcessBuilder(command).redirectErrorStream(true);
      log = workDir.resolve(name + "-" + (++starts) + ".log");
      builder.redirectOutput(log.toFile());
      builder.environment().putAll(env);
      // loopback only (in compose the proxy is the only way in)
      builder.environment().put("SERVER_ADDRESS", "127.0.0.1");
      process = builder.start();
      STARTED.add(process);
      long deadline = System.nanoTime() + timeout.toNanos();
      while (System.nanoTime() < deadline) {
        if (!process.isAlive()) {
          throw new IllegalStateException(name + " exited with " + process.exitValue() + ", see " + log);
        }
        if (readiness() == 200) {
          return this;
        }
        Thread.sleep(500);
      }
      throw new IllegalStateException(name + " not ready within " + timeout + ", see " + log);
    }

    /** Status of GET /actuator/health/readiness, or -1 when the node does not answer. */
    int readiness() {
      try {
        HttpResponse<Void> response = HttpClient.newHttpClient().send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.discarding());
        return response.statusCode();
      } catch (IOException e) {
        return -1;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return -1;
      }
    }

    /** SIGKILL: no shutdown hook, no transaction finishes. */
    void kill() throws InterruptedException {
      process.destroyForcibly();
      process.waitFor(20, TimeUnit.SECONDS);
    }

    void stop() {
      if (process != null && process.isAlive()) {
        process.destroy();
        try {
          if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
          }
        } catch (InterruptedException e) {
          process.destroyForcibly();
          Thread.currentThread().interrupt();
        }
      }
    }

    Http admin() {
      return new Http.Builder(port, "admin", ADMIN_PASSWORD).build();
    }

    Http as(String user, String password) {
      return new Http.Builder(port, user, password).build();
    }

    String logText() throws IOException {
      StringBuilder all = new StringBuilder();
      for (int i = 1; i <= starts; i++) {
        all.append(Files.readString(workDir.resolve(name + "-" + i + ".log")));
      }
      return all.toString();
    }
  }

  static int freePort() throws IOException {
    try (var socket = new ServerSocket(0, 0, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (var paths = Files.walk(dir)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
