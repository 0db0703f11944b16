package cn.zuofeng.rectification.notice;

/** What a notice is about; the label is what its reader sees. */
public enum NoticeKind {
  WARNING("预警"),
  OVERDUE("逾期"),
  REMINDER("催办"),
  SUPERVISION("督办"),
  ESCALATION("督办升级"),
  EXTENSION_REQUESTED("延期申请"),
  EXTENSION_DECIDED("延期审批"),
  PROGRESS_REPORT_DUE("阶段性进展"),
  ACCOUNTABILITY("问责");

  private final String label;

  NoticeKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
