package cn.zuofeng.rectification.web;

import cn.zuofeng.rectification.notice.NoticeInbox;
import cn.zuofeng.rectification.security.CurrentUser;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The unread count beside 通知 in every page's header (pages only, not the JSON API). */
@ControllerAdvice(assignableTypes = {PageController.class, NoticePageController.class, StatisticsPageController.class,
    CalendarPageController.class, CaseFileController.class})
class UnreadNoticesAdvice {

  private final NoticeInbox inbox;

  UnreadNoticesAdvice(NoticeInbox inbox) {
    this.inbox = inbox;
  }

  @ModelAttribute("unreadNotices")
  Long unreadNotices() {
    var authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication == null || !authentication.isAuthenticated()
        || authentication instanceof AnonymousAuthenticationToken) {
      return null;
    }
    return inbox.unread(NoticeController.owner(CurrentUser.get()));
  }
}
