package cn.zuofeng.rectification.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.junit.jupiter.api.Test;

/** The models follow the house rules, so they stay readable in Modeler and honest in Tasklist. */
class ProcessModelTest {

  private static final Path PROCESSES = Path.of("processes");
  private static final Path FORMS = Path.of("forms");

  @Test
  void everyModelIsNamedAfterItsFileAndKeepsHistoryForATimeToLive() throws IOException {
    for (Path file : bpmnFiles()) {
      BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
      Process process = model.getModelElementsByType(Process.class).iterator().next();
      assertThat(process.getId()).isEqualTo(file.getFileName().toString().replace(".bpmn", ""));
      assertThat(process.getCamundaHistoryTimeToLiveString()).as("%s historyTimeToLive", file).isNotBlank();
    }
  }

  @Test
  void everyElementHasAReadableIdAndIsDrawn() throws IOException {
    for (Path file : bpmnFiles()) {
      BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
      Set<String> drawn = new HashSet<>();
      model.getModelElementsByType(BpmnShape.class).forEach(s -> drawn.add(s.getBpmnElement().getId()));
      model.getModelElementsByType(BpmnEdge.class).forEach(e -> drawn.add(e.getBpmnElement().getId()));
      for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
        assertThat(node.getId()).as("typed readable id").matches("(StartEvent|EndEvent|UserTask|ServiceTask|Gateway|BoundaryEvent|IntermediateEvent|SubProcess|CallActivity|BusinessRuleTask)_[A-Z][A-Za-z]+");
        assertThat(node.getName()).as("%s has a Chinese name", node.getId()).isNotBlank();
        assertThat(drawn).as("%s is in the diagram", node.getId()).contains(node.getId());
      }
      for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
        assertThat(flow.getId()).matches("Flow_[A-Z][A-Za-z]+");
        assertThat(drawn).as("%s is in the diagram", flow.getId()).contains(flow.getId());
        if (flow.getSource() instanceof Gateway && flow.getSource().getOutgoing().size() > 1) {
          assertThat(flow.getName()).as("gateway flow %s is named", flow.getId()).isNotBlank();
        }
      }
    }
  }

  @Test
  void everyUserTaskHasACandidateGroupAndAFormThatExists() throws IOException {
    Set<String> formIds = new HashSet<>();
    ObjectMapper json = new ObjectMapper();
    try (Stream<Path> forms = Files.list(FORMS)) {
      for (Path form : forms.filter(f -> f.toString().endsWith(".form")).toList()) {
        JsonNode schema = json.readTree(form.toFile());
        assertThat(schema.path("id").asText()).isEqualTo(form.getFileName().toString().replace(".form", ""));
        formIds.add(schema.path("id").asText());
      }
    }
    // a process only ever called by another one (supervision) is not started from a form
    Set<String> called = new HashSet<>();
    for (Path file : bpmnFiles()) {
      Bpmn.readModelFromFile(file.toFile()).getModelElementsByType(org.camunda.bpm.model.bpmn.instance.CallActivity.class)
          .forEach(call -> called.add(call.getCalledElement()));
    }
    for (Path file : bpmnFiles()) {
      BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
      Collection<UserTask> userTasks = model.getModelElementsByType(UserTask.class);
      for (UserTask task : userTasks) {
        assertThat(task.getCamundaCandidateGroups()).as("%s candidate group", task.getId()).isNotBlank();
        assertThat(task.getCamundaAssignee()).as("%s has no hard-coded assignee", task.getId()).isNull();
        assertForm(task, task.getCamundaFormRef(), task.getCamundaFormKey(), formIds);
      }
      for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
        if (start.getParentElement() instanceof Process process && start.getEventDefinitions().isEmpty()
            && !called.contains(process.getId())) {
          assertForm(start, start.getCamundaFormRef(), start.getCamundaFormKey(), formIds);
        }
      }
    }
  }

  private static void assertForm(BaseElement element, String formRef, String formKey, Set<String> formIds) {
    if (formRef != null) {
      assertThat(formIds).as("%s refers to form %s", element.getId(), formRef).contains(formRef);
    } else {
      // ModelDeployment names resources by their path from the project root
      assertThat(formKey).as("%s has a form", element.getId()).startsWith("embedded:deployment:forms/");
      assertThat(Path.of(formKey.substring("embedded:deployment:".length()))).exists();
    }
  }

  private static List<Path> bpmnFiles() throws IOException {
    try (Stream<Path> files = Files.list(PROCESSES)) {
      return files.filter(f -> f.toString().endsWith(".bpmn")).toList();
    }
  }
}
