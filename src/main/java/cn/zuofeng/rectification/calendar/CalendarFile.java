package cn.zuofeng.rectification.calendar;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.springframework.core.io.ClassPathResource;

/**
 * Reads the holiday schedule shipped with the application ({@value #SHIPPED}); the format is
 * described in the file's header. A malformed file stops the application at startup rather than
 * silently counting deadlines on a wrong calendar.
 */
final class CalendarFile {

  static final String SHIPPED = "calendar/cn-holidays.csv";

  private CalendarFile() {}

  static List<CalendarDay> readShipped() {
    try (Reader reader = new InputStreamReader(new ClassPathResource(SHIPPED).getInputStream(), StandardCharsets.UTF_8)) {
      return parse(reader, SHIPPED);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the holiday calendar " + SHIPPED, e);
    }
  }

  /** Parses {@code date,type,name} lines; {@code origin} names the source in error messages. */
  static List<CalendarDay> parse(Reader source, String origin) throws IOException {
    var days = new ArrayList<CalendarDay>();
    var seen = new HashSet<LocalDate>();
    var lines = new BufferedReader(source);
    int lineNumber = 0;
    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
      lineNumber++;
      String text = line.strip();
      if (text.isEmpty() || text.startsWith("#")) {
        continue;
      }
      CalendarDay day = parseLine(text, origin, lineNumber);
      if (!seen.add(day.date())) {
        throw malformed(origin, lineNumber, day.date() + " is listed twice");
      }
      days.add(day);
    }
    return List.copyOf(days);
  }

  private static CalendarDay parseLine(String text, String origin, int lineNumber) {
    String[] fields = text.split(",", -1);
    if (fields.length != 3) {
      throw malformed(origin, lineNumber, "expected date,type,name but found " + fields.length + " field(s)");
    }
    LocalDate date;
    try {
      date = LocalDate.parse(fields[0].strip());
    } catch (DateTimeParseException e) {
      throw malformed(origin, lineNumber, "'" + fields[0].strip() + "' is not a yyyy-MM-dd date");
    }
    boolean working = switch (fields[1].strip()) {
      case "OFF" -> false;
      case "WORK" -> true;
      default -> throw malformed(origin, lineNumber, "type '" + fields[1].strip() + "' is neither OFF nor WORK");
    };
    String name = fields[2].strip();
    return new CalendarDay(date, working, name.isEmpty() ? null : name);
  }

  private static IllegalStateException malformed(String origin, int lineNumber, String problem) {
    return new IllegalStateException("Holiday calendar " + origin + " line " + lineNumber + ": " + problem);
  }
}
