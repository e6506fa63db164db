package nl.knooppunt.processes.events;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link EventType#TAAK_AANGEMAAKT}: a user task appeared (task listener {@code creating}).
 * Produced by the gateway's task-listener worker. Id {@code taak-creating:<job key>}.
 *
 * @param taskKey the user task
 * @param process the BPMN process id
 * @param elementId the BPMN element id
 * @param processInstanceKey the instance the task belongs to
 * @param name the task's title
 * @param formKey its form
 * @param sla its term, ISO 8601 duration
 * @param candidateGroups who may work it
 * @param candidateUsers who may work it, by account
 * @param assignee who has it; may be null
 * @param dueAt when it is due
 * @param vrCode the region concerned; may be null
 * @param variables the process variables the task's page shows (a snapshot, as the engine has them:
 *     the one map in the contract, because it is the process' own data)
 */
public record TaskCreated(
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
    String vrCode,
    Map<String, Object> variables)
    implements EventPayload {

  public TaskCreated {
    Required.value(taskKey, "taskKey");
    candidateGroups = candidateGroups == null ? List.of() : List.copyOf(candidateGroups);
    candidateUsers = candidateUsers == null ? List.of() : List.copyOf(candidateUsers);
    variables =
        variables == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(variables));
  }
}
