package cn.zuofeng.rectification.web;

import cn.zuofeng.rectification.audit.AuditVerifier;
import cn.zuofeng.rectification.audit.ChainVerification;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** For 纪检/审计: proof that the ledger's history was not altered. */
@RestController
@RequestMapping("/api/audit")
class AuditController {

  private final AuditVerifier verifier;

  AuditController(AuditVerifier verifier) {
    this.verifier = verifier;
  }

  @GetMapping("/verify")
  ChainVerification verify() {
    return verifier.verify();
  }
}
