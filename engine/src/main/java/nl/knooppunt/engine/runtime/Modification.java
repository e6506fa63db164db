package nl.knooppunt.engine.runtime;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.knooppunt.engine.EngineException;
import nl.knooppunt.engine.command.Command;
import nl.knooppunt.engine.model.Element;
import nl.knooppunt.engine.model.ElementKind;
import nl.knooppunt.engine.model.ProcessModel;
import nl.knooppunt.engine.model.SequenceFlow;
import nl.knooppunt.engine.runtime.state.ElementInstance;

/**
 * Process instance modification as Camunda 8.8 does it (docs: components/concepts/
 * process-instance-modification): the whole command is validated first (a rejection changes
 * nothing); then the activate instructions run (a missing sub-process on the way is created, its
 * start event is not taken; variable instructions set variables in the process, the element's flow
 * scope or the element itself before it activates), then the terminate instructions. A flow scope
 * left without active element instances by a termination is terminated too, up to the process
 * instance, unless an activation of this command needs it.
 *
 * <p>Rejected with {@code INVALID_ARGUMENT} naming the element or key, as Camunda: an unknown
 * element, a start event, boundary event or the process itself, an event after an event-based
 * gateway, an element inside a multi-instance element that has no active instance, a flow scope
 * with more than one active instance and no ancestor, an ancestor key that is unknown, not active,
 * of another instance or not an ancestor of the element, a variable scope that is not the element
 * or one of its flow scopes, an unknown element instance to terminate, terminating all of an
 * instance that a call activity created (modify the parent instead). An unknown process instance is
 * {@code NOT_FOUND}.
 */
final class Modification {

  private final EngineContext ctx;
  private final VariableScopes variables;
  private final BpmnExecutor executor;

  Modification(EngineContext ctx, VariableScopes variables, BpmnExecutor executor) {
    this.ctx = ctx;
    this.variables = variables;
    this.executor = executor;
  }

  private EngineState state() {
    return ctx.state();
  }

  Object modify(Command.ModifyInstance c) {
    ElementInstance root = state().instances.get(c.processInstanceKey());
    if (root == null || root.kind != ElementKind.PROCESS) {
      throw EngineException.notFound(
          "Expected to modify process instance but no process instance found with key '"
              + c.processInstanceKey()
              + "'");
    }
    ProcessModel model = ctx.model(root.processDefinitionKey);
    List<Command.ActivateInstruction> activations = c.activate() == null ? List.of() : c.activate();
    List<Long> terminations =
        c.terminateElementInstanceKeys() == null ? List.of() : c.terminateElementInstanceKeys();
    validate(root, model, activations, terminations);

    // every flow scope is resolved (and must be unambiguous) before anything changes
    Set<Long> required = new HashSet<>();
    for (Command.ActivateInstruction a : activations) {
      Element element = model.element(a.elementId());
      ElementInstance scope = flowScopeInstance(root, model, element, a);
      Map<String, Object> local = new LinkedHashMap<>();
      for (Command.VariableInstruction v : variableInstructions(a)) {
        if (v.variables() == null || v.variables().isEmpty()) {
          continue;
        }
        if (v.scopeId() == null || v.scopeId().isEmpty()) {
          variables.setAllLocal(root, v.variables());
        } else if (v.scopeId().equals(element.id)) {
          local.putAll(v.variables());
        } else {
          variables.setAllLocal(instanceOf(scope, v.scopeId()), v.variables());
        }
      }
      for (ElementInstance s = scope; s != null; s = parentOf(s)) {
        required.add(s.key);
      }
      executor.activateForModification(scope, element, local);
    }
    for (Long key : terminations) {
      ElementInstance inst = state().instances.get(key);
      if (inst == null || inst.state == ElementInstance.State.TERMINATING) {
        continue; // already terminated by an earlier instruction
      }
      long flowScopeKey = inst.parentKey;
      executor.terminateElement(inst);
      terminateEmptyFlowScopes(flowScopeKey, required);
    }
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("processInstanceKey", root.key);
    v.put("activateInstructions", activations.stream().map(a -> a.elementId()).toList());
    v.put("terminateInstructions", terminations);
    ctx.record("PROCESS_INSTANCE_MODIFICATION", "MODIFIED", root.key, v);
    return null;
  }

  private static List<Command.VariableInstruction> variableInstructions(
      Command.ActivateInstruction a) {
    return a.variables() == null ? List.of() : a.variables();
  }

  private ElementInstance parentOf(ElementInstance inst) {
    return inst.parentKey < 0 ? null : state().instances.get(inst.parentKey);
  }

  /** The instance of element {@code elementId} among {@code scope} and its ancestors. */
  private ElementInstance instanceOf(ElementInstance scope, String elementId) {
    for (ElementInstance s = scope; s != null; s = parentOf(s)) {
      if (s.elementId.equals(elementId) && s.kind != ElementKind.MULTI_INSTANCE_BODY) {
        return s;
      }
    }
    return scope;
  }

  private void terminateEmptyFlowScopes(long flowScopeKey, Set<Long> required) {
    ElementInstance scope = state().instances.get(flowScopeKey);
    while (scope != null
        && scope.state == ElementInstance.State.ACTIVATED
        && !required.contains(scope.key)
        && scope.children.isEmpty()
        && scope.joinTokens.isEmpty()) {
      long next = scope.parentKey;
      executor.terminateElement(scope);
      scope = next < 0 ? null : state().instances.get(next);
    }
  }

  // ---- flow scopes ----------------------------------------------------------------------------

  /** The flow scope ids of an element, outermost (the process) first. */
  private static List<String> flowScopeChain(ProcessModel model, Element element) {
    List<String> chain = new ArrayList<>();
    for (String id = element.flowScopeId; id != null; id = model.element(id).flowScopeId) {
      chain.add(0, id);
    }
    return chain;
  }

  /**
   * The instance of the element's flow scope to activate it in: below the ancestor (or the process
   * instance), the one active instance of each flow scope on the way, created when there is none
   * (checked before: never a multi-instance one, never ambiguous).
   */
  private ElementInstance flowScopeInstance(
      ElementInstance root, ProcessModel model, Element element, Command.ActivateInstruction a) {
    List<String> chain = flowScopeChain(model, element);
    ElementInstance current =
        a.ancestorElementInstanceKey() > 0
            ? state().instances.get(a.ancestorElementInstanceKey())
            : root;
    int from = chain.indexOf(current.elementId) + 1;
    if (current.kind == ElementKind.MULTI_INSTANCE_BODY) {
      current = single(model, current, current.elementId, element);
    }
    for (int i = from; i < chain.size(); i++) {
      ElementInstance found = single(model, current, chain.get(i), element);
      current =
          found != null
              ? found
              : executor.activateFlowScopeForModification(current, model.element(chain.get(i)));
    }
    return current;
  }

  /**
   * The one active instance of flow scope {@code scopeId} directly inside {@code parent} (for a
   * multi-instance sub-process: its one active inner instance), or null when there is none.
   */
  private ElementInstance single(
      ProcessModel model, ElementInstance parent, String scopeId, Element forElement) {
    List<ElementInstance> found = new ArrayList<>();
    Set<Long> candidates = new LinkedHashSet<>(parent.children);
    if (parent.kind == ElementKind.MULTI_INSTANCE_BODY && parent.elementId.equals(scopeId)) {
      candidates = new LinkedHashSet<>(List.of(parent.key));
    }
    for (Long key : candidates) {
      ElementInstance child = state().instances.get(key);
      if (child == null
          || !child.elementId.equals(scopeId)
          || child.state != ElementInstance.State.ACTIVATED) {
        continue;
      }
      if (child.kind == ElementKind.MULTI_INSTANCE_BODY) {
        for (Long innerKey : child.children) {
          ElementInstance inner = state().instances.get(innerKey);
          if (inner != null && inner.state == ElementInstance.State.ACTIVATED) {
            found.add(inner);
          }
        }
      } else {
        found.add(child);
      }
    }
    if (found.size() > 1 && forElement != null) {
      throw EngineException.invalidArgument(
          "Expected to modify instance of process '"
              + model.bpmnProcessId()
              + "' but it contains one or more activate instructions for an element that has a"
              + " flow scope with more than one active instance: '"
              + scopeId
              + "'. Can't decide in which instance of the flow scope the element should be"
              + " activated. Please specify an ancestor element instance key for this activate"
              + " instruction.");
    }
    return found.isEmpty() ? null : found.get(0);
  }

  // ---- validation -----------------------------------------------------------------------------

  private void validate(
      ElementInstance root,
      ProcessModel model,
      List<Command.ActivateInstruction> activations,
      List<Long> terminations) {
    String process = root.bpmnProcessId;
    Set<String> unknown = new LinkedHashSet<>();
    for (Command.ActivateInstruction a : activations) {
      if (a.elementId() == null || model.elementOrNull(a.elementId()) == null) {
        unknown.add(String.valueOf(a.elementId()));
      }
    }
    if (!unknown.isEmpty()) {
      throw EngineException.invalidArgument(
          "Expected to modify instance of process '"
              + process
              + "' but it contains one or more activate instructions with an element that could"
              + " not be found: '"
              + String.join("', '", unknown)
              + "'");
    }
    Set<String> afterGateway = new LinkedHashSet<>();
    Set<String> unsupported = new LinkedHashSet<>();
    Set<String> unsupportedTypes = new LinkedHashSet<>();
    for (Command.ActivateInstruction a : activations) {
      Element e = model.element(a.elementId());
      if (e.kind == ElementKind.START_EVENT
          || e.kind == ElementKind.BOUNDARY_EVENT
          || e.kind == ElementKind.PROCESS) {
        unsupported.add(e.id);
        unsupportedTypes.add(e.kind.name());
      } else if (afterEventBasedGateway(model, e)) {
        afterGateway.add(e.id);
      }
    }
    if (!afterGateway.isEmpty()) {
      throw EngineException.invalidArgument(
          "Expected to modify instance of process '"
              + process
              + "' but it contains one or more activate instructions for elements that are"
              + " unsupported: '"
              + String.join("', '", afterGateway)
              + "'. The activation of events belonging to an event-based gateway is not"
              + " supported.");
    }
    if (!unsupported.isEmpty()) {
      throw EngineException.invalidArgument(
          "Expected to modify instance of process '"
              + process
              + "' but it contains one or more activate instructions for elements that are"
              + " unsupported: '"
              + String.join("', '", unsupported)
              + "'. The activation of elements with type '"
              + String.join("', '", unsupportedTypes)
              + "' is not supported.");
    }
    List<String> missing = new ArrayList<>();
    for (Long key : terminations) {
      ElementInstance inst = key == null ? null : state().instances.get(key);
      if (inst == null || inst.processInstanceKey != root.key) {
        missing.add(String.valueOf(key));
      }
    }
    if (!missing.isEmpty()) {
      throw EngineException.invalidArgument(
          "Expected to modify instance of process '"
              + process
              + "' but it contains one or more terminate instructions with an element instance"
              + " that could not be found: '"
              + String.join("', '", missing)
              + "'");
    }
    for (Command.ActivateInstruction a : activations) {
      Element e = model.element(a.elementId());
      List<String> chain = flowScopeChain(model, e);
      for (Command.VariableInstruction v : variableInstructions(a)) {
        String scopeId = v.scopeId();
        if (scopeId == null || scopeId.isEmpty()) {
          continue;
        }
        if (model.elementOrNull(scopeId) == null) {
          throw EngineException.invalidArgument(
              "Expected to modify instance of process '"
                  + process
                  + "' but it contains one or more variable instructions with a scope element id"
                  + " that could not be found: '"
                  + scopeId
                  + "'");
        }
        if (!scopeId.equals(e.id) && !chain.contains(scopeId)) {
          throw EngineException.invalidArgument(
              "Expected to modify instance of process '"
                  + process
                  + "' but it contains one or more variable instructions with a scope element"
                  + " that doesn't belong to the activating element's flow scope ('"
                  + scopeId
                  + "' for element '"
                  + e.id
                  + "'). These variables should be set before or after the modification.");
        }
      }
      long ancestorKey = a.ancestorElementInstanceKey();
      if (ancestorKey <= 0) {
        continue;
      }
      ElementInstance ancestor = state().instances.get(ancestorKey);
      if (ancestor == null || ancestor.state != ElementInstance.State.ACTIVATED) {
        throw EngineException.invalidArgument(
            "Expected to modify instance of process '"
                + process
                + "' but it contains one or more activate instructions with an ancestor scope key"
                + " that does not exist, or is not in an active state: '"
                + ancestorKey
                + "'");
      }
      if (ancestor.processInstanceKey != root.key) {
        throw EngineException.invalidArgument(
            "Expected to modify instance of process '"
                + process
                + "' but it contains one or more activate instructions with an ancestor scope key"
                + " that does not belong to the modified process instance: '"
                + ancestorKey
                + "'");
      }
      if (!chain.contains(ancestor.elementId)) {
        throw EngineException.invalidArgument(
            "Expected to modify instance of process '"
                + process
                + "' but it contains one or more activate instructions with an ancestor scope key"
                + " that is not an ancestor of the element to activate: instance '"
                + ancestorKey
                + "' of element '"
                + ancestor.elementId
                + "' is not an ancestor of element '"
                + e.id
                + "'");
      }
    }
    if (root.parentElementInstanceKey >= 0
        && activations.isEmpty()
        && !terminations.isEmpty()
        && !survives(root, new HashSet<>(terminations))) {
      throw EngineException.invalidArgument(
          "Expected to modify instance of process '"
              + process
              + "' but the given instructions would terminate the instance. The instance was"
              + " created by a call activity in the parent process. To terminate this instance"
              + " please modify the parent process instead.");
    }
    // flow scopes: ambiguous or multi-instance ones are refused before anything changes
    for (Command.ActivateInstruction a : activations) {
      checkFlowScopes(root, model, model.element(a.elementId()), a);
    }
  }

  private void checkFlowScopes(
      ElementInstance root, ProcessModel model, Element element, Command.ActivateInstruction a) {
    List<String> chain = flowScopeChain(model, element);
    ElementInstance current =
        a.ancestorElementInstanceKey() > 0
            ? state().instances.get(a.ancestorElementInstanceKey())
            : root;
    int from = chain.indexOf(current.elementId) + 1;
    if (current.kind == ElementKind.MULTI_INSTANCE_BODY) {
      String body = current.elementId;
      current = single(model, current, body, element);
      if (current == null) {
        throw EngineException.invalidArgument(
            "Expected to modify instance of process '"
                + root.bpmnProcessId
                + "' but it contains one or more activate instructions that would result in the"
                + " activation of multi-instance element '"
                + body
                + "', which is currently unsupported.");
      }
    }
    for (int i = from; i < chain.size(); i++) {
      ElementInstance found =
          current == null ? null : single(model, current, chain.get(i), element);
      if (found == null && model.element(chain.get(i)).multiInstance != null) {
        throw EngineException.invalidArgument(
            "Expected to modify instance of process '"
                + root.bpmnProcessId
                + "' but it contains one or more activate instructions that would result in the"
                + " activation of multi-instance element '"
                + chain.get(i)
                + "', which is currently unsupported.");
      }
      current = found;
    }
  }

  /** Whether an instance is still active after the terminations (a flow scope: if not empty). */
  private boolean survives(ElementInstance inst, Set<Long> terminated) {
    if (terminated.contains(inst.key)) {
      return false;
    }
    if (inst.children.isEmpty() || !inst.joinTokens.isEmpty()) {
      return inst.kind != ElementKind.PROCESS || !inst.joinTokens.isEmpty();
    }
    for (Long key : inst.children) {
      ElementInstance child = state().instances.get(key);
      if (child != null && survives(child, terminated)) {
        return true;
      }
    }
    return false;
  }

  private static boolean afterEventBasedGateway(ProcessModel model, Element e) {
    if (e.kind != ElementKind.INTERMEDIATE_CATCH_EVENT && e.kind != ElementKind.RECEIVE_TASK) {
      return false;
    }
    for (String flowId : e.incoming) {
      SequenceFlow f = model.flow(flowId);
      if (f != null
          && model.elementOrNull(f.sourceId()) != null
          && model.element(f.sourceId()).kind == ElementKind.EVENT_BASED_GATEWAY) {
        return true;
      }
    }
    return false;
  }
}
