package cn.zuofeng.rectification.workflow;

import static cn.zuofeng.rectification.workflow.ProcessIds.ACCEPT_RECTIFICATION;
import static cn.zuofeng.rectification.workflow.ProcessIds.RECTIFY;
import static cn.zuofeng.rectification.workflow.ProcessIds.REVIEW_AND_ASSIGN;
import static org.assertj.core.api.Assertions.assertThat;

import cn.zuofeng.rectification.ledger.Problem;
import cn.zuofeng.rectification.ledger.ProblemEventLog;
import cn.zuofeng.rectification.ledger.TrafficLight;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Deadlines in working days from the DMN policy, the warning (黄灯) and overdue (红灯) timers on
 * 落实整改, fired by moving the engine clock and executing the due jobs.
 */
class DeadlineProcessTest extends ProcessTestSupport {

  @Autowired ManagementService management;

  @Test
  void policyDeadlineInWorkingDaysWarnsThenTurnsRed() {
    String number = register("审批超时");
    assignByPolicy(number, "SERIOUS", "TIME_LIMITED", null);

    // Mon 2026-11-23 + 20 working days (限期整改·较重) = Mon 2026-12-21; warning 5 working days before
    Problem assigned = problem(number);
    assertThat(assigned.deadline()).isEqualTo("2026-12-21");
    assertThat(assigned.warningDate()).isEqualTo("2026-12-14");
    assertThat(assigned.light(TODAY)).isEqualTo(TrafficLight.GREEN);
    var task = task(number, RECTIFY);
    assertThat(task.getDueDate()).isEqualTo(at("2026-12-21T23:59:59+08:00"));
    assertThat(task.getFollowUpDate()).isEqualTo(at("2026-12-14T09:00:00+08:00"));
    assertThat(timers(number)).extracting(Job::getDuedate)
        .containsExactlyInAnyOrder(at("2026-12-14T09:00:00+08:00"), at("2026-12-21T23:59:59+08:00"));
    assertThat(runtime.getVariable(instance(number).getId(), "light")).isEqualTo("GREEN");

    // the day before the window nothing is due
    moveClockTo("2026-12-13T18:00:00+08:00");
    assertThat(dueTimers(number)).isEmpty();

    moveClockTo("2026-12-14T09:00:01+08:00");
    executeDueTimers(number);
    assertThat(problem(number).warnedAt()).isNotNull();
    assertThat(problem(number).light(LocalDate.of(2026, 12, 14))).isEqualTo(TrafficLight.YELLOW);
    assertThat(runtime.getVariable(instance(number).getId(), "light")).isEqualTo("YELLOW");
    BpmnAwareTests.assertThat(instance(number)).isWaitingAt(RECTIFY);

    moveClockTo("2026-12-22T00:00:01+08:00");
    executeDueTimers(number);
    Problem overdue = problem(number);
    assertThat(overdue.overdueAt()).isNotNull();
    assertThat(overdue.light(LocalDate.of(2026, 12, 22))).isEqualTo(TrafficLight.RED);
    assertThat(ledger.overdueWorkingDays(overdue)).isEqualTo(1);
    assertThat(runtime.getVariable(instance(number).getId(), "light")).isEqualTo("RED");
    BpmnAwareTests.assertThat(instance(number)).isWaitingAt(RECTIFY)
        .hasPassed("BoundaryEvent_Warning", "ServiceTask_RecordWarning", "EndEvent_WarningRecorded",
            "BoundaryEvent_Overdue", "ServiceTask_RecordOverdue", "Gateway_FirstOverdue", "Gateway_StartOverdueEscalation");

    rectify(number, "fgw-zhao", "unit-fgw", Map.of("measures", "压缩审批环节", "result", "平均用时降至 3 天"));
    assertThat(deadlineTimers(number)).as("the deadline timers end with the rectification").isEmpty();
    assertThat(problem(number).light(LocalDate.of(2026, 12, 22))).as("still red until accepted").isEqualTo(TrafficLight.RED);
    complete(number, ACCEPT_RECTIFICATION, "supervisor", "supervisors", Map.of("acceptanceDecision", "ACCEPT"));
    assertThat(problem(number).light(LocalDate.of(2026, 12, 22))).as("no light once accepted").isNull();
    assertThat(ledger.eventsOf(problem(number))).extracting(ProblemEventLog.Event::type)
        .containsSubsequence("ASSIGNED", "WARNED", "OVERDUE", "RECTIFICATION_SUBMITTED", "ACCEPTED");
  }

  @Test
  void deadlineAcrossSpringFestivalCountsTheMakeUpWorkdaysAndSkipsTheHoliday() {
    moveClockTo("2026-02-10T10:00:00+08:00");
    var fields = problemFields("春节前交办的问题");
    fields.put("discoveredOn", "2026-02-09");
    String number = as("supervisor", "supervisors", () -> registration.register(fields));
    assignByPolicy(number, "MAJOR", "TIME_LIMITED", null);

    // Feb 11–13, Sat Feb 14 (调休上班), Feb 15–23 off, Feb 24–27, Sat Feb 28 (调休上班), Mar 2–6, Mar 9
    Problem assigned = problem(number);
    assertThat(assigned.deadline()).isEqualTo("2026-03-09");
    assertThat(assigned.warningDate()).isEqualTo("2026-03-04");
  }

  @Test
  void aDeadlineTheSupervisorChoosesOverridesThePolicyAndKeepsItsWarningLead() {
    String number = register("窗口排队过长");
    assignByPolicy(number, "GENERAL", "IMMEDIATE", "2026-12-01");
    assertThat(problem(number).deadline()).isEqualTo("2026-12-01");
    assertThat(problem(number).warningDate()).as("one working day before").isEqualTo("2026-11-30");
  }

  @Test
  void aRejectionAfterTheDeadlineDoesNotRecordTheWarningOrTheOverdueTwice() {
    String number = register("执法不规范");
    assignByPolicy(number, "GENERAL", "IMMEDIATE", null);
    assertThat(problem(number).deadline()).as("Mon + 3 working days").isEqualTo("2026-11-26");
    moveClockTo("2026-11-27T08:00:00+08:00");
    executeDueTimers(number);
    rectify(number, "fgw-zhao", "unit-fgw", Map.of("measures", "补正", "result", "已补正"));
    complete(number, ACCEPT_RECTIFICATION, "supervisor", "supervisors",
        Map.of("acceptanceDecision", "REJECT", "rejectionReason", "整改不到位"));

    // back at 落实整改: its timers are past due at once, and record nothing new
    assertThat(dueTimers(number)).hasSize(2);
    executeDueTimers(number);
    assertThat(ledger.eventsOf(problem(number))).extracting(ProblemEventLog.Event::type)
        .filteredOn(type -> type.equals("WARNED") || type.equals("OVERDUE")).containsExactly("WARNED", "OVERDUE");
    assertThat(runtime.getVariable(instance(number).getId(), "light")).isEqualTo("RED");
  }

  private void assignByPolicy(String number, String severity, String type, String deadline) {
    Map<String, Object> values = new HashMap<>(Map.of("reviewDecision", "ASSIGN", "unitCode", "fgw",
        "severity", severity, "rectificationType", type));
    if (deadline != null) {
      values.put("deadline", deadline);
    }
    complete(number, REVIEW_AND_ASSIGN, "supervisor", "supervisors", values);
  }

  private List<Job> timers(String number) {
    return management.createJobQuery().processInstanceId(instance(number).getId()).timers().list();
  }

  private List<Job> deadlineTimers(String number) {
    String instance = instance(number).getId();
    var jobs = new java.util.ArrayList<>(management.createJobQuery().processInstanceId(instance)
        .activityId(ProcessIds.WARNING_TIMER).list());
    jobs.addAll(management.createJobQuery().processInstanceId(instance).activityId(ProcessIds.OVERDUE_TIMER).list());
    return jobs;
  }

  private List<Job> dueTimers(String number) {
    return management.createJobQuery().processInstanceId(instance(number).getId()).timers().executable().list();
  }

  private void executeDueTimers(String number) {
    dueTimers(number).forEach(job -> management.executeJob(job.getId()));
  }

  private static void moveClockTo(String isoTime) {
    ClockUtil.setCurrentTime(at(isoTime));
  }

  private static Date at(String isoTime) {
    return Date.from(OffsetDateTime.parse(isoTime).toInstant());
  }
}
