package cn.zuofeng.rectification.workflow;

import static cn.zuofeng.rectification.workflow.ProcessIds.Vars;

import cn.zuofeng.rectification.ledger.FormInput;
import cn.zuofeng.rectification.ledger.InvalidInputException;
import cn.zuofeng.rectification.ledger.LedgerService;
import cn.zuofeng.rectification.ledger.Problem;
import cn.zuofeng.rectification.ledger.Step;
import cn.zuofeng.rectification.ledger.SupervisionLevel;
import cn.zuofeng.rectification.supervision.AccountabilityDecision;
import cn.zuofeng.rectification.supervision.SupervisionNotice;
import cn.zuofeng.rectification.supervision.SupervisionReason;
import cn.zuofeng.rectification.supervision.SupervisionService;
import java.time.Clock;
import java.time.ZoneId;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

/**
 * Keeps the ledger and the supervision notices in step with {@code supervision}: the unit's
 * written answer, the leaders' 约谈 record and the auditors' 问责 decision are applied when their
 * task ends (invalid input: a form error, nothing saved); the supervision's end is recorded on the
 * problem, also when a close-out ends it early.
 */
@Component("supervisionSync")
class SupervisionSync implements ExecutionListener, TaskListener {

  private final SupervisionService supervision;
  private final TaskSummary summary;
  private final ZoneId zone;

  SupervisionSync(SupervisionService supervision, TaskSummary summary, Clock clock) {
    this.supervision = supervision;
    this.summary = summary;
    this.zone = clock.getZone();
  }

  @Override
  public void notify(DelegateTask task) {
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      summary.describe(task);
    }
  }

  @Override
  public void notify(DelegateExecution execution) {
    if (!EVENTNAME_END.equals(execution.getEventName()) || execution.isCanceled()) {
      return;
    }
    String number = execution.getProcessBusinessKey();
    var in = new FormInput(execution.getVariables());
    try {
      switch (execution.getCurrentActivityId()) {
        case ProcessIds.ANSWER_SUPERVISION -> {
          SupervisionNotice answered = supervision.answer(number, in, zone, LedgerSync.step(execution));
          execution.setVariable(Vars.COMMITTED_AT, OfficeDay.endOf(answered.committedDate(), zone));
        }
        case ProcessIds.HOLD_ADMONITION -> supervision.recordAdmonition(number, in, zone, LedgerSync.step(execution));
        case ProcessIds.REVIEW_ACCOUNTABILITY -> {
          var decision = in.requiredChoice("accountabilityDecision", "问责审查结论", AccountabilityDecision.class);
          String opinion = in.requiredText("accountabilityOpinion", "审查意见", 4000);
          in.throwIfInvalid();
          supervision.decideAccountability(number, decision, opinion, LedgerSync.step(execution));
          execution.setVariable(Vars.SUPERVISION_OUTCOME, "ACCOUNTABILITY_REVIEWED");
        }
        default -> { }
      }
    } catch (InvalidInputException e) {
      throw new FormFieldValidationException(e.errors(), e.getMessage(), e);
    }
  }

}

/**
 * The end of a {@code supervision} instance, however it ends: fulfilled, after the 问责 review, or
 * cancelled because the problem was closed out (the close-out's terminate end event).
 */
@Component("supervisionEnded")
class SupervisionEnded implements ExecutionListener {

  private final SupervisionService supervision;

  SupervisionEnded(SupervisionService supervision) {
    this.supervision = supervision;
  }

  @Override
  public void notify(DelegateExecution execution) {
    Object outcome = execution.getVariable(Vars.SUPERVISION_OUTCOME);
    supervision.end(execution.getProcessBusinessKey(),
        execution.isCanceled() || outcome == null ? "CLOSED_OUT" : outcome.toString(), LedgerSync.step(execution));
  }
}

/** The service tasks of {@code supervision.bpmn}. */
@Configuration(proxyBeanMethods = false)
class SupervisionDelegates {

  /** ServiceTask_IssueNotice: a numbered notice at the level reached, answer due in N working days. */
  @Bean
  JavaDelegate issueSupervisionNoticeDelegate(SupervisionService supervision, LedgerService ledger,
                                              ProblemNotices notices, Clock clock) {
    return execution -> {
      String number = execution.getProcessBusinessKey();
      Object level = execution.getVariable(Vars.SUPERVISION_LEVEL);
      var reason = SupervisionReason.valueOf((String) execution.getVariable(Vars.SUPERVISION_REASON));
      SupervisionNotice notice = supervision.issue(number,
          level == null ? SupervisionLevel.SUPERVISION : SupervisionLevel.valueOf(level.toString()), reason,
          new Step(Step.SYSTEM, execution.getCurrentActivityId()));
      Problem problem = ledger.find(number).orElseThrow();
      notices.supervisionIssued(problem, notice);
      ZoneId zone = clock.getZone();
      execution.setVariable(Vars.SUPERVISION_LEVEL, notice.level().name());
      execution.setVariable("supervisionLevelLabel", notice.level().label());
      execution.setVariable("noticeNumber", notice.noticeNumber());
      execution.setVariable("noticeText", notice.text());
      execution.setVariable("answerDue", notice.answerDue().toString());
      execution.setVariable(Vars.ANSWER_DUE_AT,
          OfficeDay.endOf(notice.answerDue(), zone));
      // the answer form of the new notice starts empty
      execution.removeVariables(java.util.List.of("answerReasons", "answerPlan", "committedDate"));
    };
  }

  /** ServiceTask_RaiseLevel: 督办 → 挂牌督办 → 约谈 → 问责. */
  @Bean
  JavaDelegate raiseSupervisionLevelDelegate(SupervisionService supervision, LedgerService ledger,
                                             ProblemNotices notices) {
    return execution -> {
      String number = execution.getProcessBusinessKey();
      String why = supervision.current(number).map(SupervisionNotice::answered).orElse(false)
          ? "到承诺完成日期仍未整改" : "未在规定期限内书面答复督办单";
      SupervisionLevel level = supervision.raise(number, why, new Step(Step.SYSTEM, execution.getCurrentActivityId()));
      execution.setVariable(Vars.SUPERVISION_LEVEL, level.name());
      execution.setVariable("supervisionLevelLabel", level.label());
      notices.escalated(ledger.find(number).orElseThrow(), level, why);
    };
  }

  /** ServiceTask_CheckCommitment: on the committed date, has the unit submitted its rectification? */
  @Bean
  JavaDelegate checkCommitmentDelegate(SupervisionService supervision) {
    return execution -> {
      boolean kept = supervision.commitmentKept(execution.getProcessBusinessKey());
      execution.setVariable(Vars.COMMITMENT_KEPT, kept);
      if (kept) {
        execution.setVariable(Vars.SUPERVISION_OUTCOME, "FULFILLED");
      }
    };
  }
}
