package cn.zuofeng.rectification.web;

import cn.zuofeng.rectification.calendar.WorkingDayCalendar;
import cn.zuofeng.rectification.ledger.InvalidInputException;
import cn.zuofeng.rectification.security.CurrentUser;
import cn.zuofeng.rectification.security.Groups;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 工作日历 page: the years the calendar knows and the deployment's own days; administrators edit them. */
@Controller
class CalendarPageController {

  private final WorkingDayCalendar calendar;
  private final CalendarDays days;
  private final Clock clock;

  CalendarPageController(WorkingDayCalendar calendar, CalendarDays days, Clock clock) {
    this.calendar = calendar;
    this.days = days;
    this.clock = clock;
  }

  @ModelAttribute("user")
  CurrentUser user() {
    return CurrentUser.get();
  }

  @GetMapping("/calendar")
  String calendar(Model model) {
    LocalDate today = LocalDate.now(clock);
    model.addAttribute("overview", CalendarController.overview(calendar, today));
    model.addAttribute("today", today);
    model.addAttribute("mayEdit", CurrentUser.get().isMemberOf(Groups.ADMIN));
    return "calendar";
  }

  @PostMapping("/calendar/days")
  String save(@RequestParam(required = false) String date, @RequestParam(required = false) String working,
              @RequestParam(required = false) String name, RedirectAttributes redirect) {
    try {
      var day = days.save(date, working, name);
      redirect.addFlashAttribute("notice", "已保存：" + day.date() + (day.working() ? " 上班" : " 放假")
          + (day.name() == null ? "" : "（" + day.name() + "）") + "，各节点一分钟内生效");
    } catch (InvalidInputException e) {
      redirect.addFlashAttribute("calendarError", e.getMessage());
      redirect.addFlashAttribute("date", date);
      redirect.addFlashAttribute("working", working);
      redirect.addFlashAttribute("name", name);
    }
    return "redirect:/calendar";
  }

  @PostMapping("/calendar/days/{date}/delete")
  String remove(@PathVariable String date, RedirectAttributes redirect) {
    try {
      boolean removed = calendar.removeOverride(days.date(date));
      redirect.addFlashAttribute(removed ? "notice" : "calendarError",
          removed ? "已删除 " + date + "，该日恢复按随系统提供的安排计算" : date + " 没有单独设置，无需删除");
    } catch (InvalidInputException e) {
      redirect.addFlashAttribute("calendarError", e.getMessage());
    }
    return "redirect:/calendar";
  }
}
