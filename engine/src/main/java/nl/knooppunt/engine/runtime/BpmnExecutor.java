package nl.knooppunt.engine.runtime;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.knooppunt.engine.feel.FeelException;
import nl.knooppunt.engine.model.Element;
import nl.knooppunt.engine.model.ElementKind;
import nl.knooppunt.engine.model.EventDefinitionType;
import nl.knooppunt.engine.model.ProcessModel;
import nl.knooppunt.engine.model.SequenceFlow;
import nl.knooppunt.engine.runtime.state.DeployedProcess;
import nl.knooppunt.engine.runtime.state.ElementInstance;
import nl.knooppunt.engine.runtime.state.Incident;
import nl.knooppunt.engine.runtime.state.MessageSubscription;

/**
 * BPMN execution: the element instance lifecycle (activate per element kind, complete, take
 * sequence flows, trigger events), process instances, sub-processes and call activities. The
 * processors call it to start instances and to go on after a job, user task, message, signal, timer
 * or error; it knows no processor. Its parts: what the elements wait for is {@link EventScopes},
 * gateway decisions and join tokens {@link Gateways}, variable mappings {@link Mappings},
 * termination {@link Terminations} and multi-instance {@link MultiInstanceBodies} (these two call
 * back through {@link ElementLifecycle}).
 */
final class BpmnExecutor implements ElementLifecycle {

  private final EngineContext ctx;
  private final VariableScopes vars;
  private final ElementInstances instances;
  private final EventScopes scopes;
  private final Gateways gateways;
  private final Mappings mappings;
  private final Incidents incidents;
  private final Jobs jobs;
  private final UserTasks userTasks;
  private final StartEvents startEvents;

  /** An event-based gateway's target that was already triggered: activate it as completed. */
  private String triggeredTargetId;

  private Map<String, Object> triggeredVariables;

  /** An ad-hoc sub-process activating its inner elements: it cannot complete meanwhile. */
  private long activatingAdHocKey = -1;

  private final Terminations terminations;
  private final MultiInstanceBodies bodies;
  private final ExecutionListenerJobs listeners;

  BpmnExecutor(
      EngineContext ctx,
      VariableScopes vars,
      ElementInstances instances,
      EventScopes scopes,
      Gateways gateways,
      Mappings mappings,
      Incidents incidents,
      Jobs jobs,
      UserTasks userTasks,
      StartEvents startEvents) {
    this.ctx = ctx;
    this.vars = vars;
    this.instances = instances;
    this.scopes = scopes;
    this.gateways = gateways;
    this.mappings = mappings;
    this.incidents = incidents;
    this.jobs = jobs;
    this.userTasks = userTasks;
    this.startEvents = startEvents;
    this.terminations = new Terminations(ctx, instances, scopes, jobs, userTasks, incidents, this);
    this.bodies = new MultiInstanceBodies(ctx, vars, instances, terminations, this);
    this.listeners = new ExecutionListenerJobs(ctx, vars, jobs);
  }

  private EngineState state() {
    return ctx.state();
  }

  private ElementInstance parent(ElementInstance inst) {
    return instances.parent(inst);
  }

  private void incident(ElementInstance inst, Incidents.ErrorType type, String message) {
    incidents.raise(inst, type, message, Incident.Retry.ACTIVATE);
  }

  // ---- process instances --------------------------------------------------------------------

  ElementInstance startProcess(
      DeployedProcess p,
      Map<String, Object> variables,
      List<String> startElementIds,
      ElementInstance callActivity) {
    ProcessModel model = ctx.model(p.key);
    ElementInstance root = instances.newProcessInstance(p, callActivity);
    instances.record(root, "ELEMENT_ACTIVATING");
    vars.setAllLocal(root, variables);
    instances.markActivated(root);
    if (!openEventSubProcesses(root, model.process())) {
      return root;
    }
    for (String id : startElementIds) {
      activateElement(root, model.element(id), null);
    }
    catchBufferedOnBoundaries(root);
    return root;
  }

  /**
   * Opens the timer, message and signal start events of the scope's event sub-processes; when one
   * cannot be evaluated, the scope gets an incident (resolving it opens them again).
   */
  private boolean openEventSubProcesses(ElementInstance scope, Element el) {
    try {
      List<Trigger> triggers = scopes.eventSubProcessTriggers(scope, el);
      if (!triggers.isEmpty()) {
        scopes.open(scope, triggers);
      }
      return true;
    } catch (FeelException e) {
      scopes.close(scope);
      incident(scope, Incidents.ErrorType.EXTRACT_VALUE_ERROR, e.getMessage());
      return false;
    }
  }

  // ---- activation -------------------------------------------------------------------------

  private void activateElement(
      ElementInstance scope, Element element, Map<String, Object> carried) {
    ElementInstance inst = instances.newChild(scope, element);
    if (element.multiInstance != null) {
      inst.kind = ElementKind.MULTI_INSTANCE_BODY;
    }
    inst.pendingVariables = carried;
    instances.record(inst, "ELEMENT_ACTIVATING");
    if (element.id.equals(triggeredTargetId)) {
      triggeredTargetId = null;
      inst.pendingVariables = triggeredVariables;
      triggeredVariables = null;
      instances.markActivated(inst);
      complete(inst, null);
      return;
    }
    activate(inst);
  }

  @Override
  public void activate(ElementInstance inst) {
    Element el = ctx.element(inst);
    scopes.close(inst);
    try {
      if (inst.kind == ElementKind.MULTI_INSTANCE_BODY) {
        List<Object> collection = bodies.inputCollection(inst, el);
        openBoundaries(inst, el);
        bodies.start(inst, el, collection);
        catchBufferedOnBoundaries(inst);
        return;
      }
      try {
        if (inst.startListenersDone == 0) {
          mappings.applyInputs(inst, el);
        }
      } catch (FeelException e) {
        scopes.close(inst);
        incident(inst, Incidents.ErrorType.IO_MAPPING_ERROR, e.getMessage());
        return;
      }
      if (listeners.nextStart(inst, el)) {
        return;
      }
      switch (el.kind) {
        case START_EVENT, BOUNDARY_EVENT, PARALLEL_GATEWAY -> {
          instances.markActivated(inst);
          complete(inst, null);
        }
        case END_EVENT -> activateEndEvent(inst, el);
        case PROCESS -> {
          // only after an incident on opening the event sub-processes of a process instance
          if (openEventSubProcesses(inst, el)) {
            if (inst.children.isEmpty() && el.noneStartEventId != null) {
              activateElement(
                  inst, ctx.model(inst.processDefinitionKey).element(el.noneStartEventId), null);
            }
            catchBufferedOnBoundaries(inst);
          }
        }
        case INTERMEDIATE_THROW_EVENT -> {
          if (el.eventType == EventDefinitionType.ESCALATION) {
            instances.markActivated(inst);
            if (throwEscalation(inst, el)) {
              complete(inst, null);
            }
            return;
          }
          if (el.eventType == EventDefinitionType.SIGNAL) {
            String name = ctx.feel().evaluateString(el.signalName, vars.visible(inst));
            instances.markActivated(inst);
            throwSignal(name, inst);
          } else {
            instances.markActivated(inst);
          }
          complete(inst, null);
        }
        case JOB_TASK -> {
          if (el.calledDecisionId != null) {
            Map<String, Object> result = evaluateCalledDecision(inst, el);
            if (result != null) {
              instances.markActivated(inst);
              inst.pendingVariables = result;
              complete(inst, null);
            }
            return;
          }
          Map<String, Object> scope = vars.visible(inst);
          String type = ctx.feel().evaluateString(el.jobType, scope);
          int retries = (int) ctx.feel().evaluateLong(el.jobRetries, scope);
          Map<String, String> headers = EvaluatedHeaders.of(ctx.feel(), el, scope);
          openBoundaries(inst, el);
          instances.markActivated(inst);
          jobs.create(inst, type, retries, headers, "BPMN_ELEMENT", null, -1);
          catchBufferedOnBoundaries(inst);
        }
        case USER_TASK -> {
          UserTasks.Props props = userTasks.evaluate(inst, el);
          openBoundaries(inst, el);
          instances.markActivated(inst);
          userTasks.create(inst, props);
          catchBufferedOnBoundaries(inst);
        }
        case RECEIVE_TASK, INTERMEDIATE_CATCH_EVENT -> {
          Trigger own = scopes.trigger(inst, el, true);
          openBoundaries(inst, el);
          instances.markActivated(inst);
          openEvents(inst, List.of(own));
          catchBufferedOnBoundaries(inst);
        }
        case EXCLUSIVE_GATEWAY, INCLUSIVE_GATEWAY -> {
          List<SequenceFlow> flows = gateways.chooseFlows(inst, el);
          if (flows == null) {
            return;
          }
          instances.markActivated(inst);
          complete(inst, flows);
        }
        case EVENT_BASED_GATEWAY -> {
          List<Trigger> targets = scopes.gatewayTriggers(inst, el);
          instances.markActivated(inst);
          openEvents(inst, targets);
        }
        case SUB_PROCESS -> {
          if (el.adHoc != null) {
            activateAdHoc(inst, el);
            return;
          }
          openBoundaries(inst, el);
          List<Trigger> eventSubProcesses = scopes.eventSubProcessTriggers(inst, el);
          if (!eventSubProcesses.isEmpty()) {
            scopes.open(inst, eventSubProcesses);
          }
          instances.markActivated(inst);
          ProcessModel model = ctx.model(inst.processDefinitionKey);
          if (el.eventSubProcess) {
            // started by its start event, which already happened: it carries the event's variables
            Map<String, Object> carried = inst.pendingVariables;
            inst.pendingVariables = null;
            activateTriggered(inst, eventSubProcessStart(model, el), carried);
          } else {
            activateElement(inst, model.element(el.noneStartEventId), null);
          }
          catchBufferedOnBoundaries(inst);
        }
        case CALL_ACTIVITY -> activateCallActivity(inst, el);
        case TASK -> {
          // undefined/manual task passes through; a FEEL script task sets its result variable
          Object result =
              el.script == null ? null : ctx.feel().evaluate(el.script, vars.visible(inst));
          instances.markActivated(inst);
          if (el.script != null) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put(el.resultVariable, result);
            inst.pendingVariables = out;
          }
          complete(inst, null);
        }
        default -> throw new IllegalStateException("cannot activate " + el);
      }
    } catch (FeelException e) {
      scopes.close(inst);
      Incidents.ErrorType type =
          e instanceof UserTasks.FormNotFound
              ? Incidents.ErrorType.FORM_NOT_FOUND
              : Incidents.ErrorType.EXTRACT_VALUE_ERROR;
      incident(inst, type, e.getMessage());
    }
  }

  /** A start execution listener's job completed: the next one, or the element's own behaviour. */
  void startListenerCompleted(ElementInstance inst, Map<String, Object> variables) {
    vars.setAllLocal(inst, variables);
    inst.startListenersDone++;
    activate(inst);
  }

  /** An end execution listener's job completed: the next one, or the completion goes on. */
  void endListenerCompleted(ElementInstance inst, Map<String, Object> variables) {
    vars.propagate(parent(inst), variables);
    inst.endListenersDone++;
    complete(inst, null);
  }

  /** Activates an ad-hoc sub-process with the inner elements its collection names (ADR 0047). */
  private void activateAdHoc(ElementInstance inst, Element el) {
    ProcessModel model = ctx.model(inst.processDefinitionKey);
    List<Element> chosen = AdHocSubProcesses.chosen(ctx.feel(), model, el, vars.visible(inst));
    openBoundaries(inst, el);
    instances.markActivated(inst);
    activatingAdHocKey = inst.key;
    try {
      for (Element inner : chosen) {
        if (!instances.exists(inst) || inst.state != ElementInstance.State.ACTIVATED) {
          break;
        }
        activateElement(inst, inner, null);
      }
    } finally {
      activatingAdHocKey = -1;
    }
    if (!chosen.isEmpty()) {
      maybeCompleteScope(inst);
    }
    catchBufferedOnBoundaries(inst);
  }

  /** An inner element of an ad-hoc sub-process ended: complete it when it is done (ADR 0047). */
  private void maybeCompleteAdHoc(ElementInstance scope, Element el) {
    if (el.adHoc.completionCondition() == null) {
      if (scope.children.isEmpty()) {
        complete(scope, null);
      }
      return;
    }
    boolean met;
    try {
      met = ctx.feel().evaluateBoolean(el.adHoc.completionCondition(), vars.visible(scope));
    } catch (FeelException e) {
      incidents.raise(
          scope, Incidents.ErrorType.EXTRACT_VALUE_ERROR, e.getMessage(), Incident.Retry.COMPLETE);
      return;
    }
    if (!met) {
      return;
    }
    if (!scope.children.isEmpty() && el.adHoc.cancelRemainingInstances()) {
      terminations.terminateChildren(scope, -1);
      if (!scope.children.isEmpty()) {
        scope.completeAfterTermination = true;
        return;
      }
    }
    if (scope.children.isEmpty()) {
      complete(scope, null);
    }
  }

  /**
   * Evaluates and opens the boundary events of an activity (before it is marked activated). A
   * buffered message for one of them correlates once the host is activated: {@link
   * #catchBufferedOnBoundaries}.
   */
  private void openBoundaries(ElementInstance inst, Element el) {
    List<Trigger> triggers = scopes.boundaryTriggers(inst, el);
    if (!triggers.isEmpty()) {
      scopes.open(inst, triggers);
    }
  }

  /**
   * The host of message boundary events is active: a message published before (and buffered for its
   * TTL) correlates now, as in Camunda 8 (e.g. a lowering proposal that came before the level it
   * lowers was in force). The oldest buffered message of the first boundary event wins.
   */
  private void catchBufferedOnBoundaries(ElementInstance inst) {
    if (!instances.exists(inst) || inst.state != ElementInstance.State.ACTIVATED) {
      return;
    }
    for (Long sub : List.copyOf(inst.subscriptionKeys)) {
      MessageSubscription s = state().subscriptions.get(sub);
      if (s == null || s.signal || !instances.exists(inst)) {
        continue;
      }
      EventScopes.Correlation buffered = scopes.correlateBuffered(s);
      if (buffered != null) {
        trigger(buffered);
        return;
      }
    }
  }

  /** Opens the triggers of a scope; a buffered message may correlate at once. */
  private void openEvents(ElementInstance scope, List<Trigger> triggers) {
    if (triggers.isEmpty()) {
      return;
    }
    for (Long sub : scopes.open(scope, triggers)) {
      if (!instances.exists(scope) || !state().subscriptions.containsKey(sub)) {
        return;
      }
      EventScopes.Correlation buffered = scopes.correlateBuffered(state().subscriptions.get(sub));
      if (buffered != null) {
        trigger(buffered);
      }
    }
  }

  private void activateEndEvent(ElementInstance inst, Element el) {
    switch (el.eventType) {
      case ERROR -> {
        instances.markActivated(inst);
        EventScopes.ErrorCatch c = scopes.findErrorCatch(inst, el.errorCode);
        if (c == null) {
          incident(
              inst,
              Incidents.ErrorType.UNHANDLED_ERROR_EVENT,
              "Expected to throw an error event with the code '"
                  + el.errorCode
                  + "', but it was not caught. No error events are available in the scope.");
          return;
        }
        catchError(c, null);
      }
      case ESCALATION -> {
        instances.markActivated(inst);
        if (throwEscalation(inst, el)) {
          complete(inst, null);
        }
      }
      case TERMINATE -> {
        instances.markActivated(inst);
        ElementInstance scope = parent(inst);
        terminations.terminateChildren(scope, inst.key);
        scope.joinTokens.clear();
        if (scope.children.size() == 1) {
          complete(inst, List.of());
        } else {
          // siblings wait for canceling task listeners; complete when the last one is gone
          scope.waitingTerminateEndKey = inst.key;
        }
      }
      default -> {
        instances.markActivated(inst);
        complete(inst, null);
      }
    }
  }

  private void activateCallActivity(ElementInstance inst, Element el) {
    Map<String, Object> scope = vars.visible(inst);
    String processId = ctx.feel().evaluateString(el.calledProcessId, scope);
    DeployedProcess p = ctx.latest(processId);
    if (p == null) {
      incident(
          inst,
          Incidents.ErrorType.CALLED_ELEMENT_ERROR,
          "Expected process with BPMN process id '"
              + processId
              + "' to be deployed, but not found.");
      return;
    }
    ProcessModel model = ctx.model(p.key);
    if (model.process().noneStartEventId == null) {
      incident(
          inst,
          Incidents.ErrorType.CALLED_ELEMENT_ERROR,
          "Expected process with BPMN process id '"
              + processId
              + "' to have a none start event, but not found.");
      return;
    }
    Map<String, Object> childVars =
        el.propagateAllParentVariables ? scope : new LinkedHashMap<>(inst.variables);
    openBoundaries(inst, el);
    instances.markActivated(inst);
    ElementInstance child =
        startProcess(p, childVars, List.of(model.process().noneStartEventId), inst);
    if (instances.exists(inst)) {
      inst.calledProcessInstanceKey = child.key;
    }
    catchBufferedOnBoundaries(inst);
  }

  // ---- process instance modification ({@link Modification}) ---------------------------------

  /** Activates {@code element} in {@code scope}, with local variables set before its inputs. */
  void activateForModification(
      ElementInstance scope, Element element, Map<String, Object> localVariables) {
    ElementInstance inst = instances.newChild(scope, element);
    if (element.multiInstance != null) {
      inst.kind = ElementKind.MULTI_INSTANCE_BODY;
    }
    instances.record(inst, "ELEMENT_ACTIVATING");
    vars.setAllLocal(inst, localVariables);
    activate(inst);
  }

  /**
   * Activates a sub-process in {@code scope} without its start event: an element inside it is
   * activated next. Its input mappings run when they can be evaluated (else it starts without).
   */
  ElementInstance activateFlowScopeForModification(ElementInstance scope, Element subProcess) {
    ElementInstance inst = instances.newChild(scope, subProcess);
    instances.record(inst, "ELEMENT_ACTIVATING");
    try {
      mappings.applyInputs(inst, subProcess);
    } catch (FeelException e) {
      // as Camunda creates the scope for the activated element regardless
    }
    openBoundaries(inst, subProcess);
    List<Trigger> eventSubProcesses = scopes.eventSubProcessTriggers(inst, subProcess);
    if (!eventSubProcesses.isEmpty()) {
      scopes.open(inst, eventSubProcesses);
    }
    instances.markActivated(inst);
    return inst;
  }

  // ---- completion ---------------------------------------------------------------------------

  @Override
  public void complete(ElementInstance inst, List<SequenceFlow> flows) {
    Element el = ctx.element(inst);
    if (inst.state != ElementInstance.State.COMPLETING) {
      inst.state = ElementInstance.State.COMPLETING;
      instances.record(inst, "ELEMENT_COMPLETING");
    }
    if (inst.endListenersDone == 0) {
      try {
        mappings.applyOutputs(inst, el);
      } catch (FeelException e) {
        incidents.raise(
            inst, Incidents.ErrorType.IO_MAPPING_ERROR, e.getMessage(), Incident.Retry.COMPLETE);
        return;
      }
    }
    try {
      if (listeners.nextEnd(inst, el)) {
        return;
      }
    } catch (FeelException e) {
      incidents.raise(
          inst, Incidents.ErrorType.EXTRACT_VALUE_ERROR, e.getMessage(), Incident.Retry.COMPLETE);
      return;
    }
    boolean miConditionMet = false;
    ElementInstance scope = parent(inst);
    if (inst.miIndex >= 0
        && scope != null
        && scope.kind == ElementKind.MULTI_INSTANCE_BODY
        && el.multiInstance.completionCondition() != null) {
      // evaluated in the scope of the inner instance that completes, as Zeebe does
      try {
        miConditionMet = bodies.completionConditionMet(inst, scope, el);
      } catch (FeelException e) {
        incidents.raise(
            inst, Incidents.ErrorType.EXTRACT_VALUE_ERROR, e.getMessage(), Incident.Retry.COMPLETE);
        return;
      }
    }
    scopes.close(inst);
    instances.record(inst, "ELEMENT_COMPLETED");
    instances.remove(inst);
    ElementInstance parent = parent(inst);
    if (inst.kind == ElementKind.PROCESS) {
      processCompleted(inst);
      return;
    }
    if (parent.kind == ElementKind.MULTI_INSTANCE_BODY) {
      bodies.innerCompleted(parent, miConditionMet);
      return;
    }
    List<SequenceFlow> toTake = flows != null ? flows : el.outgoing;
    for (SequenceFlow f : toTake) {
      if (!instances.exists(parent) || parent.state != ElementInstance.State.ACTIVATED) {
        return;
      }
      takeFlow(parent, f);
    }
    maybeCompleteScope(parent);
  }

  private void takeFlow(ElementInstance scope, SequenceFlow f) {
    instances.recordFlowTaken(scope, f);
    Element target = ctx.model(scope.processDefinitionKey).element(f.targetId());
    if (!Gateways.joins(target)) {
      activateElement(scope, target, null);
      return;
    }
    gateways.arrive(scope, target, f);
    if (target.kind == ElementKind.PARALLEL_GATEWAY) {
      if (gateways.takeParallelJoin(scope, target)) {
        activateElement(scope, target, null);
      }
    } else if (gateways.takeInclusiveJoin(scope, target)) {
      activateElement(scope, target, null);
    }
  }

  private void maybeCompleteScope(ElementInstance scope) {
    if (!instances.exists(scope)
        || scope.state != ElementInstance.State.ACTIVATED
        || scope.kind == ElementKind.MULTI_INSTANCE_BODY) {
      return;
    }
    if (scope.key == activatingAdHocKey) {
      return;
    }
    Element scopeElement = ctx.element(scope);
    if (scopeElement.adHoc != null) {
      maybeCompleteAdHoc(scope, scopeElement);
      return;
    }
    if (!scope.joinTokens.isEmpty()) {
      ProcessModel model = ctx.model(scope.processDefinitionKey);
      for (String gw : new ArrayList<>(scope.joinTokens.keySet())) {
        Element g = model.element(gw);
        if (g.kind == ElementKind.INCLUSIVE_GATEWAY && gateways.takeInclusiveJoin(scope, g)) {
          activateElement(scope, g, null);
          return;
        }
      }
    }
    if (scope.children.isEmpty() && scope.joinTokens.isEmpty()) {
      complete(scope, null);
    }
  }

  private void processCompleted(ElementInstance root) {
    ctx.messageStartInstanceEnded(root.key);
    if (root.parentElementInstanceKey >= 0) {
      ElementInstance call = state().instances.get(root.parentElementInstanceKey);
      if (call != null) {
        call.calledProcessInstanceKey = -1;
        call.pendingVariables = new LinkedHashMap<>(root.variables);
        complete(call, null);
      }
      return;
    }
    ctx.hooks().processInstanceEnded(root.key, true, root.variables);
  }

  // ---- termination --------------------------------------------------------------------------

  /** Terminates an element instance and everything inside it. Returns whether it is gone. */
  boolean terminateElement(ElementInstance inst) {
    return terminations.terminate(inst);
  }

  /** Ends a TERMINATING instance once nothing inside it waits any more. */
  boolean finishTermination(ElementInstance inst) {
    return terminations.finish(inst);
  }

  // ---- events -------------------------------------------------------------------------------

  /** A message, signal or buffered message reached a scope ({@link EventScopes}). */
  void trigger(EventScopes.Correlation c) {
    triggerEvent(c.owner(), c.elementId(), c.variables());
  }

  /**
   * An event of {@code owner} was triggered: a message or timer of a catch event / receive task, of
   * a boundary event attached to it, or of an event-based gateway's target.
   */
  void triggerEvent(ElementInstance owner, String eventElementId, Map<String, Object> variables) {
    Element ev = ctx.model(owner.processDefinitionKey).element(eventElementId);
    if (owner.kind == ElementKind.EVENT_BASED_GATEWAY) {
      scopes.close(owner);
      SequenceFlow flow = null;
      for (SequenceFlow f : ctx.element(owner).outgoing) {
        if (f.targetId().equals(ev.id)) {
          flow = f;
        }
      }
      triggeredTargetId = ev.id;
      triggeredVariables = variables;
      complete(owner, flow == null ? List.of() : List.of(flow));
      triggeredTargetId = null;
      triggeredVariables = null;
      return;
    }
    if (ev.kind == ElementKind.START_EVENT) {
      startEventSubProcess(owner, ev, variables);
      return;
    }
    if (ev.kind == ElementKind.BOUNDARY_EVENT) {
      if (ev.interrupting) {
        // the boundary event is activated once the host is terminated (maybe later)
        owner.pendingBoundaryId = ev.id;
        owner.pendingBoundaryVariables = variables;
        terminations.terminate(owner);
      } else {
        activateTriggered(parent(owner), ev, variables);
      }
      return;
    }
    owner.pendingVariables = variables;
    complete(owner, null);
  }

  /**
   * The start event of an event sub-process of {@code scope} happened
   * (docs.camunda.io/docs/components/modeler/bpmn/event-subprocesses/): an interrupting one closes
   * the scope's other event sub-process starts and terminates everything else in the scope first; a
   * non-interrupting one runs beside it (its start stays open).
   */
  private void startEventSubProcess(
      ElementInstance scope, Element start, Map<String, Object> variables) {
    if (!instances.exists(scope) || scope.state != ElementInstance.State.ACTIVATED) {
      return;
    }
    Element esp = ctx.model(scope.processDefinitionKey).element(start.flowScopeId);
    if (start.interrupting) {
      scopes.closeEventSubProcessTriggers(scope);
      terminations.terminateChildren(scope, -1);
      scope.joinTokens.clear();
    }
    ElementInstance inst = instances.newChild(scope, esp);
    inst.pendingVariables = variables;
    instances.record(inst, "ELEMENT_ACTIVATING");
    activate(inst);
  }

  private static Element eventSubProcessStart(ProcessModel model, Element esp) {
    for (String id : esp.childIds) {
      Element child = model.element(id);
      if (child.kind == ElementKind.START_EVENT) {
        return child;
      }
    }
    throw new IllegalStateException("event sub-process without start event: " + esp.id);
  }

  /**
   * A business rule task with {@code zeebe:calledDecision}
   * (docs.camunda.io/docs/components/modeler/bpmn/business-rule-tasks/): the latest version of the
   * decision is evaluated with the variables visible to the task and its output lands in the result
   * variable (like a job's variables: propagated, or local with output mappings). A decision that
   * is not deployed or fails raises an incident; resolving it evaluates again.
   */
  private Map<String, Object> evaluateCalledDecision(ElementInstance inst, Element el) {
    Map<String, Object> visible = vars.visible(inst);
    String decisionId = ctx.feel().evaluateString(el.calledDecisionId, visible);
    List<Long> keys = state().decisionVersions.get(decisionId);
    if (keys == null || keys.isEmpty()) {
      incident(
          inst,
          Incidents.ErrorType.CALLED_DECISION_ERROR,
          "Expected to evaluate decision '"
              + decisionId
              + "', but no decision found for id '"
              + decisionId
              + "'");
      return null;
    }
    var decision = state().decisions.get(keys.get(keys.size() - 1));
    var drg = state().decisionRequirements.get(decision.decisionRequirementsKey);
    Object output;
    try {
      output =
          nl.knooppunt.engine.dmn.Dmn.evaluate(drg.checksum, drg.resource, decisionId, visible);
    } catch (nl.knooppunt.engine.dmn.Dmn.EvaluationFailure e) {
      incident(inst, Incidents.ErrorType.DECISION_EVALUATION_ERROR, e.getMessage());
      return null;
    }
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("decisionKey", decision.key);
    v.put("decisionId", decisionId);
    v.put("decisionVersion", decision.version);
    v.put("elementId", el.id);
    v.put("processInstanceKey", inst.processInstanceKey);
    v.put("decisionOutput", output);
    ctx.record("DECISION_EVALUATION", "EVALUATED", ctx.newKey(), v);
    Map<String, Object> result = new LinkedHashMap<>();
    result.put(el.decisionResultVariable, output);
    return result;
  }

  /**
   * An escalation intermediate throw or end event: the nearest catching event happens
   * (docs.camunda.io/docs/components/modeler/bpmn/escalation-events/). Returns whether the throwing
   * event goes on: yes when nobody catches it or the catch does not interrupt; no when an
   * interrupting catch terminated it.
   */
  private boolean throwEscalation(ElementInstance inst, Element el) {
    EventScopes.EscalationCatch c = scopes.findEscalationCatch(inst, el.escalationCode);
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("escalationCode", el.escalationCode);
    v.put("throwElementId", el.id);
    v.put("catchElementId", c == null ? "" : c.elementId());
    v.put("processInstanceKey", inst.processInstanceKey);
    ctx.record("ESCALATION", c == null ? "NOT_ESCALATED" : "ESCALATED", ctx.newKey(), v);
    if (c == null) {
      return true;
    }
    triggerEvent(c.owner(), c.elementId(), null);
    return instances.exists(inst) && inst.state == ElementInstance.State.ACTIVATED;
  }

  @Override
  public void activateTriggered(ElementInstance scope, Element ev, Map<String, Object> variables) {
    ElementInstance inst = instances.newChild(scope, ev);
    instances.record(inst, "ELEMENT_ACTIVATING");
    instances.markActivated(inst);
    inst.pendingVariables = variables;
    complete(inst, null);
  }

  /** A thrown error is caught by the boundary event found by {@link EventScopes}. */
  void catchError(EventScopes.ErrorCatch c, Map<String, Object> variables) {
    triggerEvent(c.host(), c.boundaryId(), variables);
  }

  /** A signal is broadcast: every open signal subscription and signal start event gets it. */
  void signal(String name, Map<String, Object> variables) {
    for (var sub : state().subscriptionsFor(name, EventScopes.SIGNAL_KEY)) {
      EventScopes.Correlation c = scopes.correlateSignal(sub, variables);
      if (c != null) {
        trigger(c);
      }
    }
    for (StartEvents.Start s : startEvents.bySignal(name)) {
      DeployedProcess p = ctx.latest(s.bpmnProcessId());
      startProcess(p, new LinkedHashMap<>(variables), List.of(s.elementId()), null);
    }
  }

  /** A signal intermediate throw event: broadcast with the event's local (input) variables. */
  private void throwSignal(String name, ElementInstance source) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("signalName", name);
    v.put("processInstanceKey", source.processInstanceKey);
    v.put("elementId", source.elementId);
    ctx.record("SIGNAL", "BROADCASTED", ctx.newKey(), v);
    signal(name, new LinkedHashMap<>(source.variables));
  }

  // ---- incidents and variables -------------------------------------------------------------

  /** An incident was resolved: its step runs again. */
  void retryAfterIncident(Incident incident) {
    ElementInstance inst = state().instances.get(incident.elementInstanceKey);
    if (inst == null) {
      return;
    }
    if (incident.retry == Incident.Retry.ACTIVATE) {
      activate(inst);
    } else if (inst.kind == ElementKind.MULTI_INSTANCE_BODY) {
      bodies.progress(inst, false);
    } else {
      complete(inst, null);
    }
  }

  void afterVariablesChanged(ElementInstance scope) {
    // no conditional events are supported, nothing to re-evaluate
  }
}
