package nl.knooppunt.processes.events;

import java.time.Instant;
import java.util.List;

/**
 * A user task as a task listener saw it. Shared by {@link EventType#TAAK_TOEGEWEZEN} ({@code
 * assigning}), {@link EventType#TAAK_VOLTOOID} ({@code completing}) and {@link
 * EventType#TAAK_GEANNULEERD} ({@code canceling}). Produced by the gateway's task-listener worker.
 * Id {@code taak-<listener>:<job key>}.
 *
 * @param taskKey the user task
 * @param process the BPMN process id
 * @param elementId the BPMN element id
 * @param processInstanceKey the instance the task belongs to
 * @param name the task's title
 * @param formKey its form
 * @param sla its term
 * @param candidateGroups who may work it
 * @param candidateUsers who may work it, by account
 * @param assignee who has it (the new assignee when assigning); may be null
 * @param dueAt when it is due
 * @param vrCode the region concerned; may be null
 */
public record TaskChanged(
    Long taskKey,
    String process,
    String elementId,
    Long processInstanceKey,
    String name,
    String formKey,
    String sla,
    List<String> candidateGroups,
    List<String> candidateUsers,
    String assignee,
    Instant dueAt,
    String vrCode)
    implements EventPayload {

  public TaskChanged {
    Required.value(taskKey, "taskKey");
    candidateGroups = candidateGroups == null ? List.of() : List.copyOf(candidateGroups);
    candidateUsers = candidateUsers == null ? List.of() : List.copyOf(candidateUsers);
  }
}
