package cn.zuofeng.rectification.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.camunda.bpm.engine.ProcessEnginePersistenceException;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.TransactionSystemException;

/** Which failures count as "the database is down" (503) and which stay errors of their own. */
class DatabaseUnavailableTest {

  @Test
  void connectionFailuresWrappedByTheEngineOrSpringAreRecognised() {
    var timeout = new SQLTransientConnectionException("HikariPool-1 - Connection is not available, request timed out after 2000ms");
    assertThat(DatabaseUnavailable.isCause(new ProcessEnginePersistenceException("persistence", new RuntimeException(timeout)))).isTrue();
    assertThat(DatabaseUnavailable.isCause(new TransactionSystemException("JDBC rollback failed",
        new SQLException("Connection is closed")))).isTrue();
    assertThat(DatabaseUnavailable.isCause(new RuntimeException(new SQLException("FATAL: terminating connection", "57P01")))).isTrue();
    assertThat(DatabaseUnavailable.isCause(new RuntimeException(new SQLException("I/O error", "08006")))).isTrue();
  }

  @Test
  void otherDatabaseErrorsAreNotAnOutage() {
    assertThat(DatabaseUnavailable.isCause(new RuntimeException(new SQLException("duplicate key", "23505")))).isFalse();
    assertThat(DatabaseUnavailable.isCause(new IllegalStateException("boom"))).isFalse();
  }
}
