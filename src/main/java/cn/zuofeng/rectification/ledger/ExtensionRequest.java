package cn.zuofeng.rectification.ledger;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** 延期申请: a unit's request for a later deadline and the supervisor's decision on it. */
public record ExtensionRequest(
    long id,
    LocalDate previousDeadline,
    LocalDate requestedDeadline,
    String reason,
    String requestedBy,
    OffsetDateTime requestedAt,
    Status status,
    String decidedBy,
    OffsetDateTime decidedAt,
    String decisionComment,
    LocalDate approvedDeadline) {

  /** Where a request stands. */
  public enum Status implements Labelled {
    PENDING("待审批"),
    APPROVED("已同意"),
    REFUSED("未同意"),
    WITHDRAWN("已撤回（整改已提交）");

    private final String label;

    Status(String label) {
      this.label = label;
    }

    @Override
    public String label() {
      return label;
    }
  }
}
