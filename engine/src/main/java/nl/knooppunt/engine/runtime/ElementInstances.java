package nl.knooppunt.engine.runtime;

import java.util.LinkedHashMap;
import java.util.Map;
import nl.knooppunt.engine.model.Element;
import nl.knooppunt.engine.model.ElementKind;
import nl.knooppunt.engine.model.SequenceFlow;
import nl.knooppunt.engine.runtime.state.DeployedProcess;
import nl.knooppunt.engine.runtime.state.ElementInstance;

/**
 * Element instances in the state: creating and removing them, their parent, and their
 * PROCESS_INSTANCE records. What an instance does is the executor's business.
 */
final class ElementInstances {

  private final EngineContext ctx;

  ElementInstances(EngineContext ctx) {
    this.ctx = ctx;
  }

  ElementInstance parent(ElementInstance inst) {
    return inst.parentKey < 0 ? null : ctx.state().instances.get(inst.parentKey);
  }

  /** Whether the instance is still in the state (not completed or terminated meanwhile). */
  boolean exists(ElementInstance inst) {
    return ctx.state().instances.containsKey(inst.key);
  }

  /** A new process instance (not yet recorded); {@code callActivity} null for a root instance. */
  ElementInstance newProcessInstance(DeployedProcess p, ElementInstance callActivity) {
    ElementInstance root = new ElementInstance();
    root.key = ctx.newKey();
    root.elementId = p.bpmnProcessId;
    root.kind = ElementKind.PROCESS;
    root.processInstanceKey = root.key;
    root.processDefinitionKey = p.key;
    root.bpmnProcessId = p.bpmnProcessId;
    root.version = p.version;
    root.created = ctx.now();
    if (callActivity != null) {
      root.parentElementInstanceKey = callActivity.key;
      root.parentProcessInstanceKey = callActivity.processInstanceKey;
    }
    ctx.state().instances.put(root.key, root);
    return root;
  }

  /** A new instance of {@code element} in {@code scope} (not yet recorded). */
  ElementInstance newChild(ElementInstance scope, Element element) {
    ElementInstance inst = new ElementInstance();
    inst.key = ctx.newKey();
    inst.elementId = element.id;
    inst.kind = element.kind;
    inst.processInstanceKey = scope.processInstanceKey;
    inst.processDefinitionKey = scope.processDefinitionKey;
    inst.bpmnProcessId = scope.bpmnProcessId;
    inst.version = scope.version;
    inst.parentKey = scope.key;
    scope.children.add(inst.key);
    ctx.state().instances.put(inst.key, inst);
    return inst;
  }

  void remove(ElementInstance inst) {
    ctx.state().instances.remove(inst.key);
    ElementInstance parent = parent(inst);
    if (parent != null) {
      parent.children.remove(inst.key);
    }
  }

  void markActivated(ElementInstance inst) {
    inst.state = ElementInstance.State.ACTIVATED;
    record(inst, "ELEMENT_ACTIVATED");
  }

  void record(ElementInstance inst, String intent) {
    Map<String, Object> v = baseValue(inst);
    v.put("elementId", inst.elementId);
    v.put("bpmnElementType", inst.kind.name());
    v.put("flowScopeKey", inst.parentKey);
    v.put("parentProcessInstanceKey", inst.parentProcessInstanceKey);
    v.put("parentElementInstanceKey", inst.parentElementInstanceKey);
    ctx.record("PROCESS_INSTANCE", intent, inst.key, v);
  }

  void recordFlowTaken(ElementInstance scope, SequenceFlow f) {
    Map<String, Object> v = baseValue(scope);
    v.put("elementId", f.id());
    v.put("bpmnElementType", "SEQUENCE_FLOW");
    ctx.record("PROCESS_INSTANCE", "SEQUENCE_FLOW_TAKEN", ctx.newKey(), v);
  }

  private static Map<String, Object> baseValue(ElementInstance inst) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("bpmnProcessId", inst.bpmnProcessId);
    v.put("version", inst.version);
    v.put("processDefinitionKey", inst.processDefinitionKey);
    v.put("processInstanceKey", inst.processInstanceKey);
    return v;
  }
}
