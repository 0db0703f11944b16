package cn.zuofeng.rectification.ledger;

/** 责任单位; its members form the Camunda group {@code unit-<code>}. */
public record Unit(String code, String name) {

  public static final String GROUP_PREFIX = "unit-";

  public String groupId() {
    return GROUP_PREFIX + code;
  }
}
