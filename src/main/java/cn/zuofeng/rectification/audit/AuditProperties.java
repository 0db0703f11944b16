package cn.zuofeng.rectification.audit;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Audit settings ({@code rectification.audit.*}).
 *
 * @param historyRetentionDays how long the engine keeps a finished process instance's history
 *     (Cockpit, operation log) before the history cleanup removes it; the ledger and its event
 *     log are kept regardless. Applied to every process and decision definition.
 */
@Validated
@ConfigurationProperties("rectification.audit")
public record AuditProperties(@DefaultValue("1826") @Min(1) int historyRetentionDays) {}
