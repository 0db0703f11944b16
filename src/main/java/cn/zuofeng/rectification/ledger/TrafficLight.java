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

  /**
   * The light on {@code today} of a deadline that is running: red once it has passed, yellow from
   * the first day of the warning window, green before.
   */
  public static TrafficLight of(java.time.LocalDate deadline, java.time.LocalDate warningDate, java.time.LocalDate today) {
    if (deadline.isBefore(today)) {
      return RED;
    }
    return warningDate != null && !today.isBefore(warningDate) ? YELLOW : GREEN;
  }

  @Override
  public String label() {
    return label;
  }
}
