package cn.zuofeng.rectification.audit;

import cn.zuofeng.rectification.ledger.LedgerService;
import cn.zuofeng.rectification.ledger.Problem;
import cn.zuofeng.rectification.ledger.UnitDirectory;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Service;

/**
 * A problem's whole history as one timeline: the ledger's event log merged with the engine's
 * operation log (claims, assignments, completions with the form values entered) and comments.
 * Callers decide who may read which problem; the engine's own history queries run here without
 * the caller's engine authorization, so a unit sees the full trail of its own problem.
 */
@Service
public class TrailService {

  private static final Map<String, String> OPERATIONS = Map.ofEntries(
      Map.entry("Create", "发起流程"), Map.entry("Claim", "认领任务"), Map.entry("Assign", "指派任务"),
      Map.entry("Complete", "完成任务"), Map.entry("SetOwner", "设置所有者"), Map.entry("Delegate", "委派任务"),
      Map.entry("Resolve", "完成委派"), Map.entry("Delete", "删除"), Map.entry("SetVariable", "设置变量"),
      Map.entry("ModifyVariable", "修改变量"), Map.entry("RemoveVariable", "删除变量"), Map.entry("Suspend", "挂起"),
      Map.entry("Activate", "激活"), Map.entry("SetPriority", "设置优先级"), Map.entry("Update", "修改任务"),
      Map.entry("SetDueDate", "修改到期日"), Map.entry("SetFollowUpDate", "修改跟进日期"), Map.entry("AddComment", "添加意见"));
  private static final Map<String, String> ROLES = Map.of(
      "supervisors", "督查组", "leaders", "领导小组办公室", "auditors", "纪检审计", "camunda-admin", "系统管理员");

  private final LedgerService ledger;
  private final UnitDirectory units;
  private final HistoryService history;
  private final TaskService tasks;
  private final IdentityService identity;
  private final ZoneId zone;

  TrailService(LedgerService ledger, UnitDirectory units, HistoryService history, TaskService tasks,
               IdentityService identity, java.time.Clock clock) {
    this.ledger = ledger;
    this.units = units;
    this.history = history;
    this.tasks = tasks;
    this.identity = identity;
    this.zone = clock.getZone();
  }

  public List<TrailEntry> trail(Problem problem) {
    List<TrailEntry> entries = new ArrayList<>();
    Map<String, String[]> people = new HashMap<>();
    for (var event : ledger.eventsOf(problem)) {
      String[] who = person(event.actor(), people);
      entries.add(new TrailEntry(event.occurredAt(), event.actor(), who[0], who[1], event.label(), event.details(),
          event.activityId(), "台账"));
    }
    String instance = problem.processInstanceId();
    if (instance != null) {
      entries.addAll(asEngine(() -> engineEntries(instance, people)));
    }
    entries.sort(Comparator.comparing(TrailEntry::time));
    return entries;
  }

  private List<TrailEntry> engineEntries(String instance, Map<String, String[]> people) {
    Map<String, String> taskKeys = history.createHistoricTaskInstanceQuery().processInstanceId(instance).list().stream()
        .collect(Collectors.toMap(HistoricTaskInstance::getId, HistoricTaskInstance::getTaskDefinitionKey, (a, b) -> a));
    Map<String, List<HistoricVariableUpdate>> formValues = new HashMap<>();
    for (HistoricDetail detail : history.createHistoricDetailQuery().processInstanceId(instance).variableUpdates().disableBinaryFetching().list()) {
      if (detail.getUserOperationId() != null && detail instanceof HistoricVariableUpdate update) {
        formValues.computeIfAbsent(detail.getUserOperationId(), k -> new ArrayList<>()).add(update);
      }
    }
    Map<String, List<UserOperationLogEntry>> operations = new LinkedHashMap<>();
    for (UserOperationLogEntry entry : history.createUserOperationLogQuery().processInstanceId(instance).list()) {
      operations.computeIfAbsent(entry.getOperationId(), k -> new ArrayList<>()).add(entry);
    }
    List<TrailEntry> entries = new ArrayList<>();
    operations.forEach((operationId, changes) -> {
      UserOperationLogEntry first = changes.get(0);
      var details = new ArrayList<String>();
      for (UserOperationLogEntry change : changes) {
        if (change.getProperty() != null && !"variables".equals(change.getProperty()) && !"mode".equals(change.getProperty())) {
          details.add(change.getProperty() + "：" + nullToDash(change.getOrgValue()) + " → " + nullToDash(change.getNewValue()));
        }
      }
      for (HistoricVariableUpdate update : formValues.getOrDefault(operationId, List.of())) {
        details.add(update.getVariableName() + " = " + shown(update.getValue()));
      }
      String[] who = person(first.getUserId(), people);
      entries.add(new TrailEntry(time(first.getTimestamp()), first.getUserId(), who[0], who[1],
          OPERATIONS.getOrDefault(first.getOperationType(), first.getOperationType()), String.join("；", details),
          first.getTaskId() == null ? null : taskKeys.get(first.getTaskId()), "流程"));
    });
    tasks.getProcessInstanceComments(instance).forEach(comment -> {
      String[] who = person(comment.getUserId(), people);
      entries.add(new TrailEntry(time(comment.getTime()), comment.getUserId(), who[0], who[1], "添加意见",
          comment.getFullMessage(), comment.getTaskId() == null ? null : taskKeys.get(comment.getTaskId()), "流程"));
    });
    return entries;
  }

  /** Name and unit or role of a user id, looked up once per trail. */
  private String[] person(String userId, Map<String, String[]> people) {
    if (userId == null) {
      return new String[] {null, null};
    }
    return people.computeIfAbsent(userId, id -> asEngine(() -> {
      User user = identity.createUserQuery().userId(id).singleResult();
      String name = user == null ? id : (nullToEmpty(user.getFirstName()) + nullToEmpty(user.getLastName())).strip();
      Map<String, String> unitNames = units.names();
      String role = identity.createGroupQuery().groupMember(id).list().stream()
          .map(Group::getId)
          .map(group -> group.startsWith("unit-") ? unitNames.getOrDefault(group.substring(5), group) : ROLES.get(group))
          .filter(java.util.Objects::nonNull)
          .collect(Collectors.joining("、"));
      return new String[] {name.isEmpty() ? id : name, role.isEmpty() ? null : role};
    }));
  }

  private <T> T asEngine(Supplier<T> work) {
    Authentication caller = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      return work.get();
    } finally {
      if (caller != null) {
        identity.setAuthentication(caller);
      }
    }
  }

  private OffsetDateTime time(Date date) {
    return date.toInstant().atZone(zone).toOffsetDateTime();
  }

  private static String shown(Object value) {
    if (value == null) {
      return "—";
    }
    String text = value.toString();
    return text.length() > 500 ? text.substring(0, 500) + "…" : text;
  }

  private static String nullToDash(String value) {
    return value == null ? "—" : value;
  }

  private static String nullToEmpty(String value) {
    return value == null ? "" : value;
  }
}
