package nl.knooppunt.workers.jobs;

import io.camunda.client.exception.BpmnError;
import io.camunda.client.exception.CamundaError;
import nl.knooppunt.processes.ErrorCode;

/** Business failures as named BPMN errors, with a message a duty officer can act on. */
final class BpmnErrors {

  private BpmnErrors() {}

  static BpmnError of(ErrorCode code, String message) {
    return CamundaError.bpmnError(code.code(), message);
  }
}
