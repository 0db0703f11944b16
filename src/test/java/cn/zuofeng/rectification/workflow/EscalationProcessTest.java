package cn.zuofeng.rectification.workflow;

import static cn.zuofeng.rectification.workflow.ProcessIds.ACCEPT_RECTIFICATION;
import static cn.zuofeng.rectification.workflow.ProcessIds.ANSWER_SUPERVISION;
import static cn.zuofeng.rectification.workflow.ProcessIds.APPROVE_CLOSE_OUT;
import static cn.zuofeng.rectification.workflow.ProcessIds.DECIDE_EXTENSION;
import static cn.zuofeng.rectification.workflow.ProcessIds.HOLD_ADMONITION;
import static cn.zuofeng.rectification.workflow.ProcessIds.RECTIFY;
import static cn.zuofeng.rectification.workflow.ProcessIds.REPORT_PROGRESS;
import static cn.zuofeng.rectification.workflow.ProcessIds.REVIEW_ACCOUNTABILITY;
import static cn.zuofeng.rectification.workflow.ProcessIds.REVIEW_AND_ASSIGN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.zuofeng.rectification.ledger.ExtensionRequest;
import cn.zuofeng.rectification.ledger.IllegalStateTransitionException;
import cn.zuofeng.rectification.ledger.InvalidInputException;
import cn.zuofeng.rectification.ledger.ProblemEventLog;
import cn.zuofeng.rectification.ledger.SupervisionLevel;
import cn.zuofeng.rectification.supervision.SupervisionNotice;
import cn.zuofeng.rectification.supervision.SupervisionService;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What happens after the deadline, and around it: 催办 while overdue, 延期申请 approved and refused,
 * 督办 from its first notice through every level to 问责, an answered supervision, repeated
 * rejections, LONG_TERM progress reports, and a close-out that ends a running supervision. The
 * clock is moved and due jobs executed; every path is checked in the process, the ledger and the
 * notices.
 */
class EscalationProcessTest extends ProcessTestSupport {

  @Autowired ManagementService management;
  @Autowired ExtensionRequestService extensions;
  @Autowired SupervisionService supervision;
  @Autowired JdbcClient jdbc;

  @Test
  void overdueProblemIsRemindedEveryFewWorkingDaysUntilItIsAccepted() {
    String number = overdueProblem("办件超期未办结");

    assertThat(notices(number)).contains("OVERDUE→unit-fgw", "OVERDUE→supervisors", "WARNING→unit-fgw");
    // Fri 11-27 + 3 working days = Wed 12-02, at the start of the office day
    assertThat(jobDueDates(number, ProcessIds.REMINDER_TIMER)).containsExactly(at("2026-12-02T09:00:00+08:00"));

    moveClockTo("2026-12-02T09:00:01+08:00");
    executeDueJobs(number);
    assertThat(problem(number).reminderCount()).isEqualTo(1);
    assertThat(noticeTitles(number, "REMINDER")).containsExactly("问题 " + number + " 已逾期 4 个工作日（第 1 次催办）");
    assertThat(jobDueDates(number, ProcessIds.REMINDER_TIMER)).containsExactly(at("2026-12-07T09:00:00+08:00"));

    moveClockTo("2026-12-07T09:00:01+08:00");
    executeDueJobs(number);
    assertThat(problem(number).reminderCount()).isEqualTo(2);

    rectify(number, "fgw-zhao", "unit-fgw", Map.of("measures", "专人督办", "result", "已全部办结"));
    moveClockTo("2026-12-10T09:00:01+08:00");
    executeDueJobs(number);
    assertThat(problem(number).reminderCount()).as("no reminder while it waits for acceptance").isEqualTo(2);
    complete(number, ACCEPT_RECTIFICATION, "supervisor", "supervisors", Map.of("acceptanceDecision", "ACCEPT"));
    moveClockTo("2026-12-16T09:00:01+08:00");
    executeDueJobs(number);
    BpmnAwareTests.assertThat(instance(number)).hasPassed("EndEvent_RemindersStopped");
    assertThat(jobDueDates(number, ProcessIds.REMINDER_TIMER)).isEmpty();
    assertThat(noticeTitles(number, "REMINDER")).hasSize(2);
  }

  @Test
  void unansweredSupervisionRisesThroughEveryLevelToAnAccountabilityReview() {
    String number = overdueProblem("违规收费");
    SupervisionNotice first = supervision.current(number).orElseThrow();
    assertThat(first.noticeNumber()).matches("督办〔2026〕\\d+号");
    assertThat(first.level()).isEqualTo(SupervisionLevel.SUPERVISION);
    assertThat(first.unitCode()).isEqualTo("fgw");
    assertThat(first.answerDue()).as("Fri 11-27 + 3 working days").isEqualTo("2026-12-02");
    assertThat(first.text()).contains(number, "违规收费", "逾期未完成整改", "2026-12-02");
    assertThat(problem(number).supervisionLevel()).isEqualTo(SupervisionLevel.SUPERVISION);
    assertThat(task(number, ANSWER_SUPERVISION).getName()).isEqualTo("书面答复督办：违规收费");
    assertThat(task(number, ANSWER_SUPERVISION).getDueDate()).isEqualTo(at("2026-12-02T23:59:59+08:00"));

    moveClockTo("2026-12-03T00:00:01+08:00");
    executeDueJobs(number);
    SupervisionNotice listed = supervision.current(number).orElseThrow();
    assertThat(listed.level()).isEqualTo(SupervisionLevel.LISTED);
    assertThat(seq(listed)).as("numbered without a gap").isEqualTo(seq(first) + 1);
    assertThat(problem(number).supervisionLevel()).isEqualTo(SupervisionLevel.LISTED);

    moveClockTo("2026-12-09T00:00:01+08:00");
    executeDueJobs(number);
    assertThat(problem(number).supervisionLevel()).isEqualTo(SupervisionLevel.ADMONITION);
    assertThat(task(number, ANSWER_SUPERVISION)).as("the leaders talk first").isNull();
    complete(number, HOLD_ADMONITION, "leader", "leaders", Map.of("admonitionDate", "2026-12-09",
        "admonitionAttendees", "市发展改革委主任", "admonitionRecord", "指出问题，限期整改"));
    SupervisionNotice afterTalk = supervision.current(number).orElseThrow();
    assertThat(afterTalk.level()).isEqualTo(SupervisionLevel.ADMONITION);
    assertThat(seq(afterTalk)).isEqualTo(seq(listed) + 1);

    moveClockTo("2026-12-15T00:00:01+08:00");
    executeDueJobs(number);
    assertThat(problem(number).supervisionLevel()).isEqualTo(SupervisionLevel.ACCOUNTABILITY);
    assertThat(notices(number)).contains("ACCOUNTABILITY→auditors");
    assertThat(task(number, REVIEW_ACCOUNTABILITY).getName()).isEqualTo("问责审查：违规收费");
    assertThatThrownBy(() -> complete(number, REVIEW_ACCOUNTABILITY, "auditor", "auditors", Map.of(
        "accountabilityDecision", "HOLD_ACCOUNTABLE")))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("请填写审查意见");
    complete(number, REVIEW_ACCOUNTABILITY, "auditor", "auditors", Map.of(
        "accountabilityDecision", "HOLD_ACCOUNTABLE", "accountabilityOpinion", "对分管负责人诫勉谈话"));

    assertThat(supervisionInstance(number)).as("the supervision has ended").isNull();
    assertThat(problem(number).supervisionLevel()).isNull();
    assertThat(eventTypes(number)).containsSubsequence("OVERDUE", "SUPERVISION_ISSUED", "SUPERVISION_ESCALATED",
        "SUPERVISION_ISSUED", "SUPERVISION_ESCALATED", "ADMONITION_HELD", "SUPERVISION_ISSUED", "SUPERVISION_ESCALATED",
        "ACCOUNTABILITY_DECIDED", "SUPERVISION_ENDED");
    assertThat(noticeTitles(number, "ESCALATION")).containsExactlyInAnyOrder(
        "问题 " + number + " 升级为挂牌督办", "问题 " + number + " 升级为挂牌督办",
        "问题 " + number + " 升级为约谈", "问题 " + number + " 升级为约谈",
        "问题 " + number + " 升级为问责", "问题 " + number + " 升级为问责");
    assertThat(lastDetails(number, "ACCOUNTABILITY_DECIDED")).contains("予以问责", "对分管负责人诫勉谈话");
    assertThat(lastActor(number, "ACCOUNTABILITY_DECIDED")).isEqualTo("auditor");
  }

  @Test
  void anAnsweredSupervisionEndsWhenTheUnitKeepsItsCommittedDate() {
    String number = overdueProblem("政务公开不及时");
    assertThatThrownBy(() -> complete(number, ANSWER_SUPERVISION, "fgw-zhao", "unit-fgw", Map.of(
        "answerReasons", "人手不足", "answerPlan", "抽调专人", "committedDate", "2026-11-20")))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("承诺完成日期不能早于今天");
    assertThat(supervision.current(number).orElseThrow().answered()).as("nothing saved").isFalse();

    complete(number, ANSWER_SUPERVISION, "fgw-zhao", "unit-fgw", Map.of(
        "answerReasons", "人手不足", "answerPlan", "抽调专人，每日调度", "committedDate", "2026-12-04"));
    SupervisionNotice answered = supervision.current(number).orElseThrow();
    assertThat(answered.answeredBy()).isEqualTo("fgw-zhao");
    assertThat(answered.committedDate()).isEqualTo("2026-12-04");
    assertThat(jobDueDates(number, ProcessIds.COMMITTED_DATE_TIMER)).containsExactly(at("2026-12-04T23:59:59+08:00"));

    rectify(number, "fgw-zhao", "unit-fgw", Map.of("measures", "网站栏目更新", "result", "已公开"));
    moveClockTo("2026-12-05T00:00:01+08:00");
    executeDueJobs(number);
    assertThat(supervisionInstance(number)).isNull();
    assertThat(problem(number).supervisionLevel()).isNull();
    assertThat(lastDetails(number, "SUPERVISION_ENDED")).contains("已按承诺整改");
    assertThat(eventTypes(number)).doesNotContain("SUPERVISION_ESCALATED");
  }

  @Test
  void aBrokenCommitmentRaisesTheSupervisionLevel() {
    String number = overdueProblem("惠企政策兑现慢");
    complete(number, ANSWER_SUPERVISION, "fgw-zhao", "unit-fgw", Map.of(
        "answerReasons", "资金未到位", "answerPlan", "协调财政", "committedDate", "2026-12-04"));
    moveClockTo("2026-12-05T00:00:01+08:00");
    executeDueJobs(number);
    assertThat(problem(number).supervisionLevel()).isEqualTo(SupervisionLevel.LISTED);
    assertThat(lastDetails(number, "SUPERVISION_ESCALATED")).contains("到承诺完成日期仍未整改");
  }

  @Test
  void closingTheProblemOutEndsItsSupervisionAndReminders() {
    String number = overdueProblem("证明材料过多");
    assertThat(supervisionInstance(number)).isNotNull();
    rectify(number, "fgw-zhao", "unit-fgw", Map.of("measures", "取消 5 项证明", "result", "已取消"));
    complete(number, ACCEPT_RECTIFICATION, "supervisor", "supervisors", Map.of("acceptanceDecision", "ACCEPT"));
    complete(number, APPROVE_CLOSE_OUT, "leader", "leaders", Map.of("closeOutDecision", "APPROVE"));

    assertThat(instance(number)).isNull();
    assertThat(supervisionInstance(number)).isNull();
    assertThat(management.createJobQuery().processInstanceId(processInstanceId(number)).count()).isZero();
    assertThat(problem(number).supervisionLevel()).isNull();
    assertThat(lastDetails(number, "SUPERVISION_ENDED")).contains("问题已销号");
    assertThat(lastActor(number, "SUPERVISION_ENDED")).isEqualTo("leader");
    assertThat(eventTypes(number)).endsWith("CLOSED_OUT", "SUPERVISION_ENDED");
  }

  @Test
  void anApprovedExtensionMovesTheDeadlineTheDueDateAndTheTimers() {
    String number = register("项目审批拖延");
    assignByPolicy(number, "SERIOUS", "TIME_LIMITED");
    claim(number, "fgw-zhao", "unit-fgw");
    List<String> oldTimers = timers(number).stream().map(Job::getId).toList();
    assertThat(jobDueDates(number, ProcessIds.WARNING_TIMER)).containsExactly(at("2026-12-14T09:00:00+08:00"));

    ExtensionRequest request = as("fgw-zhao", "unit-fgw", () ->
        extensions.request(number, LocalDate.parse("2026-12-31"), "需等待上级批复", "fgw-zhao"));
    assertThat(request.status()).isEqualTo(ExtensionRequest.Status.PENDING);
    assertThat(notices(number)).contains("EXTENSION_REQUESTED→supervisors");
    assertThat(task(number, DECIDE_EXTENSION).getName()).isEqualTo("审批延期申请：项目审批拖延");
    assertThatThrownBy(() -> extensions.request(number, LocalDate.parse("2027-01-08"), "再延", "fgw-zhao"))
        .isInstanceOf(IllegalStateTransitionException.class).hasMessageContaining("已有待审批的延期申请");

    complete(number, DECIDE_EXTENSION, "supervisor", "supervisors", Map.of(
        "extensionDecision", "APPROVE", "approvedDeadline", "2026-12-31", "extensionComment", "同意"));

    assertThat(problem(number).deadline()).isEqualTo("2026-12-31");
    assertThat(problem(number).warningDate()).as("the policy's 5 working days before").isEqualTo("2026-12-24");
    var rectify = task(number, RECTIFY);
    assertThat(rectify.getDueDate()).isEqualTo(at("2026-12-31T23:59:59+08:00"));
    assertThat(rectify.getFollowUpDate()).isEqualTo(at("2026-12-24T09:00:00+08:00"));
    assertThat(rectify.getAssignee()).as("the claim stays with its owner").isEqualTo("fgw-zhao");
    assertThat(timers(number)).extracting(Job::getId).doesNotContainAnyElementsOf(oldTimers);
    assertThat(jobDueDates(number, ProcessIds.WARNING_TIMER)).containsExactly(at("2026-12-24T09:00:00+08:00"));
    assertThat(jobDueDates(number, ProcessIds.OVERDUE_TIMER)).containsExactly(at("2026-12-31T23:59:59+08:00"));
    assertThat(noticeTitles(number, "EXTENSION_DECIDED")).containsExactly("问题 " + number + " 延期申请已同意");
    assertThat(ledger.extensionsOf(problem(number))).extracting(ExtensionRequest::status)
        .containsExactly(ExtensionRequest.Status.APPROVED);

    moveClockTo("2026-12-14T09:00:01+08:00");
    executeDueJobs(number);
    assertThat(problem(number).warnedAt()).as("the old warning date passes silently").isNull();
    moveClockTo("2026-12-24T09:00:01+08:00");
    executeDueJobs(number);
    assertThat(problem(number).warnedAt()).isNotNull();
    assertThat(eventTypes(number)).containsSubsequence("EXTENSION_REQUESTED", "EXTENSION_APPROVED", "WARNED")
        .containsOnlyOnce("CLAIMED");
  }

  @Test
  void aRefusedExtensionKeepsTheDeadlineAndBadRequestsAreRefusedWithTheirField() {
    String number = register("窗口服务态度差");
    assignByPolicy(number, "SERIOUS", "TIME_LIMITED");
    assertThatThrownBy(() -> extensions.request(number, LocalDate.parse("2026-12-21"), "理由", "fgw-zhao"))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors()).extracting("field")
            .containsExactly("requestedDeadline"));
    assertThatThrownBy(() -> extensions.request(number, LocalDate.parse("2026-12-28"), " ", "fgw-zhao"))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors()).extracting("field")
            .containsExactly("reason"));
    assertThat(task(number, DECIDE_EXTENSION)).as("nothing half-done").isNull();
    List<String> timersBefore = timers(number).stream().map(Job::getId).sorted().toList();

    extensions.request(number, LocalDate.parse("2026-12-28"), "需要协调", "fgw-zhao");
    assertThatThrownBy(() -> complete(number, DECIDE_EXTENSION, "supervisor", "supervisors", Map.of(
        "extensionDecision", "REFUSE")))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("请填写不同意延期的理由");
    complete(number, DECIDE_EXTENSION, "supervisor", "supervisors", Map.of(
        "extensionDecision", "REFUSE", "extensionComment", "时限已充分"));

    assertThat(problem(number).deadline()).isEqualTo("2026-12-21");
    assertThat(timers(number).stream().map(Job::getId).sorted().toList()).as("the same timers").isEqualTo(timersBefore);
    assertThat(noticeTitles(number, "EXTENSION_DECIDED")).containsExactly("问题 " + number + " 延期申请未同意");
    assertThat(lastDetails(number, "EXTENSION_REFUSED")).contains("时限已充分");

    moveClockTo("2026-12-22T00:00:01+08:00");
    executeDueJobs(number);
    assertThatThrownBy(() -> extensions.request(number, LocalDate.parse("2027-01-15"), "来不及", "fgw-zhao"))
        .isInstanceOf(IllegalStateTransitionException.class).hasMessageContaining("已超过整改时限");
  }

  @Test
  void theSecondRejectionStartsASupervision() {
    String number = register("整改材料不实");
    assignByPolicy(number, "GENERAL", "TIME_LIMITED");
    rectify(number, "fgw-zhao", "unit-fgw", Map.of("measures", "补充材料", "result", "已补充"));
    reject(number, "材料不全");
    assertThat(supervisionInstance(number)).isNull();
    rectify(number, "fgw-zhao", "unit-fgw", Map.of("measures", "再次补充", "result", "已补充"));
    reject(number, "仍不完整");

    assertThat(supervisionInstance(number)).isNotNull();
    SupervisionNotice notice = supervision.current(number).orElseThrow();
    assertThat(notice.text()).contains("整改多次验收未通过");
    BpmnAwareTests.assertThat(instance(number)).isWaitingAt(RECTIFY);

    rectify(number, "fgw-zhao", "unit-fgw", Map.of("measures", "第三次", "result", "已补充"));
    reject(number, "还是不行");
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(ProcessIds.SUPERVISION)
        .processInstanceBusinessKey(number).count()).as("one supervision at a time").isEqualTo(1);
  }

  @Test
  void aLongTermProblemReportsProgressEveryMonthUntilItIsRectified() {
    String number = register("老旧小区改造");
    assignByPolicy(number, "MAJOR", "LONG_TERM");
    // a month after Mon 11-23 is Wed 12-23, a working day
    assertThat(jobDueDates(number, ProcessIds.PROGRESS_REPORT_TIMER)).containsExactly(at("2026-12-23T09:00:00+08:00"));

    moveClockTo("2026-12-23T09:00:01+08:00");
    executeDueJobs(number);
    var report = task(number, REPORT_PROGRESS);
    assertThat(report.getName()).isEqualTo("报送阶段性进展：老旧小区改造");
    assertThat(report.getDueDate()).as("5 working days to hand it in").isEqualTo(at("2026-12-30T23:59:59+08:00"));
    assertThat(noticeTitles(number, "PROGRESS_REPORT_DUE")).containsExactly("问题 " + number + " 请报送第 1 期进展");
    complete(number, REPORT_PROGRESS, "fgw-zhao", "unit-fgw", Map.of("progress", "已完成 3 个小区管网改造"));
    assertThat(problem(number).progressReportCount()).isEqualTo(1);
    assertThat(lastDetails(number, "PROGRESS_REPORTED")).contains("已完成 3 个小区管网改造");
    // 2027-01-23 is a Saturday: the next working day
    assertThat(jobDueDates(number, ProcessIds.PROGRESS_REPORT_TIMER)).containsExactly(at("2027-01-25T09:00:00+08:00"));

    rectify(number, "fgw-zhao", "unit-fgw", Map.of("measures", "全部改造", "result", "已完工"));
    assertThat(jobDueDates(number, ProcessIds.PROGRESS_REPORT_TIMER)).as("no reports after the rectification").isEmpty();
  }

  // ---------------------------------------------------------------------------------------------

  /** Assigned 立行立改 on Mon 11-23 (deadline Thu 11-26), then Fri 11-27 08:00 with the due timers fired. */
  private String overdueProblem(String title) {
    String number = register(title);
    assignByPolicy(number, "GENERAL", "IMMEDIATE");
    moveClockTo("2026-11-27T08:00:00+08:00");
    executeDueJobs(number);
    assertThat(problem(number).overdueAt()).isNotNull();
    return number;
  }

  private void assignByPolicy(String number, String severity, String type) {
    complete(number, REVIEW_AND_ASSIGN, "supervisor", "supervisors", new HashMap<>(Map.of("reviewDecision", "ASSIGN",
        "unitCode", "fgw", "severity", severity, "rectificationType", type)));
  }

  private void reject(String number, String reason) {
    complete(number, ACCEPT_RECTIFICATION, "supervisor", "supervisors",
        Map.of("acceptanceDecision", "REJECT", "rejectionReason", reason));
  }

  private ProcessInstance supervisionInstance(String number) {
    return runtime.createProcessInstanceQuery().processDefinitionKey(ProcessIds.SUPERVISION)
        .processInstanceBusinessKey(number).singleResult();
  }

  private List<String> instanceIds(String number) {
    List<String> ids = new ArrayList<>();
    runtime.createProcessInstanceQuery().processInstanceBusinessKey(number).list().forEach(i -> ids.add(i.getId()));
    return ids;
  }

  private List<Job> timers(String number) {
    return management.createJobQuery().processInstanceId(processInstanceId(number)).timers().list();
  }

  private List<Date> jobDueDates(String number, String activityId) {
    List<Date> dates = new ArrayList<>();
    for (String id : instanceIds(number)) {
      management.createJobQuery().processInstanceId(id).activityId(activityId).list().forEach(j -> dates.add(j.getDuedate()));
    }
    return dates;
  }

  /** Runs every job of the problem's instances that is due, until none is (the job executor's work). */
  private void executeDueJobs(String number) {
    for (int round = 0; round < 20; round++) {
      List<Job> due = new ArrayList<>();
      for (String id : instanceIds(number)) {
        due.addAll(management.createJobQuery().processInstanceId(id).executable().list());
      }
      if (due.isEmpty()) {
        return;
      }
      due.forEach(job -> management.executeJob(job.getId()));
    }
    throw new AssertionError("jobs keep falling due");
  }

  private List<String> notices(String number) {
    return jdbc.sql("select kind, addressee from notice where problem_number = :n order by id").param("n", number)
        .query((rs, i) -> rs.getString("kind") + "→" + rs.getString("addressee")).list();
  }

  private List<String> noticeTitles(String number, String kind) {
    return jdbc.sql("select title from notice where problem_number = :n and kind = :k order by id")
        .param("n", number).param("k", kind).query(String.class).list();
  }

  private List<String> eventTypes(String number) {
    return ledger.eventsOf(problem(number)).stream().map(ProblemEventLog.Event::type).toList();
  }

  private String lastDetails(String number, String type) {
    return lastEvent(number, type).details();
  }

  private String lastActor(String number, String type) {
    return lastEvent(number, type).actor();
  }

  private ProblemEventLog.Event lastEvent(String number, String type) {
    return ledger.eventsOf(problem(number)).stream().filter(e -> e.type().equals(type)).reduce((a, b) -> b).orElseThrow();
  }

  private static int seq(SupervisionNotice notice) {
    return Integer.parseInt(notice.noticeNumber().replaceAll(".*〕(\\d+)号", "$1"));
  }

  private static void moveClockTo(String time) {
    ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse(time).toInstant()));
  }

  private static Date at(String time) {
    return Date.from(OffsetDateTime.parse(time).toInstant());
  }
}
