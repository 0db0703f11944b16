package cn.zuofeng.rectification.workflow;

import static cn.zuofeng.rectification.workflow.ProcessIds.Vars;

import cn.zuofeng.rectification.ledger.AssignProblem;
import cn.zuofeng.rectification.ledger.Decisions;
import cn.zuofeng.rectification.ledger.EvidenceFile;
import cn.zuofeng.rectification.ledger.FormInput;
import cn.zuofeng.rectification.ledger.InvalidInputException;
import cn.zuofeng.rectification.ledger.LedgerService;
import cn.zuofeng.rectification.ledger.Problem;
import cn.zuofeng.rectification.ledger.RectificationReport;
import cn.zuofeng.rectification.ledger.RegisterProblem;
import cn.zuofeng.rectification.ledger.Step;
import cn.zuofeng.rectification.ledger.TrafficLight;
import cn.zuofeng.rectification.ledger.UnitDirectory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import cn.zuofeng.rectification.calendar.WorkingDayCalendar;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/**
 * Keeps the ledger in step with {@code problem-rectification}: the one place where a process step
 * becomes a ledger change. Decisions are applied when a user task ends (an execution listener, so
 * invalid input reaches the caller as a form validation error, HTTP 400 in the REST API, and
 * nothing is saved); claims are recorded from the task's assignment event.
 */
@Component("ledgerSync")
class LedgerSync implements ExecutionListener, TaskListener {

  private final LedgerService ledger;
  private final UnitDirectory units;
  private final ObjectMapper json;
  private final DeadlinePolicy policy;
  private final ProblemNotices notices;
  private final EscalationSettings settings;
  private final WorkingDayCalendar calendar;
  private final TaskSummary summary;
  private final ZoneId zone;

  LedgerSync(LedgerService ledger, UnitDirectory units, ObjectMapper json, DeadlinePolicy policy,
             ProblemNotices notices, EscalationSettings settings, WorkingDayCalendar calendar, TaskSummary summary,
             Clock clock) {
    this.summary = summary;
    this.ledger = ledger;
    this.units = units;
    this.json = json;
    this.policy = policy;
    this.notices = notices;
    this.settings = settings;
    this.calendar = calendar;
    this.zone = clock.getZone();
  }

  @Override
  public void notify(DelegateExecution execution) {
    try {
      if (EVENTNAME_START.equals(execution.getEventName())) {
        onStart(execution);
      } else if (EVENTNAME_END.equals(execution.getEventName()) && !execution.isCanceled()) {
        onEnd(execution);
      }
    } catch (InvalidInputException e) {
      throw new FormFieldValidationException(e.errors(), e.getMessage(), e);
    }
  }

  @Override
  public void notify(DelegateTask task) {
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      summary.describe(task);
      onCreate(task);
    } else if (EVENTNAME_ASSIGNMENT.equals(task.getEventName()) && ProcessIds.RECTIFY.equals(task.getTaskDefinitionKey())) {
      String number = task.getExecution().getProcessBusinessKey();
      ledger.recordClaim(number, task.getAssignee(), step(task.getExecution()));
    }
  }

  private void onCreate(DelegateTask task) {
    String number = task.getExecution().getProcessBusinessKey();
    switch (task.getTaskDefinitionKey()) {
      case ProcessIds.RECTIFY -> {
        // after an approved extension the task is created anew: it goes back to whoever had claimed it
        Object owner = task.getVariable(Vars.RECLAIM_BY);
        if (owner != null) {
          task.getExecution().removeVariable(Vars.RECLAIM_BY);
          task.setAssignee(owner.toString());
        }
      }
      case ProcessIds.REPORT_PROGRESS -> {
        Problem problem = ledger.find(number).orElseThrow();
        notices.progressReportDue(problem, problem.progressReportCount() + 1);
      }
      default -> { }
    }
  }

  private void onStart(DelegateExecution execution) {
    switch (execution.getCurrentActivityId()) {
      case ProcessIds.START_EVENT -> register(execution);
      case ProcessIds.REVIEW_AND_ASSIGN -> execution.setVariable(Vars.UNIT_OPTIONS, unitOptions());
      case ProcessIds.ACCEPT_RECTIFICATION -> execution.removeVariables(List.of(Vars.ACCEPTANCE_DECISION, Vars.REJECTION_REASON));
      case ProcessIds.APPROVE_CLOSE_OUT -> execution.removeVariables(List.of(Vars.CLOSE_OUT_DECISION, Vars.CLOSE_OUT_COMMENT));
      case ProcessIds.DECIDE_EXTENSION -> showExtensionRequest(execution);
      case ProcessIds.REPORT_PROGRESS -> execution.removeVariable("progress");
      default -> { }
    }
  }

  private void onEnd(DelegateExecution execution) {
    switch (execution.getCurrentActivityId()) {
      case ProcessIds.REVIEW_AND_ASSIGN -> review(execution);
      case ProcessIds.RECTIFY -> rectify(execution);
      case ProcessIds.ACCEPT_RECTIFICATION -> accept(execution);
      case ProcessIds.APPROVE_CLOSE_OUT -> closeOut(execution);
      case ProcessIds.DECIDE_EXTENSION -> decideExtension(execution);
      case ProcessIds.REPORT_PROGRESS -> reportProgress(execution);
      default -> { }
    }
  }

  private void register(DelegateExecution execution) {
    var command = RegisterProblem.from(new FormInput(execution.getVariables()), zone);
    Problem problem = ledger.register(command, step(execution), execution.getProcessInstanceId());
    execution.setProcessBusinessKey(problem.number());
    execution.setVariable(Vars.PROBLEM_NUMBER, problem.number());
    // shown read-only at the top of every task form
    execution.setVariable("sourceLabel", problem.source().label());
    execution.setVariable("categoryLabel", problem.category().label());
  }

  private void review(DelegateExecution execution) {
    var in = new FormInput(execution.getVariables());
    var decision = in.requiredChoice(Vars.REVIEW_DECISION, "审核结论", Decisions.Review.class);
    in.throwIfInvalid();
    String number = execution.getProcessBusinessKey();
    if (decision == Decisions.Review.DISMISS) {
      String reason = in.requiredText("dismissReason", "不予立项理由", 2000);
      in.throwIfInvalid();
      ledger.dismiss(number, reason, step(execution));
      return;
    }
    var chosen = AssignProblem.from(in, zone);
    var deadline = policy.resolve(chosen.severity(), chosen.rectificationType(), chosen.deadline(), ledger.today());
    var command = chosen.withDeadline(deadline.deadline(), deadline.warningDate());
    ledger.assign(number, command, step(execution));
    execution.setVariable(Vars.DEADLINE_AT, deadline.dueAt(zone));
    execution.setVariable(Vars.WARNING_AT, deadline.warningAt(zone));
    execution.setVariable(Vars.LIGHT, TrafficLight.of(deadline.deadline(), deadline.warningDate(), ledger.today()).name());
    execution.setVariable(Vars.UNIT_CODE, command.unitCode());
    execution.setVariable("unitName", units.find(command.unitCode()).map(u -> u.name()).orElse(command.unitCode()));
    execution.setVariable("severityLabel", command.severity().label());
    execution.setVariable("rectificationTypeLabel", command.rectificationType().label());
    execution.setVariable("deadline", command.deadline().toString());
    execution.setVariable(Vars.RECTIFICATION_TYPE, command.rectificationType().name());
    if (command.rectificationType() == cn.zuofeng.rectification.ledger.RectificationType.LONG_TERM) {
      scheduleProgressReport(execution);
    }
    execution.removeVariable(Vars.UNIT_OPTIONS);
  }

  /** The next 阶段性进展 of a LONG_TERM problem: every few months, on a working day, due a few working days later. */
  private void scheduleProgressReport(DelegateExecution execution) {
    LocalDate reportDay = ledger.today().plusMonths(settings.progressReportMonths());
    while (!calendar.isWorkingDay(reportDay)) {
      reportDay = reportDay.plusDays(1);
    }
    execution.setVariable(Vars.PROGRESS_REPORT_AT,
        OfficeDay.openingOf(reportDay, zone));
    LocalDate due = calendar.plusWorkingDays(reportDay, settings.progressReportWorkingDays());
    execution.setVariable(Vars.PROGRESS_REPORT_DUE_AT, OfficeDay.endOf(due, zone));
  }

  /** The decide-extension form shows the request it decides. */
  private void showExtensionRequest(DelegateExecution execution) {
    execution.removeVariables(List.of(Vars.EXTENSION_DECISION, Vars.APPROVED_DEADLINE, Vars.EXTENSION_COMMENT));
    Problem problem = ledger.find(execution.getProcessBusinessKey()).orElseThrow();
    ledger.pendingExtension(problem).ifPresent(request -> {
      execution.setVariableLocal("requestedDeadline", request.requestedDeadline().toString());
      execution.setVariableLocal("extensionReason", request.reason());
      execution.setVariableLocal("extensionRequestedBy", request.requestedBy());
      execution.setVariableLocal(Vars.APPROVED_DEADLINE, request.requestedDeadline().toString());
    });
  }

  /**
   * 审批延期: on approval the deadline, the task's due date and the timers all move. The timers move
   * because the approval ends the rectification scope with an escalation that starts it again
   * (BoundaryEvent_DeadlineExtended): its warning and overdue timers are created anew from the new
   * dates and the old ones are deleted with the old scope, so none of them can fire.
   */
  private void decideExtension(DelegateExecution execution) {
    var in = new FormInput(execution.getVariables());
    var decision = in.requiredChoice(Vars.EXTENSION_DECISION, "审批结论", Decisions.Extension.class);
    String number = execution.getProcessBusinessKey();
    Problem problem = ledger.find(number).orElseThrow();
    if (decision == Decisions.Extension.APPROVE) {
      LocalDate approved = in.requiredDate(Vars.APPROVED_DEADLINE, "同意延期至", zone);
      String comment = in.optionalText(Vars.EXTENSION_COMMENT, "审批意见", 2000);
      in.throwIfInvalid();
      var deadline = policy.resolve(problem.severity(), problem.rectificationType(), approved, ledger.today());
      ledger.approveExtension(number, deadline.deadline(), deadline.warningDate(), comment, step(execution));
      execution.setVariable(Vars.DEADLINE_AT, deadline.dueAt(zone));
      execution.setVariable(Vars.WARNING_AT, deadline.warningAt(zone));
      execution.setVariable("deadline", deadline.deadline().toString());
      execution.setVariable(Vars.LIGHT, TrafficLight.of(deadline.deadline(), deadline.warningDate(), ledger.today()).name());
      if (problem.owner() != null) {
        execution.setVariable(Vars.RECLAIM_BY, problem.owner());
      }
    } else {
      String reason = in.requiredText(Vars.EXTENSION_COMMENT, "不同意延期的理由", 2000);
      in.throwIfInvalid();
      ledger.refuseExtension(number, reason, step(execution));
    }
    Problem decided = ledger.find(number).orElseThrow();
    ledger.extensionsOf(decided).stream().reduce((first, second) -> second)
        .ifPresent(request -> notices.extensionDecided(decided, request));
  }

  private void reportProgress(DelegateExecution execution) {
    var in = new FormInput(execution.getVariables());
    String progress = in.requiredText("progress", "阶段性进展", 4000);
    in.throwIfInvalid();
    ledger.recordProgress(execution.getProcessBusinessKey(), progress, step(execution));
    scheduleProgressReport(execution);
  }

  private void rectify(DelegateExecution execution) {
    List<String> fileVariables = new ArrayList<>();
    List<EvidenceFile> files = new ArrayList<>();
    for (String name : execution.getVariableNames()) {
      if (name.startsWith(Vars.EVIDENCE_PREFIX)) {
        TypedValue value = execution.getVariableTyped(name);
        if (value instanceof FileValue file && file.getValue() != null) {
          byte[] content = bytes(file.getValue());
          // an input left empty in the Tasklist form arrives as a nameless, empty file
          if (content.length > 0 || (file.getFilename() != null && !file.getFilename().isBlank())) {
            files.add(new EvidenceFile(file.getFilename(), file.getMimeType(), content));
          }
        }
        fileVariables.add(name);
      }
    }
    var report = RectificationReport.from(new FormInput(execution.getVariables()), files);
    ledger.submitRectification(execution.getProcessBusinessKey(), report, step(execution));
    // the ledger keeps the files; a later round starts with empty file inputs
    execution.removeVariables(fileVariables);
  }

  private void accept(DelegateExecution execution) {
    var in = new FormInput(execution.getVariables());
    var decision = in.requiredChoice(Vars.ACCEPTANCE_DECISION, "验收结论", Decisions.Acceptance.class);
    String reason = decision == Decisions.Acceptance.REJECT ? in.requiredText(Vars.REJECTION_REASON, "退回理由", 2000) : null;
    in.throwIfInvalid();
    String number = execution.getProcessBusinessKey();
    if (decision == Decisions.Acceptance.REJECT) {
      ledger.reject(number, reason, step(execution));
      execution.setVariable(Vars.LAST_REJECTION_REASON, reason);
      Problem rejected = ledger.find(number).orElseThrow();
      // the N-th rejection starts 督办, unless the problem is already supervised
      execution.setVariable(Vars.ESCALATE_REJECTIONS,
          rejected.rejectionCount() == settings.rejectionsBeforeSupervision() && rejected.supervisionLevel() == null);
    } else {
      ledger.accept(number, step(execution));
    }
  }

  private void closeOut(DelegateExecution execution) {
    var in = new FormInput(execution.getVariables());
    var decision = in.requiredChoice(Vars.CLOSE_OUT_DECISION, "销号审批结论", Decisions.CloseOut.class);
    String comment = decision == Decisions.CloseOut.SEND_BACK ? in.requiredText(Vars.CLOSE_OUT_COMMENT, "退回意见", 2000) : null;
    in.throwIfInvalid();
    String number = execution.getProcessBusinessKey();
    if (decision == Decisions.CloseOut.SEND_BACK) {
      ledger.sendBackCloseOut(number, comment, step(execution));
    } else {
      ledger.approveCloseOut(number, step(execution));
    }
  }

  /** The unit choices for the review form's select, as JSON so Tasklist hands them to form-js. */
  private Object unitOptions() {
    var options = units.all().stream().map(u -> Map.of("label", u.name() + "（" + u.code() + "）", "value", u.code())).toList();
    try {
      return SpinValues.jsonValue(json.writeValueAsString(options)).create();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static Step step(DelegateExecution execution) {
    Authentication user = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return new Step(user == null ? null : user.getUserId(), execution.getCurrentActivityId());
  }

  private static byte[] bytes(InputStream in) {
    try (in) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
