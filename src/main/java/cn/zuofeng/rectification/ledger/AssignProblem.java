package cn.zuofeng.rectification.ledger;

import java.time.LocalDate;
import java.time.ZoneId;

/** 审核交办: the supervisor confirms the problem and assigns it. */
public record AssignProblem(String unitCode, Severity severity, RectificationType rectificationType, LocalDate deadline) {

  public static AssignProblem from(FormInput in, ZoneId zone) {
    var command = new AssignProblem(
        in.requiredText("unitCode", "责任单位", 32),
        in.requiredChoice("severity", "严重程度", Severity.class),
        in.requiredChoice("rectificationType", "整改类型", RectificationType.class),
        in.requiredDate("deadline", "整改时限", zone));
    in.throwIfInvalid();
    return command;
  }
}
