package cn.zuofeng.rectification.workflow;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * When the rectification loop escalates ({@code rectification.escalation.*}).
 *
 * @param reminderWorkingDays           催办 repeats every so many working days while overdue
 * @param rejectionsBeforeSupervision   验收退回 this many times starts 督办
 * @param progressReportMonths          LONG_TERM problems report progress every so many months
 * @param progressReportWorkingDays     working days a unit has to hand in a due progress report
 */
@Validated
@ConfigurationProperties("rectification.escalation")
public record EscalationSettings(
    @DefaultValue("3") @Min(1) int reminderWorkingDays,
    @DefaultValue("2") @Min(1) int rejectionsBeforeSupervision,
    @DefaultValue("1") @Min(1) int progressReportMonths,
    @DefaultValue("5") @Min(1) int progressReportWorkingDays) {
}
