package cn.zuofeng.rectification.calendar;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells operators, once per year, that deadlines in a year without a holiday schedule are counted
 * Monday to Friday. Once, because lookups happen in loops (a deadline walks day by day) and the
 * same warning on every call would bury everything else in the log.
 */
final class UnloadedYearWarning {

  // logged under the service's name: that is the category operators know and configure
  private static final Logger log = LoggerFactory.getLogger(WorkingDayCalendar.class);

  private final Set<Integer> warned = ConcurrentHashMap.newKeySet();

  void yearNotLoaded(int year) {
    if (warned.add(year)) {
      log.warn("No holiday calendar for year {}: counting Monday to Friday as working days in {}. "
          + "Add the official schedule for {} to table calendar_day (or the shipped file) and reload.", year, year, year);
    }
  }
}
