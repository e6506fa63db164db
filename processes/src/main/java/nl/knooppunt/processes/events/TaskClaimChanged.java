package nl.knooppunt.processes.events;

/**
 * A person claimed a task or gave it back. Shared by {@link EventType#TAAK_GECLAIMD} and {@link
 * EventType#TAAK_VRIJGEGEVEN}. Produced by the gateway (who: the event's {@code actor}). Id {@code
 * geclaimd:<task key>:<uuid>} / {@code vrijgegeven:<task key>:<uuid>}.
 *
 * @param taskKey the user task
 * @param name its title
 * @param elementId its BPMN element
 * @param assignee who has it now (the claimant); null when given back
 */
public record TaskClaimChanged(Long taskKey, String name, String elementId, String assignee)
    implements EventPayload {

  public TaskClaimChanged {
    Required.value(taskKey, "taskKey");
  }
}
