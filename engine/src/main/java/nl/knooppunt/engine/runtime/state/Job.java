package nl.knooppunt.engine.runtime.state;

import java.util.LinkedHashMap;
import java.util.Map;

/** A job: work for a client worker. */
public final class Job {
  /** Where a job is in its life. */
  public enum State {
    ACTIVATABLE,
    ACTIVATED,
    /** Failed with retries left but a back-off: activatable again at {@link #backoffUntil}. */
    BACKOFF,
    /** Failed with no retries left: an incident exists. */
    FAILED,
    /** An error was thrown but not caught: an incident exists. */
    ERROR_THROWN
  }

  public long key;
  public String type;
  public State state = State.ACTIVATABLE;
  public int retries;
  public long deadline = -1;
  public long backoffUntil = -1;
  public String worker = "";
  public String errorMessage = "";
  public String errorCode = "";
  public long elementInstanceKey;
  public long processInstanceKey;
  public long processDefinitionKey;
  public String bpmnProcessId;
  public int version;
  public String elementId;
  public Map<String, String> customHeaders = new LinkedHashMap<>();

  /** BPMN_ELEMENT or TASK_LISTENER. */
  public String kind = "BPMN_ELEMENT";

  /** For task listeners: creating, assigning, updating, completing, canceling. */
  public String listenerEventType;

  public long userTaskKey = -1;
  public long incidentKey = -1;
  public long created;

  /** Variables for a job whose element instance is already gone (canceling listeners). */
  public Map<String, Object> variablesSnapshot;
}
