package nl.knooppunt.engine.runtime;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.knooppunt.engine.EngineException;
import nl.knooppunt.engine.command.Command;
import nl.knooppunt.engine.feel.Feel;
import nl.knooppunt.engine.feel.FeelException;
import nl.knooppunt.engine.model.Element;
import nl.knooppunt.engine.model.ElementKind;
import nl.knooppunt.engine.model.EventType;
import nl.knooppunt.engine.model.Mapping;
import nl.knooppunt.engine.model.MultiInstance;
import nl.knooppunt.engine.model.ProcessModel;
import nl.knooppunt.engine.model.SequenceFlow;
import nl.knooppunt.engine.runtime.state.DeployedProcess;
import nl.knooppunt.engine.runtime.state.ElementInstance;
import nl.knooppunt.engine.runtime.state.Incident;
import nl.knooppunt.engine.runtime.state.Timer;

/**
 * BPMN execution: the element instance lifecycle (activate, complete, terminate), sequence flows,
 * gateways, events, boundary events, sub-processes, call activities and multi-instance.
 */
final class BpmnExecutor {

  private final Engine engine;

  /** An event-based gateway's target that was already triggered: activate it as completed. */
  private String triggeredTargetId;

  private Map<String, Object> triggeredVariables;

  BpmnExecutor(Engine engine) {
    this.engine = engine;
  }

  private EngineState state() {
    return engine.state();
  }

  private Feel feel() {
    return engine.feel();
  }

  private Variables vars() {
    return engine.variables();
  }

  Element element(ElementInstance inst) {
    return engine.model(inst.processDefinitionKey).element(inst.elementId);
  }

  ElementInstance parent(ElementInstance inst) {
    return inst.parentKey < 0 ? null : state().instances.get(inst.parentKey);
  }

  // ---- process instances --------------------------------------------------------------------

  Engine.CreateResult createInstance(Command.CreateInstance c) {
    DeployedProcess p;
    if (c.processDefinitionKey() > 0) {
      p = state().processes.get(c.processDefinitionKey());
      if (p == null) {
        throw EngineException.notFound(
            "Expected to find process definition with key '"
                + c.processDefinitionKey()
                + "', but none found");
      }
    } else {
      if (c.bpmnProcessId() == null || c.bpmnProcessId().isEmpty()) {
        throw EngineException.invalidArgument(
            "Expected either a process definition key or a BPMN process id, but none given");
      }
      p = engine.latest(c.bpmnProcessId());
      if (p != null && c.version() > 0 && p.version != c.version()) {
        p = null;
        for (Long key : state().versions.get(c.bpmnProcessId())) {
          DeployedProcess candidate = state().processes.get(key);
          if (candidate.version == c.version()) {
            p = candidate;
          }
        }
      }
      if (p == null) {
        throw EngineException.notFound(
            "Expected to find process definition with process ID '"
                + c.bpmnProcessId()
                + "'"
                + (c.version() > 0 ? " and version '" + c.version() + "'" : "")
                + ", but none found");
      }
    }
    ProcessModel model = engine.model(p.key);
    List<String> starts = new ArrayList<>();
    if (c.startElementIds() != null && !c.startElementIds().isEmpty()) {
      for (String id : c.startElementIds()) {
        Element e = model.elementOrNull(id);
        if (e == null || !model.process().id.equals(e.flowScopeId)) {
          throw EngineException.invalidArgument(
              "Expected to create instance of process with start instructions but the element"
                  + " with id '"
                  + id
                  + "' could not be found in the process scope (only elements of the process"
                  + " scope are supported by the embedded engine)");
        }
        starts.add(id);
      }
    } else {
      if (model.process().noneStartEventId == null) {
        throw EngineException.precondition(
            "Expected to create instance of process with none start event, but there is no such"
                + " event");
      }
      starts.add(model.process().noneStartEventId);
    }
    ElementInstance root = startProcess(p, c.variables(), starts, null);
    return new Engine.CreateResult(p, root.key);
  }

  ElementInstance startProcess(
      DeployedProcess p,
      Map<String, Object> variables,
      List<String> startElementIds,
      ElementInstance callActivity) {
    ProcessModel model = engine.model(p.key);
    ElementInstance root = new ElementInstance();
    root.key = state().newKey();
    root.elementId = p.bpmnProcessId;
    root.kind = ElementKind.PROCESS;
    root.processInstanceKey = root.key;
    root.processDefinitionKey = p.key;
    root.bpmnProcessId = p.bpmnProcessId;
    root.version = p.version;
    root.created = engine.now();
    if (callActivity != null) {
      root.parentElementInstanceKey = callActivity.key;
      root.parentProcessInstanceKey = callActivity.processInstanceKey;
    }
    state().instances.put(root.key, root);
    recordInstance(root, "ELEMENT_ACTIVATING");
    vars().setAllLocal(root, variables);
    root.state = ElementInstance.State.ACTIVATED;
    recordInstance(root, "ELEMENT_ACTIVATED");
    for (String id : startElementIds) {
      activateElement(root, model.element(id), null);
    }
    return root;
  }

  Object cancelInstance(long processInstanceKey) {
    ElementInstance root = state().instances.get(processInstanceKey);
    if (root == null || root.kind != ElementKind.PROCESS) {
      throw EngineException.notFound(
          "Expected to cancel a process instance with key '"
              + processInstanceKey
              + "', but no such process was found");
    }
    if (root.parentElementInstanceKey >= 0) {
      throw EngineException.precondition(
          "Expected to cancel a process instance with key '"
              + processInstanceKey
              + "', but it is created by a parent process instance. Cancel the root process"
              + " instance '"
              + root.parentProcessInstanceKey
              + "' instead.");
    }
    terminateElement(root);
    return null;
  }

  // ---- activation -------------------------------------------------------------------------

  ElementInstance activateElement(
      ElementInstance scope, Element element, Map<String, Object> carried) {
    ElementInstance inst = newInstance(scope, element);
    if (element.multiInstance != null) {
      inst.kind = ElementKind.MULTI_INSTANCE_BODY;
    }
    inst.pendingVariables = carried;
    recordInstance(inst, "ELEMENT_ACTIVATING");
    if (element.id.equals(triggeredTargetId)) {
      triggeredTargetId = null;
      inst.pendingVariables = triggeredVariables;
      triggeredVariables = null;
      markActivated(inst);
      completeElement(inst, null);
      return inst;
    }
    doActivate(inst);
    return inst;
  }

  private ElementInstance newInstance(ElementInstance scope, Element element) {
    ElementInstance inst = new ElementInstance();
    inst.key = state().newKey();
    inst.elementId = element.id;
    inst.kind = element.kind;
    inst.processInstanceKey = scope.processInstanceKey;
    inst.processDefinitionKey = scope.processDefinitionKey;
    inst.bpmnProcessId = scope.bpmnProcessId;
    inst.version = scope.version;
    inst.parentKey = scope.key;
    scope.children.add(inst.key);
    state().instances.put(inst.key, inst);
    return inst;
  }

  /** Runs (or re-runs, after an incident) the activation of an element instance. */
  void doActivate(ElementInstance inst) {
    Element el = element(inst);
    closeEventsOf(inst);
    try {
      if (inst.kind == ElementKind.MULTI_INSTANCE_BODY) {
        activateBody(inst, el);
        return;
      }
      try {
        applyInputs(inst, el);
      } catch (FeelException e) {
        closeEventsOf(inst);
        engine.raiseIncident(inst, "IO_MAPPING_ERROR", e.getMessage(), Incident.Retry.ACTIVATE);
        return;
      }
      switch (el.kind) {
        case START_EVENT -> {
          markActivated(inst);
          completeElement(inst, null);
        }
        case END_EVENT -> activateEndEvent(inst, el);
        case INTERMEDIATE_THROW_EVENT -> {
          if (el.eventType == EventType.SIGNAL) {
            String name = feel().evaluateString(el.signalName, vars().visible(inst));
            markActivated(inst);
            engine.messages.signalThrown(name, inst);
          } else {
            markActivated(inst);
          }
          completeElement(inst, null);
        }
        case BOUNDARY_EVENT -> {
          markActivated(inst);
          completeElement(inst, null);
        }
        case JOB_TASK -> {
          Map<String, Object> ctx = vars().visible(inst);
          String type = feel().evaluateString(el.jobType, ctx);
          int retries = (int) feel().evaluateLong(el.jobRetries, ctx);
          openBoundaries(inst, el);
          markActivated(inst);
          engine.jobs.createJob(inst, type, retries, el.taskHeaders, "BPMN_ELEMENT", null, -1);
        }
        case USER_TASK -> {
          UserTaskProcessor.Props props = engine.userTasks.evaluate(inst, el);
          openBoundaries(inst, el);
          markActivated(inst);
          engine.userTasks.create(inst, props);
        }
        case RECEIVE_TASK, INTERMEDIATE_CATCH_EVENT -> activateCatch(inst, el);
        case EXCLUSIVE_GATEWAY, INCLUSIVE_GATEWAY -> {
          List<SequenceFlow> flows = chooseFlows(inst, el);
          if (flows == null) {
            return;
          }
          markActivated(inst);
          completeElement(inst, flows);
        }
        case PARALLEL_GATEWAY -> {
          markActivated(inst);
          completeElement(inst, null);
        }
        case EVENT_BASED_GATEWAY -> activateEventGateway(inst, el);
        case SUB_PROCESS -> {
          openBoundaries(inst, el);
          markActivated(inst);
          activateElement(
              inst, engine.model(inst.processDefinitionKey).element(el.noneStartEventId), null);
        }
        case CALL_ACTIVITY -> activateCallActivity(inst, el);
        default -> throw new IllegalStateException("cannot activate " + el);
      }
    } catch (FeelException e) {
      closeEventsOf(inst);
      String type =
          e instanceof UserTaskProcessor.FormNotFound ? "FORM_NOT_FOUND" : "EXTRACT_VALUE_ERROR";
      engine.raiseIncident(inst, type, e.getMessage(), Incident.Retry.ACTIVATE);
    }
  }

  private void markActivated(ElementInstance inst) {
    inst.state = ElementInstance.State.ACTIVATED;
    recordInstance(inst, "ELEMENT_ACTIVATED");
  }

  private void applyInputs(ElementInstance inst, Element el) {
    if (el.inputs.isEmpty()) {
      return;
    }
    Map<String, Object> ctx = vars().visible(inst);
    Map<String, Object> result = new LinkedHashMap<>();
    for (Mapping m : el.inputs) {
      Object value = feel().evaluate(m.source(), ctx);
      Variables.putPath(result, m.target(), value);
      ctx.putAll(result);
    }
    vars().setAllLocal(inst, result);
  }

  private void activateEndEvent(ElementInstance inst, Element el) {
    switch (el.eventType) {
      case ERROR -> {
        markActivated(inst);
        ErrorCatch c = findErrorCatch(inst, el.errorCode);
        if (c == null) {
          engine.raiseIncident(
              inst,
              "UNHANDLED_ERROR_EVENT",
              "Expected to throw an error event with the code '"
                  + el.errorCode
                  + "', but it was not caught. No error events are available in the scope.",
              Incident.Retry.ACTIVATE);
          return;
        }
        catchError(c, null);
      }
      case TERMINATE -> {
        markActivated(inst);
        ElementInstance scope = parent(inst);
        suppressed.add(scope.key);
        try {
          for (Long child : new ArrayList<>(scope.children)) {
            if (child != inst.key) {
              ElementInstance sibling = state().instances.get(child);
              if (sibling != null) {
                terminateElement(sibling);
              }
            }
          }
        } finally {
          suppressed.remove(scope.key);
        }
        scope.joinTokens.clear();
        if (scope.children.size() == 1) {
          completeElement(inst, List.of());
        } else {
          // siblings wait for canceling task listeners; complete when the last one is gone
          scope.waitingTerminateEndKey = inst.key;
        }
      }
      default -> {
        markActivated(inst);
        completeElement(inst, null);
      }
    }
  }

  private void activateCatch(ElementInstance inst, Element el) {
    if (el.eventType == EventType.TIMER) {
      Timer t = engine.timers.prepare(inst, el);
      markActivated(inst);
      engine.timers.add(inst, t);
      return;
    }
    if (el.eventType == EventType.SIGNAL) {
      String name = feel().evaluateString(el.signalName, vars().visible(inst));
      markActivated(inst);
      engine.messages.openSignalSubscription(inst, el.id, name, true);
      return;
    }
    String[] msg = evaluateMessage(inst, el);
    openBoundaries(inst, el);
    markActivated(inst);
    long sub = engine.messages.openSubscription(inst, el.id, msg[0], msg[1], true);
    engine.messages.correlateBuffered(state().subscriptions.get(sub));
  }

  String[] evaluateMessage(ElementInstance inst, Element el) {
    Map<String, Object> ctx = vars().visible(inst);
    String name = feel().evaluateString(el.messageName, ctx);
    String key = "";
    if (el.correlationKey != null) {
      Object v = feel().evaluate(el.correlationKey, ctx);
      if (v instanceof String s) {
        key = s;
      } else if (v instanceof Number n) {
        key = String.valueOf(n);
      } else {
        throw new FeelException(
            "Failed to extract the correlation key for '"
                + el.correlationKey.source()
                + "': The value must be either a string or a number, but was '"
                + Feel.typeName(v)
                + "'.");
      }
    }
    return new String[] {name, key};
  }

  private List<SequenceFlow> chooseFlows(ElementInstance inst, Element el) {
    Map<String, Object> ctx = vars().visible(inst);
    List<SequenceFlow> chosen = new ArrayList<>();
    SequenceFlow defaultFlow = null;
    try {
      for (SequenceFlow f : el.outgoing) {
        if (f.id().equals(el.defaultFlowId)) {
          defaultFlow = f;
          continue;
        }
        boolean taken = f.condition() == null || feel().evaluateBoolean(f.condition(), ctx);
        if (taken) {
          chosen.add(f);
          if (el.kind == ElementKind.EXCLUSIVE_GATEWAY) {
            break;
          }
        }
      }
    } catch (FeelException e) {
      engine.raiseIncident(inst, "CONDITION_ERROR", e.getMessage(), Incident.Retry.ACTIVATE);
      return null;
    }
    if (chosen.isEmpty() && defaultFlow != null) {
      chosen.add(defaultFlow);
    }
    if (chosen.isEmpty() && !el.outgoing.isEmpty()) {
      engine.raiseIncident(
          inst,
          "CONDITION_ERROR",
          "Expected at least one condition to evaluate to true, or to have a default flow",
          Incident.Retry.ACTIVATE);
      return null;
    }
    return chosen;
  }

  private void activateEventGateway(ElementInstance inst, Element el) {
    ProcessModel model = engine.model(inst.processDefinitionKey);
    List<Timer> timers = new ArrayList<>();
    List<String[]> messages = new ArrayList<>();
    List<String[]> signals = new ArrayList<>();
    for (SequenceFlow f : el.outgoing) {
      Element target = model.element(f.targetId());
      if (target.eventType == EventType.TIMER) {
        timers.add(engine.timers.prepare(inst, target));
      } else if (target.eventType == EventType.SIGNAL) {
        signals.add(
            new String[] {
              target.id, feel().evaluateString(target.signalName, vars().visible(inst))
            });
      } else {
        String[] m = evaluateMessage(inst, target);
        messages.add(new String[] {target.id, m[0], m[1]});
      }
    }
    markActivated(inst);
    timers.forEach(t -> engine.timers.add(inst, t));
    for (String[] sig : signals) {
      engine.messages.openSignalSubscription(inst, sig[0], sig[1], true);
    }
    List<Long> subs = new ArrayList<>();
    for (String[] m : messages) {
      subs.add(engine.messages.openSubscription(inst, m[0], m[1], m[2], true));
    }
    for (Long sub : subs) {
      if (!state().instances.containsKey(inst.key) || !state().subscriptions.containsKey(sub)) {
        return;
      }
      engine.messages.correlateBuffered(state().subscriptions.get(sub));
    }
  }

  private void activateCallActivity(ElementInstance inst, Element el) {
    Map<String, Object> ctx = vars().visible(inst);
    String processId = feel().evaluateString(el.calledProcessId, ctx);
    DeployedProcess p = engine.latest(processId);
    if (p == null) {
      engine.raiseIncident(
          inst,
          "CALLED_ELEMENT_ERROR",
          "Expected process with BPMN process id '"
              + processId
              + "' to be deployed, but not found.",
          Incident.Retry.ACTIVATE);
      return;
    }
    ProcessModel model = engine.model(p.key);
    if (model.process().noneStartEventId == null) {
      engine.raiseIncident(
          inst,
          "CALLED_ELEMENT_ERROR",
          "Expected process with BPMN process id '"
              + processId
              + "' to have a none start event, but not found.",
          Incident.Retry.ACTIVATE);
      return;
    }
    Map<String, Object> childVars =
        el.propagateAllParentVariables ? ctx : new LinkedHashMap<>(inst.variables);
    openBoundaries(inst, el);
    markActivated(inst);
    ElementInstance child =
        startProcess(p, childVars, List.of(model.process().noneStartEventId), inst);
    if (state().instances.containsKey(inst.key)) {
      inst.calledProcessInstanceKey = child.key;
    }
  }

  // ---- multi-instance ---------------------------------------------------------------------

  private void activateBody(ElementInstance body, Element el) {
    MultiInstance mi = el.multiInstance;
    List<Object> collection = feel().evaluateList(mi.inputCollection(), vars().visible(body));
    openBoundaries(body, el);
    body.miCollection = collection;
    body.miNextIndex = 0;
    body.miCompleted = 0;
    if (mi.outputCollection() != null) {
      vars()
          .setLocal(
              body,
              mi.outputCollection(),
              new ArrayList<>(Collections.nCopies(collection.size(), null)));
    }
    markActivated(body);
    if (collection.isEmpty()) {
      completeElement(body, null);
      return;
    }
    if (mi.sequential()) {
      createInner(body, el);
    } else {
      for (int i = 0; i < collection.size(); i++) {
        if (!state().instances.containsKey(body.key)
            || body.state != ElementInstance.State.ACTIVATED) {
          return;
        }
        createInner(body, el);
      }
      // inner instances that completed while their siblings were still being created
      checkBodyProgress(body, false);
    }
  }

  private void createInner(ElementInstance body, Element el) {
    int index = body.miNextIndex++;
    ElementInstance inner = newInstance(body, el);
    inner.miIndex = index;
    recordInstance(inner, "ELEMENT_ACTIVATING");
    MultiInstance mi = el.multiInstance;
    if (mi.inputElement() != null) {
      vars().setLocal(inner, mi.inputElement(), body.miCollection.get(index));
    }
    vars().setLocal(inner, "loopCounter", (long) index + 1);
    doActivate(inner);
  }

  private void innerCompleted(ElementInstance body, boolean conditionMet) {
    body.miCompleted++;
    checkBodyProgress(body, conditionMet);
  }

  private void checkBodyProgress(ElementInstance body, boolean conditionMet) {
    if (!state().instances.containsKey(body.key) || body.state != ElementInstance.State.ACTIVATED) {
      return;
    }
    Element el = element(body);
    MultiInstance mi = el.multiInstance;
    if (mi.completionCondition() != null) {
      if (conditionMet) {
        suppressed.add(body.key);
        try {
          for (Long child : new ArrayList<>(body.children)) {
            ElementInstance c = state().instances.get(child);
            if (c != null) {
              terminateElement(c);
            }
          }
        } finally {
          suppressed.remove(body.key);
        }
        if (body.children.isEmpty()) {
          completeElement(body, null);
        } else {
          body.completeAfterTermination = true;
        }
        return;
      }
    }
    if (mi.sequential() && body.miNextIndex < body.miCollection.size()) {
      if (body.children.isEmpty()) {
        createInner(body, el);
      }
      return;
    }
    if (!mi.sequential() && body.miNextIndex < body.miCollection.size()) {
      return; // parallel: still creating the inner instances
    }
    if (body.children.isEmpty()) {
      completeElement(body, null);
    }
  }

  // ---- completion ---------------------------------------------------------------------------

  /** Completes an element instance and continues: flows (null = all outgoing), scope, parent. */
  void completeElement(ElementInstance inst, List<SequenceFlow> flows) {
    Element el = element(inst);
    if (inst.state != ElementInstance.State.COMPLETING) {
      inst.state = ElementInstance.State.COMPLETING;
      recordInstance(inst, "ELEMENT_COMPLETING");
    }
    try {
      applyOutputs(inst, el);
    } catch (FeelException e) {
      engine.raiseIncident(inst, "IO_MAPPING_ERROR", e.getMessage(), Incident.Retry.COMPLETE);
      return;
    }
    boolean miConditionMet = false;
    ElementInstance scope = parent(inst);
    if (inst.miIndex >= 0
        && scope != null
        && scope.kind == ElementKind.MULTI_INSTANCE_BODY
        && el.multiInstance.completionCondition() != null) {
      // evaluated in the scope of the inner instance that completes, as Zeebe does
      Map<String, Object> ctx = vars().visible(inst);
      ctx.put("numberOfInstances", (long) scope.miCollection.size());
      ctx.put("numberOfCompletedInstances", (long) scope.miCompleted + 1);
      ctx.put("numberOfActiveInstances", (long) scope.children.size() - 1);
      ctx.put("numberOfTerminatedInstances", 0L);
      try {
        miConditionMet = feel().evaluateBoolean(el.multiInstance.completionCondition(), ctx);
      } catch (FeelException e) {
        engine.raiseIncident(inst, "EXTRACT_VALUE_ERROR", e.getMessage(), Incident.Retry.COMPLETE);
        return;
      }
    }
    closeEventsOf(inst);
    recordInstance(inst, "ELEMENT_COMPLETED");
    removeInstance(inst);
    ElementInstance parent = parent(inst);
    if (inst.kind == ElementKind.PROCESS) {
      processCompleted(inst);
      return;
    }
    if (parent.kind == ElementKind.MULTI_INSTANCE_BODY) {
      innerCompleted(parent, miConditionMet);
      return;
    }
    List<SequenceFlow> toTake = flows != null ? flows : el.outgoing;
    for (SequenceFlow f : toTake) {
      if (!state().instances.containsKey(parent.key)
          || parent.state != ElementInstance.State.ACTIVATED) {
        return;
      }
      takeFlow(parent, f);
    }
    maybeCompleteScope(parent);
  }

  private void applyOutputs(ElementInstance inst, Element el) {
    ElementInstance parent = parent(inst);
    Map<String, Object> pending = inst.pendingVariables;
    inst.pendingVariables = null;
    if (inst.kind == ElementKind.PROCESS) {
      return;
    }
    if (inst.kind == ElementKind.MULTI_INSTANCE_BODY) {
      String out = el.multiInstance.outputCollection();
      if (out != null) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(out, inst.variables.get(out));
        vars().propagate(parent, m);
      }
      return;
    }
    boolean outputs = el.hasOutputs();
    boolean miInnerWithOutput =
        inst.miIndex >= 0
            && parent.kind == ElementKind.MULTI_INSTANCE_BODY
            && el.multiInstance.outputCollection() != null;
    if (pending != null && !pending.isEmpty()) {
      if (outputs
          || miInnerWithOutput
          || (inst.kind == ElementKind.CALL_ACTIVITY && !el.propagateAllChildVariables)) {
        vars().setAllLocal(inst, pending);
      } else {
        vars().propagate(inst, pending);
      }
    }
    if (outputs) {
      Map<String, Object> ctx = vars().visible(inst);
      Map<String, Object> parentCtx = vars().visible(parent);
      Map<String, Object> result = new LinkedHashMap<>();
      for (Mapping m : el.outputs) {
        Object value = feel().evaluate(m.source(), ctx);
        String root = m.target().split("\\.")[0];
        if (m.target().contains(".")
            && !result.containsKey(root)
            && parentCtx.get(root) instanceof Map<?, ?>) {
          result.put(root, parentCtx.get(root));
        }
        Variables.putPath(result, m.target(), value);
      }
      vars().propagate(parent, result);
    }
    if (inst.miIndex >= 0 && parent.kind == ElementKind.MULTI_INSTANCE_BODY) {
      MultiInstance mi = el.multiInstance;
      if (mi.outputCollection() != null) {
        Object value =
            mi.outputElement() == null
                ? null
                : feel().evaluate(mi.outputElement(), vars().visible(inst));
        @SuppressWarnings("unchecked")
        List<Object> list =
            new ArrayList<>(
                (List<Object>) parent.variables.getOrDefault(mi.outputCollection(), List.of()));
        while (list.size() <= inst.miIndex) {
          list.add(null);
        }
        list.set(inst.miIndex, value);
        vars().setLocal(parent, mi.outputCollection(), list);
      }
    }
  }

  private void removeInstance(ElementInstance inst) {
    state().instances.remove(inst.key);
    ElementInstance parent = parent(inst);
    if (parent != null) {
      parent.children.remove(inst.key);
    }
  }

  private void takeFlow(ElementInstance scope, SequenceFlow f) {
    Map<String, Object> v = baseValue(scope);
    v.put("elementId", f.id());
    v.put("bpmnElementType", "SEQUENCE_FLOW");
    engine.record("PROCESS_INSTANCE", "SEQUENCE_FLOW_TAKEN", state().newKey(), v);
    ProcessModel model = engine.model(scope.processDefinitionKey);
    Element target = model.element(f.targetId());
    boolean join =
        (target.kind == ElementKind.PARALLEL_GATEWAY
                || target.kind == ElementKind.INCLUSIVE_GATEWAY)
            && target.incoming.size() > 1;
    if (!join) {
      activateElement(scope, target, null);
      return;
    }
    scope
        .joinTokens
        .computeIfAbsent(target.id, k -> new LinkedHashMap<>())
        .merge(f.id(), 1, Integer::sum);
    if (target.kind == ElementKind.PARALLEL_GATEWAY) {
      Map<String, Integer> tokens = scope.joinTokens.get(target.id);
      for (String inc : target.incoming) {
        if (tokens.getOrDefault(inc, 0) < 1) {
          return;
        }
      }
      consumeJoin(scope, target, target.incoming);
      activateElement(scope, target, null);
    } else {
      checkInclusiveJoin(scope, target);
    }
  }

  private void consumeJoin(ElementInstance scope, Element gateway, List<String> flows) {
    Map<String, Integer> tokens = scope.joinTokens.get(gateway.id);
    for (String inc : flows) {
      tokens.computeIfPresent(inc, (k, n) -> n > 1 ? n - 1 : null);
    }
    if (tokens.isEmpty()) {
      scope.joinTokens.remove(gateway.id);
    }
  }

  private boolean checkInclusiveJoin(ElementInstance scope, Element gateway) {
    Map<String, Integer> tokens = scope.joinTokens.get(gateway.id);
    if (tokens == null || tokens.isEmpty()) {
      return false;
    }
    ProcessModel model = engine.model(scope.processDefinitionKey);
    Set<String> reachers = model.canReach(gateway.id);
    for (Long childKey : scope.children) {
      ElementInstance child = state().instances.get(childKey);
      if (child != null && reachers.contains(child.elementId)) {
        return false;
      }
    }
    for (Map.Entry<String, Map<String, Integer>> e : scope.joinTokens.entrySet()) {
      if (!e.getKey().equals(gateway.id)
          && reachers.contains(e.getKey())
          && !e.getValue().isEmpty()) {
        return false;
      }
    }
    List<String> arrived = new ArrayList<>(tokens.keySet());
    consumeJoin(scope, gateway, arrived);
    activateElement(scope, gateway, null);
    return true;
  }

  private void maybeCompleteScope(ElementInstance scope) {
    if (!state().instances.containsKey(scope.key)
        || scope.state != ElementInstance.State.ACTIVATED
        || scope.kind == ElementKind.MULTI_INSTANCE_BODY) {
      return;
    }
    if (!scope.joinTokens.isEmpty()) {
      ProcessModel model = engine.model(scope.processDefinitionKey);
      for (String gw : new ArrayList<>(scope.joinTokens.keySet())) {
        Element g = model.element(gw);
        if (g.kind == ElementKind.INCLUSIVE_GATEWAY && checkInclusiveJoin(scope, g)) {
          return;
        }
      }
    }
    if (scope.children.isEmpty() && scope.joinTokens.isEmpty()) {
      completeElement(scope, null);
    }
  }

  private void processCompleted(ElementInstance root) {
    state().messageStartInstances.values().remove(root.key);
    if (root.parentElementInstanceKey >= 0) {
      ElementInstance call = state().instances.get(root.parentElementInstanceKey);
      if (call != null) {
        call.calledProcessInstanceKey = -1;
        call.pendingVariables = new LinkedHashMap<>(root.variables);
        completeElement(call, null);
      }
      return;
    }
    engine.hooks().processInstanceEnded(root.key, true, root.variables);
  }

  // ---- termination --------------------------------------------------------------------------

  /**
   * Terminates an element instance and everything inside it. A user task with canceling task
   * listeners stays TERMINATING until its listener jobs are done (as in Camunda); its parents wait
   * for it. Returns whether the instance is gone.
   */
  boolean terminateElement(ElementInstance inst) {
    if (inst.state == ElementInstance.State.TERMINATING) {
      return !state().instances.containsKey(inst.key);
    }
    inst.state = ElementInstance.State.TERMINATING;
    recordInstance(inst, "ELEMENT_TERMINATING");
    suppressed.add(inst.key);
    try {
      for (Long childKey : new ArrayList<>(inst.children)) {
        ElementInstance child = state().instances.get(childKey);
        if (child != null) {
          terminateElement(child);
        }
      }
      if (inst.calledProcessInstanceKey >= 0) {
        ElementInstance called = state().instances.get(inst.calledProcessInstanceKey);
        if (called != null) {
          terminateElement(called);
        }
      }
      engine.jobs.cancelJobOf(inst);
      engine.userTasks.cancel(inst);
      closeEventsOf(inst);
      engine.removeIncidentsOf(inst.key);
      inst.joinTokens.clear();
    } finally {
      suppressed.remove(inst.key);
    }
    return finishTermination(inst);
  }

  /** Instances whose own termination (or sibling loop) is on the stack: no early continuation. */
  private final java.util.Set<Long> suppressed = new java.util.HashSet<>();

  /** Ends a TERMINATING instance once nothing inside it waits any more. */
  boolean finishTermination(ElementInstance inst) {
    boolean calledAlive =
        inst.calledProcessInstanceKey >= 0
            && state().instances.containsKey(inst.calledProcessInstanceKey);
    if (!inst.children.isEmpty() || inst.userTaskKey >= 0 || calledAlive) {
      return false;
    }
    recordInstance(inst, "ELEMENT_TERMINATED");
    removeInstance(inst);
    if (inst.kind == ElementKind.PROCESS) {
      state().messageStartInstances.values().remove(inst.key);
      if (inst.parentElementInstanceKey < 0) {
        engine.hooks().processInstanceEnded(inst.key, false, null);
      } else {
        childGone(state().instances.get(inst.parentElementInstanceKey));
      }
      return true;
    }
    ElementInstance scope = parent(inst);
    if (inst.pendingBoundaryId != null
        && scope != null
        && scope.state == ElementInstance.State.ACTIVATED
        && scope.waitingTerminateEndKey < 0) {
      Element boundary = engine.model(inst.processDefinitionKey).element(inst.pendingBoundaryId);
      triggeredEvent(scope, boundary, inst.pendingBoundaryVariables);
    } else {
      childGone(scope);
    }
    return true;
  }

  /** A child finished terminating later than its parent's own step: continue what waited. */
  private void childGone(ElementInstance scope) {
    if (scope == null
        || suppressed.contains(scope.key)
        || !state().instances.containsKey(scope.key)) {
      return;
    }
    if (scope.state == ElementInstance.State.TERMINATING) {
      finishTermination(scope);
      return;
    }
    if (scope.waitingTerminateEndKey >= 0
        && scope.children.size() == 1
        && scope.children.contains(scope.waitingTerminateEndKey)) {
      ElementInstance end = state().instances.get(scope.waitingTerminateEndKey);
      scope.waitingTerminateEndKey = -1;
      completeElement(end, List.of());
      return;
    }
    if (scope.kind == ElementKind.MULTI_INSTANCE_BODY
        && scope.completeAfterTermination
        && scope.children.isEmpty()) {
      scope.completeAfterTermination = false;
      completeElement(scope, null);
    }
  }

  // ---- events -------------------------------------------------------------------------------

  /**
   * An event of {@code owner} was triggered: a message or timer of a catch event / receive task, of
   * a boundary event attached to it, or of an event-based gateway's target.
   */
  void triggerEvent(ElementInstance owner, String eventElementId, Map<String, Object> variables) {
    ProcessModel model = engine.model(owner.processDefinitionKey);
    Element ev = model.element(eventElementId);
    if (owner.kind == ElementKind.EVENT_BASED_GATEWAY) {
      closeEventsOf(owner);
      ElementInstance scope = parent(owner);
      SequenceFlow flow = null;
      for (SequenceFlow f : element(owner).outgoing) {
        if (f.targetId().equals(ev.id)) {
          flow = f;
        }
      }
      triggeredTargetId = ev.id;
      triggeredVariables = variables;
      completeElement(owner, flow == null ? List.of() : List.of(flow));
      triggeredTargetId = null;
      triggeredVariables = null;
      return;
    }
    if (ev.kind == ElementKind.BOUNDARY_EVENT) {
      ElementInstance scope = parent(owner);
      if (ev.interrupting) {
        // the boundary event is activated once the host is terminated (maybe later)
        owner.pendingBoundaryId = ev.id;
        owner.pendingBoundaryVariables = variables;
        terminateElement(owner);
      } else {
        triggeredEvent(scope, ev, variables);
      }
      return;
    }
    owner.pendingVariables = variables;
    completeElement(owner, null);
  }

  /** Activates an event element that was already triggered (boundary, gateway target). */
  private void triggeredEvent(ElementInstance scope, Element ev, Map<String, Object> variables) {
    ElementInstance inst = newInstance(scope, ev);
    recordInstance(inst, "ELEMENT_ACTIVATING");
    markActivated(inst);
    inst.pendingVariables = variables;
    completeElement(inst, null);
  }

  /** Where a thrown error is caught: the activity instance and its error boundary event. */
  record ErrorCatch(ElementInstance host, Element boundary) {}

  ErrorCatch findErrorCatch(ElementInstance source, String code) {
    ElementInstance cur = source;
    while (cur != null) {
      Element el = element(cur);
      boolean hostsBoundaries =
          cur.kind == ElementKind.MULTI_INSTANCE_BODY
              || (cur.kind.isActivity() && el.multiInstance == null);
      if (hostsBoundaries && !el.boundaryEventIds.isEmpty()) {
        ProcessModel model = engine.model(cur.processDefinitionKey);
        Element catchAll = null;
        for (String id : el.boundaryEventIds) {
          Element b = model.element(id);
          if (b.eventType != EventType.ERROR) {
            continue;
          }
          if (b.errorCode == null || b.errorCode.isBlank()) {
            catchAll = catchAll == null ? b : catchAll;
          } else if (b.errorCode.equals(code)) {
            return new ErrorCatch(cur, b);
          }
        }
        if (catchAll != null) {
          return new ErrorCatch(cur, catchAll);
        }
      }
      if (cur.parentKey >= 0) {
        cur = state().instances.get(cur.parentKey);
      } else if (cur.parentElementInstanceKey >= 0) {
        cur = state().instances.get(cur.parentElementInstanceKey);
      } else {
        cur = null;
      }
    }
    return null;
  }

  void catchError(ErrorCatch c, Map<String, Object> variables) {
    triggerEvent(c.host(), c.boundary().id, variables);
  }

  private void openBoundaries(ElementInstance inst, Element el) {
    if (el.boundaryEventIds.isEmpty() || inst.miIndex >= 0) {
      // boundary events of a multi-instance activity belong to its body
      return;
    }
    ProcessModel model = engine.model(inst.processDefinitionKey);
    List<Timer> timers = new ArrayList<>();
    List<String[]> messages = new ArrayList<>();
    List<String[]> signals = new ArrayList<>();
    for (String id : el.boundaryEventIds) {
      Element b = model.element(id);
      if (b.eventType == EventType.TIMER) {
        timers.add(engine.timers.prepare(inst, b));
      } else if (b.eventType == EventType.MESSAGE) {
        String[] m = evaluateMessage(inst, b);
        messages.add(new String[] {b.id, m[0], m[1], String.valueOf(b.interrupting)});
      } else if (b.eventType == EventType.SIGNAL) {
        signals.add(
            new String[] {
              b.id,
              feel().evaluateString(b.signalName, vars().visible(inst)),
              String.valueOf(b.interrupting)
            });
      }
    }
    timers.forEach(t -> engine.timers.add(inst, t));
    for (String[] sig : signals) {
      engine.messages.openSignalSubscription(inst, sig[0], sig[1], Boolean.parseBoolean(sig[2]));
    }
    List<Long> subs = new ArrayList<>();
    for (String[] m : messages) {
      subs.add(
          engine.messages.openSubscription(inst, m[0], m[1], m[2], Boolean.parseBoolean(m[3])));
    }
    for (Long sub : subs) {
      if (!state().instances.containsKey(inst.key) || !state().subscriptions.containsKey(sub)) {
        return;
      }
      engine.messages.correlateBuffered(state().subscriptions.get(sub));
    }
  }

  void closeEventsOf(ElementInstance inst) {
    for (Long key : inst.timerKeys) {
      Timer t = state().timers.get(key);
      if (t != null) {
        state().removeTimer(key);
        engine.record("TIMER", "CANCELED", key, TimerProcessor.timerValue(t));
      }
    }
    inst.timerKeys.clear();
    for (Long key : inst.subscriptionKeys) {
      engine.messages.closeSubscription(key);
    }
    inst.subscriptionKeys.clear();
  }

  // ---- incidents ---------------------------------------------------------------------------

  void retryAfterIncident(Incident incident) {
    ElementInstance inst = state().instances.get(incident.elementInstanceKey);
    if (inst == null) {
      return;
    }
    if (incident.retry == Incident.Retry.ACTIVATE) {
      doActivate(inst);
    } else if (inst.kind == ElementKind.MULTI_INSTANCE_BODY) {
      checkBodyProgress(inst, false);
    } else {
      completeElement(inst, null);
    }
  }

  void afterVariablesChanged(ElementInstance scope) {
    // no conditional events are supported, nothing to re-evaluate
  }

  // ---- records ------------------------------------------------------------------------------

  Map<String, Object> baseValue(ElementInstance inst) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("bpmnProcessId", inst.bpmnProcessId);
    v.put("version", inst.version);
    v.put("processDefinitionKey", inst.processDefinitionKey);
    v.put("processInstanceKey", inst.processInstanceKey);
    return v;
  }

  void recordInstance(ElementInstance inst, String intent) {
    Map<String, Object> v = baseValue(inst);
    v.put("elementId", inst.elementId);
    v.put("bpmnElementType", inst.kind.name());
    v.put("flowScopeKey", inst.parentKey);
    v.put("parentProcessInstanceKey", inst.parentProcessInstanceKey);
    v.put("parentElementInstanceKey", inst.parentElementInstanceKey);
    engine.record("PROCESS_INSTANCE", intent, inst.key, v);
  }
}
