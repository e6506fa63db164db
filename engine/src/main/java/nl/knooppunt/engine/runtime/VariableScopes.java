package nl.knooppunt.engine.runtime;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import nl.knooppunt.engine.runtime.state.ElementInstance;

/**
 * Variable scopes: every element instance is a scope; lookups see the scope and its parents up to
 * the process instance. Setting a variable from a scope (propagation) updates the nearest scope
 * that already defines it, else creates it in the process instance scope.
 */
final class VariableScopes {
  private final EngineContext ctx;

  VariableScopes(EngineContext ctx) {
    this.ctx = ctx;
  }

  /** All variables visible from {@code scope}: inner scopes shadow outer ones. */
  Map<String, Object> visible(ElementInstance scope) {
    Deque<ElementInstance> chain = new ArrayDeque<>();
    for (ElementInstance s = scope; s != null; s = parentInSameProcess(s)) {
      chain.push(s);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    for (ElementInstance s : chain) {
      out.putAll(s.variables);
    }
    return out;
  }

  private ElementInstance parentInSameProcess(ElementInstance s) {
    return s.parentKey < 0 ? null : ctx.state().instances.get(s.parentKey);
  }

  void setLocal(ElementInstance scope, String name, Object value) {
    boolean existed = scope.variables.containsKey(name);
    Object old = scope.variables.put(name, value);
    if (existed && Objects.equals(old, value)) {
      return;
    }
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("name", name);
    v.put("value", value);
    v.put("scopeKey", scope.key);
    v.put("processInstanceKey", scope.processInstanceKey);
    v.put("bpmnProcessId", scope.bpmnProcessId);
    ctx.record("VARIABLE", existed ? "UPDATED" : "CREATED", scope.key, v);
  }

  void setAllLocal(ElementInstance scope, Map<String, Object> vars) {
    if (vars != null) {
      vars.forEach((k, v) -> setLocal(scope, k, v));
    }
  }

  /** Propagation: nearest scope defining the variable, else the process instance scope. */
  void propagate(ElementInstance from, Map<String, Object> vars) {
    if (vars == null || vars.isEmpty()) {
      return;
    }
    for (Map.Entry<String, Object> e : vars.entrySet()) {
      ElementInstance target = null;
      ElementInstance root = from;
      for (ElementInstance s = from; s != null; s = parentInSameProcess(s)) {
        if (s.variables.containsKey(e.getKey())) {
          target = s;
          break;
        }
        root = s;
      }
      setLocal(target != null ? target : root, e.getKey(), e.getValue());
    }
  }

  /** Puts {@code value} at a (possibly dotted) path into {@code target}, merging objects. */
  @SuppressWarnings("unchecked")
  static void putPath(Map<String, Object> target, String path, Object value) {
    String[] parts = path.split("\\.");
    Map<String, Object> cur = target;
    for (int i = 0; i < parts.length - 1; i++) {
      Object next = cur.get(parts[i]);
      Map<String, Object> copy =
          next instanceof Map<?, ?> m
              ? new LinkedHashMap<>((Map<String, Object>) m)
              : new LinkedHashMap<>();
      cur.put(parts[i], copy);
      cur = copy;
    }
    cur.put(parts[parts.length - 1], value);
  }
}
