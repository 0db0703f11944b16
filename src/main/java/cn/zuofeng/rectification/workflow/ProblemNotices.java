package cn.zuofeng.rectification.workflow;

import cn.zuofeng.rectification.ledger.ExtensionRequest;
import cn.zuofeng.rectification.ledger.Problem;
import cn.zuofeng.rectification.ledger.SupervisionLevel;
import cn.zuofeng.rectification.ledger.Unit;
import cn.zuofeng.rectification.notice.NoticeDraft;
import cn.zuofeng.rectification.notice.NoticeKind;
import cn.zuofeng.rectification.notice.Notices;
import cn.zuofeng.rectification.security.Groups;
import cn.zuofeng.rectification.supervision.SupervisionNotice;
import org.springframework.stereotype.Component;

/**
 * The notices the rectification loop sends, in the words their readers see. Each key names the
 * fact it reports, so a step that runs again (a retried job, a timer that fires again after a
 * rejection) never sends the same notice twice.
 */
@Component
class ProblemNotices {

  private final Notices notices;

  ProblemNotices(Notices notices) {
    this.notices = notices;
  }

  void warning(Problem p) {
    publish("WARNING:%s:%s".formatted(p.number(), p.deadline()), NoticeKind.WARNING, p, unit(p),
        "问题 %s 整改时限将至".formatted(p.number()),
        "问题 %s「%s」的整改时限为 %s，已进入预警期（黄灯），请抓紧落实整改并按时提交。".formatted(p.number(), p.title(), p.deadline()));
  }

  void overdue(Problem p) {
    String body = "问题 %s「%s」已超过整改时限 %s（红灯），仍未通过验收。将按规定催办并启动督办。".formatted(
        p.number(), p.title(), p.deadline());
    publish("OVERDUE:%s:%s".formatted(p.number(), p.deadline()), NoticeKind.OVERDUE, p, unit(p),
        "问题 %s 已超过整改时限".formatted(p.number()), body);
    publish("OVERDUE:%s:%s:%s".formatted(p.number(), p.deadline(), Groups.SUPERVISORS), NoticeKind.OVERDUE, p,
        Groups.SUPERVISORS, "问题 %s 已超过整改时限".formatted(p.number()), body);
  }

  void reminder(Problem p, int overdueWorkingDays) {
    publish("REMINDER:%s:%d".formatted(p.number(), p.reminderCount()), NoticeKind.REMINDER, p, unit(p),
        "问题 %s 已逾期 %d 个工作日（第 %d 次催办）".formatted(p.number(), overdueWorkingDays, p.reminderCount()),
        "问题 %s「%s」整改时限 %s，已逾期 %d 个工作日，请立即落实整改并提交。".formatted(
            p.number(), p.title(), p.deadline(), overdueWorkingDays));
  }

  void supervisionIssued(Problem p, SupervisionNotice notice) {
    String title = "%s（%s）：问题 %s".formatted(notice.noticeNumber(), notice.level().label(), p.number());
    publish("SUPERVISION:" + notice.noticeNumber(), NoticeKind.SUPERVISION, p, unit(p), title, notice.text());
    publish("SUPERVISION:" + notice.noticeNumber() + ":" + Groups.LEADERS, NoticeKind.SUPERVISION, p, Groups.LEADERS,
        title, notice.text());
  }

  void escalated(Problem p, SupervisionLevel level, String why) {
    String title = "问题 %s 升级为%s".formatted(p.number(), level.label());
    String body = "问题 %s「%s」%s，督办升级为「%s」。".formatted(p.number(), p.title(), why, level.label());
    String key = "ESCALATION:%s:%s".formatted(p.number(), level.name());
    publish(key, NoticeKind.ESCALATION, p, unit(p), title, body);
    publish(key + ":" + Groups.LEADERS, NoticeKind.ESCALATION, p, Groups.LEADERS, title, body);
    if (level == SupervisionLevel.ACCOUNTABILITY) {
      publish(key + ":" + Groups.AUDITORS, NoticeKind.ACCOUNTABILITY, p, Groups.AUDITORS,
          "问题 %s 待审查".formatted(p.number()), body + "请纪检监察组进行问责审查。");
    }
  }

  void extensionRequested(Problem p, ExtensionRequest request) {
    publish("EXTENSION_REQUESTED:%s:%d".formatted(p.number(), request.id()), NoticeKind.EXTENSION_REQUESTED, p,
        Groups.SUPERVISORS, "问题 %s 申请延期至 %s".formatted(p.number(), request.requestedDeadline()),
        "%s 为问题 %s「%s」申请将整改时限由 %s 延期至 %s。理由：%s".formatted(request.requestedBy(), p.number(), p.title(),
            request.previousDeadline(), request.requestedDeadline(), request.reason()));
  }

  void extensionDecided(Problem p, ExtensionRequest request) {
    boolean approved = request.status() == ExtensionRequest.Status.APPROVED;
    publish("EXTENSION_DECIDED:%s:%d".formatted(p.number(), request.id()), NoticeKind.EXTENSION_DECIDED, p, unit(p),
        "问题 %s 延期申请%s".formatted(p.number(), approved ? "已同意" : "未同意"),
        approved
            ? "问题 %s「%s」的整改时限已延期至 %s。%s".formatted(p.number(), p.title(), request.approvedDeadline(),
                request.decisionComment() == null ? "" : "意见：" + request.decisionComment())
            : "问题 %s「%s」的延期申请未同意，整改时限仍为 %s。理由：%s".formatted(p.number(), p.title(),
                request.previousDeadline(), request.decisionComment()));
  }

  void progressReportDue(Problem p, int report) {
    publish("PROGRESS_REPORT_DUE:%s:%d".formatted(p.number(), report), NoticeKind.PROGRESS_REPORT_DUE, p, unit(p),
        "问题 %s 请报送第 %d 期进展".formatted(p.number(), report),
        "问题 %s「%s」为长期整改，请在 Tasklist 中报送第 %d 期阶段性进展。".formatted(p.number(), p.title(), report));
  }

  private static String unit(Problem p) {
    return Unit.GROUP_PREFIX + p.unitCode();
  }

  private void publish(String key, NoticeKind kind, Problem p, String addressee, String title, String body) {
    notices.publish(new NoticeDraft(key, kind, p.number(), addressee, title, body));
  }
}
