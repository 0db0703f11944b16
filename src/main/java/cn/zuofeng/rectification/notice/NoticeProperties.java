package cn.zuofeng.rectification.notice;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of notice delivery ({@code rectification.notice.*}). E-mail is on when
 * {@code spring.mail.host} is set; the webhook when {@code rectification.notice.webhook.url} is.
 *
 * @param dispatchEnabled whether this node sends due deliveries (off in unit tests)
 * @param pollInterval    how often the dispatcher looks for due deliveries
 * @param batchSize       deliveries claimed per round
 * @param firstBackoff    wait after the first failed attempt; doubled after each further failure
 * @param maxBackoff      the longest wait between two attempts (retries never stop)
 * @param lease           how long a claimed delivery belongs to the node that claimed it; after that
 *                        (the node died while sending) another node may try it. Must exceed the
 *                        longest send (mail and webhook time-outs).
 */
@Validated
@ConfigurationProperties("rectification.notice")
public record NoticeProperties(
    @DefaultValue("true") boolean dispatchEnabled,
    @DefaultValue("5s") @NotNull Duration pollInterval,
    @DefaultValue("20") @Min(1) @Max(500) int batchSize,
    @DefaultValue("30s") @NotNull Duration firstBackoff,
    @DefaultValue("1h") @NotNull Duration maxBackoff,
    @DefaultValue("5m") @NotNull Duration lease,
    @DefaultValue @Valid Mail mail,
    @DefaultValue @Valid Webhook webhook) {

  /**
   * @param from       sender address of notice e-mails
   * @param senderName sender name shown to readers
   */
  public record Mail(@DefaultValue("noreply@localhost") @NotBlank String from,
                     @DefaultValue("问题整改闭环") @NotBlank String senderName) {
  }

  /**
   * @param url     a 企业微信 or 钉钉 group robot address; empty = no webhook
   * @param timeout connect and answer time-out of one call
   */
  public record Webhook(@DefaultValue("") String url, @DefaultValue("10s") @NotNull Duration timeout) {

    public boolean enabled() {
      return url != null && !url.isBlank();
    }
  }
}
