package cn.zuofeng.rectification.ledger;

/** 督办 levels, in the order they escalate: 督办 → 挂牌督办 → 约谈 → 问责. */
public enum SupervisionLevel implements Labelled {
  SUPERVISION("督办"),
  LISTED("挂牌督办"),
  ADMONITION("约谈"),
  ACCOUNTABILITY("问责");

  private final String label;

  SupervisionLevel(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }

  /** The next level up; the last level stays. */
  public SupervisionLevel next() {
    return this == ACCOUNTABILITY ? this : values()[ordinal() + 1];
  }
}
