package nl.knooppunt.engine.runtime;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.knooppunt.engine.EngineException;
import nl.knooppunt.engine.feel.FeelException;
import nl.knooppunt.engine.model.Element;
import nl.knooppunt.engine.model.UserTaskDefinition;
import nl.knooppunt.engine.runtime.state.ElementInstance;
import nl.knooppunt.engine.runtime.state.Job;
import nl.knooppunt.engine.runtime.state.UserTask;

/**
 * Native user tasks as state, and their transitions. A transition (creating, assigning, updating,
 * completing, canceling) runs the listeners of its event type one after the other as jobs of kind
 * TASK_LISTENER. A task is created and cancelled with its element; the commands on it and the
 * listener results are {@link UserTaskProcessor}'s. A finished completion is handed back to the
 * caller ({@link #runNextListener}), which continues the element.
 */
final class UserTasks {

  private final EngineContext ctx;
  private final VariableScopes variables;
  private final Jobs jobs;

  UserTasks(EngineContext ctx, VariableScopes variables, Jobs jobs) {
    this.ctx = ctx;
    this.variables = variables;
    this.jobs = jobs;
  }

  // ---- creation and cancellation (with the element) ---------------------------------------

  /** The user task's evaluated properties. */
  record Props(
      String assignee,
      List<String> candidateGroups,
      List<String> candidateUsers,
      String dueDate,
      String followUpDate,
      Long formKey,
      String externalFormReference,
      int priority) {}

  /** The linked form of a user task is not deployed. */
  static final class FormNotFound extends FeelException {
    FormNotFound(String message) {
      super(message);
    }
  }

  Props evaluate(ElementInstance inst, Element el) {
    UserTaskDefinition d = el.userTask;
    Map<String, Object> scope = variables.visible(inst);
    String assignee = d.assignee() == null ? null : ctx.feel().evaluateString(d.assignee(), scope);
    List<String> groups =
        d.candidateGroups() == null
            ? List.of()
            : ctx.feel().evaluateStringList(d.candidateGroups(), scope);
    List<String> users =
        d.candidateUsers() == null
            ? List.of()
            : ctx.feel().evaluateStringList(d.candidateUsers(), scope);
    String due = d.dueDate() == null ? null : dateString(d.dueDate(), scope);
    String followUp = d.followUpDate() == null ? null : dateString(d.followUpDate(), scope);
    int priority = 50;
    if (d.priority() != null) {
      long p = ctx.feel().evaluateLong(d.priority(), scope);
      if (p < 0 || p > 100) {
        throw new FeelException(
            "Expected priority to be a number between 0 and 100, but was '" + p + "'");
      }
      priority = (int) p;
    }
    Long formKey = null;
    String external = d.externalFormReference();
    if (d.formId() != null) {
      formKey = ctx.latestFormKey(d.formId());
      if (formKey == null) {
        throw new FormNotFound(
            "Expected to find a form with id '"
                + d.formId()
                + "', but no form with this id is found, at least a form with this id should be"
                + " available. To resolve the Incident please deploy a form with the same id");
      }
    }
    if (d.formKey() != null) {
      try {
        formKey = Long.parseLong(d.formKey());
      } catch (NumberFormatException e) {
        external = d.formKey();
      }
    }
    return new Props(
        assignee == null || assignee.isBlank() ? null : assignee,
        groups,
        users,
        due,
        followUp,
        formKey,
        external,
        priority);
  }

  private String dateString(nl.knooppunt.engine.feel.Expression e, Map<String, Object> scope) {
    Object v = ctx.feel().evaluate(e, scope);
    if (v == null) {
      return null;
    }
    if (!(v instanceof String s)) {
      throw new FeelException(
          "Expected result of the expression '"
              + e.source()
              + "' to be a date-time string, but was '"
              + v
              + "'");
    }
    if (s.isBlank()) {
      return null;
    }
    try {
      long epoch = TimerSchedules.parseDate(s);
      try {
        return java.time.ZonedDateTime.parse(s).toOffsetDateTime().toString();
      } catch (java.time.format.DateTimeParseException notZoned) {
        return java.time.Instant.ofEpochMilli(epoch).atOffset(java.time.ZoneOffset.UTC).toString();
      }
    } catch (IllegalArgumentException ex) {
      throw new FeelException(
          "Expected result of the expression '"
              + e.source()
              + "' to be a valid date-time string, but was '"
              + s
              + "'");
    }
  }

  void create(ElementInstance inst, Props p) {
    UserTask ut = new UserTask();
    ut.key = ctx.newKey();
    ut.elementInstanceKey = inst.key;
    ut.processInstanceKey = inst.processInstanceKey;
    ut.processDefinitionKey = inst.processDefinitionKey;
    ut.bpmnProcessId = inst.bpmnProcessId;
    ut.version = inst.version;
    ut.elementId = inst.elementId;
    ut.candidateGroups = new ArrayList<>(p.candidateGroups());
    ut.candidateUsers = new ArrayList<>(p.candidateUsers());
    ut.dueDate = p.dueDate();
    ut.followUpDate = p.followUpDate();
    ut.formKey = p.formKey();
    ut.externalFormReference = p.externalFormReference();
    ut.priority = p.priority();
    ut.initialAssignee = p.assignee();
    ut.created = ctx.now();
    ut.state = UserTask.State.CREATING;
    ut.transition = "creating";
    ut.listenerIndex = 0;
    ctx.state().userTasks.put(ut.key, ut);
    inst.userTaskKey = ut.key;
    ctx.record("USER_TASK", "CREATING", ut.key, value(ut));
    runNextListener(ut); // creating (and assigning) never complete the element
  }

  /**
   * Runs the next listener of the task's transition, or finishes the transition when none is left.
   * Returns the element instance when a completion finished: the caller completes the element.
   */
  ElementInstance runNextListener(UserTask ut) {
    ElementInstance inst = ctx.state().instances.get(ut.elementInstanceKey);
    Element el = ctx.element(inst);
    List<UserTaskDefinition.TaskListener> listeners = el.userTask.listeners(ut.transition);
    if (ut.listenerIndex >= listeners.size()) {
      return finishTransition(ut, inst);
    }
    createListenerJob(ut, inst, listeners.get(ut.listenerIndex), null);
    return null;
  }

  private Job createListenerJob(
      UserTask ut,
      ElementInstance inst,
      UserTaskDefinition.TaskListener l,
      Map<String, Object> snapshot) {
    Map<String, Object> scope = variables.visible(inst);
    String type;
    int retries;
    try {
      type = ctx.feel().evaluateString(l.type(), scope);
      retries = (int) ctx.feel().evaluateLong(l.retries(), scope);
    } catch (FeelException e) {
      type = l.type().source();
      retries = 3;
    }
    Job job =
        jobs.create(
            inst,
            type,
            retries,
            ctx.element(inst).taskHeaders,
            "TASK_LISTENER",
            l.eventType().toUpperCase(),
            ut.key);
    job.variablesSnapshot = snapshot;
    return job;
  }

  private ElementInstance finishTransition(UserTask ut, ElementInstance inst) {
    switch (ut.transition) {
      case "creating" -> {
        ut.state = UserTask.State.CREATED;
        ut.transition = null;
        ctx.record("USER_TASK", "CREATED", ut.key, value(ut));
        if (ut.initialAssignee != null) {
          String assignee = ut.initialAssignee;
          ut.initialAssignee = null;
          startTransition(ut, UserTask.State.ASSIGNING, "assigning", "", -1);
          ut.changedAttributes.add("assignee");
          ut.pendingAssignee = assignee;
          ctx.record("USER_TASK", "ASSIGNING", ut.key, value(ut));
          runNextListener(ut);
        }
      }
      case "assigning" -> {
        ut.assignee =
            ut.pendingAssignee == null || ut.pendingAssignee.isEmpty() ? null : ut.pendingAssignee;
        ut.pendingAssignee = null;
        endTransition(ut);
        ctx.record("USER_TASK", "ASSIGNED", ut.key, value(ut));
        finishRequest(ut, null);
      }
      case "updating" -> {
        applyChanges(ut, ut.pendingChanges);
        ut.pendingChanges = new LinkedHashMap<>();
        endTransition(ut);
        ctx.record("USER_TASK", "UPDATED", ut.key, value(ut));
        finishRequest(ut, null);
      }
      case "completing" -> {
        ut.state = UserTask.State.COMPLETED;
        ctx.record("USER_TASK", "COMPLETED", ut.key, value(ut));
        Map<String, Object> carried = ut.pendingVariables;
        ctx.state().userTasks.remove(ut.key);
        finishRequest(ut, null);
        inst.userTaskKey = -1;
        inst.pendingVariables = carried;
        return inst;
      }
      default -> throw new IllegalStateException("unknown transition " + ut.transition);
    }
    return null;
  }

  void startTransition(
      UserTask ut, UserTask.State state, String transition, String action, long requestId) {
    ut.state = state;
    ut.transition = transition;
    ut.listenerIndex = 0;
    ut.action = action == null ? "" : action;
    ut.requestId = requestId;
    ut.changedAttributes = new ArrayList<>();
  }

  void endTransition(UserTask ut) {
    ut.state = UserTask.State.CREATED;
    ut.transition = null;
  }

  void finishRequest(UserTask ut, EngineException error) {
    if (ut.requestId >= 0) {
      long id = ut.requestId;
      ut.requestId = -1;
      ctx.hooks().requestFinished(id, error);
    }
  }

  @SuppressWarnings("unchecked")
  void applyChanges(UserTask ut, Map<String, Object> changes) {
    for (Map.Entry<String, Object> e : changes.entrySet()) {
      Object v = e.getValue();
      switch (e.getKey()) {
        case "assignee" -> ut.assignee = v == null || "".equals(v) ? null : String.valueOf(v);
        case "candidateGroups" ->
            ut.candidateGroups = v == null ? new ArrayList<>() : new ArrayList<>((List<String>) v);
        case "candidateUsers" ->
            ut.candidateUsers = v == null ? new ArrayList<>() : new ArrayList<>((List<String>) v);
        case "dueDate" -> ut.dueDate = v == null || "".equals(v) ? null : String.valueOf(v);
        case "followUpDate" ->
            ut.followUpDate = v == null || "".equals(v) ? null : String.valueOf(v);
        case "priority" -> ut.priority = v == null ? 50 : ((Number) v).intValue();
        default -> {}
      }
    }
  }

  /**
   * A canceling listener job is done: the next one runs, or the task is canceled. Returns true when
   * it is canceled: its element may finish terminating.
   */
  boolean cancelingListenerDone(UserTask ut, ElementInstance inst) {
    ut.listenerIndex++;
    List<UserTaskDefinition.TaskListener> listeners =
        ctx.element(inst).userTask.listeners("canceling");
    if (ut.listenerIndex < listeners.size()) {
      createListenerJob(ut, inst, listeners.get(ut.listenerIndex), null);
      return false;
    }
    ut.state = UserTask.State.CANCELED;
    ctx.record("USER_TASK", "CANCELED", ut.key, value(ut));
    ctx.state().userTasks.remove(ut.key);
    inst.userTaskKey = -1;
    return true;
  }

  /**
   * The user task's element instance is being terminated: the canceling listeners run one after the
   * other, and the element stays TERMINATING until they are done ({@code inst.userTaskKey} stays
   * set meanwhile).
   */
  void cancel(ElementInstance inst) {
    if (inst.userTaskKey < 0) {
      return;
    }
    UserTask ut = ctx.state().userTasks.get(inst.userTaskKey);
    if (ut == null) {
      inst.userTaskKey = -1;
      return;
    }
    ut.state = UserTask.State.CANCELING;
    ctx.record("USER_TASK", "CANCELING", ut.key, value(ut));
    finishRequest(
        ut,
        EngineException.invalidState(
            "Expected to transition user task with key '"
                + ut.key
                + "', but it was canceled meanwhile"));
    Element el = ctx.element(inst);
    List<UserTaskDefinition.TaskListener> listeners = el.userTask.listeners("canceling");
    ut.transition = "canceling";
    ut.listenerIndex = 0;
    ut.changedAttributes = new ArrayList<>();
    if (listeners.isEmpty()) {
      ut.state = UserTask.State.CANCELED;
      ctx.record("USER_TASK", "CANCELED", ut.key, value(ut));
      ctx.state().userTasks.remove(ut.key);
      inst.userTaskKey = -1;
      return;
    }
    createListenerJob(ut, inst, listeners.get(0), null);
  }

  /** The user task properties carried by a task-listener job ({@code ActivatedJob#getUserTask}). */
  Map<String, Object> propertiesForListener(long userTaskKey) {
    UserTask ut = ctx.state().userTasks.get(userTaskKey);
    if (ut == null) {
      return null;
    }
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("action", ut.action);
    String assignee = ut.assignee;
    if ("assigning".equals(ut.transition)) {
      assignee = ut.pendingAssignee;
    }
    p.put("assignee", assignee);
    p.put("candidateGroups", ut.candidateGroups);
    p.put("candidateUsers", ut.candidateUsers);
    p.put("changedAttributes", ut.changedAttributes);
    p.put("dueDate", ut.dueDate);
    p.put("followUpDate", ut.followUpDate);
    p.put("formKey", ut.formKey);
    p.put("priority", ut.priority);
    p.put("userTaskKey", ut.key);
    if ("updating".equals(ut.transition)) {
      // listeners see the values being applied
      Map<String, Object> changes = ut.pendingChanges;
      changes.forEach(
          (k, v) -> {
            if (p.containsKey(k)) {
              p.put(k, v);
            }
          });
    }
    return p;
  }

  static Map<String, Object> value(UserTask ut) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("userTaskKey", ut.key);
    v.put("elementId", ut.elementId);
    v.put("elementInstanceKey", ut.elementInstanceKey);
    v.put("processInstanceKey", ut.processInstanceKey);
    v.put("bpmnProcessId", ut.bpmnProcessId);
    v.put("processDefinitionKey", ut.processDefinitionKey);
    v.put("assignee", ut.assignee);
    v.put("candidateGroups", List.copyOf(ut.candidateGroups));
    v.put("candidateUsers", List.copyOf(ut.candidateUsers));
    v.put("dueDate", ut.dueDate);
    v.put("followUpDate", ut.followUpDate);
    v.put("formKey", ut.formKey);
    v.put("externalFormReference", ut.externalFormReference);
    v.put("priority", ut.priority);
    v.put("action", ut.action);
    v.put("changedAttributes", List.copyOf(ut.changedAttributes));
    v.put("state", ut.state.name());
    v.put("creationTimestamp", ut.created);
    return v;
  }
}
