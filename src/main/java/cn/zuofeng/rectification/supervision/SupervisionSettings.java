package cn.zuofeng.rectification.supervision;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * 督办 settings ({@code rectification.supervision.*}).
 *
 * @param answerWorkingDays working days a unit has to answer a supervision notice in writing
 */
@Validated
@ConfigurationProperties("rectification.supervision")
public record SupervisionSettings(@DefaultValue("3") @Min(1) int answerWorkingDays) {
}
