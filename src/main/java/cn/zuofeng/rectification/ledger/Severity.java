package cn.zuofeng.rectification.ledger;

/** 严重程度. */
public enum Severity implements Labelled {
  GENERAL("一般"),
  SERIOUS("较重"),
  MAJOR("重大");

  private final String label;

  Severity(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
