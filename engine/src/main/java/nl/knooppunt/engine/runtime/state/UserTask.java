package nl.knooppunt.engine.runtime.state;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A native user task. */
public final class UserTask {
  /** Lifecycle, including the transitions during which task listeners run. */
  public enum State {
    CREATING,
    CREATED,
    ASSIGNING,
    UPDATING,
    COMPLETING,
    CANCELING,
    COMPLETED,
    CANCELED
  }

  public long key;
  public State state = State.CREATING;
  public long elementInstanceKey;
  public long processInstanceKey;
  public long processDefinitionKey;
  public String bpmnProcessId;
  public int version;
  public String elementId;
  public String assignee;
  public List<String> candidateGroups = new ArrayList<>();
  public List<String> candidateUsers = new ArrayList<>();
  public String dueDate;
  public String followUpDate;
  public Long formKey;
  public String externalFormReference;
  public int priority = 50;
  public long created;

  /** The transition in progress: its listener event type and the next listener index. */
  public String transition;

  public int listenerIndex;
  public String action = "";

  /** The assignee requested by an assignment in progress ("" = unassign). */
  public String pendingAssignee;

  public Map<String, Object> pendingVariables = new LinkedHashMap<>();
  public Map<String, Object> pendingChanges = new LinkedHashMap<>();
  public List<String> changedAttributes = new ArrayList<>();

  /** After CREATING: assign the initial assignee (runs the assigning listeners). */
  public String initialAssignee;

  /** Key of the deferred request waiting for this transition (in memory, not durable). */
  public long requestId = -1;
}
