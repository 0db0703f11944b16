package cn.zuofeng.rectification.web;

import cn.zuofeng.rectification.ledger.FormInput;
import cn.zuofeng.rectification.ledger.IllegalStateTransitionException;
import cn.zuofeng.rectification.ledger.InvalidInputException;
import cn.zuofeng.rectification.ledger.Problem;
import cn.zuofeng.rectification.ledger.Unit;
import cn.zuofeng.rectification.security.CurrentUser;
import cn.zuofeng.rectification.workflow.ExtensionRequestService;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The 申请延期 form on the problem page. */
@Controller
class ExtensionPageController {

  private final ProblemAccess access;
  private final ExtensionRequestService extensions;
  private final Clock clock;

  ExtensionPageController(ProblemAccess access, ExtensionRequestService extensions, Clock clock) {
    this.access = access;
    this.extensions = extensions;
    this.clock = clock;
  }

  @PostMapping("/ledger/{number}/extension-requests")
  String request(@PathVariable String number, @RequestParam(required = false) String requestedDeadline,
                 @RequestParam(required = false) String reason, RedirectAttributes redirect) {
    Problem problem = access.visible(number);
    CurrentUser user = CurrentUser.get();
    if (problem.unitCode() == null || !user.isMemberOf(Unit.GROUP_PREFIX + problem.unitCode())) {
      throw new org.springframework.security.access.AccessDeniedException("只有责任单位可以申请延期");
    }
    Map<String, Object> fields = new HashMap<>();
    fields.put("requestedDeadline", requestedDeadline);
    var in = new FormInput(fields);
    try {
      var date = in.requiredDate("requestedDeadline", "申请延期至的日期", clock.getZone());
      in.throwIfInvalid();
      extensions.request(number, date, reason, user.id());
      redirect.addFlashAttribute("notice", "延期申请已提交，等待督查组审批");
    } catch (InvalidInputException | IllegalStateTransitionException e) {
      redirect.addFlashAttribute("extensionError", e.getMessage());
      redirect.addFlashAttribute("requestedDeadline", requestedDeadline);
      redirect.addFlashAttribute("reason", reason);
    }
    return "redirect:/ledger/" + number;
  }
}
