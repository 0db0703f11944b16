package cn.zuofeng.rectification.supervision;

import cn.zuofeng.rectification.ledger.Labelled;

/** Why a problem is under supervision. */
public enum SupervisionReason implements Labelled {
  OVERDUE("逾期未完成整改"),
  REPEATED_REJECTION("整改多次验收未通过");

  private final String label;

  SupervisionReason(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
