package cn.zuofeng.rectification.statistics;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** 整改率 and 按期整改率 as fractions: 0.6667 means two of three. */
public final class Rates {

  /** Decimal places of a rate; a page shows it as a percentage with one decimal. */
  public static final int SCALE = 4;

  private Rates() {}

  /** {@code part ÷ whole} rounded half up to {@link #SCALE} places; null when there is nothing to divide by. */
  public static BigDecimal of(long part, long whole) {
    if (whole == 0) {
      return null;
    }
    return BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), SCALE, RoundingMode.HALF_UP);
  }

  /**
   * The same rate as a percentage with one decimal (66.7 for two of three), rounded once from the
   * counts, not from the rounded rate; null when there is nothing to divide by.
   */
  public static BigDecimal percent(long part, long whole) {
    if (whole == 0) {
      return null;
    }
    return BigDecimal.valueOf(part).movePointRight(2).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
  }
}
