package cn.zuofeng.rectification.notice;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A notice as its reader sees it.
 *
 * @param read       whether this reader has marked it read
 * @param deliveries its delivery on each channel besides the inbox
 */
public record NoticeView(long id, String key, NoticeKind kind, String kindLabel, String problemNumber, String addressee,
                         String title, String body, OffsetDateTime createdAt, boolean read, OffsetDateTime readAt,
                         List<Delivery> deliveries) {

  /** The delivery of a notice on one channel. */
  public record Delivery(String channel, String channelLabel, String status, String statusLabel, int attempts,
                         OffsetDateTime nextAttemptAt, OffsetDateTime sentAt, String lastError) {

    /** Without the technical error text (shown to administrators only). */
    public Delivery withoutError() {
      return new Delivery(channel, channelLabel, status, statusLabel, attempts, nextAttemptAt, sentAt, null);
    }
  }

  public NoticeView withoutDeliveryErrors() {
    return new NoticeView(id, key, kind, kindLabel, problemNumber, addressee, title, body, createdAt, read, readAt,
        deliveries.stream().map(Delivery::withoutError).toList());
  }

  static String channelLabel(String channel) {
    return switch (channel) {
      case MailChannel.NAME -> "电子邮件";
      case WebhookChannel.NAME -> "群机器人";
      default -> channel;
    };
  }

  static String statusLabel(String status) {
    return switch (status) {
      case "PENDING" -> "待发送";
      case "SENT" -> "已发送";
      case "FAILED" -> "发送失败，等待重试";
      case "SKIPPED" -> "无收件地址";
      default -> status;
    };
  }
}
