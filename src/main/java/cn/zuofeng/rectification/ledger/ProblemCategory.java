package cn.zuofeng.rectification.ledger;

/** 问题类别. */
public enum ProblemCategory implements Labelled {
  FORMALISM("形式主义"),
  BUREAUCRATISM("官僚主义"),
  SERVICE_EFFICIENCY("服务效能"),
  WORK_DISCIPLINE("工作纪律"),
  BUSINESS_ENVIRONMENT("营商环境"),
  INTEGRITY("廉洁自律"),
  OTHER("其他");

  private final String label;

  ProblemCategory(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
