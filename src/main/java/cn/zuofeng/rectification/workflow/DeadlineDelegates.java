package cn.zuofeng.rectification.workflow;

import cn.zuofeng.rectification.ledger.LedgerService;
import cn.zuofeng.rectification.ledger.Problem;
import cn.zuofeng.rectification.ledger.Step;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The service tasks behind the rectification timers: each records one fact in the ledger (once
 * per deadline, so a timer that fires again after a rejection records nothing new) and updates
 * the {@code light} variable Tasklist shows.
 */
@Configuration(proxyBeanMethods = false)
class DeadlineDelegates {

  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(DeadlineDelegates.class);

  /** ServiceTask_RecordWarning. */
  @Bean
  JavaDelegate recordWarningDelegate(LedgerService ledger) {
    return execution -> raceAsEngineConflict(() -> {
      if (ledger.recordWarning(execution.getProcessBusinessKey(), step(execution))) {
        log.info("warning recorded in the ledger");
      }
      updateLight(execution, ledger);
    });
  }

  /** ServiceTask_RecordOverdue. */
  @Bean
  JavaDelegate recordOverdueDelegate(LedgerService ledger) {
    return execution -> raceAsEngineConflict(() -> {
      if (ledger.recordOverdue(execution.getProcessBusinessKey(), step(execution))) {
        // the engine puts the business key (the problem number) into the log line as problemNumber
        log.info("overdue recorded in the ledger");
      }
      updateLight(execution, ledger);
    });
  }

  /**
   * The warning and the overdue timer of one problem may fire at the same moment on two nodes (after
   * an outage, or when the warning window is short); the one that loses the race on the ledger row
   * reports it as the engine's own optimistic-locking conflict, which the job executor retries
   * without using up a retry (after the first interval of the timers' failedJobRetryTimeCycle).
   */
  private static void raceAsEngineConflict(Runnable work) {
    try {
      work.run();
    } catch (org.springframework.dao.OptimisticLockingFailureException lost) {
      throw new org.camunda.bpm.engine.OptimisticLockingException(lost.getMessage(), lost);
    }
  }

  static void updateLight(DelegateExecution execution, LedgerService ledger) {
    Problem problem = ledger.find(execution.getProcessBusinessKey()).orElseThrow();
    var light = problem.light(ledger.today());
    execution.setVariable(ProcessIds.Vars.LIGHT, light == null ? null : light.name());
  }

  private static Step step(DelegateExecution execution) {
    return new Step(Step.SYSTEM, execution.getCurrentActivityId());
  }
}
