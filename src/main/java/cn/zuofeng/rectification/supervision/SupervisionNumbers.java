package cn.zuofeng.rectification.supervision;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Supervision notice numbers, gap-free per year: the year's counter row is incremented in the
 * transaction that issues the notice, so its row lock orders concurrent issuers and a rolled-back
 * notice gives its number back.
 */
@Component
class SupervisionNumbers {

  private final JdbcClient jdbc;
  private final TransactionTemplate underSavepoint;

  SupervisionNumbers(JdbcClient jdbc, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.underSavepoint = new TransactionTemplate(transactions);
    this.underSavepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
  }

  /** The next number of {@code year}, in the caller's transaction. */
  int next(int year) {
    if (increment(year) == 0) {
      createYear(year);
      if (increment(year) == 0) {
        throw new IllegalStateException("no supervision counter for " + year);
      }
    }
    return jdbc.sql("select last_seq from supervision_counter where notice_year = :year")
        .param("year", year)
        .query(Integer.class)
        .single();
  }

  private int increment(int year) {
    return jdbc.sql("update supervision_counter set last_seq = last_seq + 1 where notice_year = :year")
        .param("year", year)
        .update();
  }

  /**
   * The first notice of a year creates its counter under a savepoint of the caller's transaction,
   * so a node that loses the race to create it (a unique violation, once the winner commits) rolls
   * back to the savepoint and goes on. Not a transaction of its own: that needs a second
   * connection while the caller holds one, and when every pooled connection belongs to an issuer
   * waiting here, none is left (seen in the benchmark: 10 job threads, 10 connections, 30 s stall).
   */
  private void createYear(int year) {
    try {
      underSavepoint.executeWithoutResult(status -> jdbc.sql("insert into supervision_counter (notice_year, last_seq) values (:year, 0)")
          .param("year", year)
          .update());
    } catch (DuplicateKeyException alreadyCreated) {
      // another transaction created it first: the increment below finds it
    }
  }
}
