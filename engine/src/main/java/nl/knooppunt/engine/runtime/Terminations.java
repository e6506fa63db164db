package nl.knooppunt.engine.runtime;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import nl.knooppunt.engine.model.Element;
import nl.knooppunt.engine.model.ElementKind;
import nl.knooppunt.engine.runtime.state.ElementInstance;

/**
 * Terminating element instances: everything inside goes first (child instances, a called process,
 * the job, the user task, open events, incidents). A user task with canceling task listeners stays
 * TERMINATING until its listener jobs are done (as in Camunda); its parents wait for it, and what
 * waited goes on when the last one is gone: an interrupting boundary event, a terminate end event,
 * a multi-instance body whose completion condition was met, a parent that terminates as well.
 */
final class Terminations {

  private final EngineContext ctx;
  private final ElementInstances instances;
  private final EventScopes scopes;
  private final Jobs jobs;
  private final UserTasks userTasks;
  private final Incidents incidents;
  private final ElementLifecycle lifecycle;

  /** Instances whose own termination (or sibling loop) is on the stack: no early continuation. */
  private final Set<Long> suppressed = new HashSet<>();

  Terminations(
      EngineContext ctx,
      ElementInstances instances,
      EventScopes scopes,
      Jobs jobs,
      UserTasks userTasks,
      Incidents incidents,
      ElementLifecycle lifecycle) {
    this.ctx = ctx;
    this.instances = instances;
    this.scopes = scopes;
    this.jobs = jobs;
    this.userTasks = userTasks;
    this.incidents = incidents;
    this.lifecycle = lifecycle;
  }

  private EngineState state() {
    return ctx.state();
  }

  /** Terminates an element instance and everything inside it. Returns whether it is gone. */
  boolean terminate(ElementInstance inst) {
    if (inst.state == ElementInstance.State.TERMINATING) {
      return !instances.exists(inst);
    }
    inst.state = ElementInstance.State.TERMINATING;
    instances.record(inst, "ELEMENT_TERMINATING");
    suppressed.add(inst.key);
    try {
      for (Long childKey : new ArrayList<>(inst.children)) {
        ElementInstance child = state().instances.get(childKey);
        if (child != null) {
          terminate(child);
        }
      }
      if (inst.calledProcessInstanceKey >= 0) {
        ElementInstance called = state().instances.get(inst.calledProcessInstanceKey);
        if (called != null) {
          terminate(called);
        }
      }
      jobs.cancelJobOf(inst);
      userTasks.cancel(inst);
      scopes.close(inst);
      incidents.removeIncidentsOf(inst.key);
      inst.joinTokens.clear();
    } finally {
      suppressed.remove(inst.key);
    }
    return finish(inst);
  }

  /**
   * Terminates the children of a scope but {@code exceptKey} (a terminate end event, or -1),
   * without continuing the scope meanwhile.
   */
  void terminateChildren(ElementInstance scope, long exceptKey) {
    suppressed.add(scope.key);
    try {
      for (Long child : new ArrayList<>(scope.children)) {
        if (child != exceptKey) {
          ElementInstance c = state().instances.get(child);
          if (c != null) {
            terminate(c);
          }
        }
      }
    } finally {
      suppressed.remove(scope.key);
    }
  }

  /** Ends a TERMINATING instance once nothing inside it waits any more. */
  boolean finish(ElementInstance inst) {
    boolean calledAlive =
        inst.calledProcessInstanceKey >= 0
            && state().instances.containsKey(inst.calledProcessInstanceKey);
    if (!inst.children.isEmpty() || inst.userTaskKey >= 0 || calledAlive) {
      return false;
    }
    instances.record(inst, "ELEMENT_TERMINATED");
    instances.remove(inst);
    if (inst.kind == ElementKind.PROCESS) {
      ctx.messageStartInstanceEnded(inst.key);
      if (inst.parentElementInstanceKey < 0) {
        ctx.hooks().processInstanceEnded(inst.key, false, null);
      } else {
        childGone(state().instances.get(inst.parentElementInstanceKey));
      }
      return true;
    }
    ElementInstance scope = instances.parent(inst);
    if (inst.pendingBoundaryId != null
        && scope != null
        && scope.state == ElementInstance.State.ACTIVATED
        && scope.waitingTerminateEndKey < 0) {
      Element boundary = ctx.model(inst.processDefinitionKey).element(inst.pendingBoundaryId);
      lifecycle.activateTriggered(scope, boundary, inst.pendingBoundaryVariables);
    } else {
      childGone(scope);
    }
    return true;
  }

  /** A child finished terminating later than its parent's own step: continue what waited. */
  private void childGone(ElementInstance scope) {
    if (scope == null || suppressed.contains(scope.key) || !instances.exists(scope)) {
      return;
    }
    if (scope.state == ElementInstance.State.TERMINATING) {
      finish(scope);
      return;
    }
    if (scope.waitingTerminateEndKey >= 0
        && scope.children.size() == 1
        && scope.children.contains(scope.waitingTerminateEndKey)) {
      ElementInstance end = state().instances.get(scope.waitingTerminateEndKey);
      scope.waitingTerminateEndKey = -1;
      lifecycle.complete(end, List.of());
      return;
    }
    if ((scope.kind == ElementKind.MULTI_INSTANCE_BODY || scope.kind == ElementKind.SUB_PROCESS)
        && scope.completeAfterTermination
        && scope.children.isEmpty()) {
      scope.completeAfterTermination = false;
      lifecycle.complete(scope, null);
    }
  }
}
