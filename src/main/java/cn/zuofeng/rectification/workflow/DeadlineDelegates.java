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

  /** ServiceTask_RecordWarning. */
  @Bean
  JavaDelegate recordWarningDelegate(LedgerService ledger) {
    return execution -> {
      ledger.recordWarning(execution.getProcessBusinessKey(), step(execution));
      updateLight(execution, ledger);
    };
  }

  /** ServiceTask_RecordOverdue. */
  @Bean
  JavaDelegate recordOverdueDelegate(LedgerService ledger) {
    return execution -> {
      ledger.recordOverdue(execution.getProcessBusinessKey(), step(execution));
      updateLight(execution, ledger);
    };
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
