package cn.zuofeng.rectification.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.test.context.ActiveProfiles;

/** Two writers on one ledger row: the one holding a stale version loses instead of overwriting. */
@SpringBootTest
@ActiveProfiles("test")
class LedgerConcurrencyTest {

  @Autowired LedgerService ledger;
  @Autowired ProblemRepository problems;
  @Autowired UnitDirectory units;

  @Test
  void staleWriterIsRefusedAndTheRowKeepsTheNewerChange() {
    units.save(new Unit("fgw", "市发展改革委"));
    Problem registered = ledger.register(new RegisterProblem("会议过多", "基层反映会议过多", ProblemSource.FORUM,
        ProblemCategory.FORMALISM, ledger.today(), null), new Step("supervisor", null), null);
    Problem stale = ledger.find(registered.number()).orElseThrow();

    ledger.assign(registered.number(), new AssignProblem("fgw", Severity.GENERAL, RectificationType.IMMEDIATE,
        ledger.today().plusDays(3), null), new Step("supervisor-a", "UserTask_ReviewAndAssign"));

    assertThatThrownBy(() -> problems.update(stale, Map.of("state", ProblemState.DISMISSED), OffsetDateTime.now()))
        .isInstanceOf(OptimisticLockingFailureException.class)
        .hasMessageContaining("已被他人修改");
    Problem now = ledger.find(registered.number()).orElseThrow();
    assertThat(now.state()).isEqualTo(ProblemState.RECTIFYING);
    assertThat(now.version()).isEqualTo(stale.version() + 1);
  }

  @Test
  void everyChangeIsChainedToThePreviousOne() {
    units.save(new Unit("fgw", "市发展改革委"));
    Problem p = ledger.register(new RegisterProblem("台账不实", "整改台账与实际不符", ProblemSource.SUPERVISION,
        ProblemCategory.WORK_DISCIPLINE, ledger.today(), null), new Step("supervisor", null), null);
    ledger.dismiss(p.number(), "重复登记", new Step("supervisor", "UserTask_ReviewAndAssign"));

    var events = ledger.eventsOf(p);
    assertThat(events).extracting(ProblemEventLog.Event::type).containsExactly("REGISTERED", "DISMISSED");
    assertThat(events.get(0).prevHash()).isNull();
    assertThat(events.get(1).prevHash()).isEqualTo(events.get(0).hash());
    var first = events.get(0);
    assertThat(ProblemEventLog.hash(null, p.number(), 1, first.occurredAt(), first.actor(), first.type(),
        first.activityId(), first.details())).as("the hash can be recomputed from the row").isEqualTo(first.hash());
  }

  @Test
  void stepsOutOfOrderAreRefused() {
    Problem p = ledger.register(new RegisterProblem("多头检查", "企业一月内被检查五次", ProblemSource.HOTLINE,
        ProblemCategory.BUSINESS_ENVIRONMENT, ledger.today(), null), new Step("supervisor", null), null);
    assertThatThrownBy(() -> ledger.approveCloseOut(p.number(), new Step("leader", "UserTask_ApproveCloseOut")))
        .isInstanceOf(IllegalStateTransitionException.class)
        .hasMessageContaining("当前状态为「待审核」，不能销号");
  }
}
