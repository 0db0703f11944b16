package cn.zuofeng.rectification.workflow;

import cn.zuofeng.rectification.ledger.InvalidInputException;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.ProcessInstanceWithVariables;
import org.springframework.stereotype.Service;

/**
 * Registers a problem from outside Tasklist (the REST API, imports): starts
 * {@code problem-rectification} with the submitted fields, exactly as the Tasklist start form
 * does, so both paths share one validation and write the ledger in the engine's transaction.
 */
@Service
public class ProblemRegistration {

  private final RuntimeService runtime;

  ProblemRegistration(RuntimeService runtime) {
    this.runtime = runtime;
  }

  /** Returns the new problem number; invalid fields fail with nothing saved. */
  public String register(Map<String, ?> fields) {
    Map<String, Object> variables = new HashMap<>(fields);
    variables.values().removeIf(java.util.Objects::isNull);
    try {
      ProcessInstanceWithVariables instance = runtime.createProcessInstanceByKey(ProcessIds.PROBLEM_RECTIFICATION)
          .setVariables(variables)
          .executeWithVariablesInReturn();
      return (String) instance.getVariables().get(ProcessIds.Vars.PROBLEM_NUMBER);
    } catch (FormFieldValidationException e) {
      if (e.getCause() instanceof InvalidInputException invalid) {
        throw invalid;
      }
      throw e;
    }
  }
}
