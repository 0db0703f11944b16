package cn.zuofeng.rectification.ledger;

import cn.zuofeng.rectification.calendar.WorkingDayCalendar;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.support.incrementer.DataFieldMaxValueIncrementer;
import org.springframework.jdbc.support.incrementer.H2SequenceMaxValueIncrementer;
import org.springframework.jdbc.support.incrementer.PostgresSequenceMaxValueIncrementer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The ledger's one writer. Every change checks the problem's state, writes the row under its
 * version guard and appends to the event log, all in the caller's transaction (for process
 * steps: the engine's), so the ledger and the process never disagree.
 */
@Service
@Transactional
public class LedgerService {

  private static final Logger log = LoggerFactory.getLogger(LedgerService.class);

  private final ProblemRepository problems;
  private final ProblemEventLog events;
  private final EvidenceStore evidence;
  private final UnitDirectory units;
  private final Clock clock;
  private final WorkingDayCalendar calendar;
  private final DataFieldMaxValueIncrementer numbers;

  LedgerService(ProblemRepository problems, ProblemEventLog events, EvidenceStore evidence, UnitDirectory units,
                Clock clock, WorkingDayCalendar calendar, DataSource dataSource) {
    this.problems = problems;
    this.events = events;
    this.evidence = evidence;
    this.units = units;
    this.clock = clock;
    this.calendar = calendar;
    this.numbers = numberSequence(dataSource);
  }

  /** 登记: writes a new problem awaiting review and returns it with its number. */
  public Problem register(RegisterProblem command, Step step, String processInstanceId) {
    if (command.discoveredOn().isAfter(today())) {
      throw new InvalidInputException("discoveredOn", "发现日期不能晚于今天（" + today() + "）");
    }
    OffsetDateTime now = now();
    String number = "WT-%d-%06d".formatted(today().getYear(), numbers.nextLongValue());
    var problem = new Problem(0, number, command.title(), command.description(), command.source(),
        command.category(), command.discoveredOn(), command.suggestedUnit(), ProblemState.REGISTERED, null, null,
        null, null, null, null, null, null, null, null, null, null, null, 0, null, null, null, null, step.actor(),
        now, now, processInstanceId, 0);
    Problem saved = problem.withId(problems.insert(problem));
    events.append(saved, "REGISTERED", step, now, details(
        "title", command.title(), "source", command.source(), "category", command.category(),
        "discoveredOn", command.discoveredOn(), "suggestedUnit", command.suggestedUnit()));
    log.info("problem {} registered by {} (id {})", number, step.actor(), saved.id());
    return saved;
  }

  /** 交办: assigns the unit, severity, type and deadline. */
  public void assign(String number, AssignProblem command, Step step) {
    Problem p = load(number, "交办", ProblemState.REGISTERED);
    if (units.find(command.unitCode()).isEmpty()) {
      throw new InvalidInputException("unitCode", "责任单位「" + command.unitCode() + "」不存在");
    }
    if (command.deadline() == null) {
      throw new InvalidInputException("deadline", "请填写整改时限");
    }
    if (command.deadline().isBefore(today())) {
      throw new InvalidInputException("deadline", "整改时限不能早于今天（" + today() + "）");
    }
    change(p, "ASSIGNED", step, columns(
        "state", ProblemState.RECTIFYING, "unit_code", command.unitCode(), "severity", command.severity(),
        "rectification_type", command.rectificationType(), "deadline", command.deadline(),
        "warning_date", command.warningDate()));
  }

  /** 预警: the warning window has begun; recorded once per deadline, and only while it runs. */
  public boolean recordWarning(String number, Step step) {
    return recordOnce(number, "WARNED", "warned_at", Problem::warnedAt, step);
  }

  /** 逾期: the deadline has passed before acceptance; recorded once per deadline. */
  public boolean recordOverdue(String number, Step step) {
    return recordOnce(number, "OVERDUE", "overdue_at", Problem::overdueAt, step);
  }

  private boolean recordOnce(String number, String eventType, String column,
                             java.util.function.Function<Problem, OffsetDateTime> recorded, Step step) {
    Problem p = problems.findByNumber(number).orElseThrow(() -> new ProblemNotFoundException(number));
    if (!ProblemState.DEADLINE_RUNNING.contains(p.state()) || recorded.apply(p) != null) {
      return false;
    }
    change(p, eventType, step, columns(column, now()),
        details("deadline", p.deadline(), "warningDate", p.warningDate(), "unitCode", p.unitCode()));
    return true;
  }

  /** Working days past the deadline on {@code today}; 0 when not overdue. */
  public int overdueWorkingDays(Problem problem) {
    LocalDate today = today();
    return problem.isOverdue(today) ? Math.max(0, calendar.workingDaysBetween(problem.deadline(), today)) : 0;
  }

  /** 不予立项. */
  public void dismiss(String number, String reason, Step step) {
    Problem p = load(number, "不予立项", ProblemState.REGISTERED);
    change(p, "DISMISSED", step, columns("state", ProblemState.DISMISSED, "dismiss_reason", required("dismissReason", "不予立项理由", reason)));
  }

  /** 签收: a unit member claimed the rectification task; {@code owner} null when it was given back. */
  public void recordClaim(String number, String owner, Step step) {
    Problem p = load(number, "签收", ProblemState.RECTIFYING);
    if (owner == null) {
      change(p, "UNCLAIMED", step, columns("owner", null));
    } else {
      change(p, "CLAIMED", step, columns("owner", owner, "claimed_at", p.claimedAt() == null ? now() : p.claimedAt()));
    }
  }

  /** 提交整改: measures, result and evidence; the problem waits for acceptance. */
  public void submitRectification(String number, RectificationReport report, Step step) {
    Problem p = load(number, "提交整改", ProblemState.RECTIFYING);
    var check = new FormInput(Map.of());
    EvidenceStore.check(report.evidence(), check);
    check.throwIfInvalid();
    OffsetDateTime now = now();
    change(p, "RECTIFICATION_SUBMITTED", step, columns(
        "state", ProblemState.PENDING_ACCEPTANCE,
        "measures", required("measures", "整改措施", report.measures()),
        "result", required("result", "整改结果", report.result()),
        "rectified_at", now,
        "owner", p.owner() == null ? step.actor() : p.owner()),
        details("measures", report.measures(), "result", report.result(),
            "evidence", report.evidence().stream().map(EvidenceFile::fileName).toList()));
    evidence.save(p, report.evidence(), step, now);
  }

  /** 验收通过. */
  public void accept(String number, Step step) {
    Problem p = load(number, "验收", ProblemState.PENDING_ACCEPTANCE);
    change(p, "ACCEPTED", step, columns("state", ProblemState.PENDING_CLOSE_OUT, "accepted_at", now()));
  }

  /** 退回整改: back to the unit with the reasons, which its next form shows. */
  public void reject(String number, String reason, Step step) {
    Problem p = load(number, "退回整改", ProblemState.PENDING_ACCEPTANCE);
    change(p, "REJECTED", step, columns(
        "state", ProblemState.RECTIFYING,
        "rejection_count", p.rejectionCount() + 1,
        "last_rejection_reason", required("rejectionReason", "退回理由", reason)));
  }

  /** 销号. */
  public void approveCloseOut(String number, Step step) {
    Problem p = load(number, "销号", ProblemState.PENDING_CLOSE_OUT);
    change(p, "CLOSED_OUT", step, columns("state", ProblemState.CLOSED, "closed_at", now()));
  }

  /** 销号退回: the leader sends the problem back to acceptance. */
  public void sendBackCloseOut(String number, String comment, Step step) {
    Problem p = load(number, "退回销号", ProblemState.PENDING_CLOSE_OUT);
    change(p, "CLOSE_OUT_SENT_BACK", step, columns(
        "state", ProblemState.PENDING_ACCEPTANCE,
        "accepted_at", null,
        "close_out_comment", required("closeOutComment", "退回意见", comment)));
  }

  @Transactional(readOnly = true)
  public Optional<Problem> find(String number) {
    return problems.findByNumber(number);
  }

  /** Open and overdue problems per unit, counted in one query. */
  @Transactional(readOnly = true)
  public List<OpenProblems> openByUnit() {
    return problems.openByUnit(today());
  }

  @Transactional(readOnly = true)
  public ProblemPage search(ProblemSearch search) {
    return problems.search(search, today());
  }

  @Transactional(readOnly = true)
  public List<ProblemEventLog.Event> eventsOf(Problem problem) {
    return events.eventsOf(problem.id());
  }

  @Transactional(readOnly = true)
  public List<EvidenceStore.StoredEvidence> evidenceOf(Problem problem) {
    return evidence.listOf(problem.id());
  }

  @Transactional(readOnly = true)
  public Optional<EvidenceFile> evidenceContent(Problem problem, long evidenceId) {
    return evidence.content(problem.id(), evidenceId);
  }

  public LocalDate today() {
    return LocalDate.now(clock);
  }

  private void change(Problem p, String eventType, Step step, Map<String, Object> columns) {
    change(p, eventType, step, columns, columns);
  }

  private void change(Problem p, String eventType, Step step, Map<String, Object> columns, Map<String, ?> details) {
    OffsetDateTime now = now();
    problems.update(p, columns, now);
    events.append(p, eventType, step, now, details);
    log.info("problem {}: {} by {}", p.number(), eventType, step.actor());
  }

  private Problem load(String number, String action, ProblemState... allowed) {
    Problem p = problems.findByNumber(number).orElseThrow(() -> new ProblemNotFoundException(number));
    if (!EnumSet.of(allowed[0], allowed).contains(p.state())) {
      throw new IllegalStateTransitionException(number, p.state(), action);
    }
    return p;
  }

  private static String required(String field, String label, String text) {
    if (text == null || text.isBlank()) {
      throw new InvalidInputException(field, "请填写" + label);
    }
    return text.strip();
  }

  /** Column → value pairs in order; values may be null (a cleared column). */
  private static Map<String, Object> columns(Object... pairs) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put((String) pairs[i], pairs[i + 1]);
    }
    return map;
  }

  private static Map<String, Object> details(Object... pairs) {
    return columns(pairs);
  }

  /** Microseconds: what PostgreSQL stores, so a re-read timestamp hashes the same. */
  private OffsetDateTime now() {
    return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
  }

  private static DataFieldMaxValueIncrementer numberSequence(DataSource dataSource) {
    try (Connection connection = dataSource.getConnection()) {
      String product = connection.getMetaData().getDatabaseProductName();
      return product.toLowerCase().contains("postgres")
          ? new PostgresSequenceMaxValueIncrementer(dataSource, "problem_number_seq")
          : new H2SequenceMaxValueIncrementer(dataSource, "problem_number_seq");
    } catch (SQLException e) {
      throw new IllegalStateException("cannot determine the database product", e);
    }
  }
}
