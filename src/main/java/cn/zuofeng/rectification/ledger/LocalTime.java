package cn.zuofeng.rectification.ledger;

import java.time.OffsetDateTime;
import java.time.ZoneId;

/** PostgreSQL returns timestamps in UTC, H2 with the offset they were written with; people read local time. */
final class LocalTime {

  private LocalTime() {}

  static OffsetDateTime of(OffsetDateTime value, ZoneId zone) {
    return value == null ? null : value.atZoneSameInstant(zone).toOffsetDateTime();
  }
}
