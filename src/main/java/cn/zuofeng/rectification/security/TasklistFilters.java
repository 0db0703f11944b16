package cn.zuofeng.rectification.security;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The shared Tasklist filters, kept as defined here at every start (created, or their query and
 * columns updated), each readable only by the groups it is meant for: a unit member sees the
 * unit's filters, supervisors the acceptance queue, leaders the close-out queue.
 */
@Component
@Order(15)
public class TasklistFilters implements ApplicationRunner {

  /** Who a filter is for: groups by id, and optionally every unit group. */
  private record Audience(boolean units, List<String> groups) {}

  private record Spec(String name, int priority, String description, Audience audience, Supplier<TaskQuery> query) {}

  /** The problem's essentials as list columns. */
  private static final List<Map<String, String>> COLUMNS = List.of(
      Map.of("name", "problemNumber", "label", "问题编号"),
      Map.of("name", "title", "label", "问题标题"),
      Map.of("name", "unitName", "label", "责任单位"),
      Map.of("name", "deadline", "label", "整改时限"),
      Map.of("name", "light", "label", "亮灯"));

  private static final String RECTIFY = "UserTask_Rectify";

  private final FilterService filters;
  private final TaskService tasks;
  private final AuthorizationService authorizations;
  private final IdentityService identity;

  TasklistFilters(FilterService filters, TaskService tasks, AuthorizationService authorizations, IdentityService identity) {
    this.filters = filters;
    this.tasks = tasks;
    this.authorizations = authorizations;
    this.identity = identity;
  }

  private List<Spec> specs() {
    var everyone = new Audience(true, List.of(Groups.SUPERVISORS, Groups.LEADERS));
    var units = new Audience(true, List.of());
    return List.of(
        new Spec("我的待办", -20, "我已认领、正在办理的任务，按到期日排序", everyone,
            () -> tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}").orderByDueDate().asc()),
        new Spec("本单位待认领", -19, "交办给本单位、尚无人认领的整改、督办答复和进展报送任务", units,
            () -> tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").taskUnassigned()
                .taskDefinitionKeyIn(RECTIFY, "UserTask_AnswerSupervision", "UserTask_ReportProgress").orderByDueDate().asc()),
        new Spec("即将到期", -18, "已进入预警期（黄灯）、尚未到期的整改任务", new Audience(true, List.of(Groups.SUPERVISORS)),
            () -> tasks.createTaskQuery().taskDefinitionKey(RECTIFY).followUpBeforeExpression("${now()}")
                .dueAfterExpression("${now()}").orderByDueDate().asc()),
        new Spec("已逾期", -17, "超过整改时限仍在整改的任务（红灯）", everyone,
            () -> tasks.createTaskQuery().taskDefinitionKey(RECTIFY).dueBeforeExpression("${now()}").orderByDueDate().asc()),
        new Spec("待验收", -16, "单位已提交整改、等待督查组验收", new Audience(false, List.of(Groups.SUPERVISORS)),
            () -> tasks.createTaskQuery().taskDefinitionKey("UserTask_AcceptRectification").orderByTaskCreateTime().asc()),
        new Spec("待销号审批", -15, "验收通过、等待领导审批销号", new Audience(false, List.of(Groups.LEADERS)),
            () -> tasks.createTaskQuery().taskDefinitionKey("UserTask_ApproveCloseOut").orderByTaskCreateTime().asc()),
        new Spec("待审批延期", -14, "责任单位提出的延期申请，等待督查组审批", new Audience(false, List.of(Groups.SUPERVISORS)),
            () -> tasks.createTaskQuery().taskDefinitionKey("UserTask_DecideExtension").orderByTaskCreateTime().asc()),
        new Spec("督办待答复", -13, "已下发督办单、等待责任单位书面答复", new Audience(true, List.of(Groups.SUPERVISORS, Groups.LEADERS)),
            () -> tasks.createTaskQuery().taskDefinitionKey("UserTask_AnswerSupervision").orderByDueDate().asc()),
        new Spec("待约谈", -12, "督办升级为约谈，等待领导小组约谈责任单位负责人", new Audience(false, List.of(Groups.LEADERS)),
            () -> tasks.createTaskQuery().taskDefinitionKey("UserTask_HoldAdmonition").orderByTaskCreateTime().asc()),
        new Spec("问责审查", -11, "督办升级为问责，等待纪检组审查", new Audience(false, List.of(Groups.AUDITORS)),
            () -> tasks.createTaskQuery().taskDefinitionKey("UserTask_ReviewAccountability").orderByTaskCreateTime().asc()));
  }

  @Override
  public void run(ApplicationArguments args) {
    List<String> unitGroups = identity.createGroupQuery().list().stream()
        .map(Group::getId).filter(id -> id.startsWith(Groups.UNIT_PREFIX)).toList();
    for (Spec spec : specs()) {
      Filter existing = filters.createFilterQuery().filterName(spec.name()).singleResult();
      Filter filter = existing != null ? existing : filters.newTaskFilter(spec.name());
      Map<String, Object> properties = new LinkedHashMap<>();
      properties.put("description", spec.description());
      properties.put("priority", spec.priority());
      properties.put("refresh", true);
      properties.put("variables", COLUMNS);
      filter.setQuery(spec.query().get());
      filter.setProperties(properties);
      filters.saveFilter(filter);
      spec.audience().groups().forEach(group -> grantRead(group, filter.getId()));
      if (spec.audience().units()) {
        unitGroups.forEach(group -> grantRead(group, filter.getId()));
      }
    }
  }

  /** A new unit's members get the unit filters. */
  public void grantUnit(String unitGroupId) {
    for (Spec spec : specs()) {
      if (spec.audience().units()) {
        Filter filter = filters.createFilterQuery().filterName(spec.name()).singleResult();
        if (filter != null) {
          grantRead(unitGroupId, filter.getId());
        }
      }
    }
  }

  private void grantRead(String groupId, String filterId) {
    boolean granted = authorizations.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT).groupIdIn(groupId)
        .resourceType(Resources.FILTER).resourceId(filterId).count() > 0;
    if (!granted) {
      Authorization authorization = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
      authorization.setGroupId(groupId);
      authorization.setResource(Resources.FILTER);
      authorization.setResourceId(filterId);
      authorization.addPermission(Permissions.READ);
      authorizations.saveAuthorization(authorization);
    }
  }
}
