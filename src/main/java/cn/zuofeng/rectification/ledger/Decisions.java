package cn.zuofeng.rectification.ledger;

/** The choices a reviewer, an acceptor and a leader make, as submitted by their forms. */
public final class Decisions {

  private Decisions() {}

  /** 审核结论. */
  public enum Review implements Labelled {
    ASSIGN("立项交办"),
    DISMISS("不予立项");

    private final String label;

    Review(String label) {
      this.label = label;
    }

    @Override
    public String label() {
      return label;
    }
  }

  /** 验收结论. */
  public enum Acceptance implements Labelled {
    ACCEPT("验收通过"),
    REJECT("退回整改");

    private final String label;

    Acceptance(String label) {
      this.label = label;
    }

    @Override
    public String label() {
      return label;
    }
  }

  /** 销号审批结论. */
  public enum CloseOut implements Labelled {
    APPROVE("同意销号"),
    SEND_BACK("退回重新验收");

    private final String label;

    CloseOut(String label) {
      this.label = label;
    }

    @Override
    public String label() {
      return label;
    }
  }

  /** 延期审批结论. */
  public enum Extension implements Labelled {
    APPROVE("同意延期"),
    REFUSE("不同意延期");

    private final String label;

    Extension(String label) {
      this.label = label;
    }

    @Override
    public String label() {
      return label;
    }
  }
}
