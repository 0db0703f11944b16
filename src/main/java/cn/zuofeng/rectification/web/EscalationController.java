package cn.zuofeng.rectification.web;

import cn.zuofeng.rectification.ledger.ExtensionRequest;
import cn.zuofeng.rectification.ledger.FormInput;
import cn.zuofeng.rectification.ledger.LedgerService;
import cn.zuofeng.rectification.ledger.Problem;
import cn.zuofeng.rectification.ledger.Unit;
import cn.zuofeng.rectification.security.CurrentUser;
import cn.zuofeng.rectification.supervision.SupervisionNotice;
import cn.zuofeng.rectification.supervision.SupervisionService;
import cn.zuofeng.rectification.workflow.ExtensionRequestService;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** 延期申请 and 督办单 of one problem over HTTP. */
@RestController
@RequestMapping("/api/problems/{number}")
class EscalationController {

  private final ProblemAccess access;
  private final LedgerService ledger;
  private final ExtensionRequestService extensions;
  private final SupervisionService supervision;
  private final Clock clock;

  EscalationController(ProblemAccess access, LedgerService ledger, ExtensionRequestService extensions,
                       SupervisionService supervision, Clock clock) {
    this.access = access;
    this.ledger = ledger;
    this.extensions = extensions;
    this.supervision = supervision;
    this.clock = clock;
  }

  /** What a unit sends: the date it asks for and why. */
  record ExtensionRequestBody(String requestedDeadline, String reason) {}

  /**
   * 延期申请: only a member of the problem's responsible unit may ask; the supervisors decide in
   * Tasklist (审批延期申请).
   */
  @PostMapping("/extension-requests")
  ResponseEntity<ExtensionRequest> requestExtension(@PathVariable String number, @RequestBody ExtensionRequestBody body) {
    Problem problem = access.visible(number);
    CurrentUser user = CurrentUser.get();
    if (problem.unitCode() == null || !user.isMemberOf(Unit.GROUP_PREFIX + problem.unitCode())) {
      throw new org.springframework.security.access.AccessDeniedException("只有责任单位可以申请延期");
    }
    Map<String, Object> fields = new HashMap<>();
    fields.put("requestedDeadline", body == null ? null : body.requestedDeadline());
    var in = new FormInput(fields);
    LocalDate requested = in.requiredDate("requestedDeadline", "申请延期至的日期", clock.getZone());
    in.throwIfInvalid();
    ExtensionRequest request = extensions.request(number, requested, body.reason(), user.id());
    return ResponseEntity.created(URI.create("/api/problems/" + number + "/extension-requests")).body(request);
  }

  @GetMapping("/extension-requests")
  List<ExtensionRequest> extensionRequests(@PathVariable String number) {
    return ledger.extensionsOf(access.visible(number));
  }

  /** 督办单 of the problem, oldest first, with the unit's answers. */
  @GetMapping("/supervision-notices")
  List<SupervisionNotice> supervisionNotices(@PathVariable String number) {
    access.visible(number);
    return supervision.noticesOf(number);
  }
}
