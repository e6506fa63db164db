package nl.knooppunt.engine.runtime.state;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import nl.knooppunt.engine.model.ElementKind;

/** A running element instance (the process instance itself is one, with parentKey = -1). */
public final class ElementInstance {
  /** Lifecycle of an element instance. */
  public enum State {
    ACTIVATING,
    ACTIVATED,
    COMPLETING,
    TERMINATING
  }

  public long key;
  public String elementId;
  public ElementKind kind;
  public State state = State.ACTIVATING;
  public long processInstanceKey;
  public long processDefinitionKey;
  public String bpmnProcessId;
  public int version;
  public long parentKey = -1;

  /** For a process instance started by a call activity: that call activity's instance. */
  public long parentElementInstanceKey = -1;

  public long parentProcessInstanceKey = -1;

  /** Engine time a process instance was created (its start date); 0 for other instances. */
  public long created;

  public Map<String, Object> variables = new LinkedHashMap<>();
  public LinkedHashSet<Long> children = new LinkedHashSet<>();

  /** Parallel/inclusive join: gateway id -> incoming flow id -> tokens waiting. */
  public Map<String, Map<String, Integer>> joinTokens = new LinkedHashMap<>();

  public long jobKey = -1;
  public long userTaskKey = -1;
  public long calledProcessInstanceKey = -1;

  /** Timers and message subscriptions owned by this instance (own events or boundary events). */
  public List<Long> timerKeys = new ArrayList<>();

  public List<Long> subscriptionKeys = new ArrayList<>();

  /** Multi-instance body: the input collection, next index, counters. */
  public List<Object> miCollection;

  public int miNextIndex;
  public int miCompleted;
  public int miActive;

  /** For an inner multi-instance element: its index (loopCounter - 1). */
  public int miIndex = -1;

  /** An interrupting boundary event to activate once this (host) instance is terminated. */
  public String pendingBoundaryId;

  public Map<String, Object> pendingBoundaryVariables;

  /** A terminate end event of this scope waiting for its siblings to finish terminating. */
  public long waitingTerminateEndKey = -1;

  /** A multi-instance body whose completion condition is met, waiting for inner terminations. */
  public boolean completeAfterTermination;

  /**
   * Execution listeners of this instance whose jobs completed, start and end (ADR 0047); left out
   * of snapshots while 0, so snapshots of models without listeners keep their shape.
   */
  @JsonInclude(JsonInclude.Include.NON_DEFAULT)
  public int startListenersDone;

  @JsonInclude(JsonInclude.Include.NON_DEFAULT)
  public int endListenersDone;

  /** Variables carried into the completion (job/message/user task/child process). */
  public Map<String, Object> pendingVariables;

  public boolean isProcessInstance() {
    return parentKey < 0;
  }
}
