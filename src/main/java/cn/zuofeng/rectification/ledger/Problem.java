package cn.zuofeng.rectification.ledger;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** One row of the ledger (问题台账). */
public record Problem(
    long id,
    String number,
    String title,
    String description,
    ProblemSource source,
    ProblemCategory category,
    LocalDate discoveredOn,
    String suggestedUnit,
    ProblemState state,
    String unitCode,
    Severity severity,
    RectificationType rectificationType,
    LocalDate deadline,
    LocalDate warningDate,
    OffsetDateTime warnedAt,
    OffsetDateTime overdueAt,
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
    SupervisionLevel supervisionLevel,
    int reminderCount,
    int progressReportCount,
    String registeredBy,
    OffsetDateTime registeredAt,
    OffsetDateTime updatedAt,
    String processInstanceId,
    int version) {

  /** The same problem with the id the database gave it. */
  Problem withId(long newId) {
    return new Problem(newId, number, title, description, source, category, discoveredOn, suggestedUnit, state, unitCode,
        severity, rectificationType, deadline, warningDate, warnedAt, overdueAt, dismissReason, owner, claimedAt,
        measures, result, rectifiedAt, rejectionCount, lastRejectionReason, acceptedAt, closeOutComment, closedAt,
        supervisionLevel, reminderCount, progressReportCount, registeredBy, registeredAt, updatedAt, processInstanceId, version);
  }

  /**
   * The light of an open problem on {@code today}: red once the deadline has passed, yellow from
   * the first day of the warning window, green before; null when no deadline is running.
   */
  public TrafficLight light(LocalDate today) {
    if (deadline == null || !ProblemState.DEADLINE_RUNNING.contains(state)) {
      return null;
    }
    return TrafficLight.of(deadline, warningDate, today);
  }

  /** Overdue (逾期): the deadline has passed and the rectification is not yet accepted. */
  public boolean isOverdue(LocalDate today) {
    return deadline != null && ProblemState.DEADLINE_RUNNING.contains(state) && deadline.isBefore(today);
  }
}
