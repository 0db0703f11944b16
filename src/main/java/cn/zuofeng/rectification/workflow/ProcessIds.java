package cn.zuofeng.rectification.workflow;

/** Ids of the BPMN models and the variables the flow relies on (the design contract). */
public final class ProcessIds {

  private ProcessIds() {}

  public static final String PROBLEM_RECTIFICATION = "problem-rectification";

  public static final String START_EVENT = "StartEvent_ProblemRegistered";
  public static final String REVIEW_AND_ASSIGN = "UserTask_ReviewAndAssign";
  public static final String RECTIFY = "UserTask_Rectify";
  public static final String ACCEPT_RECTIFICATION = "UserTask_AcceptRectification";
  public static final String APPROVE_CLOSE_OUT = "UserTask_ApproveCloseOut";
  public static final String WARNING_TIMER = "BoundaryEvent_Warning";
  public static final String OVERDUE_TIMER = "BoundaryEvent_Overdue";

  /** Process variables the flow needs (business data lives in the ledger). */
  public static final class Vars {

    private Vars() {}

    public static final String PROBLEM_NUMBER = "problemNumber";
    public static final String REGISTERED_BY = "registeredBy";
    public static final String REVIEW_DECISION = "reviewDecision";
    public static final String UNIT_CODE = "unitCode";
    public static final String UNIT_OPTIONS = "unitOptions";
    public static final String DEADLINE_AT = "deadlineAt";
    public static final String WARNING_AT = "warningAt";
    /** 亮灯: GREEN, YELLOW or RED while the deadline runs. */
    public static final String LIGHT = "light";
    public static final String ACCEPTANCE_DECISION = "acceptanceDecision";
    public static final String REJECTION_REASON = "rejectionReason";
    public static final String LAST_REJECTION_REASON = "lastRejectionReason";
    public static final String CLOSE_OUT_DECISION = "closeOutDecision";
    public static final String CLOSE_OUT_COMMENT = "closeOutComment";
    public static final String EVIDENCE_PREFIX = "evidence";
  }
}
