package cn.zuofeng.rectification.notice;

import java.util.List;

/**
 * One page of a user's notices, newest first.
 *
 * @param total  the user's notices in all
 * @param unread of those, how many the user has not marked read
 */
public record InboxPage(List<NoticeView> items, long total, long unread, int page, int size) {
}
