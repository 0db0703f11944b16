package cn.zuofeng.rectification.audit;

import cn.zuofeng.rectification.ledger.GlobalEventChain;
import cn.zuofeng.rectification.ledger.ProblemEventLog;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Proves the ledger's history was not altered: for every problem the events must run 1, 2, 3 …
 * without a gap, each must carry the hash of its predecessor, each hash must match the row's
 * content, and there must be exactly one event per change (the problem row's version + 1); then
 * the global chain over all problems must run 1, 2, 3 … in one line of links up to the chain
 * head, so an altered, removed or appended-by-hand row is named, even the newest event of a
 * problem removed together with the problem's version.
 */
@Service
public class AuditVerifier {

  private final JdbcClient jdbc;

  AuditVerifier(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  private record Row(long problemId, String number, int version, ProblemEventLog.Event event, Long globalSeq) {}

  /** One snapshot for the whole check, so changes committed meanwhile cannot look like a broken link. */
  @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
  public ChainVerification verify() {
    var head = jdbc.sql("select last_seq, last_hash from problem_event_chain where id = 1")
        .query((rs, i) -> new Object[] {rs.getLong(1), rs.getString(2)}).single();
    ChainVerification perProblem = verifyProblems();
    if (!perProblem.intact()) {
      return perProblem;
    }
    ChainVerification global = verifyGlobal(perProblem.problemsChecked(), perProblem.eventsChecked(),
        (Long) head[0], (String) head[1]);
    return global != null ? global
        : ChainVerification.intact(perProblem.problemsChecked(), perProblem.eventsChecked(), (Long) head[0], (String) head[1]);
  }

  /** The global chain in global order: no gap, each row linked to the previous one, ending at the head. */
  private ChainVerification verifyGlobal(long problems, long events, long headSeq, String headHash) {
    var unchained = jdbc.sql("""
            select p.number, e.seq from problem_event e join problem p on p.id = e.problem_id
            where e.global_seq is null or e.global_hash is null order by e.id""")
        .query((rs, i) -> new Object[] {rs.getString(1), rs.getInt(2)}).list();
    if (!unchained.isEmpty()) {
      return ChainVerification.broken(problems, events, (String) unchained.get(0)[0], (Integer) unchained.get(0)[1], null,
          "记录不在全局链中（记录被补写）");
    }
    var state = new Object() {
      long expected = 1;
      String previous;
      ChainVerification broken;
    };
    try (var rows = jdbc.sql("""
            select e.global_seq, e.global_prev_hash, e.global_hash, e.hash, p.number, e.seq
            from problem_event e join problem p on p.id = e.problem_id order by e.global_seq""")
        .query((rs, i) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getInt(6)})
        .stream()) {
      for (var it = rows.iterator(); it.hasNext() && state.broken == null; ) {
        Object[] row = it.next();
        long globalSeq = (Long) row[0];
        String number = (String) row[4];
        Integer seq = (Integer) row[5];
        if (globalSeq != state.expected) {
          state.broken = ChainVerification.broken(problems, events, null, null, state.expected,
              "全局链缺少此条记录（记录被删除），下一条为问题 " + number + " 第 " + seq + " 条记录");
        } else if (!Objects.equals(row[1], state.previous)) {
          state.broken = ChainVerification.broken(problems, events, number, seq, globalSeq, "与全局链中前一条记录的链接不符");
        } else if (!GlobalEventChain.link(state.previous, globalSeq, (String) row[3]).equals(row[2])) {
          state.broken = ChainVerification.broken(problems, events, number, seq, globalSeq, "全局链哈希与记录不符（记录被修改）");
        }
        state.previous = (String) row[2];
        state.expected++;
      }
    }
    if (state.broken != null) {
      return state.broken;
    }
    long last = state.expected - 1;
    if (last != headSeq || !Objects.equals(state.previous, headHash)) {
      return ChainVerification.broken(problems, events, null, null, Math.max(last, headSeq),
          "全局链末尾（第 " + last + " 条）与链头记录（第 " + headSeq + " 条）不符：末尾的记录被删除或有记录被补写");
    }
    return null;
  }

  private ChainVerification verifyProblems() {
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
                   e.prev_hash, e.hash, e.global_seq
            from problem p left join problem_event e on e.problem_id = p.id
            order by p.id, e.seq""")
        .query((rs, i) -> new Row(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getObject(4) == null ? null
            : new ProblemEventLog.Event(rs.getInt(4), rs.getObject(5, OffsetDateTime.class), rs.getString(6),
                rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11)),
            rs.getObject(12) == null ? null : rs.getLong(12)))
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
          broken.set(ChainVerification.broken(state.problems, state.events, row.number(), 1, null, "问题没有任何台账记录（登记记录缺失）"));
          break;
        }
        state.events++;
        if (event.seq() != state.expectedSeq) {
          broken.set(ChainVerification.broken(state.problems, state.events, row.number(), state.expectedSeq, null,
              "缺少第 " + state.expectedSeq + " 条记录（记录被删除）"));
        } else if (!Objects.equals(event.prevHash(), state.previousHash)) {
          broken.set(ChainVerification.broken(state.problems, state.events, row.number(), event.seq(), row.globalSeq(),
              "与本问题前一条记录的链接不符"));
        } else if (!ProblemEventLog.hashOf(row.number(), event).equals(event.hash())) {
          broken.set(ChainVerification.broken(state.problems, state.events, row.number(), event.seq(), row.globalSeq(),
              "记录的内容被修改"));
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
    return ChainVerification.intact(state.problems, state.events, 0, null);
  }

  private static ChainVerification missingTail(long problems, long events, String number, int found, int version) {
    return ChainVerification.broken(problems, events, number, found + 1, null,
        "台账记录数（" + found + "）与变更次数（" + (version + 1) + "）不符：末尾的记录被删除或记录被补写");
  }
}
