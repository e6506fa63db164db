package nl.knooppunt.engine.runtime;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.knooppunt.engine.feel.FeelException;
import nl.knooppunt.engine.model.Element;
import nl.knooppunt.engine.model.ElementKind;
import nl.knooppunt.engine.model.Mapping;
import nl.knooppunt.engine.model.MultiInstance;
import nl.knooppunt.engine.runtime.state.ElementInstance;

/**
 * Variable mappings of an element instance: input mappings on activation (local variables), and on
 * completion the variables it carries (job, message, user task, child process), the output mappings
 * and a multi-instance output collection. Throws {@link FeelException} on a failing expression; the
 * executor turns that into an incident.
 */
final class Mappings {

  private final EngineContext ctx;
  private final VariableScopes vars;
  private final ElementInstances instances;

  Mappings(EngineContext ctx, VariableScopes vars, ElementInstances instances) {
    this.ctx = ctx;
    this.vars = vars;
    this.instances = instances;
  }

  void applyInputs(ElementInstance inst, Element el) {
    if (el.inputs.isEmpty()) {
      return;
    }
    Map<String, Object> scope = vars.visible(inst);
    Map<String, Object> result = new LinkedHashMap<>();
    for (Mapping m : el.inputs) {
      Object value = ctx.feel().evaluate(m.source(), scope);
      VariableScopes.putPath(result, m.target(), value);
      scope.putAll(result);
    }
    vars.setAllLocal(inst, result);
  }

  void applyOutputs(ElementInstance inst, Element el) {
    ElementInstance parent = instances.parent(inst);
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
        vars.propagate(parent, m);
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
        vars.setAllLocal(inst, pending);
      } else {
        vars.propagate(inst, pending);
      }
    }
    if (outputs) {
      Map<String, Object> scope = vars.visible(inst);
      Map<String, Object> parentScope = vars.visible(parent);
      Map<String, Object> result = new LinkedHashMap<>();
      for (Mapping m : el.outputs) {
        Object value = ctx.feel().evaluate(m.source(), scope);
        String root = m.target().split("\\.")[0];
        if (m.target().contains(".")
            && !result.containsKey(root)
            && parentScope.get(root) instanceof Map<?, ?>) {
          result.put(root, parentScope.get(root));
        }
        VariableScopes.putPath(result, m.target(), value);
      }
      vars.propagate(parent, result);
    }
    if (inst.miIndex >= 0 && parent.kind == ElementKind.MULTI_INSTANCE_BODY) {
      MultiInstance mi = el.multiInstance;
      if (mi.outputCollection() != null) {
        Object value =
            mi.outputElement() == null
                ? null
                : ctx.feel().evaluate(mi.outputElement(), vars.visible(inst));
        @SuppressWarnings("unchecked")
        List<Object> list =
            new ArrayList<>(
                (List<Object>) parent.variables.getOrDefault(mi.outputCollection(), List.of()));
        while (list.size() <= inst.miIndex) {
          list.add(null);
        }
        list.set(inst.miIndex, value);
        vars.setLocal(parent, mi.outputCollection(), list);
      }
    }
  }
}
