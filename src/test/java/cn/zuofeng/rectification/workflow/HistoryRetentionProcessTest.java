package cn.zuofeng.rectification.workflow;

import static cn.zuofeng.rectification.workflow.ProcessIds.ACCEPT_RECTIFICATION;
import static cn.zuofeng.rectification.workflow.ProcessIds.APPROVE_CLOSE_OUT;
import static org.assertj.core.api.Assertions.assertThat;

import cn.zuofeng.rectification.audit.AuditVerifier;
import cn.zuofeng.rectification.audit.TrailEntry;
import cn.zuofeng.rectification.audit.TrailService;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Retention: once the retention period has passed, the engine's history cleanup removes a closed
 * problem's process history, and the trail still tells every ledger step with person and values.
 */
class HistoryRetentionProcessTest extends ProcessTestSupport {

  @Autowired ManagementService management;
  @Autowired RepositoryService repository;
  @Autowired TrailService trails;
  @Autowired AuditVerifier verifier;
  @Autowired JdbcClient jdbc;

  @Test
  void everyDefinitionKeepsHistoryForTheConfiguredPeriodWhateverTheModelSays() {
    // the model files say P3650D; the setting (default 1826 days) wins
    assertThat(repository.createProcessDefinitionQuery().list())
        .isNotEmpty().allSatisfy(d -> assertThat(d.getHistoryTimeToLive()).isEqualTo(1826));
    assertThat(repository.createDecisionDefinitionQuery().list())
        .isNotEmpty().allSatisfy(d -> assertThat(d.getHistoryTimeToLive()).isEqualTo(1826));
    var configuration = (org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    assertThat(configuration.getHistoryRemovalTimeStrategy()).isEqualTo("end");
    assertThat(configuration.getHistoryCleanupStrategy()).isEqualTo("removalTimeBased");
    assertThat(configuration.getHistoryCleanupBatchWindowStartTime()).isEqualTo("01:00");
    assertThat(configuration.getHistoryCleanupBatchWindowEndTime()).isEqualTo("05:00");
  }

  @Test
  void aModelDeployedLaterGetsThePeriodAtDeployment() {
    var model = org.camunda.bpm.model.bpmn.Bpmn.createExecutableProcess("retention-probe")
        .camundaHistoryTimeToLive(30).startEvent().endEvent().done();
    var deployment = repository.createDeployment().addModelInstance("retention-probe.bpmn", model).deploy();
    try {
      assertThat(repository.createProcessDefinitionQuery().deploymentId(deployment.getId()).singleResult()
          .getHistoryTimeToLive()).isEqualTo(1826);
    } finally {
      repository.deleteDeployment(deployment.getId(), true);
    }
  }

  @Test
  void historyCleanupRemovesTheProcessHistoryButNeverTheLedgerAndTheTrailStillTellsEveryStep() {
    String number = register("办事指南不准确");
    assign(number, "fgw", TODAY.plusDays(10));
    claim(number, "fgw-zhao", "unit-fgw");
    rectify(number, "fgw-zhao", "unit-fgw", Map.of("measures", "重新编制办事指南", "result", "已更新并公示"));
    complete(number, ACCEPT_RECTIFICATION, "supervisor", "supervisors",
        Map.of("acceptanceDecision", "REJECT", "rejectionReason", "缺少公示截图"));
    rectify(number, "fgw-zhao", "unit-fgw", Map.of("measures", "重新编制办事指南并公示", "result", "已附公示截图"));
    complete(number, ACCEPT_RECTIFICATION, "supervisor", "supervisors", Map.of("acceptanceDecision", "ACCEPT"));
    complete(number, APPROVE_CLOSE_OUT, "leader", "leaders", Map.of("closeOutDecision", "APPROVE"));
    String instance = processInstanceId(number);
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(instance).singleResult().getRemovalTime())
        .as("removal time = end + retention").isNotNull();
    List<TrailEntry> before = trails.trail(problem(number));
    assertThat(before).as("before the cleanup the trail shows the engine's steps too")
        .anySatisfy(e -> assertThat(e.source()).isEqualTo("流程"));
    assertThat(engineHistoryOf(instance)).isPositive();
    long[] ledgerRows = ledgerRowCounts();

    // the day after the retention period, the cleanup job runs
    ClockUtil.setCurrentTime(Date.from(NOW.plusDays(1825).toInstant()));
    String early = history.cleanUpHistoryAsync(true).getId();
    management.executeJob(early);
    assertThat(engineHistoryOf(instance)).as("kept until the period has passed").isPositive();
    ClockUtil.setCurrentTime(Date.from(NOW.plusDays(1827).toInstant()));
    String job = history.cleanUpHistoryAsync(true).getId();
    for (int run = 0; run < 50 && engineHistoryOf(instance) > 0; run++) {
      management.executeJob(job);
    }

    assertThat(engineHistoryOf(instance)).as("the engine's history of the instance is gone").isZero();
    assertThat(ledgerRowCounts()).as("problem, problem_event, problem_evidence, chain head untouched")
        .containsExactly(ledgerRows);
    List<TrailEntry> after = trails.trail(problem(number));
    assertThat(after).allSatisfy(e -> assertThat(e.source()).isEqualTo("台账"));
    assertThat(after).containsExactlyElementsOf(before.stream().filter(e -> e.source().equals("台账")).toList());
    assertThat(after).extracting(TrailEntry::action).containsExactly(
        "登记问题", "审核交办", "签收", "提交整改", "退回整改", "提交整改", "验收通过", "销号");
    assertThat(after).extracting(TrailEntry::actor).containsExactly(
        "supervisor", "supervisor", "fgw-zhao", "fgw-zhao", "supervisor", "fgw-zhao", "supervisor", "leader");
    assertThat(after.get(1).details()).contains("fgw", "SERIOUS", "TIME_LIMITED");
    assertThat(after.get(3).details()).contains("重新编制办事指南", "已更新并公示");
    assertThat(after.get(4).details()).contains("缺少公示截图");
    assertThat(after.get(5).details()).contains("已附公示截图");
    assertThat(verifier.verify().intact()).as("the ledger's chains still verify").isTrue();
  }

  private long engineHistoryOf(String instance) {
    return history.createHistoricProcessInstanceQuery().processInstanceId(instance).count()
        + history.createHistoricActivityInstanceQuery().processInstanceId(instance).count()
        + history.createHistoricTaskInstanceQuery().processInstanceId(instance).count()
        + history.createHistoricVariableInstanceQuery().processInstanceId(instance).count()
        + history.createHistoricDetailQuery().processInstanceId(instance).count()
        + history.createUserOperationLogQuery().processInstanceId(instance).count();
  }

  private long[] ledgerRowCounts() {
    return new long[] {
        jdbc.sql("select count(*) from problem").query(Long.class).single(),
        jdbc.sql("select count(*) from problem_event").query(Long.class).single(),
        jdbc.sql("select count(*) from problem_evidence").query(Long.class).single(),
        jdbc.sql("select last_seq from problem_event_chain").query(Long.class).single()};
  }
}
