package nl.knooppunt.engine.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.knooppunt.engine.feel.Expression;

/**
 * One executable element of a process, built by {@link BpmnTransformer}. Fields that do not apply
 * to the element's kind are null/empty. Treated as immutable after deployment.
 */
public final class Element {
  public final String id;
  public final ElementKind kind;
  public String name;
  public EventDefinitionType eventType = EventDefinitionType.NONE;

  /** The id of the containing flow scope (process or sub-process); null for the process. */
  public String flowScopeId;

  public final List<SequenceFlow> outgoing = new ArrayList<>();
  public final List<String> incoming = new ArrayList<>();
  public String defaultFlowId;

  public final List<Mapping> inputs = new ArrayList<>();
  public final List<Mapping> outputs = new ArrayList<>();

  // job-based elements
  public Expression jobType;
  public Expression jobRetries;
  public final Map<String, String> taskHeaders = new LinkedHashMap<>();

  // events
  public Expression messageName;
  public Expression correlationKey;
  public TimerDefinition timer;
  public String errorCode;
  public Expression signalName;
  public String escalationCode;

  // boundary events
  public String attachedToId;
  public boolean interrupting = true;
  public final List<String> boundaryEventIds = new ArrayList<>();

  // flow scopes
  public String noneStartEventId;
  public final List<String> childIds = new ArrayList<>();

  /** A sub-process with triggeredByEvent: started only by its start event, never by a flow. */
  public boolean eventSubProcess;

  /** The start events of the event sub-processes directly inside this flow scope. */
  public final List<String> eventSubProcessStartIds = new ArrayList<>();

  // call activity
  public Expression calledProcessId;
  public boolean propagateAllChildVariables = true;
  public boolean propagateAllParentVariables = true;

  // business rule task with zeebe:calledDecision (evaluated by the engine, no job)
  public Expression calledDecisionId;
  public String decisionResultVariable;

  // multi-instance (on the activity itself)
  public MultiInstance multiInstance;

  // user task
  public UserTaskDefinition userTask;

  /** Job headers whose value is evaluated at activation (job-based user task assignment). */
  public final Map<String, Expression> evaluatedHeaders = new LinkedHashMap<>();

  /** zeebe:executionListeners, start and end, in the model's order (ADR 0047). */
  public final List<ExecutionListener> executionListeners = new ArrayList<>();

  /** For an ad-hoc sub-process (kind SUB_PROCESS): how it activates and completes. */
  public AdHoc adHoc;

  // script task with zeebe:script (kind TASK)
  public Expression script;
  public String resultVariable;

  public Element(String id, ElementKind kind) {
    this.id = id;
    this.kind = kind;
  }

  public boolean hasOutputs() {
    return !outputs.isEmpty();
  }

  @Override
  public String toString() {
    return kind + "[" + id + "]";
  }
}
