package cn.zuofeng.rectification.audit;

import cn.zuofeng.rectification.ledger.ProblemEventLog;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Proves the ledger's history was not altered: for every problem the events must run 1, 2, 3 …
 * without a gap, each must carry the hash of its predecessor, each hash must match the row's
 * content, and there must be exactly one event per change (the problem row's version + 1), so
 * an altered, removed or appended-by-hand row is named.
 */
@Service
public class AuditVerifier {

  private final JdbcClient jdbc;

  AuditVerifier(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  private record Row(long problemId, String number, int version, ProblemEventLog.Event event) {}

  @Transactional(readOnly = true)
  public ChainVerification verify() {
    var state = new Object() {
      long problems;
      long events;
      long currentProblem = -1;
      String currentNumber;
      int currentVersion;
      int expectedSeq;
      String previousHash;
    };
    AtomicReference<ChainVerification> broken = new AtomicReference<>();
    try (var rows = jdbc.sql("""
            select p.id, p.number, p.version, e.seq, e.occurred_at, e.actor, e.type, e.activity_id, e.details,
                   e.prev_hash, e.hash
            from problem p left join problem_event e on e.problem_id = p.id
            order by p.id, e.seq""")
        .query((rs, i) -> new Row(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getObject(4) == null ? null
            : new ProblemEventLog.Event(rs.getInt(4), rs.getObject(5, OffsetDateTime.class), rs.getString(6),
                rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11))))
        .stream()) {
      for (var it = rows.iterator(); it.hasNext() && broken.get() == null; ) {
        Row row = it.next();
        if (row.problemId() != state.currentProblem) {
          if (state.currentProblem != -1 && state.expectedSeq - 1 != state.currentVersion + 1) {
            broken.set(missingTail(state.problems, state.events, state.currentNumber, state.expectedSeq - 1, state.currentVersion));
            break;
          }
          state.problems++;
          state.currentProblem = row.problemId();
          state.currentNumber = row.number();
          state.currentVersion = row.version();
          state.expectedSeq = 1;
          state.previousHash = null;
        }
        var event = row.event();
        if (event == null) {
          broken.set(ChainVerification.broken(state.problems, state.events, row.number(), 1, "问题没有任何台账记录（登记记录缺失）"));
          break;
        }
        state.events++;
        if (event.seq() != state.expectedSeq) {
          broken.set(ChainVerification.broken(state.problems, state.events, row.number(), state.expectedSeq,
              "缺少第 " + state.expectedSeq + " 条记录（记录被删除）"));
        } else if (!Objects.equals(event.prevHash(), state.previousHash)) {
          broken.set(ChainVerification.broken(state.problems, state.events, row.number(), event.seq(),
              "第 " + event.seq() + " 条记录与前一条记录的链接不符"));
        } else if (!ProblemEventLog.hashOf(row.number(), event).equals(event.hash())) {
          broken.set(ChainVerification.broken(state.problems, state.events, row.number(), event.seq(),
              "第 " + event.seq() + " 条记录的内容被修改"));
        }
        state.expectedSeq++;
        state.previousHash = event.hash();
      }
    }
    if (broken.get() != null) {
      return broken.get();
    }
    if (state.currentProblem != -1 && state.expectedSeq - 1 != state.currentVersion + 1) {
      return missingTail(state.problems, state.events, state.currentNumber, state.expectedSeq - 1, state.currentVersion);
    }
    return new ChainVerification(true, state.problems, state.events, null, null, null);
  }

  private static ChainVerification missingTail(long problems, long events, String number, int found, int version) {
    return ChainVerification.broken(problems, events, number, found + 1,
        "台账记录数（" + found + "）与变更次数（" + (version + 1) + "）不符：末尾的记录被删除或记录被补写");
  }
}
