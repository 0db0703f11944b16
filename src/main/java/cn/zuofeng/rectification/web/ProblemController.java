package cn.zuofeng.rectification.web;

import cn.zuofeng.rectification.audit.TrailEntry;
import cn.zuofeng.rectification.audit.TrailService;
import cn.zuofeng.rectification.ledger.EvidenceStore;
import cn.zuofeng.rectification.ledger.FormInput;
import cn.zuofeng.rectification.ledger.LedgerService;
import cn.zuofeng.rectification.ledger.Problem;
import cn.zuofeng.rectification.ledger.ProblemPage;
import cn.zuofeng.rectification.ledger.ProblemSearch;
import cn.zuofeng.rectification.ledger.ProblemSource;
import cn.zuofeng.rectification.ledger.ProblemState;
import cn.zuofeng.rectification.ledger.UnitDirectory;
import cn.zuofeng.rectification.security.CurrentUser;
import cn.zuofeng.rectification.workflow.ProblemRegistration;
import java.net.URI;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The ledger over HTTP: register a problem, search the ledger, read one problem. */
@RestController
@RequestMapping("/api/problems")
class ProblemController {

  private static final Logger log = LoggerFactory.getLogger(ProblemController.class);

  private final ProblemRegistration registration;
  private final LedgerService ledger;
  private final ProblemAccess access;
  private final UnitDirectory units;
  private final TrailService trails;
  private final RegistrationKeys keys;

  ProblemController(ProblemRegistration registration, LedgerService ledger, ProblemAccess access, UnitDirectory units,
                    TrailService trails, RegistrationKeys keys) {
    this.keys = keys;
    this.registration = registration;
    this.ledger = ledger;
    this.access = access;
    this.units = units;
    this.trails = trails;
  }

  /** What an intake system sends; every field is checked by the same rules as the Tasklist start form. */
  record RegisterProblemRequest(String title, String description, String source, String category,
                                String discoveredOn, String suggestedUnit) {}

  record ProblemPageResponse(List<ProblemResponse> items, long total, int page, int size) {}

  record ProblemDetailResponse(ProblemResponse problem, List<EvidenceStore.StoredEvidence> evidence) {}

  /**
   * 201 with the new problem; with an {@code Idempotency-Key} header a repeated request returns the
   * problem the key registered first with 200 (and {@code Idempotent-Replayed: true}), registering
   * nothing, and the same key with a different request is refused with 422.
   */
  @PostMapping
  ResponseEntity<ProblemResponse> register(@RequestBody RegisterProblemRequest request,
      @RequestHeader(name = RegistrationKeys.HEADER, required = false) String idempotencyKey) {
    Map<String, Object> fields = new HashMap<>();
    fields.put("title", request.title());
    fields.put("description", request.description());
    fields.put("source", request.source());
    fields.put("category", request.category());
    fields.put("discoveredOn", request.discoveredOn());
    fields.put("suggestedUnit", request.suggestedUnit());
    var outcome = idempotencyKey == null
        ? new RegistrationKeys.Outcome(registration.register(fields), true)
        : keys.registerOnce(CurrentUser.get().id(), idempotencyKey, RegistrationKeys.hash(request.title(), request.description(),
            request.source(), request.category(), request.discoveredOn(), request.suggestedUnit()), () -> registration.register(fields));
    String number = outcome.number();
    MDC.put(ProblemNumberLogContext.KEY, number);
    log.info(outcome.created() ? "problem registered through the API" : "registration repeated with the same idempotency key");
    Problem problem = ledger.find(number).orElseThrow();
    var body = response(problem, ledger.today(), units.names());
    return outcome.created()
        ? ResponseEntity.created(URI.create("/api/problems/" + number)).body(body)
        : ResponseEntity.ok().location(URI.create("/api/problems/" + number)).header("Idempotent-Replayed", "true").body(body);
  }

  @GetMapping
  ProblemPageResponse search(@RequestParam(required = false) String unit,
                             @RequestParam(required = false) String state,
                             @RequestParam(required = false) String source,
                             @RequestParam(required = false) Boolean overdue,
                             @RequestParam(required = false) String text,
                             @RequestParam(defaultValue = "0") int page,
                             @RequestParam(defaultValue = "20") int size) {
    Map<String, Object> params = new HashMap<>();
    params.put("state", state);
    params.put("source", source);
    var in = new FormInput(params);
    ProblemState stateFilter = in.optionalChoice("state", "状态", ProblemState.class);
    ProblemSource sourceFilter = in.optionalChoice("source", "问题来源", ProblemSource.class);
    if (page < 0) {
      in.reject("page", "页码不能小于 0");
    }
    if (size < 1 || size > ProblemSearch.MAX_PAGE_SIZE) {
      in.reject("size", "每页条数应在 1 到 " + ProblemSearch.MAX_PAGE_SIZE + " 之间");
    }
    in.throwIfInvalid();
    ProblemPage result = ledger.search(new ProblemSearch(blankToNull(unit), stateFilter, sourceFilter, overdue,
        blankToNull(text), page, size, CurrentUser.get().visibleUnits()));
    LocalDate today = ledger.today();
    Map<String, String> unitNames = units.names();
    return new ProblemPageResponse(result.items().stream().map(p -> response(p, today, unitNames)).toList(),
        result.total(), result.page(), result.size());
  }

  @GetMapping("/{number}")
  ProblemDetailResponse get(@PathVariable String number) {
    Problem problem = access.visible(number);
    return new ProblemDetailResponse(response(problem, ledger.today(), units.names()), ledger.evidenceOf(problem));
  }

  /** 追溯: everything that happened to the problem, who did it and when, oldest first. */
  @GetMapping("/{number}/trail")
  List<TrailEntry> trail(@PathVariable String number) {
    return trails.trail(access.visible(number));
  }

  private ProblemResponse response(Problem problem, LocalDate today, Map<String, String> unitNames) {
    return ProblemResponse.of(problem, today, unitNames, ledger.overdueWorkingDays(problem));
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
