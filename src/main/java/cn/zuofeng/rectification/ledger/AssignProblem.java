package cn.zuofeng.rectification.ledger;

import java.time.LocalDate;
import java.time.ZoneId;

/**
 * 审核交办: the supervisor confirms the problem and assigns it. The deadline may be left empty on
 * the form (the policy then proposes it); {@code warningDate} is the first day of the warning window.
 */
public record AssignProblem(String unitCode, Severity severity, RectificationType rectificationType, LocalDate deadline,
                            LocalDate warningDate) {

  public static AssignProblem from(FormInput in, ZoneId zone) {
    var command = new AssignProblem(
        in.requiredText("unitCode", "责任单位", 32),
        in.requiredChoice("severity", "严重程度", Severity.class),
        in.requiredChoice("rectificationType", "整改类型", RectificationType.class),
        in.optionalDate("deadline", "整改时限", zone),
        null);
    in.throwIfInvalid();
    return command;
  }

  public AssignProblem withDeadline(LocalDate deadline, LocalDate warningDate) {
    return new AssignProblem(unitCode, severity, rectificationType, deadline, warningDate);
  }
}
