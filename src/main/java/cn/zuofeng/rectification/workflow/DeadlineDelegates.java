package cn.zuofeng.rectification.workflow;

import cn.zuofeng.rectification.calendar.WorkingDayCalendar;
import cn.zuofeng.rectification.ledger.LedgerService;
import cn.zuofeng.rectification.ledger.Problem;
import cn.zuofeng.rectification.ledger.ProblemState;
import cn.zuofeng.rectification.ledger.Step;
import java.time.Clock;
import java.util.Date;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * The service tasks behind the rectification timers: each records one fact in the ledger (once
 * per deadline, so a timer that fires again after a rejection records nothing new), sends its
 * notices and updates the {@code light} variable Tasklist shows.
 */
@Configuration(proxyBeanMethods = false)
class DeadlineDelegates {

  // the engine puts the business key (the problem number) into every log line as problemNumber
  private static final Logger log = LoggerFactory.getLogger(DeadlineDelegates.class);

  /** ServiceTask_RecordWarning. */
  @Bean
  JavaDelegate recordWarningDelegate(LedgerService ledger, ProblemNotices notices) {
    return execution -> raceAsEngineConflict(() -> {
      if (ledger.recordWarning(execution.getProcessBusinessKey(), step(execution))) {
        log.info("warning recorded in the ledger");
        notices.warning(problem(execution, ledger));
      }
      updateLight(execution, ledger);
    });
  }

  /**
   * ServiceTask_RecordOverdue: the first time per deadline starts the reminders and, unless the
   * problem is already under supervision, the supervision.
   */
  @Bean
  JavaDelegate recordOverdueDelegate(LedgerService ledger, ProblemNotices notices, WorkingDayCalendar calendar,
                                     EscalationSettings settings, Clock clock) {
    return execution -> raceAsEngineConflict(() -> {
      boolean first = ledger.recordOverdue(execution.getProcessBusinessKey(), step(execution));
      Problem problem = problem(execution, ledger);
      if (first) {
        log.info("overdue recorded in the ledger");
        notices.overdue(problem);
        execution.setVariable(ProcessIds.Vars.REMINDER_AT, nextReminder(ledger, calendar, settings, clock));
      }
      execution.setVariable(ProcessIds.Vars.FIRST_OVERDUE, first);
      execution.setVariable(ProcessIds.Vars.ALREADY_SUPERVISED, problem.supervisionLevel() != null);
      updateLight(execution, ledger);
    });
  }

  /** ServiceTask_SendReminder: 催办 while overdue and with the unit; the loop ends once accepted. */
  @Bean
  JavaDelegate sendReminderDelegate(LedgerService ledger, ProblemNotices notices, WorkingDayCalendar calendar,
                                    EscalationSettings settings, Clock clock) {
    return execution -> raceAsEngineConflict(() -> {
      String number = execution.getProcessBusinessKey();
      if (ledger.recordReminder(number, step(execution))) {
        Problem reminded = problem(execution, ledger);
        log.info("reminder {} recorded in the ledger", reminded.reminderCount());
        notices.reminder(reminded, ledger.overdueWorkingDays(reminded));
      }
      Problem problem = problem(execution, ledger);
      boolean stillOverdue = ProblemState.DEADLINE_RUNNING.contains(problem.state()) && problem.isOverdue(ledger.today());
      execution.setVariable(ProcessIds.Vars.STILL_OVERDUE, stillOverdue);
      if (stillOverdue) {
        execution.setVariable(ProcessIds.Vars.REMINDER_AT, nextReminder(ledger, calendar, settings, clock));
      }
      updateLight(execution, ledger);
    });
  }

  /**
   * Two timers of one problem may fire at the same moment on two nodes (after an outage, or when
   * the warning window is short); the one that loses the race on the ledger row reports it as the
   * engine's own optimistic-locking conflict, which the job executor retries without using up a
   * retry (after the first interval of the timers' failedJobRetryTimeCycle).
   */
  private static void raceAsEngineConflict(Runnable work) {
    try {
      work.run();
    } catch (OptimisticLockingFailureException lost) {
      throw new OptimisticLockingException(lost.getMessage(), lost);
    }
  }

  /** Reminders go out at the start of an office day, every few working days. */
  private static Date nextReminder(LedgerService ledger, WorkingDayCalendar calendar, EscalationSettings settings,
                                   Clock clock) {
    return OfficeDay.openingOf(calendar.plusWorkingDays(ledger.today(), settings.reminderWorkingDays()), clock.getZone());
  }

  static void updateLight(DelegateExecution execution, LedgerService ledger) {
    Problem problem = problem(execution, ledger);
    var light = problem.light(ledger.today());
    execution.setVariable(ProcessIds.Vars.LIGHT, light == null ? null : light.name());
  }

  private static Problem problem(DelegateExecution execution, LedgerService ledger) {
    return ledger.find(execution.getProcessBusinessKey()).orElseThrow();
  }

  private static Step step(DelegateExecution execution) {
    return new Step(Step.SYSTEM, execution.getCurrentActivityId());
  }
}
