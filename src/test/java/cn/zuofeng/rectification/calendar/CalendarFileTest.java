package cn.zuofeng.rectification.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The file format: date,type,name lines; a malformed file stops the application with the line to fix. */
class CalendarFileTest {

  @Test
  void readsDaysAndSkipsCommentsAndBlankLines() throws IOException {
    var days = parse("""
        # header
        
        2027-02-06,OFF,春节
         2027-02-07 , WORK , 春节 
        2027-10-08,OFF,
        """);
    assertThat(days).containsExactly(
        new CalendarDay(LocalDate.of(2027, 2, 6), false, "春节"),
        new CalendarDay(LocalDate.of(2027, 2, 7), true, "春节"),
        new CalendarDay(LocalDate.of(2027, 10, 8), false, null));
  }

  @Test
  void anUnknownTypeIsRejectedWithItsLineNumber() {
    assertThatThrownBy(() -> parse("# header\n2027-02-06,HOLIDAY,春节\n"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("line 2").hasMessageContaining("HOLIDAY");
  }

  @Test
  void aBadDateIsRejected() {
    assertThatThrownBy(() -> parse("2027-02-30,OFF,春节\n"))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("line 1").hasMessageContaining("2027-02-30");
  }

  @Test
  void aLineWithoutThreeFieldsIsRejected() {
    assertThatThrownBy(() -> parse("2027-02-06,OFF\n"))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("line 1");
    assertThatThrownBy(() -> parse("2027-02-06,OFF,春节,元宵\n"))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("line 1");
  }

  @Test
  void aDateListedTwiceIsRejected() {
    assertThatThrownBy(() -> parse("2027-02-06,OFF,春节\n2027-02-06,WORK,春节\n"))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("line 2").hasMessageContaining("twice");
  }

  private static List<CalendarDay> parse(String text) throws IOException {
    return CalendarFile.parse(new StringReader(text), "test.csv");
  }
}
