package nl.knooppunt.processes;

import java.util.Arrays;
import java.util.Optional;

/**
 * The task-listener job types every user task declares (DESIGN §2). The gateway handles them to
 * keep its task inbox current; the job carries the task ({@code ActivatedJob#getUserTask()}).
 */
public enum TaskListenerJobType {
  CREATING("creating", JobTypes.TAAK_CREATING),
  ASSIGNING("assigning", JobTypes.TAAK_ASSIGNING),
  COMPLETING("completing", JobTypes.TAAK_COMPLETING),
  CANCELING("canceling", JobTypes.TAAK_CANCELING);

  private final String eventType;
  private final String type;

  TaskListenerJobType(String eventType, String type) {
    this.eventType = eventType;
    this.type = type;
  }

  /** The {@code eventType} attribute of {@code zeebe:taskListener}. */
  public String eventType() {
    return eventType;
  }

  /** The job type of the listener. */
  public String type() {
    return type;
  }

  public static Optional<TaskListenerJobType> of(String type) {
    return Arrays.stream(values()).filter(t -> t.type.equals(type)).findFirst();
  }

  @Override
  public String toString() {
    return type;
  }
}
