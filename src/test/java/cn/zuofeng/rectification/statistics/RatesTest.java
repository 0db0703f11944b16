package cn.zuofeng.rectification.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** 整改率 and 按期整改率: four decimals, rounded half up, none without a divisor. */
class RatesTest {

  @Test
  void rateIsRoundedHalfUpToFourDecimals() {
    assertThat(Rates.of(2, 3)).isEqualTo(new BigDecimal("0.6667"));
    assertThat(Rates.of(1, 3)).isEqualTo(new BigDecimal("0.3333"));
    assertThat(Rates.of(1, 8)).isEqualTo(new BigDecimal("0.1250"));
    assertThat(Rates.of(1, 16)).as("0.0625 exactly").isEqualTo(new BigDecimal("0.0625"));
    assertThat(Rates.of(1, 32)).as("0.03125 rounds up").isEqualTo(new BigDecimal("0.0313"));
    assertThat(Rates.of(0, 5)).isEqualTo(new BigDecimal("0.0000"));
    assertThat(Rates.of(7, 7)).isEqualTo(new BigDecimal("1.0000"));
    assertThat(Rates.of(999_999, 1_000_000)).isEqualTo(new BigDecimal("1.0000"));
  }

  @Test
  void nothingToDivideByHasNoRate() {
    assertThat(Rates.of(0, 0)).isNull();
    assertThat(Rates.percent(0, 0)).isNull();
  }

  @Test
  void percentageHasOneDecimalRoundedFromTheCountsOnce() {
    assertThat(Rates.percent(2, 3)).isEqualTo(new BigDecimal("66.7"));
    assertThat(Rates.percent(1, 1)).isEqualTo(new BigDecimal("100.0"));
    assertThat(Rates.percent(0, 4)).isEqualTo(new BigDecimal("0.0"));
    // 1234.5 / 10000 = 12.345 %: rounding the rate first (0.1235) would give 12.4
    assertThat(Rates.percent(2469, 20000)).isEqualTo(new BigDecimal("12.3"));
  }
}
