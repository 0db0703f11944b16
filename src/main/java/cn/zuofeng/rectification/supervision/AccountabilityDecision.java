package cn.zuofeng.rectification.supervision;

import cn.zuofeng.rectification.ledger.Labelled;

/** 问责审查结论. */
public enum AccountabilityDecision implements Labelled {
  HOLD_ACCOUNTABLE("予以问责"),
  NO_ACCOUNTABILITY("不予问责");

  private final String label;

  AccountabilityDecision(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
