package cn.zuofeng.rectification.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The first 督办单 numbers of a new year, taken by more issuers at once than the pool has
 * connections (as job threads do on New Year's morning): every issuer gets its number without a
 * second connection, gap-free from 1.
 */
class SupervisionNumbersOnPostgresIT {

  private static final int CONNECTIONS = 4;
  private static EmbeddedPostgres server;
  private static HikariDataSource pool;

  @BeforeAll
  static void start() throws IOException {
    server = EmbeddedPostgres.builder().start();
    Flyway.configure().dataSource(server.getPostgresDatabase()).table("app_schema_history").load().migrate();
    pool = new HikariDataSource();
    pool.setJdbcUrl(server.getJdbcUrl("postgres", "postgres"));
    pool.setMaximumPoolSize(CONNECTIONS);
    // a pool that runs dry fails within seconds instead of the default 30
    pool.setConnectionTimeout(3000);
  }

  @AfterAll
  static void stop() throws IOException {
    if (pool != null) {
      pool.close();
    }
    if (server != null) {
      server.close();
    }
  }

  @Test
  void aNewYearsFirstNumbersNeedNoSecondConnection() throws Exception {
    var transactions = new DataSourceTransactionManager(pool);
    var numbers = new SupervisionNumbers(JdbcClient.create(pool), transactions);
    var inTransaction = new TransactionTemplate(transactions);
    int issuers = 2 * CONNECTIONS;
    var threads = Executors.newFixedThreadPool(issuers);
    try {
      List<Callable<Integer>> work = new ArrayList<>();
      for (int i = 0; i < issuers; i++) {
        work.add(() -> inTransaction.execute(status -> {
          int seq = numbers.next(2031);
          try {
            // the rest of the issuing transaction, while the counter row stays locked
            Thread.sleep(50);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return seq;
        }));
      }
      List<Integer> seqs = new ArrayList<>();
      for (Future<Integer> result : threads.invokeAll(work)) {
        seqs.add(result.get());
      }
      assertThat(seqs).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6, 7, 8);
    } finally {
      threads.shutdownNow();
    }
    assertThat(JdbcClient.create(pool).sql("select last_seq from supervision_counter where notice_year = 2031")
        .query(Integer.class).single()).isEqualTo(issuers);
  }
}
