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
  private final TransactionTemplate separately;

  SupervisionNumbers(JdbcClient jdbc, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.separately = new TransactionTemplate(transactions);
    this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
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
   * The first notice of a year creates its counter in a transaction of its own, so a node that
   * loses the race to create it (a unique violation) does not abort the caller's transaction.
   */
  private void createYear(int year) {
    try {
      separately.executeWithoutResult(status -> jdbc.sql("insert into supervision_counter (notice_year, last_seq) values (:year, 0)")
          .param("year", year)
          .update());
    } catch (DuplicateKeyException alreadyCreated) {
      // another transaction created it first: the increment below finds it
    }
  }
}
