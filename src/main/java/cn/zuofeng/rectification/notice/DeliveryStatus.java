package cn.zuofeng.rectification.notice;

import java.time.OffsetDateTime;

/**
 * How many deliveries of a channel are in a status (for administrators).
 *
 * @param oldestDue for PENDING and FAILED: when the longest-waiting one is (or was) due next
 */
public record DeliveryStatus(String channel, String channelLabel, String status, String statusLabel, long count,
                             long maxAttempts, OffsetDateTime oldestDue) {
}
