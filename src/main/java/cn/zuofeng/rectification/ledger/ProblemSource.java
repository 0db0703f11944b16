package cn.zuofeng.rectification.ledger;

/** 问题来源. */
public enum ProblemSource implements Labelled {
  SELF_INSPECTION("自查"),
  SUPERVISION("督查检查"),
  UNANNOUNCED_VISIT("暗访"),
  PUBLIC_COMPLAINT("群众投诉/信访"),
  HOTLINE("热线"),
  FORUM("座谈征集"),
  INSPECTION_TOUR("巡视巡察"),
  SUPERIOR_ASSIGNED("上级交办");

  private final String label;

  ProblemSource(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
