package nl.knooppunt.engine.runtime;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.knooppunt.engine.EngineException;
import nl.knooppunt.engine.command.Command;
import nl.knooppunt.engine.model.Element;
import nl.knooppunt.engine.model.ElementKind;
import nl.knooppunt.engine.model.ProcessModel;
import nl.knooppunt.engine.runtime.state.DeployedProcess;
import nl.knooppunt.engine.runtime.state.ElementInstance;

/**
 * The process-instance commands: create (by definition key, or process id and version, at the none
 * start event or at start instructions of the process scope), cancel (a root instance only) and set
 * variables (locally or propagated).
 */
final class InstanceProcessor {

  private final EngineContext ctx;
  private final VariableScopes variables;
  private final BpmnExecutor executor;

  InstanceProcessor(EngineContext ctx, VariableScopes variables, BpmnExecutor executor) {
    this.ctx = ctx;
    this.variables = variables;
    this.executor = executor;
  }

  Engine.CreateResult createInstance(Command.CreateInstance c) {
    DeployedProcess p;
    if (c.processDefinitionKey() > 0) {
      p = ctx.state().processes.get(c.processDefinitionKey());
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
      p = ctx.latest(c.bpmnProcessId());
      if (p != null && c.version() > 0 && p.version != c.version()) {
        p = null;
        for (Long key : ctx.state().versions.get(c.bpmnProcessId())) {
          DeployedProcess candidate = ctx.state().processes.get(key);
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
    ProcessModel model = ctx.model(p.key);
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
    ElementInstance root = executor.startProcess(p, c.variables(), starts, null);
    return new Engine.CreateResult(p, root.key);
  }

  Object cancelInstance(long processInstanceKey) {
    ElementInstance root = ctx.state().instances.get(processInstanceKey);
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
    executor.terminateElement(root);
    return null;
  }

  Long setVariables(Command.SetVariables c) {
    ElementInstance scope = ctx.state().instances.get(c.elementInstanceKey());
    if (scope == null) {
      throw EngineException.notFound(
          "Expected to update variables for element with key '"
              + c.elementInstanceKey()
              + "', but no such element was found");
    }
    if (c.local()) {
      variables.setAllLocal(scope, c.variables());
    } else {
      variables.propagate(scope, c.variables());
    }
    long key = ctx.newKey();
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("scopeKey", scope.key);
    v.put("processInstanceKey", scope.processInstanceKey);
    v.put("local", c.local());
    ctx.record("VARIABLE_DOCUMENT", "UPDATED", key, v);
    executor.afterVariablesChanged(scope);
    return key;
  }
}
