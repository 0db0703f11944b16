package cn.zuofeng.rectification.supervision;

import cn.zuofeng.rectification.ledger.SupervisionLevel;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** 督办单: a numbered notice to a unit, and the unit leader's written answer. */
public record SupervisionNotice(
    long id,
    String noticeNumber,
    SupervisionLevel level,
    SupervisionReason reason,
    String unitCode,
    String text,
    String issuedBy,
    OffsetDateTime issuedAt,
    LocalDate answerDue,
    String answeredBy,
    OffsetDateTime answeredAt,
    String answerReasons,
    String answerPlan,
    LocalDate committedDate,
    OffsetDateTime closedAt,
    String closeReason) {

  public boolean answered() {
    return answeredAt != null;
  }
}
