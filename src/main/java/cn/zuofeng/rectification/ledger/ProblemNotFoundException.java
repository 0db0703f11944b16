package cn.zuofeng.rectification.ledger;

public class ProblemNotFoundException extends RuntimeException {

  public ProblemNotFoundException(String number) {
    super("问题 " + number + " 不存在");
  }
}
