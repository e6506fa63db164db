package nl.knooppunt.engine.runtime;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.knooppunt.engine.feel.FeelException;
import nl.knooppunt.engine.model.Element;
import nl.knooppunt.engine.model.ElementKind;
import nl.knooppunt.engine.model.SequenceFlow;
import nl.knooppunt.engine.runtime.state.ElementInstance;
import nl.knooppunt.engine.runtime.state.Incident;

/**
 * Gateways: which outgoing flows an exclusive or inclusive gateway takes, and the tokens a joining
 * parallel or inclusive gateway collects in its scope ({@link ElementInstance#joinTokens}).
 * Activating the gateway once it may fire is the executor's business.
 */
final class Gateways {

  private final EngineContext ctx;
  private final VariableScopes vars;
  private final Incidents incidents;

  Gateways(EngineContext ctx, VariableScopes vars, Incidents incidents) {
    this.ctx = ctx;
    this.vars = vars;
    this.incidents = incidents;
  }

  /**
   * The flows an exclusive (the first true condition) or inclusive (every true condition) gateway
   * takes, else its default flow. Null after raising a CONDITION_ERROR incident.
   */
  List<SequenceFlow> chooseFlows(ElementInstance inst, Element el) {
    Map<String, Object> scope = vars.visible(inst);
    List<SequenceFlow> chosen = new ArrayList<>();
    SequenceFlow defaultFlow = null;
    try {
      for (SequenceFlow f : el.outgoing) {
        if (f.id().equals(el.defaultFlowId)) {
          defaultFlow = f;
          continue;
        }
        boolean taken = f.condition() == null || ctx.feel().evaluateBoolean(f.condition(), scope);
        if (taken) {
          chosen.add(f);
          if (el.kind == ElementKind.EXCLUSIVE_GATEWAY) {
            break;
          }
        }
      }
    } catch (FeelException e) {
      incidents.raise(
          inst, Incidents.ErrorType.CONDITION_ERROR, e.getMessage(), Incident.Retry.ACTIVATE);
      return null;
    }
    if (chosen.isEmpty() && defaultFlow != null) {
      chosen.add(defaultFlow);
    }
    if (chosen.isEmpty() && !el.outgoing.isEmpty()) {
      incidents.raise(
          inst,
          Incidents.ErrorType.CONDITION_ERROR,
          "Expected at least one condition to evaluate to true, or to have a default flow",
          Incident.Retry.ACTIVATE);
      return null;
    }
    return chosen;
  }

  /** Whether a flow into {@code target} joins (a parallel or inclusive gateway with several). */
  static boolean joins(Element target) {
    return (target.kind == ElementKind.PARALLEL_GATEWAY
            || target.kind == ElementKind.INCLUSIVE_GATEWAY)
        && target.incoming.size() > 1;
  }

  /** A token arrives at a joining gateway over {@code flow}. */
  void arrive(ElementInstance scope, Element gateway, SequenceFlow flow) {
    scope
        .joinTokens
        .computeIfAbsent(gateway.id, k -> new LinkedHashMap<>())
        .merge(flow.id(), 1, Integer::sum);
  }

  /** A parallel join fires when a token waits on every incoming flow; it consumes one of each. */
  boolean takeParallelJoin(ElementInstance scope, Element gateway) {
    Map<String, Integer> tokens = scope.joinTokens.get(gateway.id);
    for (String inc : gateway.incoming) {
      if (tokens.getOrDefault(inc, 0) < 1) {
        return false;
      }
    }
    consume(scope, gateway, gateway.incoming);
    return true;
  }

  /**
   * An inclusive join fires when tokens wait and no other token in the scope can still reach it; it
   * consumes the tokens that arrived.
   */
  boolean takeInclusiveJoin(ElementInstance scope, Element gateway) {
    Map<String, Integer> tokens = scope.joinTokens.get(gateway.id);
    if (tokens == null || tokens.isEmpty()) {
      return false;
    }
    Set<String> reachers = ctx.model(scope.processDefinitionKey).canReach(gateway.id);
    for (Long childKey : scope.children) {
      ElementInstance child = ctx.state().instances.get(childKey);
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
    consume(scope, gateway, new ArrayList<>(tokens.keySet()));
    return true;
  }

  private void consume(ElementInstance scope, Element gateway, List<String> flows) {
    Map<String, Integer> tokens = scope.joinTokens.get(gateway.id);
    for (String inc : flows) {
      tokens.computeIfPresent(inc, (k, n) -> n > 1 ? n - 1 : null);
    }
    if (tokens.isEmpty()) {
      scope.joinTokens.remove(gateway.id);
    }
  }
}
