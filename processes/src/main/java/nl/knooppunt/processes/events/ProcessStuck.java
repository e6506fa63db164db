package nl.knooppunt.processes.events;

import java.time.Instant;

/**
 * {@link EventType#PROCES_STAAT_STIL}: a step of a process cannot go on (an incident at the
 * engine). Produced by the gateway's incident watcher. Id {@code incident:<incident key>}.
 *
 * @param incidentKey the incident
 * @param processInstanceKey the instance that stands still
 * @param processId its BPMN process id
 * @param elementId the step
 * @param step the step's name
 * @param errorType the engine's error type
 * @param errorMessage the engine's message
 * @param createdAt when the incident arose
 */
public record ProcessStuck(
    Long incidentKey,
    Long processInstanceKey,
    String processId,
    String elementId,
    String step,
    String errorType,
    String errorMessage,
    Instant createdAt)
    implements EventPayload {

  public ProcessStuck {
    Required.value(incidentKey, "incidentKey");
  }
}
