package cn.zuofeng.rectification.ledger;

/** 整改类型. */
public enum RectificationType implements Labelled {
  IMMEDIATE("立行立改"),
  TIME_LIMITED("限期整改"),
  LONG_TERM("长期整改");

  private final String label;

  RectificationType(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
