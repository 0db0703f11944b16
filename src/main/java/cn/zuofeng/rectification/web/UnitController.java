package cn.zuofeng.rectification.web;

import cn.zuofeng.rectification.ledger.Unit;
import cn.zuofeng.rectification.ledger.UnitDirectory;
import cn.zuofeng.rectification.security.UnitOnboarding;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The responsible units: everyone may list them, only administrators add them. */
@RestController
@RequestMapping("/api/units")
class UnitController {

  private final UnitDirectory units;
  private final UnitOnboarding onboarding;

  UnitController(UnitDirectory units, UnitOnboarding onboarding) {
    this.units = units;
    this.onboarding = onboarding;
  }

  record UnitRequest(String code, String name) {}

  @GetMapping
  List<Unit> list() {
    return units.all();
  }

  @PostMapping
  ResponseEntity<Unit> add(@RequestBody UnitRequest request) {
    Unit unit = onboarding.add(request.code(), request.name());
    return ResponseEntity.created(URI.create("/api/units/" + unit.code())).body(unit);
  }
}
