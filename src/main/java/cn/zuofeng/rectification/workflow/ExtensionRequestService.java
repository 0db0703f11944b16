package cn.zuofeng.rectification.workflow;

import cn.zuofeng.rectification.ledger.ExtensionRequest;
import cn.zuofeng.rectification.ledger.LedgerService;
import cn.zuofeng.rectification.ledger.Problem;
import cn.zuofeng.rectification.ledger.Step;
import java.time.LocalDate;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 延期申请 from a unit: written to the ledger and handed to the problem's process (the
 * {@code ExtensionRequested} message starts the supervisors' decision) in one transaction.
 */
@Service
public class ExtensionRequestService {

  private final LedgerService ledger;
  private final RuntimeService runtime;
  private final ProcessEngineConfigurationImpl engine;
  private final ProblemNotices notices;

  ExtensionRequestService(LedgerService ledger, RuntimeService runtime, ProcessEngineConfiguration engine,
                          ProblemNotices notices) {
    this.ledger = ledger;
    this.runtime = runtime;
    this.engine = (ProcessEngineConfigurationImpl) engine;
    this.notices = notices;
  }

  /**
   * Files the request. The caller has checked that the user belongs to the problem's unit; the
   * message is correlated without the engine's instance-level authorization check, which a unit
   * member (who may only work on the unit's tasks) would not pass.
   */
  @Transactional
  public ExtensionRequest request(String number, LocalDate requestedDeadline, String reason, String userId) {
    ExtensionRequest request = ledger.requestExtension(number, requestedDeadline, reason,
        new Step(userId, ProcessIds.EXTENSION_REQUESTED));
    String processInstanceId = ledger.find(number).orElseThrow().processInstanceId();
    engine.getCommandExecutorTxRequired().execute(context -> {
      context.disableAuthorizationCheck();
      try {
        return runtime.createMessageCorrelation(ProcessIds.EXTENSION_REQUESTED_MESSAGE)
            .processInstanceId(processInstanceId)
            .correlateWithResult();
      } finally {
        context.enableAuthorizationCheck();
      }
    });
    Problem problem = ledger.find(number).orElseThrow();
    notices.extensionRequested(problem, request);
    return request;
  }
}
