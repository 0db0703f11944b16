package cn.zuofeng.rectification.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;

/**
 * Diagnostics ({@code -Dbench.explain=true}): the exact SQL the engine sends for one request,
 * captured from MyBatis' statement log in the application's log file, with its parameters bound,
 * run again under {@code EXPLAIN (ANALYZE, BUFFERS)}.
 */
final class SqlExplain {

  private static final Pattern PARAMETER = Pattern.compile("(.*?)\\((String|Integer|Long|Timestamp|Boolean|Date)\\)(, |$)");

  private SqlExplain() {}

  interface Action {
    void run() throws Exception;
  }

  /** Runs {@code action} with the given mapper's statements logged, then explains every captured statement. */
  static String explain(String logger, Path appLog, Connection c, Action action) throws Exception {
    LoggingSystem logging = LoggingSystem.get(SqlExplain.class.getClassLoader());
    long before = Files.exists(appLog) ? Files.size(appLog) : 0;
    logging.setLogLevel(logger, LogLevel.DEBUG);
    try {
      action.run();
    } finally {
      logging.setLogLevel(logger, null);
    }
    byte[] all = Files.readAllBytes(appLog);
    String tail = new String(all, (int) Math.min(before, all.length), (int) (all.length - Math.min(before, all.length)),
        StandardCharsets.UTF_8);
    var out = new StringBuilder();
    String sql = null;
    for (String line : tail.split("\n")) {
      int p = line.indexOf("==>  Preparing: ");
      if (p >= 0) {
        sql = line.substring(p + "==>  Preparing: ".length()).strip();
        continue;
      }
      int q = line.indexOf("==> Parameters: ");
      if (q >= 0 && sql != null) {
        String bound = bind(sql, line.substring(q + "==> Parameters: ".length()).strip());
        out.append("-- ").append(bound).append("\n");
        try (var s = c.createStatement(); var rs = s.executeQuery("explain (analyze, buffers) " + bound)) {
          while (rs.next()) {
            out.append(rs.getString(1)).append('\n');
          }
        } catch (java.sql.SQLException e) {
          out.append("-- not explained: ").append(e.getMessage()).append('\n');
        }
        out.append('\n');
        sql = null;
      }
    }
    return out.toString();
  }

  private static String bind(String sql, String parameters) {
    List<String> values = new ArrayList<>();
    Matcher m = PARAMETER.matcher(parameters);
    while (m.find()) {
      String v = m.group(1);
      values.add(switch (m.group(2)) {
        case "Integer", "Long", "Boolean" -> v;
        default -> "'" + v.replace("'", "''") + "'";
      });
    }
    var bound = new StringBuilder();
    int next = 0;
    for (char ch : sql.toCharArray()) {
      if (ch == '?' && next < values.size()) {
        bound.append(values.get(next++));
      } else {
        bound.append(ch);
      }
    }
    return bound.toString();
  }
}
