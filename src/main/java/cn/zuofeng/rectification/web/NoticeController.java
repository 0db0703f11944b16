package cn.zuofeng.rectification.web;

import cn.zuofeng.rectification.notice.DeliveryStatus;
import cn.zuofeng.rectification.notice.InboxOwner;
import cn.zuofeng.rectification.notice.InboxPage;
import cn.zuofeng.rectification.notice.NoticeInbox;
import cn.zuofeng.rectification.notice.NoticeView;
import cn.zuofeng.rectification.security.CurrentUser;
import cn.zuofeng.rectification.security.Groups;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The signed-in user's notices (站内通知): those addressed to the user or to one of their groups.
 * Another user's notice answers 404, as if it did not exist.
 */
@RestController
@RequestMapping("/api/notices")
class NoticeController {

  private final NoticeInbox inbox;

  NoticeController(NoticeInbox inbox) {
    this.inbox = inbox;
  }

  record ReadResponse(long id, boolean read, long unread) {}

  static InboxOwner owner(CurrentUser user) {
    return new InboxOwner(user.id(), user.groups());
  }

  /** Delivery errors name mail servers and the like: administrators only. */
  static InboxPage forReader(InboxPage page, CurrentUser user) {
    if (user.isMemberOf(Groups.ADMIN)) {
      return page;
    }
    return new InboxPage(page.items().stream().map(NoticeView::withoutDeliveryErrors).toList(), page.total(),
        page.unread(), page.page(), page.size());
  }

  @GetMapping
  InboxPage list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
    CurrentUser user = CurrentUser.get();
    return forReader(inbox.inbox(owner(user), page, size), user);
  }

  @PostMapping("/{id}/read")
  ReadResponse read(@PathVariable long id) {
    InboxOwner owner = owner(CurrentUser.get());
    if (!inbox.markRead(id, owner)) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "通知不存在（编号 " + id + "）");
    }
    return new ReadResponse(id, true, inbox.unread(owner));
  }

  /** Deliveries per channel and status (administrators; see SecurityConfiguration). */
  @GetMapping("/deliveries")
  List<DeliveryStatus> deliveries() {
    return inbox.deliveryStatus();
  }
}
