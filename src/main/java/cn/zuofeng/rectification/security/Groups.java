package cn.zuofeng.rectification.security;

/** The Camunda groups of the design contract; a Spring authority is {@code GROUP_<id>}. */
public final class Groups {

  private Groups() {}

  public static final String SUPERVISORS = "supervisors";
  public static final String LEADERS = "leaders";
  public static final String AUDITORS = "auditors";
  public static final String ADMIN = "camunda-admin";
  public static final String UNIT_PREFIX = cn.zuofeng.rectification.ledger.Unit.GROUP_PREFIX;

  public static final String AUTHORITY_PREFIX = "GROUP_";

  public static String authority(String groupId) {
    return AUTHORITY_PREFIX + groupId;
  }
}
