package cn.zuofeng.rectification.notice;

import java.time.OffsetDateTime;

/** A notice as stored. */
record StoredNotice(long id, String key, NoticeKind kind, String problemNumber, String addressee, String title,
                    String body, OffsetDateTime createdAt) {
}
