package cn.zuofeng.rectification.ledger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The global hash chain over every problem's events: each row also carries a global sequence
 * number and the hash of the previous row of all problems, so removing the newest event of a
 * problem (together with its version), or adding one, breaks a link the per-problem chain alone
 * cannot show.
 *
 * <p>The chain has one serialisation point, the one-row head {@code problem_event_chain}. To hold
 * its lock as briefly as possible, a transaction's events are collected while it runs and written
 * in {@code beforeCommit}, after the engine has flushed its own statements: lock the head, insert
 * the rows with both links, move the head, commit. Transactions that do not change the ledger
 * never touch the head. Rows become visible (also to the transaction that wrote them) at commit.
 */
@Component
public class GlobalEventChain {

  private final JdbcTemplate jdbc;

  GlobalEventChain(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** An event with its per-problem link, waiting for the commit to get its global link. */
  record Row(long problemId, int seq, OffsetDateTime occurredAt, String actor, String type, String activityId,
             String details, String prevHash, String hash) {}

  /** The hash of a global link: the previous global hash, this row's global number and its own hash. */
  public static String link(String previousGlobalHash, long globalSeq, String rowHash) {
    String canonical = String.valueOf(previousGlobalHash) + "\n" + globalSeq + "\n" + rowHash;
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  /** Queues an event of the current transaction; it is written when the transaction commits. */
  void add(Row row) {
    batch(true).rows.add(row);
  }

  /** The newest event of a problem queued in this transaction but not yet written. */
  Optional<Row> lastQueued(long problemId) {
    Batch batch = batch(false);
    if (batch != null) {
      for (int i = batch.rows.size() - 1; i >= 0; i--) {
        if (batch.rows.get(i).problemId() == problemId) {
          return Optional.of(batch.rows.get(i));
        }
      }
    }
    return Optional.empty();
  }

  /*
   * The batch lives in the transaction's synchronizations (not in a bound resource), so a nested
   * REQUIRES_NEW transaction gets a batch of its own and commits it with itself.
   */
  private Batch batch(boolean create) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      throw new IllegalStateException("ledger events are written only inside a transaction");
    }
    for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
      if (synchronization instanceof Batch batch && batch.chain() == this) {
        return batch;
      }
    }
    if (!create) {
      return null;
    }
    Batch batch = new Batch();
    TransactionSynchronizationManager.registerSynchronization(batch);
    return batch;
  }

  private void write(List<Row> rows) {
    if (rows.isEmpty()) {
      return;
    }
    // the serialisation point: held from here until the commit that follows
    var head = jdbc.queryForMap("select last_seq, last_hash from problem_event_chain where id = 1 for update");
    long globalSeq = ((Number) head.get("last_seq")).longValue();
    String previous = (String) head.get("last_hash");
    List<Object[]> inserts = new ArrayList<>(rows.size());
    for (Row row : rows) {
      globalSeq++;
      String globalHash = link(previous, globalSeq, row.hash());
      inserts.add(new Object[] {row.problemId(), row.seq(), row.occurredAt(), row.actor(), row.type(), row.activityId(),
          row.details(), row.prevHash(), row.hash(), globalSeq, previous, globalHash});
      previous = globalHash;
    }
    jdbc.batchUpdate("""
        insert into problem_event (problem_id, seq, occurred_at, actor, type, activity_id, details, prev_hash, hash,
                                   global_seq, global_prev_hash, global_hash)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", inserts);
    jdbc.update("update problem_event_chain set last_seq = ?, last_hash = ? where id = 1", globalSeq, previous);
  }

  private final class Batch implements TransactionSynchronization {

    final List<Row> rows = new ArrayList<>();

    GlobalEventChain chain() {
      return GlobalEventChain.this;
    }

    /** Last of the before-commit work, so the head's lock is taken as late as possible. */
    @Override
    public int getOrder() {
      return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void beforeCommit(boolean readOnly) {
      write(rows);
    }
  }
}
