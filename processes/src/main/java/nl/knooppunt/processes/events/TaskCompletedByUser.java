package nl.knooppunt.processes.events;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@link EventType#TAAK_AFGEROND}: a person completed a task with its form: the decision, with who
 * (the event's {@code actor}) and when. Produced by the gateway. Id {@code afgerond:<task key>}.
 *
 * @param taskKey the user task
 * @param name its title
 * @param elementId its BPMN element
 * @param form the form as completed and checked (the variables the process got: the task's own
 *     data, so a map)
 */
public record TaskCompletedByUser(
    Long taskKey, String name, String elementId, Map<String, Object> form) implements EventPayload {

  public TaskCompletedByUser {
    Required.value(taskKey, "taskKey");
    form = form == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(form));
  }
}
