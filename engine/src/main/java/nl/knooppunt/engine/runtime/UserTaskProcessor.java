package nl.knooppunt.engine.runtime;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.knooppunt.engine.EngineException;
import nl.knooppunt.engine.command.Command;
import nl.knooppunt.engine.runtime.state.ElementInstance;
import nl.knooppunt.engine.runtime.state.Job;
import nl.knooppunt.engine.runtime.state.UserTask;

/**
 * The user-task commands (complete, assign/unassign, update) and the results of task-listener jobs:
 * a listener may correct properties or deny the transition (not canceling). When a completion
 * finishes, the element completes; when the last canceling listener is done, the element finishes
 * its termination. The tasks themselves are {@link UserTasks}.
 */
final class UserTaskProcessor {

  private static final Set<String> UPDATABLE =
      Set.of("candidateGroups", "candidateUsers", "dueDate", "followUpDate", "priority");

  private final EngineContext ctx;
  private final UserTasks userTasks;
  private final BpmnExecutor executor;

  UserTaskProcessor(EngineContext ctx, UserTasks userTasks, BpmnExecutor executor) {
    this.ctx = ctx;
    this.userTasks = userTasks;
    this.executor = executor;
  }

  private EngineState state() {
    return ctx.state();
  }

  private void record(UserTask ut, String intent) {
    ctx.record("USER_TASK", intent, ut.key, UserTasks.value(ut));
  }

  /** Runs the next listener of the transition; a finished completion completes the element. */
  private void next(UserTask ut) {
    ElementInstance completed = userTasks.runNextListener(ut);
    if (completed != null) {
      executor.complete(completed, null);
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
    userTasks.startTransition(
        ut,
        UserTask.State.COMPLETING,
        "completing",
        c.action() == null || c.action().isEmpty() ? "complete" : c.action(),
        c.requestId());
    ut.pendingVariables = c.variables() == null ? new LinkedHashMap<>() : c.variables();
    record(ut, "COMPLETING");
    next(ut);
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
    userTasks.startTransition(ut, UserTask.State.ASSIGNING, "assigning", action, c.requestId());
    // docs.camunda.io/docs/components/concepts/user-task-listeners/: the assigning listener sees
    // the assignee among the changed attributes
    ut.changedAttributes.add("assignee");
    ut.pendingAssignee = unassign ? "" : c.assignee();
    record(ut, "ASSIGNING");
    next(ut);
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
    userTasks.startTransition(
        ut,
        UserTask.State.UPDATING,
        "updating",
        c.action() == null || c.action().isEmpty() ? "update" : c.action(),
        c.requestId());
    ut.pendingChanges = new LinkedHashMap<>(changes);
    ut.changedAttributes = new ArrayList<>(changes.keySet());
    record(ut, "UPDATING");
    next(ut);
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

  /** A task-listener job was completed, with its result (corrections, denial). */
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
      if (userTasks.cancelingListenerDone(ut, inst)) {
        executor.finishTermination(inst);
      }
      return;
    }
    if (result != null && result.corrections() != null && !result.corrections().isEmpty()) {
      Map<String, Object> corrections = new LinkedHashMap<>(result.corrections());
      if ("assigning".equals(ut.transition) && corrections.containsKey("assignee")) {
        Object a = corrections.remove("assignee");
        ut.pendingAssignee = a == null ? "" : String.valueOf(a);
      }
      userTasks.applyChanges(ut, corrections);
      for (String k : result.corrections().keySet()) {
        if (!ut.changedAttributes.contains(k)) {
          ut.changedAttributes.add(k);
        }
      }
      record(ut, "CORRECTED");
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
        userTasks.endTransition(ut);
        record(ut, intent);
        String reason = result.deniedReason() == null ? "" : result.deniedReason();
        userTasks.finishRequest(
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
    next(ut);
  }
}
