package cn.zuofeng.rectification.statistics;

import java.math.BigDecimal;

/**
 * One row of 整改统计: a responsible unit's problems (or, with {@code unitCode} null, those not
 * yet assigned, or the total).
 *
 * @param registered problems registered and not dismissed (不予立项)
 * @param closed 已销号
 * @param open neither closed nor dismissed
 * @param overdue open and past the deadline today, as the ledger's overdue filter counts them
 * @param closedOnTime closed without ever having been overdue
 */
public record StatisticsRow(
    String unitCode,
    String unitName,
    long registered,
    long dismissed,
    long closed,
    long open,
    long overdue,
    long closedOnTime) {

  /** 整改率: closed ÷ registered, null when nothing is registered. */
  public BigDecimal rectificationRate() {
    return Rates.of(closed, registered);
  }

  /** 按期整改率: closed on time ÷ closed, null when nothing is closed. */
  public BigDecimal onTimeRate() {
    return Rates.of(closedOnTime, closed);
  }

  /** The same unit with another row's counts added. */
  StatisticsRow plus(StatisticsRow other) {
    return new StatisticsRow(unitCode, unitName, registered + other.registered, dismissed + other.dismissed,
        closed + other.closed, open + other.open, overdue + other.overdue, closedOnTime + other.closedOnTime);
  }
}
