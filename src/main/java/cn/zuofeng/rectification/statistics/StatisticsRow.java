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
 * @param rectificationRate 整改率: closed ÷ registered, null when nothing is registered
 * @param onTimeRate 按期整改率: closed on time ÷ closed, null when nothing is closed
 */
public record StatisticsRow(
    String unitCode,
    String unitName,
    long registered,
    long dismissed,
    long closed,
    long open,
    long overdue,
    long closedOnTime,
    BigDecimal rectificationRate,
    BigDecimal onTimeRate) {

  static StatisticsRow of(String unitCode, String unitName, long registered, long dismissed, long closed, long open,
                          long overdue, long closedOnTime) {
    return new StatisticsRow(unitCode, unitName, registered, dismissed, closed, open, overdue, closedOnTime,
        Rates.of(closed, registered), Rates.of(closedOnTime, closed));
  }

  /** The same unit with another row's counts added. */
  StatisticsRow plus(StatisticsRow other) {
    return of(unitCode, unitName, registered + other.registered, dismissed + other.dismissed, closed + other.closed,
        open + other.open, overdue + other.overdue, closedOnTime + other.closedOnTime);
  }
}
