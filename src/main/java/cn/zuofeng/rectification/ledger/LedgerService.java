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
  private final ExtensionRequests extensions;
  private final UnitDirectory units;
  private final Clock clock;
  private final WorkingDayCalendar calendar;
  private final DataFieldMaxValueIncrementer numbers;

  LedgerService(ProblemRepository problems, ProblemEventLog events, EvidenceStore evidence, ExtensionRequests extensions,
                UnitDirectory units, Clock clock, WorkingDayCalendar calendar, DataSource dataSource) {
    this.problems = problems;
    this.events = events;
    this.evidence = evidence;
    this.extensions = extensions;
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
        null, null, null, null, null, null, null, null, null, null, null, 0, null, null, null, null, null, 0, 0, step.actor(),
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

  /**
   * 延期申请: the unit asks for a later deadline while rectifying. Only before the deadline has
   * passed (an overdue unit answers its supervision notice with a committed date instead) and one
   * request at a time.
   */
  public ExtensionRequest requestExtension(String number, LocalDate requestedDeadline, String reason, Step step) {
    Problem p = load(number, "申请延期", ProblemState.RECTIFYING);
    var check = new FormInput(Map.of());
    if (requestedDeadline == null) {
      check.reject("requestedDeadline", "请填写申请延期至的日期");
    } else if (!requestedDeadline.isAfter(p.deadline())) {
      check.reject("requestedDeadline", "申请延期至的日期须晚于现整改时限（" + p.deadline() + "）");
    }
    if (reason == null || reason.isBlank()) {
      check.reject("reason", "请填写延期理由");
    } else if (reason.strip().length() > 2000) {
      check.reject("reason", "延期理由不能超过 2000 字");
    }
    check.throwIfInvalid();
    if (p.isOverdue(today())) {
      throw new IllegalStateTransitionException("问题 " + number + " 已超过整改时限（" + p.deadline()
          + "），不能再申请延期；请在督办答复中说明原因和承诺完成日期");
    }
    if (extensions.pending(p.id()).isPresent()) {
      throw new IllegalStateTransitionException("问题 " + number + " 已有待审批的延期申请，请等待督查组审批");
    }
    OffsetDateTime now = now();
    long id = extensions.insert(p, requestedDeadline, reason.strip(), step.actor(), now);
    change(p, "EXTENSION_REQUESTED", step, columns(), details(
        "previousDeadline", p.deadline(), "requestedDeadline", requestedDeadline, "reason", reason.strip()));
    return extensions.pending(p.id()).filter(r -> r.id() == id).orElseThrow();
  }

  /** The request waiting for a decision, if any. */
  @Transactional(readOnly = true)
  public Optional<ExtensionRequest> pendingExtension(Problem problem) {
    return extensions.pending(problem.id());
  }

  @Transactional(readOnly = true)
  public List<ExtensionRequest> extensionsOf(Problem problem) {
    return extensions.of(problem.id());
  }

  /**
   * 同意延期: the deadline moves to {@code deadline} (the warning window with it); warning and
   * overdue are recorded afresh for the new deadline.
   */
  public void approveExtension(String number, LocalDate deadline, LocalDate warningDate, String comment, Step step) {
    Problem p = load(number, "审批延期", ProblemState.RECTIFYING);
    ExtensionRequest request = pendingOrFail(p);
    if (deadline == null) {
      throw new InvalidInputException("approvedDeadline", "请填写同意延期至的日期");
    }
    if (!deadline.isAfter(p.deadline()) || deadline.isBefore(today())) {
      throw new InvalidInputException("approvedDeadline", "同意延期至的日期须晚于现整改时限（" + p.deadline() + "）且不早于今天");
    }
    OffsetDateTime now = now();
    extensions.decide(request.id(), ExtensionRequest.Status.APPROVED, step.actor(), now, blankToNull(comment), deadline);
    change(p, "EXTENSION_APPROVED", step,
        columns("deadline", deadline, "warning_date", warningDate, "warned_at", null, "overdue_at", null),
        details("previousDeadline", p.deadline(), "deadline", deadline, "requestedDeadline", request.requestedDeadline(),
            "comment", blankToNull(comment)));
  }

  /** 不同意延期: the deadline stays; the unit reads why. */
  public void refuseExtension(String number, String reason, Step step) {
    Problem p = load(number, "审批延期", ProblemState.RECTIFYING);
    ExtensionRequest request = pendingOrFail(p);
    String why = required("extensionComment", "不同意延期的理由", reason);
    extensions.decide(request.id(), ExtensionRequest.Status.REFUSED, step.actor(), now(), why, null);
    change(p, "EXTENSION_REFUSED", step, columns(), details(
        "deadline", p.deadline(), "requestedDeadline", request.requestedDeadline(), "comment", why));
  }

  private ExtensionRequest pendingOrFail(Problem p) {
    return extensions.pending(p.id()).orElseThrow(() ->
        new IllegalStateTransitionException("问题 " + p.number() + " 没有待审批的延期申请"));
  }

  /**
   * 催办: one more reminder while the problem is overdue and still with the unit. Returns false
   * (nothing recorded) once it is no longer overdue or waits for acceptance.
   */
  public boolean recordReminder(String number, Step step) {
    Problem p = problems.findByNumber(number).orElseThrow(() -> new ProblemNotFoundException(number));
    if (p.state() != ProblemState.RECTIFYING || !p.isOverdue(today())) {
      return false;
    }
    change(p, "REMINDED", step, columns("reminder_count", p.reminderCount() + 1),
        details("reminder", p.reminderCount() + 1, "deadline", p.deadline(), "overdueWorkingDays", overdueWorkingDays(p)));
    return true;
  }

  /** 阶段性进展 of a LONG_TERM problem. */
  public void recordProgress(String number, String progress, Step step) {
    Problem p = load(number, "报送阶段性进展", ProblemState.RECTIFYING);
    String text = required("progress", "阶段性进展", progress);
    if (text.length() > 4000) {
      throw new InvalidInputException("progress", "阶段性进展不能超过 4000 字");
    }
    change(p, "PROGRESS_REPORTED", step, columns("progress_report_count", p.progressReportCount() + 1),
        details("report", p.progressReportCount() + 1, "progress", text));
  }

  /**
   * 督办: records a supervision step on the problem (its event and, when given, the level it has
   * reached, which the ledger shows). {@code level} null ends the supervision.
   */
  public void recordSupervision(String number, String eventType, SupervisionLevel level, Step step,
                                Map<String, ?> details) {
    Problem p = problems.findByNumber(number).orElseThrow(() -> new ProblemNotFoundException(number));
    if (p.state() == ProblemState.REGISTERED || p.state() == ProblemState.DISMISSED) {
      throw new IllegalStateTransitionException(number, p.state(), "督办");
    }
    change(p, eventType, step, columns("supervision_level", level), details);
  }

  /** 不予立项. */
  public void dismiss(String number, String reason, Step step) {
    Problem p = load(number, "不予立项", ProblemState.REGISTERED);
    change(p, "DISMISSED", step, columns("state", ProblemState.DISMISSED, "dismiss_reason", required("dismissReason", "不予立项理由", reason)));
  }

  /** 签收: a unit member claimed the rectification task; {@code owner} null when it was given back. */
  public void recordClaim(String number, String owner, Step step) {
    Problem p = load(number, "签收", ProblemState.RECTIFYING);
    if (owner != null && owner.equals(p.owner())) {
      return; // the claim given back to its owner after the deadline moved: nothing new
    }
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
    var pendingExtension = extensions.pending(p.id());
    pendingExtension.ifPresent(request ->
        extensions.decide(request.id(), ExtensionRequest.Status.WITHDRAWN, step.actor(), now, "整改已提交", null));
    change(p, "RECTIFICATION_SUBMITTED", step, columns(
        "state", ProblemState.PENDING_ACCEPTANCE,
        "measures", required("measures", "整改措施", report.measures()),
        "result", required("result", "整改结果", report.result()),
        "rectified_at", now,
        "owner", p.owner() == null ? step.actor() : p.owner()),
        details("measures", report.measures(), "result", report.result(),
            "evidence", report.evidence().stream().map(EvidenceFile::fileName).toList(),
            "extensionWithdrawn", pendingExtension.map(ExtensionRequest::requestedDeadline).orElse(null)));
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

  /**
   * Every problem the search finds (page and size ignored), newest first, one at a time as they
   * are read, so exports of any size keep a flat heap. Runs in the caller's transaction when there
   * is one (an export's snapshot), else in a read-only one of its own.
   */
  @Transactional(readOnly = true)
  public void forEachMatching(ProblemSearch search, java.util.function.Consumer<Problem> each) {
    problems.forEach(search, today(), each);
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

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
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
