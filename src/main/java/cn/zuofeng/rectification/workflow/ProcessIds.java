package cn.zuofeng.rectification.workflow;

/** Ids of the BPMN models and the variables the flow relies on (the design contract). */
public final class ProcessIds {

  private ProcessIds() {}

  public static final String PROBLEM_RECTIFICATION = "problem-rectification";
  public static final String SUPERVISION = "supervision";
  public static final String EXTENSION_REQUESTED_MESSAGE = "ExtensionRequested";

  public static final String START_EVENT = "StartEvent_ProblemRegistered";
  public static final String REVIEW_AND_ASSIGN = "UserTask_ReviewAndAssign";
  public static final String RECTIFY = "UserTask_Rectify";
  public static final String ACCEPT_RECTIFICATION = "UserTask_AcceptRectification";
  public static final String APPROVE_CLOSE_OUT = "UserTask_ApproveCloseOut";
  public static final String WARNING_TIMER = "BoundaryEvent_Warning";
  public static final String OVERDUE_TIMER = "BoundaryEvent_Overdue";
  public static final String RECTIFICATION = "SubProcess_Rectification";
  public static final String REPORT_PROGRESS = "UserTask_ReportProgress";
  public static final String PROGRESS_REPORT_TIMER = "IntermediateEvent_ProgressReportDue";
  public static final String DECIDE_EXTENSION = "UserTask_DecideExtension";
  public static final String EXTENSION_REQUESTED = "StartEvent_ExtensionRequested";
  public static final String REMINDER_TIMER = "IntermediateEvent_ReminderDue";
  public static final String SUPERVISE_OVERDUE = "CallActivity_SuperviseOverdue";
  public static final String SUPERVISE_REJECTIONS = "CallActivity_SuperviseRejections";

  /** {@code supervision.bpmn}. */
  public static final String ANSWER_SUPERVISION = "UserTask_AnswerSupervision";
  public static final String ANSWER_OVERDUE_TIMER = "BoundaryEvent_AnswerOverdue";
  public static final String COMMITTED_DATE_TIMER = "IntermediateEvent_CommittedDate";
  public static final String HOLD_ADMONITION = "UserTask_HoldAdmonition";
  public static final String REVIEW_ACCOUNTABILITY = "UserTask_ReviewAccountability";

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
    public static final String RECTIFICATION_TYPE = "rectificationType";
    public static final String PROGRESS_REPORT_AT = "progressReportAt";
    public static final String PROGRESS_REPORT_DUE_AT = "progressReportDueAt";
    public static final String EXTENSION_DECISION = "extensionDecision";
    public static final String APPROVED_DEADLINE = "approvedDeadline";
    public static final String EXTENSION_COMMENT = "extensionComment";
    /** The owner who gets the rectification task back after the deadline moved. */
    public static final String RECLAIM_BY = "reclaimBy";
    public static final String FIRST_OVERDUE = "firstOverdue";
    public static final String ALREADY_SUPERVISED = "alreadySupervised";
    public static final String REMINDER_AT = "reminderAt";
    public static final String STILL_OVERDUE = "stillOverdue";
    public static final String ESCALATE_REJECTIONS = "escalateRejections";
    public static final String SUPERVISION_REASON = "supervisionReason";
    public static final String SUPERVISION_LEVEL = "supervisionLevel";
    public static final String ANSWER_DUE_AT = "answerDueAt";
    public static final String COMMITTED_AT = "committedAt";
    public static final String COMMITMENT_KEPT = "commitmentKept";
    public static final String SUPERVISION_OUTCOME = "supervisionOutcome";
  }
}
