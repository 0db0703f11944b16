package cn.zuofeng.rectification.supervision;

import cn.zuofeng.rectification.calendar.WorkingDayCalendar;
import cn.zuofeng.rectification.ledger.FormInput;
import cn.zuofeng.rectification.ledger.IllegalStateTransitionException;
import cn.zuofeng.rectification.ledger.LedgerService;
import cn.zuofeng.rectification.ledger.Problem;
import cn.zuofeng.rectification.ledger.ProblemNotFoundException;
import cn.zuofeng.rectification.ledger.Step;
import cn.zuofeng.rectification.ledger.SupervisionLevel;
import cn.zuofeng.rectification.ledger.UnitDirectory;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 督办: numbered supervision notices, the unit's written answers, and the level a problem's
 * supervision has reached. Every step is also recorded on the problem in the ledger (its level
 * and its event log), in the same transaction.
 */
@Service
@Transactional
public class SupervisionService {

  private static final Logger log = LoggerFactory.getLogger(SupervisionService.class);

  private final JdbcClient jdbc;
  private final LedgerService ledger;
  private final UnitDirectory units;
  private final SupervisionNumbers numbers;
  private final WorkingDayCalendar calendar;
  private final SupervisionSettings settings;
  private final Clock clock;

  SupervisionService(JdbcClient jdbc, LedgerService ledger, UnitDirectory units, SupervisionNumbers numbers,
                     WorkingDayCalendar calendar, SupervisionSettings settings, Clock clock) {
    this.jdbc = jdbc;
    this.ledger = ledger;
    this.units = units;
    this.numbers = numbers;
    this.calendar = calendar;
    this.settings = settings;
    this.clock = clock;
  }

  /** 下发督办单 at {@code level}: numbered, with its text, addressee unit and answer deadline. */
  public SupervisionNotice issue(String number, SupervisionLevel level, SupervisionReason reason, Step step) {
    Problem p = problem(number);
    LocalDate today = ledger.today();
    int year = today.getYear();
    int seq = numbers.next(year);
    String noticeNumber = "督办〔%d〕%d号".formatted(year, seq);
    LocalDate answerDue = calendar.plusWorkingDays(today, settings.answerWorkingDays());
    String unitName = units.find(p.unitCode()).map(u -> u.name()).orElse(p.unitCode());
    String text = """
        %s：
        你单位承办的问题 %s「%s」（整改时限 %s）%s%s，现予%s。请于 %s 前由单位主要负责人书面答复：未按期整改的原因、\
        下一步整改措施和承诺完成日期。逾期不答复或到期仍未整改的，将升级督办。""".formatted(
        unitName, p.number(), p.title(), p.deadline(), reason.label(),
        p.isOverdue(today) ? "，已逾期 " + ledger.overdueWorkingDays(p) + " 个工作日" : "",
        level.label(), answerDue);
    OffsetDateTime now = now();
    var keys = new GeneratedKeyHolder();
    jdbc.sql("""
            insert into supervision_notice (problem_id, notice_year, notice_seq, notice_number, level, reason, unit_code,
              text, issued_by, issued_at, answer_due)
            values (:problemId, :year, :seq, :noticeNumber, :level, :reason, :unitCode, :text, :issuedBy, :issuedAt, :answerDue)""")
        .param("problemId", p.id())
        .param("year", year)
        .param("seq", seq)
        .param("noticeNumber", noticeNumber)
        .param("level", level.name())
        .param("reason", reason.name())
        .param("unitCode", p.unitCode())
        .param("text", text)
        .param("issuedBy", step.actor())
        .param("issuedAt", now)
        .param("answerDue", answerDue)
        .update(keys, "id");
    ledger.recordSupervision(number, "SUPERVISION_ISSUED", level, step, details(
        "noticeNumber", noticeNumber, "level", level.label(), "reason", reason.label(), "unitCode", p.unitCode(),
        "answerDue", answerDue));
    log.info("problem {}: supervision notice {} ({}) issued to {}", number, noticeNumber, level, p.unitCode());
    return byId(keys.getKeyAs(Number.class).longValue());
  }

  /** 书面答复: reasons, plan and the date the unit commits to; the date may not be in the past. */
  public SupervisionNotice answer(String number, FormInput in, java.time.ZoneId zone, Step step) {
    String reasons = in.requiredText("answerReasons", "未按期整改的原因", 4000);
    String plan = in.requiredText("answerPlan", "下一步整改措施", 4000);
    LocalDate committed = in.requiredDate("committedDate", "承诺完成日期", zone);
    if (committed != null && committed.isBefore(ledger.today())) {
      in.reject("committedDate", "承诺完成日期不能早于今天（" + ledger.today() + "）");
    }
    in.throwIfInvalid();
    SupervisionNotice notice = current(number).orElseThrow(() ->
        new IllegalStateTransitionException("问题 " + number + " 没有待答复的督办单"));
    jdbc.sql("""
            update supervision_notice set answered_by = :by, answered_at = :at, answer_reasons = :reasons,
              answer_plan = :plan, committed_date = :committed
            where id = :id""")
        .param("by", step.actor())
        .param("at", now())
        .param("reasons", reasons)
        .param("plan", plan)
        .param("committed", committed)
        .param("id", notice.id())
        .update();
    ledger.recordSupervision(number, "SUPERVISION_ANSWERED", notice.level(), step, details(
        "noticeNumber", notice.noticeNumber(), "answerReasons", reasons, "answerPlan", plan, "committedDate", committed));
    return byId(notice.id());
  }

  /** 升级: the open notice is closed as escalated and the problem reaches the next level. */
  public SupervisionLevel raise(String number, String why, Step step) {
    Problem p = problem(number);
    SupervisionLevel from = p.supervisionLevel() == null ? SupervisionLevel.SUPERVISION : p.supervisionLevel();
    SupervisionLevel to = from.next();
    closeOpen(p, "ESCALATED");
    ledger.recordSupervision(number, "SUPERVISION_ESCALATED", to, step, details(
        "from", from.label(), "to", to.label(), "why", why));
    log.info("problem {}: supervision escalated {} -> {} ({})", number, from, to, why);
    return to;
  }

  /** 约谈 held by the leaders: when, with whom, what was agreed. */
  public void recordAdmonition(String number, FormInput in, java.time.ZoneId zone, Step step) {
    LocalDate heldOn = in.requiredDate("admonitionDate", "约谈日期", zone);
    String attendees = in.requiredText("admonitionAttendees", "约谈对象", 500);
    String record = in.requiredText("admonitionRecord", "约谈记录", 4000);
    if (heldOn != null && heldOn.isAfter(ledger.today())) {
      in.reject("admonitionDate", "约谈日期不能晚于今天（" + ledger.today() + "）");
    }
    in.throwIfInvalid();
    ledger.recordSupervision(number, "ADMONITION_HELD", SupervisionLevel.ADMONITION, step, details(
        "admonitionDate", heldOn, "admonitionAttendees", attendees, "admonitionRecord", record));
  }

  /** 问责审查 by the auditors; ends the supervision. */
  public void decideAccountability(String number, AccountabilityDecision decision, String opinion, Step step) {
    Problem p = problem(number);
    closeOpen(p, "ACCOUNTABILITY_REVIEWED");
    ledger.recordSupervision(number, "ACCOUNTABILITY_DECIDED", SupervisionLevel.ACCOUNTABILITY, step, details(
        "decision", decision.label(), "opinion", opinion));
  }

  /** The supervision ends: fulfilled, reviewed, or the problem was closed out. */
  public void end(String number, String reason, Step step) {
    Problem p = problem(number);
    if (p.supervisionLevel() == null && current(number).isEmpty()) {
      return;
    }
    closeOpen(p, reason);
    ledger.recordSupervision(number, "SUPERVISION_ENDED", null, step, details(
        "level", p.supervisionLevel() == null ? null : p.supervisionLevel().label(), "reason", endLabel(reason)));
  }

  /** Whether the unit has done what its answer committed to: the rectification is submitted or further. */
  @Transactional(readOnly = true)
  public boolean commitmentKept(String number) {
    return problem(number).state() != cn.zuofeng.rectification.ledger.ProblemState.RECTIFYING;
  }

  /** The notice waiting for an answer (the latest one still open). */
  @Transactional(readOnly = true)
  public Optional<SupervisionNotice> current(String number) {
    return jdbc.sql(SELECT + " where problem_id = (select id from problem where number = :number) and closed_at is null"
            + " order by id desc limit 1")
        .param("number", number)
        .query(this::map)
        .optional();
  }

  @Transactional(readOnly = true)
  public List<SupervisionNotice> noticesOf(String number) {
    return jdbc.sql(SELECT + " where problem_id = (select id from problem where number = :number) order by id")
        .param("number", number)
        .query(this::map)
        .list();
  }

  private void closeOpen(Problem p, String reason) {
    jdbc.sql("update supervision_notice set closed_at = :at, close_reason = :reason where problem_id = :id and closed_at is null")
        .param("at", now())
        .param("reason", reason)
        .param("id", p.id())
        .update();
  }

  private static String endLabel(String reason) {
    return switch (reason) {
      case "CLOSED_OUT" -> "问题已销号";
      case "FULFILLED" -> "已按承诺整改";
      case "ACCOUNTABILITY_REVIEWED" -> "问责审查完毕";
      default -> reason;
    };
  }

  private Problem problem(String number) {
    return ledger.find(number).orElseThrow(() -> new ProblemNotFoundException(number));
  }

  private SupervisionNotice byId(long id) {
    return jdbc.sql(SELECT + " where id = :id").param("id", id).query(this::map).single();
  }

  private static final String SELECT = """
      select id, notice_number, level, reason, unit_code, text, issued_by, issued_at, answer_due, answered_by,
        answered_at, answer_reasons, answer_plan, committed_date, closed_at, close_reason
      from supervision_notice""";

  private SupervisionNotice map(ResultSet rs, int row) throws SQLException {
    return new SupervisionNotice(rs.getLong("id"), rs.getString("notice_number"),
        SupervisionLevel.valueOf(rs.getString("level")), SupervisionReason.valueOf(rs.getString("reason")),
        rs.getString("unit_code"), rs.getString("text"), rs.getString("issued_by"), at(rs, "issued_at"),
        rs.getObject("answer_due", LocalDate.class), rs.getString("answered_by"), at(rs, "answered_at"),
        rs.getString("answer_reasons"), rs.getString("answer_plan"), rs.getObject("committed_date", LocalDate.class),
        at(rs, "closed_at"), rs.getString("close_reason"));
  }

  private OffsetDateTime at(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.atZoneSameInstant(clock.getZone()).toOffsetDateTime();
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
  }

  private static Map<String, Object> details(Object... pairs) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put((String) pairs[i], pairs[i + 1]);
    }
    return map;
  }
}
