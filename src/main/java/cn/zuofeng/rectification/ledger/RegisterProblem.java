package cn.zuofeng.rectification.ledger;

import java.time.LocalDate;
import java.time.ZoneId;

/** 问题登记: what is known when a problem is found. */
public record RegisterProblem(
    String title,
    String description,
    ProblemSource source,
    ProblemCategory category,
    LocalDate discoveredOn,
    String suggestedUnit) {

  public static final int TITLE_MAX = 200;
  public static final int DESCRIPTION_MAX = 4000;

  public static RegisterProblem from(FormInput in, ZoneId zone) {
    var command = new RegisterProblem(
        in.requiredText("title", "问题标题", TITLE_MAX),
        in.requiredText("description", "问题描述", DESCRIPTION_MAX),
        in.requiredChoice("source", "问题来源", ProblemSource.class),
        in.requiredChoice("category", "问题类别", ProblemCategory.class),
        in.requiredDate("discoveredOn", "发现日期", zone),
        in.optionalText("suggestedUnit", "建议责任单位", 100));
    in.throwIfInvalid();
    return command;
  }
}
