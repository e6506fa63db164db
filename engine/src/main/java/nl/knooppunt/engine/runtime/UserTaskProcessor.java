package nl.knooppunt.engine.runtime;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.knooppunt.engine.EngineException;
import nl.knooppunt.engine.command.Command;
import nl.knooppunt.engine.feel.FeelException;
import nl.knooppunt.engine.model.Element;
import nl.knooppunt.engine.model.UserTaskDefinition;
import nl.knooppunt.engine.runtime.state.ElementInstance;
import nl.knooppunt.engine.runtime.state.Job;
import nl.knooppunt.engine.runtime.state.UserTask;

/**
 * Native user tasks and their task listeners. A transition (creating, assigning, updating,
 * completing, canceling) runs the listeners of its event type one after the other as jobs of kind
 * TASK_LISTENER; a listener may correct properties or deny the transition (not canceling). A
 * canceled task's element stays TERMINATING until its canceling listeners are done.
 */
final class UserTaskProcessor {

  private static final Set<String> UPDATABLE =
      Set.of("candidateGroups", "candidateUsers", "dueDate", "followUpDate", "priority");

  private final Engine engine;

  UserTaskProcessor(Engine engine) {
    this.engine = engine;
  }

  private EngineState state() {
    return engine.state();
  }

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
    Map<String, Object> ctx = engine.variables().visible(inst);
    String assignee = d.assignee() == null ? null : engine.feel().evaluateString(d.assignee(), ctx);
    List<String> groups =
        d.candidateGroups() == null
            ? List.of()
            : engine.feel().evaluateStringList(d.candidateGroups(), ctx);
    List<String> users =
        d.candidateUsers() == null
            ? List.of()
            : engine.feel().evaluateStringList(d.candidateUsers(), ctx);
    String due = d.dueDate() == null ? null : dateString(d.dueDate(), ctx);
    String followUp = d.followUpDate() == null ? null : dateString(d.followUpDate(), ctx);
    int priority = 50;
    if (d.priority() != null) {
      long p = engine.feel().evaluateLong(d.priority(), ctx);
      if (p < 0 || p > 100) {
        throw new FeelException(
            "Expected priority to be a number between 0 and 100, but was '" + p + "'");
      }
      priority = (int) p;
    }
    Long formKey = null;
    String external = d.externalFormReference();
    if (d.formId() != null) {
      formKey = engine.latestFormKey(d.formId());
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

  private String dateString(nl.knooppunt.engine.feel.Expression e, Map<String, Object> ctx) {
    Object v = engine.feel().evaluate(e, ctx);
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
    ut.key = state().newKey();
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
    ut.created = engine.now();
    ut.state = UserTask.State.CREATING;
    ut.transition = "creating";
    ut.listenerIndex = 0;
    state().userTasks.put(ut.key, ut);
    inst.userTaskKey = ut.key;
    engine.record("USER_TASK", "CREATING", ut.key, value(ut));
    runNextListener(ut);
  }

  private void runNextListener(UserTask ut) {
    ElementInstance inst = state().instances.get(ut.elementInstanceKey);
    Element el = engine.executor.element(inst);
    List<UserTaskDefinition.TaskListener> listeners = el.userTask.listeners(ut.transition);
    if (ut.listenerIndex >= listeners.size()) {
      finishTransition(ut, inst);
      return;
    }
    createListenerJob(ut, inst, listeners.get(ut.listenerIndex), null);
  }

  private Job createListenerJob(
      UserTask ut,
      ElementInstance inst,
      UserTaskDefinition.TaskListener l,
      Map<String, Object> snapshot) {
    Map<String, Object> ctx = engine.variables().visible(inst);
    String type;
    int retries;
    try {
      type = engine.feel().evaluateString(l.type(), ctx);
      retries = (int) engine.feel().evaluateLong(l.retries(), ctx);
    } catch (FeelException e) {
      type = l.type().source();
      retries = 3;
    }
    Job job =
        engine.jobs.createJob(
            inst,
            type,
            retries,
            engine.executor.element(inst).taskHeaders,
            "TASK_LISTENER",
            l.eventType().toUpperCase(),
            ut.key);
    job.variablesSnapshot = snapshot;
    return job;
  }

  private void finishTransition(UserTask ut, ElementInstance inst) {
    switch (ut.transition) {
      case "creating" -> {
        ut.state = UserTask.State.CREATED;
        ut.transition = null;
        engine.record("USER_TASK", "CREATED", ut.key, value(ut));
        if (ut.initialAssignee != null) {
          String assignee = ut.initialAssignee;
          ut.initialAssignee = null;
          startTransition(ut, UserTask.State.ASSIGNING, "assigning", "", -1);
          ut.pendingAssignee = assignee;
          engine.record("USER_TASK", "ASSIGNING", ut.key, value(ut));
          runNextListener(ut);
        }
      }
      case "assigning" -> {
        ut.assignee =
            ut.pendingAssignee == null || ut.pendingAssignee.isEmpty() ? null : ut.pendingAssignee;
        ut.pendingAssignee = null;
        endTransition(ut);
        engine.record("USER_TASK", "ASSIGNED", ut.key, value(ut));
        finishRequest(ut, null);
      }
      case "updating" -> {
        applyChanges(ut, ut.pendingChanges);
        ut.pendingChanges = new LinkedHashMap<>();
        endTransition(ut);
        engine.record("USER_TASK", "UPDATED", ut.key, value(ut));
        finishRequest(ut, null);
      }
      case "completing" -> {
        ut.state = UserTask.State.COMPLETED;
        engine.record("USER_TASK", "COMPLETED", ut.key, value(ut));
        Map<String, Object> variables = ut.pendingVariables;
        state().userTasks.remove(ut.key);
        finishRequest(ut, null);
        inst.userTaskKey = -1;
        inst.pendingVariables = variables;
        engine.executor.completeElement(inst, null);
      }
      default -> throw new IllegalStateException("unknown transition " + ut.transition);
    }
  }

  private void startTransition(
      UserTask ut, UserTask.State state, String transition, String action, long requestId) {
    ut.state = state;
    ut.transition = transition;
    ut.listenerIndex = 0;
    ut.action = action == null ? "" : action;
    ut.requestId = requestId;
    ut.changedAttributes = new ArrayList<>();
  }

  private void endTransition(UserTask ut) {
    ut.state = UserTask.State.CREATED;
    ut.transition = null;
  }

  private void finishRequest(UserTask ut, EngineException error) {
    if (ut.requestId >= 0) {
      long id = ut.requestId;
      ut.requestId = -1;
      engine.hooks().requestFinished(id, error);
    }
  }

  private UserTask existing(long key, String action) {
    UserTask ut = state().userTasks.get(key);
    if (ut == null || ut.state == UserTask.State.CANCELED) {
      throw EngineException.notFound(
          "Expected to "
              + action
              + " user task with key '"
              + key
              + "', but no such user task was found");
    }
    if (ut.state != UserTask.State.CREATED) {
      throw EngineException.invalidState(
          "Expected to "
              + action
              + " user task with key '"
              + key
              + "', but it is in state '"
              + ut.state
              + "'");
    }
    return ut;
  }

  Object complete(Command.CompleteUserTask c) {
    UserTask ut = existing(c.userTaskKey(), "complete");
    startTransition(
        ut,
        UserTask.State.COMPLETING,
        "completing",
        c.action() == null || c.action().isEmpty() ? "complete" : c.action(),
        c.requestId());
    ut.pendingVariables = c.variables() == null ? new LinkedHashMap<>() : c.variables();
    engine.record("USER_TASK", "COMPLETING", ut.key, value(ut));
    runNextListener(ut);
    return null;
  }

  Object assign(Command.AssignUserTask c) {
    boolean unassign = c.assignee() == null || c.assignee().isEmpty();
    UserTask ut = existing(c.userTaskKey(), unassign ? "unassign" : "assign");
    if (!unassign
        && !c.allowOverride()
        && ut.assignee != null
        && !ut.assignee.equals(c.assignee())) {
      throw EngineException.invalidState(
          "Expected to assign user task with key '"
              + ut.key
              + "' to '"
              + c.assignee()
              + "', but it is already assigned to '"
              + ut.assignee
              + "' and allowOverride is false");
    }
    String action = c.action();
    if (action == null || action.isEmpty()) {
      action = unassign ? "unassign" : "assign";
    }
    startTransition(ut, UserTask.State.ASSIGNING, "assigning", action, c.requestId());
    ut.pendingAssignee = unassign ? "" : c.assignee();
    engine.record("USER_TASK", "ASSIGNING", ut.key, value(ut));
    runNextListener(ut);
    return null;
  }

  Object update(Command.UpdateUserTask c) {
    Map<String, Object> changes = c.changeset() == null ? Map.of() : c.changeset();
    for (String k : changes.keySet()) {
      if (!UPDATABLE.contains(k)) {
        throw EngineException.invalidArgument(
            "Expected to update user task with key '"
                + c.userTaskKey()
                + "', but the attribute '"
                + k
                + "' cannot be updated; supported are "
                + UPDATABLE);
      }
    }
    validateChanges(changes);
    UserTask ut = existing(c.userTaskKey(), "update");
    startTransition(
        ut,
        UserTask.State.UPDATING,
        "updating",
        c.action() == null || c.action().isEmpty() ? "update" : c.action(),
        c.requestId());
    ut.pendingChanges = new LinkedHashMap<>(changes);
    ut.changedAttributes = new ArrayList<>(changes.keySet());
    engine.record("USER_TASK", "UPDATING", ut.key, value(ut));
    runNextListener(ut);
    return null;
  }

  private static void validateChanges(Map<String, Object> changes) {
    Object priority = changes.get("priority");
    if (priority != null
        && (!(priority instanceof Number n) || n.longValue() < 0 || n.longValue() > 100)) {
      throw EngineException.invalidArgument(
          "Expected priority to be a number between 0 and 100, but was '" + priority + "'");
    }
    for (String date : List.of("dueDate", "followUpDate")) {
      Object v = changes.get(date);
      if (v instanceof String s && !s.isEmpty()) {
        try {
          TimerSchedules.parseDate(s);
        } catch (IllegalArgumentException e) {
          throw EngineException.invalidArgument(
              "Expected " + date + " to be an ISO 8601 date-time, but was '" + s + "'");
        }
      }
    }
  }

  @SuppressWarnings("unchecked")
  private void applyChanges(UserTask ut, Map<String, Object> changes) {
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

  void onListenerJobCompleted(Job job, Command.JobResultData result) {
    UserTask ut = state().userTasks.get(job.userTaskKey);
    if (ut == null) {
      return;
    }
    ElementInstance inst = state().instances.get(ut.elementInstanceKey);
    if (inst == null) {
      return;
    }
    inst.jobKey = -1;
    if (ut.state == UserTask.State.CANCELING) {
      ut.listenerIndex++;
      List<UserTaskDefinition.TaskListener> listeners =
          engine.executor.element(inst).userTask.listeners("canceling");
      if (ut.listenerIndex < listeners.size()) {
        createListenerJob(ut, inst, listeners.get(ut.listenerIndex), null);
        return;
      }
      ut.state = UserTask.State.CANCELED;
      engine.record("USER_TASK", "CANCELED", ut.key, value(ut));
      state().userTasks.remove(ut.key);
      inst.userTaskKey = -1;
      engine.executor.finishTermination(inst);
      return;
    }
    if (result != null && result.corrections() != null && !result.corrections().isEmpty()) {
      Map<String, Object> corrections = new LinkedHashMap<>(result.corrections());
      if ("assigning".equals(ut.transition) && corrections.containsKey("assignee")) {
        Object a = corrections.remove("assignee");
        ut.pendingAssignee = a == null ? "" : String.valueOf(a);
      }
      applyChanges(ut, corrections);
      for (String k : result.corrections().keySet()) {
        if (!ut.changedAttributes.contains(k)) {
          ut.changedAttributes.add(k);
        }
      }
      engine.record("USER_TASK", "CORRECTED", ut.key, value(ut));
    }
    if (result != null && Boolean.TRUE.equals(result.denied())) {
      String transition = ut.transition;
      if ("completing".equals(transition)
          || "assigning".equals(transition)
          || "updating".equals(transition)) {
        String intent =
            switch (transition) {
              case "completing" -> "COMPLETION_DENIED";
              case "assigning" -> "ASSIGNMENT_DENIED";
              default -> "UPDATE_DENIED";
            };
        String verb =
            switch (transition) {
              case "completing" -> "complete";
              case "assigning" -> "assign";
              default -> "update";
            };
        ut.pendingVariables = new LinkedHashMap<>();
        ut.pendingChanges = new LinkedHashMap<>();
        ut.pendingAssignee = null;
        endTransition(ut);
        engine.record("USER_TASK", intent, ut.key, value(ut));
        String reason = result.deniedReason() == null ? "" : result.deniedReason();
        finishRequest(
            ut,
            EngineException.invalidState(
                "Command '"
                    + verb.toUpperCase()
                    + "' rejected with code 'INVALID_STATE': Expected to "
                    + verb
                    + " user task with key '"
                    + ut.key
                    + "', but it was denied by a task listener. Reason: '"
                    + reason
                    + "'"));
        return;
      }
    }
    ut.listenerIndex++;
    runNextListener(ut);
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
    UserTask ut = state().userTasks.get(inst.userTaskKey);
    if (ut == null) {
      inst.userTaskKey = -1;
      return;
    }
    ut.state = UserTask.State.CANCELING;
    engine.record("USER_TASK", "CANCELING", ut.key, value(ut));
    finishRequest(
        ut,
        EngineException.invalidState(
            "Expected to transition user task with key '"
                + ut.key
                + "', but it was canceled meanwhile"));
    Element el = engine.executor.element(inst);
    List<UserTaskDefinition.TaskListener> listeners = el.userTask.listeners("canceling");
    ut.transition = "canceling";
    ut.listenerIndex = 0;
    ut.changedAttributes = new ArrayList<>();
    if (listeners.isEmpty()) {
      ut.state = UserTask.State.CANCELED;
      engine.record("USER_TASK", "CANCELED", ut.key, value(ut));
      state().userTasks.remove(ut.key);
      inst.userTaskKey = -1;
      return;
    }
    createListenerJob(ut, inst, listeners.get(0), null);
  }

  /** The user task properties carried by a task-listener job ({@code ActivatedJob#getUserTask}). */
  Map<String, Object> propertiesForListener(long userTaskKey) {
    UserTask ut = state().userTasks.get(userTaskKey);
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
