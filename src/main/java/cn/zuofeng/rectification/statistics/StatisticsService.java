package cn.zuofeng.rectification.statistics;

import cn.zuofeng.rectification.ledger.FormInput;
import cn.zuofeng.rectification.ledger.UnitDirectory;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 整改统计: 整改率 and 按期整改率 per responsible unit and overall, counted by the database in one
 * statement. Whole-ledger readers see every unit and the problems not yet assigned; a unit member
 * only their own unit(s).
 */
@Service
@Transactional(readOnly = true)
public class StatisticsService {

  /** The label of the row of problems not yet assigned to a unit. */
  public static final String UNASSIGNED = "未交办";

  private final StatisticsRepository repository;
  private final UnitDirectory units;
  private final Clock clock;

  StatisticsService(StatisticsRepository repository, UnitDirectory units, Clock clock) {
    this.repository = repository;
    this.units = units;
    this.clock = clock;
  }

  /**
   * @param from first registration date counted ({@code yyyy-MM-dd}), blank for no limit
   * @param to last registration date counted, blank for no limit
   * @param unit one unit's code, blank for every unit the reader sees
   * @param visibleUnits the units whose problems the reader sees; null for every problem
   * @throws cn.zuofeng.rectification.ledger.InvalidInputException naming {@code from}, {@code to} or {@code unit}
   * @throws AccessDeniedException when a unit member asks for another unit
   */
  public RectificationStatistics compute(String from, String to, String unit, Set<String> visibleUnits) {
    Map<String, Object> params = new HashMap<>();
    params.put("from", from);
    params.put("to", to);
    var in = new FormInput(params);
    LocalDate fromDate = in.optionalDate("from", "起始日期", clock.getZone());
    LocalDate toDate = in.optionalDate("to", "截止日期", clock.getZone());
    if (fromDate != null && toDate != null && fromDate.isAfter(toDate)) {
      in.reject("to", "截止日期（" + toDate + "）不能早于起始日期（" + fromDate + "）");
    }
    String unitCode = unit == null || unit.isBlank() ? null : unit.strip();
    Map<String, String> names = units.names();
    if (unitCode != null && !names.containsKey(unitCode)) {
      in.reject("unit", "责任单位「" + unitCode + "」不存在");
    }
    in.throwIfInvalid();
    if (unitCode != null && visibleUnits != null && !visibleUnits.contains(unitCode)) {
      throw new AccessDeniedException("只能查看本单位的整改统计");
    }

    LocalDate today = LocalDate.now(clock);
    Set<String> shownUnits = unitCode != null ? Set.of(unitCode) : visibleUnits;
    boolean withUnassigned = shownUnits == null;
    // every unit shown gets a row, with zeros when it has no problems in the period
    var rows = new TreeMap<String, StatisticsRow>();
    (shownUnits == null ? names.keySet() : shownUnits)
        .forEach(code -> rows.put(code, new StatisticsRow(code, names.getOrDefault(code, code), 0, 0, 0, 0, 0, 0)));
    StatisticsRow unassigned = new StatisticsRow(null, UNASSIGNED, 0, 0, 0, 0, 0, 0);
    List<StatisticsRepository.Counts> counts = shownUnits != null && shownUnits.isEmpty() ? List.of()
        : repository.countByUnit(startOf(fromDate), startOf(toDate == null ? null : toDate.plusDays(1)), shownUnits, today);
    for (var c : counts) {
      StatisticsRow counted = new StatisticsRow(c.unitCode(), names.getOrDefault(c.unitCode(), c.unitCode()),
          c.registered(), c.dismissed(), c.closed(), c.open(), c.overdue(), c.closedOnTime());
      if (c.unitCode() == null) {
        unassigned = unassigned.plus(counted);
      } else {
        rows.merge(c.unitCode(), counted, StatisticsRow::plus);
      }
    }
    List<StatisticsRow> shown = new ArrayList<>(rows.values());
    if (withUnassigned) {
      shown.add(unassigned);
    }
    StatisticsRow total = shown.stream().reduce(new StatisticsRow(null, "合计", 0, 0, 0, 0, 0, 0), StatisticsRow::plus);
    return new RectificationStatistics(fromDate, toDate, today, total, List.copyOf(shown));
  }

  /** The first instant of a date in the application's zone. */
  private OffsetDateTime startOf(LocalDate date) {
    return date == null ? null : date.atStartOfDay(clock.getZone()).toOffsetDateTime();
  }
}
