package nl.knooppunt.workers.jobs;

import io.camunda.client.exception.BpmnError;
import io.camunda.client.exception.CamundaError;
import java.util.Map;
import nl.knooppunt.processes.ErrorCode;

/**
 * Business failures as named BPMN errors. The message a duty officer can act on travels with the
 * error as the variable {@value #MESSAGE_VARIABLE}, so the catching event can keep it.
 */
final class BpmnErrors {

  static final String MESSAGE_VARIABLE = "foutmelding";

  private BpmnErrors() {}

  static BpmnError of(ErrorCode code, String message) {
    return CamundaError.bpmnError(code.code(), message, Map.of(MESSAGE_VARIABLE, message));
  }
}
