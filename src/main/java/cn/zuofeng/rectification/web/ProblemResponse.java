package cn.zuofeng.rectification.web;

import cn.zuofeng.rectification.ledger.Labelled;
import cn.zuofeng.rectification.ledger.Problem;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A ledger row as the API returns it: codes for machines, labels for people. */
record ProblemResponse(
    String number,
    String title,
    String description,
    String source,
    String sourceLabel,
    String category,
    String categoryLabel,
    LocalDate discoveredOn,
    String suggestedUnit,
    String state,
    String stateLabel,
    String unitCode,
    String unitName,
    String severity,
    String severityLabel,
    String rectificationType,
    String rectificationTypeLabel,
    LocalDate deadline,
    LocalDate warningDate,
    OffsetDateTime warnedAt,
    OffsetDateTime overdueAt,
    String light,
    String lightLabel,
    boolean overdue,
    Integer overdueWorkingDays,
    String dismissReason,
    String owner,
    OffsetDateTime claimedAt,
    String measures,
    String result,
    OffsetDateTime rectifiedAt,
    int rejectionCount,
    String lastRejectionReason,
    OffsetDateTime acceptedAt,
    String closeOutComment,
    OffsetDateTime closedAt,
    String registeredBy,
    OffsetDateTime registeredAt,
    OffsetDateTime updatedAt,
    String processInstanceId,
    String supervisionLevel,
    String supervisionLevelLabel,
    int reminderCount,
    int progressReportCount) {

  static ProblemResponse of(Problem p, LocalDate today, java.util.Map<String, String> unitNames, int overdueWorkingDays) {
    boolean overdue = p.isOverdue(today);
    return new ProblemResponse(p.number(), p.title(), p.description(), code(p.source()), label(p.source()),
        code(p.category()), label(p.category()), p.discoveredOn(), p.suggestedUnit(), code(p.state()), label(p.state()),
        p.unitCode(), p.unitCode() == null ? null : unitNames.get(p.unitCode()), code(p.severity()), label(p.severity()), code(p.rectificationType()),
        label(p.rectificationType()), p.deadline(), p.warningDate(), p.warnedAt(), p.overdueAt(), code(p.light(today)), label(p.light(today)), overdue,
        overdue ? overdueWorkingDays : null,
        p.dismissReason(), p.owner(), p.claimedAt(), p.measures(), p.result(), p.rectifiedAt(), p.rejectionCount(),
        p.lastRejectionReason(), p.acceptedAt(), p.closeOutComment(), p.closedAt(), p.registeredBy(),
        p.registeredAt(), p.updatedAt(), p.processInstanceId(), code(p.supervisionLevel()), label(p.supervisionLevel()),
        p.reminderCount(), p.progressReportCount());
  }

  private static String code(Labelled value) {
    return value == null ? null : value.name();
  }

  private static String label(Labelled value) {
    return value == null ? null : value.label();
  }
}
