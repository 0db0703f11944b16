package cn.zuofeng.rectification.workflow;

import cn.zuofeng.rectification.calendar.WorkingDayCalendar;
import cn.zuofeng.rectification.ledger.RectificationType;
import cn.zuofeng.rectification.ledger.Severity;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * The deadline policy: {@code processes/deadline-policy.dmn} gives the working days for a
 * severity and rectification type; the working-day calendar turns them into dates. A deadline the
 * supervisor sets keeps the policy's warning lead time.
 */
@Component
class DeadlinePolicy {

  static final String DECISION = "deadline-policy";
  /** Warnings go out at the start of the office day. */
  static final int WARNING_HOUR = OfficeDay.OPENING_HOUR;

  private final DecisionService decisions;
  private final WorkingDayCalendar calendar;

  DeadlinePolicy(DecisionService decisions, WorkingDayCalendar calendar) {
    this.decisions = decisions;
    this.calendar = calendar;
  }

  /** A deadline and the first day of its warning window. */
  record Deadline(LocalDate deadline, LocalDate warningDate, Integer policyWorkingDays) {

    Date dueAt(ZoneId zone) {
      return OfficeDay.endOf(deadline, zone);
    }

    Date warningAt(ZoneId zone) {
      return OfficeDay.openingOf(warningDate, zone);
    }
  }

  Deadline resolve(Severity severity, RectificationType type, LocalDate chosen, LocalDate today) {
    DmnDecisionRuleResult rule = decisions.evaluateDecisionTableByKey(DECISION, Variables.createVariables()
            .putValue("severity", severity.name())
            .putValue("rectificationType", type.name()))
        .getSingleResult();
    int workingDays = ((Number) rule.getEntry("workingDays")).intValue();
    int warningDays = ((Number) rule.getEntry("warningDays")).intValue();
    LocalDate deadline = chosen != null ? chosen : calendar.plusWorkingDays(today, workingDays);
    LocalDate warningDate = deadline.isAfter(today) ? calendar.minusWorkingDays(deadline, warningDays) : deadline;
    if (warningDate.isBefore(today)) {
      warningDate = today;
    }
    return new Deadline(deadline, warningDate, chosen != null ? null : workingDays);
  }
}
