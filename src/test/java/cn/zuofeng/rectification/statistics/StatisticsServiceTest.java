package cn.zuofeng.rectification.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import cn.zuofeng.rectification.ledger.FieldError;
import cn.zuofeng.rectification.ledger.InvalidInputException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one grouped statement on H2 (the default database): every count and rate of 整改统计 from
 * rows written straight into the ledger's table, inside a transaction that is rolled back.
 */
@SpringBootTest
@ActiveProfiles("test")
class StatisticsServiceTest {

  @Autowired StatisticsService statistics;
  @Autowired JdbcClient jdbc;
  @Autowired TransactionTemplate transaction;
  @Autowired Clock clock;

  @Test
  void countsAndRatesPerUnitOnH2() {
    inRolledBackTransaction(() -> {
      LocalDate today = LocalDate.now(clock);
      String a = unit("a", "统计甲局");
      String b = unit("b", "统计乙局");
      problem(a, "CLOSED", today.plusDays(5), null, today);
      problem(a, "CLOSED", today.plusDays(5), null, today);
      problem(a, "CLOSED", today.minusDays(5), OffsetDateTime.now(clock), today);
      problem(a, "RECTIFYING", today.minusDays(1), OffsetDateTime.now(clock), today);
      problem(a, "PENDING_ACCEPTANCE", today.minusDays(1), null, today);
      problem(a, "PENDING_CLOSE_OUT", today.minusDays(1), null, today);
      problem(a, "RECTIFYING", today, null, today);
      problem(b, "RECTIFYING", today.plusDays(3), null, today.minusDays(10));

      var onlyA = statistics.compute(null, null, a, null);
      assertThat(onlyA.today()).isEqualTo(today);
      assertThat(onlyA.units()).extracting(StatisticsRow::unitCode, StatisticsRow::unitName, StatisticsRow::registered,
              StatisticsRow::dismissed, StatisticsRow::closed, StatisticsRow::open, StatisticsRow::overdue,
              StatisticsRow::closedOnTime)
          .containsExactly(tuple(a, "统计甲局", 7L, 0L, 3L, 4L, 2L, 2L));
      assertThat(onlyA.units().get(0).rectificationRate()).isEqualTo(new BigDecimal("0.4286"));
      assertThat(onlyA.units().get(0).onTimeRate()).isEqualTo(new BigDecimal("0.6667"));
      assertThat(onlyA.total()).usingRecursiveComparison().ignoringFields("unitCode", "unitName").isEqualTo(onlyA.units().get(0));

      // registration dates, inclusive, in the application's zone
      var lastWeek = statistics.compute(today.minusDays(10).toString(), today.minusDays(1).toString(), null, Set.of(a, b));
      assertThat(lastWeek.units()).extracting(StatisticsRow::unitCode, StatisticsRow::registered, StatisticsRow::open)
          .containsExactly(tuple(a, 0L, 0L), tuple(b, 1L, 1L));
      assertThat(lastWeek.units().get(0).rectificationRate()).isNull();
      assertThat(lastWeek.units().get(1).onTimeRate()).isNull();
      assertThat(lastWeek.total().registered()).isEqualTo(1);

      var everything = statistics.compute(null, today.toString(), null, null);
      assertThat(everything.units()).last().satisfies(row -> {
        assertThat(row.unitCode()).isNull();
        assertThat(row.unitName()).isEqualTo(StatisticsService.UNASSIGNED);
      });
      assertThat(everything.units()).extracting(StatisticsRow::unitCode).contains(a, b);
      assertThat(everything.total().registered())
          .isEqualTo(everything.units().stream().mapToLong(StatisticsRow::registered).sum());
    });
  }

  @Test
  void badInputNamesTheFieldAndAnotherUnitIsRefused() {
    assertThatThrownBy(() -> statistics.compute("2026-02-30", null, null, null))
        .isInstanceOfSatisfying(InvalidInputException.class, e ->
            assertThat(e.errors()).extracting(FieldError::field).containsExactly("from"));
    assertThatThrownBy(() -> statistics.compute("2026-03-02", "2026-03-01", null, null))
        .isInstanceOfSatisfying(InvalidInputException.class, e ->
            assertThat(e.errors()).extracting(FieldError::field).containsExactly("to"));
    assertThatThrownBy(() -> statistics.compute(null, null, "no-such-unit", null))
        .isInstanceOfSatisfying(InvalidInputException.class, e ->
            assertThat(e.errors()).extracting(FieldError::field).containsExactly("unit"));
    inRolledBackTransaction(() -> {
      String mine = unit("m", "本单位");
      String other = unit("o", "他单位");
      assertThatThrownBy(() -> statistics.compute(null, null, other, Set.of(mine)))
          .isInstanceOf(AccessDeniedException.class).hasMessage("只能查看本单位的整改统计");
      var own = statistics.compute(null, null, null, Set.of(mine));
      assertThat(own.units()).extracting(StatisticsRow::unitCode).containsExactly(mine);
      assertThat(statistics.compute(null, null, null, Set.of()).units()).isEmpty();
    });
  }

  private void inRolledBackTransaction(Runnable work) {
    transaction.executeWithoutResult(status -> {
      status.setRollbackOnly();
      work.run();
    });
  }

  /** A new unit whose code starts with {@code prefix}, so tests know the units' order. */
  private String unit(String prefix, String name) {
    String code = prefix + UUID.randomUUID().toString().substring(0, 8);
    jdbc.sql("insert into unit (code, name, created_at) values (:code, :name, :now)")
        .param("code", code).param("name", name).param("now", OffsetDateTime.now(clock)).update();
    return code;
  }

  private void problem(String unit, String state, LocalDate deadline, OffsetDateTime overdueAt, LocalDate registeredOn) {
    OffsetDateTime registeredAt = registeredOn.atTime(9, 0).atZone(clock.getZone()).toOffsetDateTime();
    jdbc.sql("""
            insert into problem (number, title, description, source, category, discovered_on, state, unit_code,
              deadline, overdue_at, registered_at, updated_at)
            values (:number, '统计测试', '统计测试', 'HOTLINE', 'FORMALISM', :registeredOn, :state, :unit, :deadline,
              :overdueAt, :registeredAt, :registeredAt)""")
        .param("number", "ST-" + UUID.randomUUID().toString().substring(0, 12))
        .param("registeredOn", registeredOn)
        .param("state", state)
        .param("unit", unit)
        .param("deadline", deadline)
        .param("overdueAt", overdueAt)
        .param("registeredAt", registeredAt)
        .update();
  }
}
