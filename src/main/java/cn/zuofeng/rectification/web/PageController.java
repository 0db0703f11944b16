package cn.zuofeng.rectification.web;

import cn.zuofeng.rectification.audit.AuditVerifier;
import cn.zuofeng.rectification.audit.TrailService;
import cn.zuofeng.rectification.ledger.EvidenceFile;
import cn.zuofeng.rectification.ledger.LedgerService;
import cn.zuofeng.rectification.ledger.Problem;
import cn.zuofeng.rectification.ledger.ProblemNotFoundException;
import cn.zuofeng.rectification.ledger.ProblemPage;
import cn.zuofeng.rectification.ledger.ProblemSearch;
import cn.zuofeng.rectification.ledger.ProblemState;
import cn.zuofeng.rectification.ledger.Unit;
import cn.zuofeng.rectification.ledger.UnitDirectory;
import cn.zuofeng.rectification.supervision.SupervisionService;
import cn.zuofeng.rectification.security.CurrentUser;
import java.time.LocalDate;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.server.ResponseStatusException;

/** The project's own Chinese pages: sign-in, the ledger, one problem with its evidence and history. */
@Controller
class PageController {

  private final LedgerService ledger;
  private final ProblemAccess access;
  private final UnitDirectory units;
  private final TrailService trails;
  private final AuditVerifier verifier;
  private final SupervisionService supervision;

  PageController(LedgerService ledger, ProblemAccess access, UnitDirectory units, TrailService trails,
                 AuditVerifier verifier, SupervisionService supervision) {
    this.supervision = supervision;
    this.ledger = ledger;
    this.access = access;
    this.units = units;
    this.trails = trails;
    this.verifier = verifier;
  }

  /** Every page's header shows who is signed in. */
  @ModelAttribute("user")
  CurrentUser user() {
    return CurrentUser.get();
  }

  @GetMapping("/login")
  String login() {
    return "login";
  }

  @GetMapping({"/", "/ledger"})
  String ledger(@RequestParam(required = false) String state, @RequestParam(required = false) String text,
                @RequestParam(defaultValue = "0") int page, Model model) {
    ProblemState stateFilter = null;
    for (ProblemState s : ProblemState.values()) {
      if (s.name().equals(state)) {
        stateFilter = s;
      }
    }
    ProblemPage result = ledger.search(new ProblemSearch(null, stateFilter, null, null,
        text == null || text.isBlank() ? null : text, Math.max(page, 0), 20, CurrentUser.get().visibleUnits()));
    model.addAttribute("result", result);
    model.addAttribute("states", ProblemState.values());
    model.addAttribute("state", stateFilter);
    model.addAttribute("text", text);
    model.addAttribute("today", ledger.today());
    model.addAttribute("unitNames", units.names());
    return "ledger";
  }

  @GetMapping("/ledger/{number}")
  String problem(@PathVariable String number, Model model) {
    Problem problem = access.visible(number);
    LocalDate today = ledger.today();
    model.addAttribute("p", problem);
    model.addAttribute("overdue", problem.isOverdue(today));
    model.addAttribute("light", problem.light(today));
    model.addAttribute("overdueDays", ledger.overdueWorkingDays(problem));
    model.addAttribute("unitNames", units.names());
    model.addAttribute("evidence", ledger.evidenceOf(problem));
    model.addAttribute("extensions", ledger.extensionsOf(problem));
    model.addAttribute("supervisionNotices", supervision.noticesOf(number));
    // 延期申请: the unit, while rectifying, before the deadline has passed, one request at a time
    model.addAttribute("mayRequestExtension", problem.state() == ProblemState.RECTIFYING && !problem.isOverdue(today)
        && problem.unitCode() != null && CurrentUser.get().isMemberOf(Unit.GROUP_PREFIX + problem.unitCode())
        && ledger.pendingExtension(problem).isEmpty());
    return "problem";
  }

  /** 追溯记录: the problem's whole history as one timeline. */
  @GetMapping("/ledger/{number}/trail")
  String trail(@PathVariable String number, Model model) {
    Problem problem = access.visible(number);
    model.addAttribute("p", problem);
    model.addAttribute("entries", trails.trail(problem));
    return "trail";
  }

  /** 台账完整性校验 (auditors and administrators). */
  @GetMapping("/audit/verify")
  String verify(Model model) {
    model.addAttribute("result", verifier.verify());
    return "verify";
  }

  @GetMapping("/ledger/{number}/evidence/{id}")
  ResponseEntity<byte[]> evidence(@PathVariable String number, @PathVariable long id) {
    // a download answers 404 without a page, whatever the client accepts
    EvidenceFile file = ledger.find(number)
        .filter(p -> access.mayRead(p))
        .flatMap(p -> ledger.evidenceContent(p, id))
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "佐证材料不存在"));
    return ResponseEntity.ok()
        // always a download: an uploaded HTML or SVG file must never render in our origin
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
            .filename(file.fileName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
        .header("X-Content-Type-Options", "nosniff")
        .contentType(MediaType.APPLICATION_OCTET_STREAM)
        .body(file.content());
  }

  @ExceptionHandler(ProblemNotFoundException.class)
  @ResponseStatus(HttpStatus.NOT_FOUND)
  String notFound(ProblemNotFoundException e, Model model) {
    model.addAttribute("message", e.getMessage());
    return "not-found";
  }
}
