package cn.zuofeng.rectification.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;

/**
 * B0: the physical ceiling — one-row INSERT + COMMIT per operation from N JDBC connections into a
 * scratch table, nothing else. With synchronous_commit on every commit waits for a WAL flush
 * (group commit lets concurrent commits share one).
 */
final class RawCommits {

  private RawCommits() {}

  static ClosedLoop.Result run(Database db, String database, int threads, Duration warmup, Duration measure,
                               boolean synchronousCommit) throws Exception {
    try (Connection c = db.connect(database); var s = c.createStatement()) {
      s.execute("create table if not exists scratch (id bigserial primary key, at timestamptz not null default now(), "
          + "thread int not null, payload text not null)");
      s.execute("truncate scratch");
    }
    String name = synchronousCommit ? "B0" : "B0-nosync";
    return ClosedLoop.run(name, threads, warmup, measure, thread -> {
      Connection connection = db.connect(database);
      connection.setAutoCommit(false);
      if (!synchronousCommit) {
        try (var s = connection.createStatement()) {
          s.execute("set synchronous_commit = off");
        }
        connection.commit();
      }
      PreparedStatement insert = connection.prepareStatement("insert into scratch (thread, payload) values (?, ?)");
      return new ClosedLoop.Worker() {
        @Override
        public void run() throws Exception {
          insert.setInt(1, thread);
          insert.setString(2, "raw commit ceiling");
          insert.executeUpdate();
          connection.commit();
        }

        @Override
        public void close() throws Exception {
          insert.close();
          connection.close();
        }
      };
    });
  }
}
