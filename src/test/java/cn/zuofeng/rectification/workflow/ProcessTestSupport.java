package cn.zuofeng.rectification.workflow;

import cn.zuofeng.rectification.ledger.LedgerService;
import cn.zuofeng.rectification.ledger.Problem;
import cn.zuofeng.rectification.ledger.Unit;
import cn.zuofeng.rectification.ledger.UnitDirectory;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * Process tests run the real application context on in-memory H2 with the job executor off and
 * authorizations on; every step is taken as a user of the right group, as in Tasklist.
 */
@SpringBootTest
@ActiveProfiles("test")
abstract class ProcessTestSupport {

  /** A fixed "now" (Beijing time) so deadlines and numbers are predictable. */
  static final OffsetDateTime NOW = OffsetDateTime.parse("2026-11-23T10:00:00+08:00");
  static final LocalDate TODAY = NOW.toLocalDate();

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;
  @Autowired IdentityService identity;
  @Autowired LedgerService ledger;
  @Autowired UnitDirectory units;
  @Autowired ProblemRegistration registration;

  @BeforeEach
  void setUpEngine() {
    AbstractAssertions.init(engine);
    ClockUtil.setCurrentTime(Date.from(NOW.toInstant()));
    units.save(new Unit("fgw", "市发展改革委"));
    units.save(new Unit("zjj", "市住房城乡建设局"));
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
    identity.clearAuthentication();
  }

  static Map<String, Object> problemFields(String title) {
    Map<String, Object> fields = new HashMap<>();
    fields.put("title", title);
    fields.put("description", "办事群众反映：" + title);
    fields.put("source", "PUBLIC_COMPLAINT");
    fields.put("category", "SERVICE_EFFICIENCY");
    fields.put("discoveredOn", TODAY.minusDays(3).toString());
    fields.put("suggestedUnit", "市发展改革委");
    return fields;
  }

  String register(String title) {
    return as("supervisor", "supervisors", () -> registration.register(problemFields(title)));
  }

  ProcessInstance instance(String number) {
    return runtime.createProcessInstanceQuery().processDefinitionKey(ProcessIds.PROBLEM_RECTIFICATION).processInstanceBusinessKey(number).singleResult();
  }

  String processInstanceId(String number) {
    return ledger.find(number).orElseThrow().processInstanceId();
  }

  Problem problem(String number) {
    return ledger.find(number).orElseThrow();
  }

  Task task(String number, String taskKey) {
    return tasks.createTaskQuery().processInstanceBusinessKey(number).taskDefinitionKey(taskKey).singleResult();
  }

  /** Completes the task by id as the user, as Tasklist does (the id is looked up without their rights). */
  void complete(String number, String taskKey, String user, String group, Map<String, Object> variables) {
    String taskId = task(number, taskKey).getId();
    as(user, group, () -> {
      tasks.complete(taskId, variables);
      return null;
    });
  }

  void assign(String number, String unit, LocalDate deadline) {
    complete(number, ProcessIds.REVIEW_AND_ASSIGN, "supervisor", "supervisors", Map.of(
        "reviewDecision", "ASSIGN", "unitCode", unit, "severity", "SERIOUS",
        "rectificationType", "TIME_LIMITED", "deadline", deadline.toString()));
  }

  void claim(String number, String user, String group) {
    String taskId = task(number, ProcessIds.RECTIFY).getId();
    as(user, group, () -> {
      tasks.claim(taskId, user);
      return null;
    });
  }

  void rectify(String number, String user, String group, Map<String, Object> variables) {
    complete(number, ProcessIds.RECTIFY, user, group, variables);
  }

  <T> T as(String user, String group, java.util.function.Supplier<T> work) {
    identity.setAuthentication(user, List.of(group));
    try {
      return work.get();
    } finally {
      identity.clearAuthentication();
    }
  }
}
