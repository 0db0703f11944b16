package cn.zuofeng.rectification.workflow;

import static cn.zuofeng.rectification.workflow.ProcessIds.ACCEPT_RECTIFICATION;
import static cn.zuofeng.rectification.workflow.ProcessIds.APPROVE_CLOSE_OUT;
import static cn.zuofeng.rectification.workflow.ProcessIds.RECTIFY;
import static cn.zuofeng.rectification.workflow.ProcessIds.REVIEW_AND_ASSIGN;
import static cn.zuofeng.rectification.workflow.ProcessIds.START_EVENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.zuofeng.rectification.ledger.InvalidInputException;
import cn.zuofeng.rectification.ledger.Problem;
import cn.zuofeng.rectification.ledger.ProblemEventLog;
import cn.zuofeng.rectification.ledger.ProblemState;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;

/** Every path of problem-rectification, asserted in the process, the ledger and the history. */
class ProblemRectificationProcessTest extends ProcessTestSupport {

  private static final Map<String, Object> REPORT = Map.of("measures", "制定办事指南并公示", "result", "已全部办结，回访满意");

  @Test
  void problemGoesFromRegistrationToCloseOut() {
    String number = register("窗口推诿扯皮");
    assertThat(number).matches("WT-2026-\\d{6}");
    var instance = instance(number);
    BpmnAwareTests.assertThat(instance).isWaitingAt(REVIEW_AND_ASSIGN);
    assertThat(problem(number).state()).isEqualTo(ProblemState.REGISTERED);
    assertThat(problem(number).registeredBy()).isEqualTo("supervisor");
    assertThat(task(number, REVIEW_AND_ASSIGN)).isNotNull();

    assign(number, "fgw", TODAY.plusDays(10));
    BpmnAwareTests.assertThat(instance).isWaitingAt(RECTIFY);
    var rectifyTask = task(number, RECTIFY);
    assertThat(rectifyTask.getDueDate().toInstant()).as("due at the end of the deadline day, Beijing time")
        .isEqualTo(java.time.OffsetDateTime.parse("2026-12-03T23:59:59+08:00").toInstant());
    Problem assigned = problem(number);
    assertThat(assigned.state()).isEqualTo(ProblemState.RECTIFYING);
    assertThat(assigned.unitCode()).isEqualTo("fgw");
    assertThat(assigned.deadline()).isEqualTo(TODAY.plusDays(10));
    // offered to the unit's group only
    assertThat(tasks.createTaskQuery().taskCandidateGroup("unit-fgw").processInstanceBusinessKey(number).count()).isEqualTo(1);
    assertThat(tasks.createTaskQuery().taskCandidateGroup("unit-zjj").processInstanceBusinessKey(number).count()).isZero();

    claim(number, "fgw-zhao", "unit-fgw");
    assertThat(problem(number).owner()).isEqualTo("fgw-zhao");
    assertThat(problem(number).claimedAt()).isNotNull();

    rectify(number, "fgw-zhao", "unit-fgw", Variables.fromMap(REPORT)
        .putValue("evidence1", Variables.fileValue("整改报告.pdf").file("%PDF-1.4 报告".getBytes(StandardCharsets.UTF_8))
            .mimeType("application/pdf").create()));
    BpmnAwareTests.assertThat(instance).isWaitingAt(ACCEPT_RECTIFICATION);
    assertThat(problem(number).state()).isEqualTo(ProblemState.PENDING_ACCEPTANCE);
    assertThat(problem(number).measures()).isEqualTo("制定办事指南并公示");
    assertThat(ledger.evidenceOf(problem(number))).extracting(e -> e.fileName()).containsExactly("整改报告.pdf");
    assertThat(runtime.getVariable(instance.getId(), "evidence1")).as("files live in the ledger, not the process").isNull();

    complete(number, ACCEPT_RECTIFICATION, "supervisor", "supervisors", Map.of("acceptanceDecision", "ACCEPT"));
    BpmnAwareTests.assertThat(instance).isWaitingAt(APPROVE_CLOSE_OUT);
    assertThat(problem(number).state()).isEqualTo(ProblemState.PENDING_CLOSE_OUT);

    complete(number, APPROVE_CLOSE_OUT, "leader", "leaders", Map.of("closeOutDecision", "APPROVE"));
    BpmnAwareTests.assertThat(instance).isEnded();
    BpmnAwareTests.assertThat(instance).hasPassedInOrder(START_EVENT, REVIEW_AND_ASSIGN, "Gateway_ReviewDecision",
        RECTIFY, ACCEPT_RECTIFICATION, "Gateway_AcceptanceDecision", APPROVE_CLOSE_OUT, "Gateway_CloseOutDecision",
        "EndEvent_ClosedOut");
    BpmnAwareTests.assertThat(instance).hasNotPassed("EndEvent_Dismissed");

    Problem closed = problem(number);
    assertThat(closed.state()).isEqualTo(ProblemState.CLOSED);
    assertThat(closed.closedAt()).isNotNull();
    HistoricProcessInstance historic = history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(number).singleResult();
    assertThat(historic.getEndActivityId()).isEqualTo("EndEvent_ClosedOut");
    assertThat(historic.getStartUserId()).isEqualTo("supervisor");
    assertThat(history.createHistoricTaskInstanceQuery().processInstanceBusinessKey(number).taskDefinitionKey(RECTIFY)
        .singleResult().getAssignee()).isEqualTo("fgw-zhao");
    assertThat(ledger.eventsOf(closed)).extracting(ProblemEventLog.Event::type).containsExactly(
        "REGISTERED", "ASSIGNED", "CLAIMED", "RECTIFICATION_SUBMITTED", "ACCEPTED", "CLOSED_OUT");
    assertThat(ledger.eventsOf(closed)).extracting(ProblemEventLog.Event::actor).containsExactly(
        "supervisor", "supervisor", "fgw-zhao", "fgw-zhao", "supervisor", "leader");
  }

  @Test
  void dismissedProblemEndsWithItsReason() {
    String number = register("路灯不亮");
    complete(number, REVIEW_AND_ASSIGN, "supervisor", "supervisors",
        Map.of("reviewDecision", "DISMISS", "dismissReason", "不属于作风问题，已转办"));

    var instance = history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(number).singleResult();
    assertThat(instance.getEndActivityId()).isEqualTo("EndEvent_Dismissed");
    assertThat(instance(number)).as("the instance has ended").isNull();
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(instance.getId()).activityId(RECTIFY).count()).isZero();
    Problem dismissed = problem(number);
    assertThat(dismissed.state()).isEqualTo(ProblemState.DISMISSED);
    assertThat(dismissed.dismissReason()).isEqualTo("不属于作风问题，已转办");
    assertThat(dismissed.unitCode()).isNull();
  }

  @Test
  void rejectedRectificationGoesBackToTheUnitWithTheReason() {
    String number = register("审批材料重复提交");
    assign(number, "fgw", TODAY.plusDays(20));
    rectify(number, "fgw-zhao", "unit-fgw", REPORT);
    complete(number, ACCEPT_RECTIFICATION, "supervisor", "supervisors",
        Map.of("acceptanceDecision", "REJECT", "rejectionReason", "缺少佐证材料"));

    var instance = instance(number);
    BpmnAwareTests.assertThat(instance).isWaitingAt(RECTIFY);
    assertThat(runtime.getVariable(instance.getId(), "lastRejectionReason")).isEqualTo("缺少佐证材料");
    Problem rejected = problem(number);
    assertThat(rejected.state()).isEqualTo(ProblemState.RECTIFYING);
    assertThat(rejected.rejectionCount()).isEqualTo(1);
    assertThat(rejected.lastRejectionReason()).isEqualTo("缺少佐证材料");
    assertThat(task(number, RECTIFY).getDueDate()).as("the deadline still stands").isNotNull();

    rectify(number, "fgw-qian", "unit-fgw", Map.of("measures", "补充材料", "result", "已补充"));
    // the next acceptance starts with an empty decision, not the previous rejection
    assertThat(runtime.getVariable(instance.getId(), "acceptanceDecision")).isNull();
    complete(number, ACCEPT_RECTIFICATION, "supervisor", "supervisors", Map.of("acceptanceDecision", "ACCEPT"));
    complete(number, APPROVE_CLOSE_OUT, "leader", "leaders", Map.of("closeOutDecision", "APPROVE"));

    BpmnAwareTests.assertThat(instance).isEnded();
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(instance.getId()).activityId(RECTIFY).count()).isEqualTo(2);
    assertThat(problem(number).state()).isEqualTo(ProblemState.CLOSED);
    assertThat(ledger.eventsOf(problem(number))).extracting(ProblemEventLog.Event::type).containsExactly(
        "REGISTERED", "ASSIGNED", "RECTIFICATION_SUBMITTED", "REJECTED", "RECTIFICATION_SUBMITTED", "ACCEPTED", "CLOSED_OUT");
  }

  @Test
  void closeOutSentBackReturnsToAcceptance() {
    String number = register("督查发现台账不实");
    assign(number, "zjj", TODAY.plusDays(5));
    rectify(number, "zjj-sun", "unit-zjj", REPORT);
    complete(number, ACCEPT_RECTIFICATION, "supervisor", "supervisors", Map.of("acceptanceDecision", "ACCEPT"));
    complete(number, APPROVE_CLOSE_OUT, "leader", "leaders",
        Map.of("closeOutDecision", "SEND_BACK", "closeOutComment", "请现场复核后再报"));

    var instance = instance(number);
    BpmnAwareTests.assertThat(instance).isWaitingAt(ACCEPT_RECTIFICATION);
    Problem sentBack = problem(number);
    assertThat(sentBack.state()).isEqualTo(ProblemState.PENDING_ACCEPTANCE);
    assertThat(sentBack.closeOutComment()).isEqualTo("请现场复核后再报");
    assertThat(sentBack.acceptedAt()).isNull();

    complete(number, ACCEPT_RECTIFICATION, "supervisor", "supervisors", Map.of("acceptanceDecision", "ACCEPT"));
    complete(number, APPROVE_CLOSE_OUT, "leader", "leaders", Map.of("closeOutDecision", "APPROVE"));
    BpmnAwareTests.assertThat(instance).isEnded();
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
        .activityId(APPROVE_CLOSE_OUT).list()).extracting(HistoricActivityInstance::getAssignee).hasSize(2);
    assertThat(problem(number).state()).isEqualTo(ProblemState.CLOSED);
  }

  @Test
  void invalidReviewIsRefusedAndNothingChanges() {
    String number = register("办事效率低");
    Map<String, Object> missingUnit = Map.of("reviewDecision", "ASSIGN", "severity", "GENERAL",
        "rectificationType", "IMMEDIATE", "deadline", TODAY.plusDays(3).toString());
    assertThatThrownBy(() -> complete(number, REVIEW_AND_ASSIGN, "supervisor", "supervisors", missingUnit))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("请填写责任单位");

    Map<String, Object> pastDeadline = Map.of("reviewDecision", "ASSIGN", "unitCode", "fgw", "severity", "GENERAL",
        "rectificationType", "IMMEDIATE", "deadline", TODAY.minusDays(1).toString());
    assertThatThrownBy(() -> complete(number, REVIEW_AND_ASSIGN, "supervisor", "supervisors", pastDeadline))
        .hasMessageContaining("整改时限不能早于今天");

    Map<String, Object> unknownUnit = Map.of("reviewDecision", "ASSIGN", "unitCode", "nope", "severity", "GENERAL",
        "rectificationType", "IMMEDIATE", "deadline", TODAY.plusDays(3).toString());
    assertThatThrownBy(() -> complete(number, REVIEW_AND_ASSIGN, "supervisor", "supervisors", unknownUnit))
        .hasMessageContaining("责任单位「nope」不存在");

    assertThatThrownBy(() -> complete(number, REVIEW_AND_ASSIGN, "supervisor", "supervisors", Map.of("reviewDecision", "DISMISS")))
        .hasMessageContaining("请填写不予立项理由");

    BpmnAwareTests.assertThat(instance(number)).isWaitingAt(REVIEW_AND_ASSIGN);
    assertThat(problem(number).state()).isEqualTo(ProblemState.REGISTERED);
    assertThat(ledger.eventsOf(problem(number))).hasSize(1);
  }

  @Test
  void rectificationWithoutMeasuresOrWithAForbiddenFileIsRefused() {
    String number = register("政策兑现慢");
    assign(number, "fgw", TODAY.plusDays(10));
    assertThatThrownBy(() -> rectify(number, "fgw-zhao", "unit-fgw", Map.of("result", "已完成")))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("请填写整改措施");
    var withScript = Variables.fromMap(REPORT).putValue("evidence1",
        Variables.fileValue("证明.html").file("<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8)).create());
    assertThatThrownBy(() -> rectify(number, "fgw-zhao", "unit-fgw", withScript))
        .hasMessageContaining("佐证材料「证明.html」的文件类型不允许");

    BpmnAwareTests.assertThat(instance(number)).isWaitingAt(RECTIFY);
    assertThat(problem(number).state()).isEqualTo(ProblemState.RECTIFYING);
    assertThat(ledger.evidenceOf(problem(number))).isEmpty();
  }

  @Test
  void fileInputsLeftEmptyInTheFormAreIgnored() {
    String number = register("材料报送不规范");
    assign(number, "fgw", TODAY.plusDays(10));
    // what Tasklist submits for an embedded form's empty file input
    rectify(number, "fgw-zhao", "unit-fgw", Variables.fromMap(REPORT)
        .putValue("evidence1", Variables.fileValue("").file(new byte[0]).create()));
    assertThat(problem(number).state()).isEqualTo(ProblemState.PENDING_ACCEPTANCE);
    assertThat(ledger.evidenceOf(problem(number))).isEmpty();
  }

  @Test
  void registrationWithBadFieldsStartsNothing() {
    long before = runtime.createProcessInstanceQuery().count();
    var fields = problemFields("  ");
    fields.put("source", "RUMOUR");
    fields.put("discoveredOn", TODAY.plusDays(1).toString());
    assertThatThrownBy(() -> as("supervisor", "supervisors", () -> registration.register(fields)))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(e -> assertThat(((InvalidInputException) e).errors()).extracting(f -> f.field())
            .containsExactly("title", "source"));
    var future = problemFields("发现日期在未来");
    future.put("discoveredOn", TODAY.plusDays(1).toString());
    assertThatThrownBy(() -> as("supervisor", "supervisors", () -> registration.register(future)))
        .hasMessageContaining("发现日期不能晚于今天");
    assertThat(runtime.createProcessInstanceQuery().count()).isEqualTo(before);
  }

  @Test
  void onlyTheAssignedUnitAndTheRightGroupsMayWork() {
    String number = register("乱收费");
    assertThatThrownBy(() -> as("fgw-zhao", "unit-fgw", () -> registration.register(problemFields("单位不能登记"))))
        .isInstanceOf(AuthorizationException.class);
    assertThatThrownBy(() -> complete(number, REVIEW_AND_ASSIGN, "leader", "leaders",
        Map.of("reviewDecision", "DISMISS", "dismissReason", "x"))).isInstanceOf(AuthorizationException.class);
    assign(number, "fgw", TODAY.plusDays(10));
    assertThatThrownBy(() -> claim(number, "zjj-sun", "unit-zjj")).isInstanceOf(AuthorizationException.class);
    assertThatThrownBy(() -> rectify(number, "auditor", "auditors", REPORT)).isInstanceOf(AuthorizationException.class);
    assertThat(as("zjj-sun", "unit-zjj", () -> tasks.createTaskQuery().processInstanceBusinessKey(number).count())).isZero();
    assertThat(as("fgw-zhao", "unit-fgw", () -> tasks.createTaskQuery().processInstanceBusinessKey(number).count())).isEqualTo(1);
    assertThat(as("auditor", "auditors", () -> tasks.createTaskQuery().processInstanceBusinessKey(number).count())).isEqualTo(1);
  }
}
