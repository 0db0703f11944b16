package cn.zuofeng.rectification.demo;

import cn.zuofeng.rectification.ledger.LedgerService;
import cn.zuofeng.rectification.ledger.ProblemSearch;
import cn.zuofeng.rectification.ledger.Unit;
import cn.zuofeng.rectification.security.Groups;
import cn.zuofeng.rectification.security.UnitOnboarding;
import cn.zuofeng.rectification.workflow.ProblemRegistration;
import cn.zuofeng.rectification.workflow.ProcessIds;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo users, units and a handful of problems in every state, created through the real process
 * (as the demo users, so the history reads like real work). Only in the demo profile, and only
 * into an empty ledger.
 */
@Component
@Profile("demo")
@Order(20)
class DemoData implements ApplicationRunner {

  /** Every demo user's password; the production profile has no demo users. */
  static final String PASSWORD = "Zuofeng@2026";

  static final List<Unit> UNITS = List.of(
      new Unit("fgw", "市发展改革委"),
      new Unit("zjj", "市住房城乡建设局"),
      new Unit("scj", "市市场监管局"),
      new Unit("xzfw", "市行政审批服务局"));

  private static final Logger log = LoggerFactory.getLogger(DemoData.class);

  private final IdentityService identity;
  private final TaskService tasks;
  private final UnitOnboarding onboarding;
  private final LedgerService ledger;
  private final ProblemRegistration registration;

  DemoData(IdentityService identity, TaskService tasks, UnitOnboarding onboarding, LedgerService ledger,
           ProblemRegistration registration) {
    this.identity = identity;
    this.tasks = tasks;
    this.onboarding = onboarding;
    this.ledger = ledger;
    this.registration = registration;
  }

  @Override
  public void run(ApplicationArguments args) {
    group(Groups.SUPERVISORS, "督查组");
    group(Groups.LEADERS, "领导小组办公室");
    group(Groups.AUDITORS, "纪检审计");
    user("supervisor", "张督查", Groups.SUPERVISORS);
    user("leader", "李组长", Groups.LEADERS);
    user("auditor", "王纪检", Groups.AUDITORS);
    UNITS.forEach(unit -> onboarding.add(unit.code(), unit.name()));
    user("fgw-zhao", "赵发改", "unit-fgw");
    user("fgw-qian", "钱规划", "unit-fgw");
    user("zjj-sun", "孙住建", "unit-zjj");
    user("scj-zhou", "周市监", "unit-scj");
    user("xzfw-wu", "吴审批", "unit-xzfw");
    if (ledger.search(ProblemSearch.all()).total() == 0) {
      problems();
    }
  }

  private void problems() {
    LocalDate today = ledger.today();
    register("窗口工作人员推诿扯皮，群众多次往返仍未办结", "PUBLIC_COMPLAINT", "SERVICE_EFFICIENCY", today.minusDays(2), "xzfw");

    register("会议通知层层转发，基层重复填报同类报表", "SELF_INSPECTION", "FORMALISM", today.minusDays(1), null);

    String dismissed = register("反映某路段路灯不亮（属市政维修事项，已转办）", "HOTLINE", "OTHER", today.minusDays(5), null);
    as("supervisor", Groups.SUPERVISORS, () -> complete(dismissed, ProcessIds.REVIEW_AND_ASSIGN, Map.of(
        "reviewDecision", "DISMISS", "dismissReason", "不属于作风问题，已转市政热线按维修工单办理")));

    String assigned = register("项目审批环节多、时限长，企业反映材料重复提交", "UNANNOUNCED_VISIT", "BUSINESS_ENVIRONMENT", today.minusDays(6), "fgw");
    assign(assigned, "fgw", "SERIOUS", "TIME_LIMITED", today.plusDays(20));

    String claimed = register("工程质量投诉处理超期未回复", "PUBLIC_COMPLAINT", "SERVICE_EFFICIENCY", today.minusDays(8), "zjj");
    assign(claimed, "zjj", "GENERAL", "IMMEDIATE", today.plusDays(3));
    claim(claimed, "zjj-sun", "unit-zjj");

    String pendingAcceptance = register("执法检查中存在随意性，自由裁量标准不统一", "SUPERVISION", "WORK_DISCIPLINE", today.minusDays(12), "scj");
    assign(pendingAcceptance, "scj", "SERIOUS", "TIME_LIMITED", today.plusDays(10));
    rectify(pendingAcceptance, "scj-zhou", "unit-scj", "修订行政处罚裁量基准，组织全员培训", "裁量基准已印发，培训 86 人次");

    String pendingCloseOut = register("政务服务网部分事项办事指南与实际不符", "FORUM", "SERVICE_EFFICIENCY", today.minusDays(15), "xzfw");
    assign(pendingCloseOut, "xzfw", "GENERAL", "TIME_LIMITED", today.plusDays(5));
    rectify(pendingCloseOut, "xzfw-wu", "unit-xzfw", "逐项核对 312 项办事指南", "已更正 27 项，建立季度核查机制");
    as("supervisor", Groups.SUPERVISORS, () -> complete(pendingCloseOut, ProcessIds.ACCEPT_RECTIFICATION, Map.of("acceptanceDecision", "ACCEPT")));

    String closed = register("调研活动陪同人员过多，增加基层负担", "INSPECTION_TOUR", "FORMALISM", today.minusDays(30), "fgw");
    assign(closed, "fgw", "GENERAL", "IMMEDIATE", today.plusDays(2));
    rectify(closed, "fgw-zhao", "unit-fgw", "制定调研活动陪同人员管理规定", "初次整改说明不充分");
    as("supervisor", Groups.SUPERVISORS, () -> complete(closed, ProcessIds.ACCEPT_RECTIFICATION, Map.of(
        "acceptanceDecision", "REJECT", "rejectionReason", "请补充规定文件和执行情况的佐证材料")));
    rectify(closed, "fgw-zhao", "unit-fgw", "印发《调研活动陪同人员管理规定》，明确陪同不超过 2 人", "近一个月 9 次调研均符合规定");
    as("supervisor", Groups.SUPERVISORS, () -> complete(closed, ProcessIds.ACCEPT_RECTIFICATION, Map.of("acceptanceDecision", "ACCEPT")));
    as("leader", Groups.LEADERS, () -> complete(closed, ProcessIds.APPROVE_CLOSE_OUT, Map.of("closeOutDecision", "APPROVE")));
    log.info("demo problems created");
  }

  private String register(String title, String source, String category, LocalDate discoveredOn, String suggestedUnit) {
    Map<String, Object> fields = new HashMap<>();
    fields.put("title", title);
    fields.put("description", title + "。经核实情况属实，需责任单位限期整改并报送整改情况。");
    fields.put("source", source);
    fields.put("category", category);
    fields.put("discoveredOn", discoveredOn.toString());
    fields.put("suggestedUnit", suggestedUnit);
    String[] number = new String[1];
    as("supervisor", Groups.SUPERVISORS, () -> number[0] = registration.register(fields));
    return number[0];
  }

  private void assign(String number, String unit, String severity, String type, LocalDate deadline) {
    as("supervisor", Groups.SUPERVISORS, () -> complete(number, ProcessIds.REVIEW_AND_ASSIGN, Map.of(
        "reviewDecision", "ASSIGN", "unitCode", unit, "severity", severity, "rectificationType", type,
        "deadline", deadline.toString())));
  }

  private void claim(String number, String userId, String group) {
    as(userId, group, () -> tasks.claim(task(number, ProcessIds.RECTIFY).getId(), userId));
  }

  private void rectify(String number, String userId, String group, String measures, String result) {
    as(userId, group, () -> {
      Task task = task(number, ProcessIds.RECTIFY);
      if (task.getAssignee() == null) {
        tasks.claim(task.getId(), userId);
      }
      tasks.complete(task.getId(), Variables.createVariables()
          .putValue("measures", measures)
          .putValue("result", result)
          .putValue("evidence1", Variables.fileValue("整改情况说明.txt")
              .file((measures + "\n" + result).getBytes(StandardCharsets.UTF_8))
              .mimeType("text/plain").encoding("UTF-8").create()));
    });
  }

  private void complete(String number, String taskKey, Map<String, Object> variables) {
    tasks.complete(task(number, taskKey).getId(), variables);
  }

  private Task task(String number, String taskKey) {
    return tasks.createTaskQuery().processInstanceBusinessKey(number).taskDefinitionKey(taskKey).singleResult();
  }

  private void as(String userId, String group, Runnable work) {
    identity.setAuthentication(userId, List.of(group));
    try {
      work.run();
    } finally {
      identity.clearAuthentication();
    }
  }

  private void group(String id, String name) {
    if (identity.createGroupQuery().groupId(id).count() == 0) {
      Group group = identity.newGroup(id);
      group.setName(name);
      group.setType("WORKFLOW");
      identity.saveGroup(group);
    }
  }

  private void user(String id, String name, String groupId) {
    if (identity.createUserQuery().userId(id).count() == 0) {
      User user = identity.newUser(id);
      user.setFirstName(name);
      user.setLastName("");
      user.setPassword(PASSWORD);
      user.setEmail(id + "@example.gov.cn");
      identity.saveUser(user);
      identity.createMembership(id, groupId);
    }
  }
}
