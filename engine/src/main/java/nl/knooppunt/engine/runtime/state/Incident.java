package nl.knooppunt.engine.runtime.state;

/** An incident: the instance waits until it is resolved. */
public final class Incident {
  /** What to retry when the incident is resolved. */
  public enum Retry {
    ACTIVATE,
    COMPLETE,
    JOB
  }

  public long key;
  public String errorType;
  public String errorMessage;
  public long processInstanceKey;
  public long elementInstanceKey;
  public String elementId;
  public String bpmnProcessId;
  public long processDefinitionKey;
  public long jobKey = -1;
  public Retry retry;
  public long created;
}
