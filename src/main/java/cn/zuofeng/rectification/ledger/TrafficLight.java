package cn.zuofeng.rectification.ledger;

/** 亮灯: how an open problem stands against its deadline, the way offices talk about it. */
public enum TrafficLight implements Labelled {
  GREEN("绿灯"),
  YELLOW("黄灯"),
  RED("红灯");

  private final String label;

  TrafficLight(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
