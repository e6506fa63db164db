package nl.knooppunt.engine.model;

import java.util.List;
import nl.knooppunt.engine.feel.Expression;

/** Properties of a native {@code zeebe:userTask}; any of the expressions may be null. */
public record UserTaskDefinition(
    Expression assignee,
    Expression candidateGroups,
    Expression candidateUsers,
    Expression dueDate,
    Expression followUpDate,
    String formKey,
    String formId,
    String externalFormReference,
    Expression priority,
    List<TaskListener> listeners) {

  /** A task listener: executed as a job of kind TASK_LISTENER. */
  public record TaskListener(String eventType, Expression type, Expression retries) {}

  public List<TaskListener> listeners(String eventType) {
    return listeners.stream().filter(l -> l.eventType().equals(eventType)).toList();
  }
}
