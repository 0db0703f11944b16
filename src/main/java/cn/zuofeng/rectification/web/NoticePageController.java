package cn.zuofeng.rectification.web;

import cn.zuofeng.rectification.notice.InboxOwner;
import cn.zuofeng.rectification.notice.NoticeInbox;
import cn.zuofeng.rectification.security.CurrentUser;
import cn.zuofeng.rectification.security.Groups;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** 通知 page: the signed-in user's notices, marking them read; administrators also see delivery status. */
@Controller
class NoticePageController {

  private final NoticeInbox inbox;

  NoticePageController(NoticeInbox inbox) {
    this.inbox = inbox;
  }

  @ModelAttribute("user")
  CurrentUser user() {
    return CurrentUser.get();
  }

  @GetMapping("/notices")
  String notices(@RequestParam(defaultValue = "0") int page, Model model) {
    CurrentUser user = CurrentUser.get();
    model.addAttribute("result", NoticeController.forReader(inbox.inbox(NoticeController.owner(user), page, 20), user));
    if (user.isMemberOf(Groups.ADMIN)) {
      model.addAttribute("deliveries", inbox.deliveryStatus());
    }
    return "notices";
  }

  @PostMapping("/notices/{id}/read")
  String read(@PathVariable long id, @RequestParam(defaultValue = "0") int page) {
    InboxOwner owner = NoticeController.owner(CurrentUser.get());
    if (!inbox.markRead(id, owner)) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "通知不存在");
    }
    return "redirect:/notices?page=" + Math.max(page, 0);
  }
}
