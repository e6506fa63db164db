package nl.knooppunt.engine.runtime;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import nl.knooppunt.engine.model.Element;
import nl.knooppunt.engine.model.MultiInstance;
import nl.knooppunt.engine.runtime.state.ElementInstance;

/**
 * Multi-instance bodies: one inner instance per element of the input collection, all at once
 * (parallel) or one after the other (sequential); the body completes when the last one did, or when
 * the completion condition is met (the others are terminated first). The output collection is
 * collected by {@link Mappings}.
 */
final class MultiInstanceBodies {

  private final EngineContext ctx;
  private final VariableScopes vars;
  private final ElementInstances instances;
  private final Terminations terminations;
  private final ElementLifecycle lifecycle;

  MultiInstanceBodies(
      EngineContext ctx,
      VariableScopes vars,
      ElementInstances instances,
      Terminations terminations,
      ElementLifecycle lifecycle) {
    this.ctx = ctx;
    this.vars = vars;
    this.instances = instances;
    this.terminations = terminations;
    this.lifecycle = lifecycle;
  }

  /** The input collection, evaluated when the body activates. */
  List<Object> inputCollection(ElementInstance body, Element el) {
    return ctx.feel().evaluateList(el.multiInstance.inputCollection(), vars.visible(body));
  }

  /** The body is activated with its collection: the inner instances start. */
  void start(ElementInstance body, Element el, List<Object> collection) {
    MultiInstance mi = el.multiInstance;
    body.miCollection = collection;
    body.miNextIndex = 0;
    body.miCompleted = 0;
    if (mi.outputCollection() != null) {
      vars.setLocal(
          body,
          mi.outputCollection(),
          new ArrayList<>(Collections.nCopies(collection.size(), null)));
    }
    instances.markActivated(body);
    if (collection.isEmpty()) {
      lifecycle.complete(body, null);
      return;
    }
    if (mi.sequential()) {
      createInner(body, el);
    } else {
      for (int i = 0; i < collection.size(); i++) {
        if (!instances.exists(body) || body.state != ElementInstance.State.ACTIVATED) {
          return;
        }
        createInner(body, el);
      }
      // inner instances that completed while their siblings were still being created
      progress(body, false);
    }
  }

  private void createInner(ElementInstance body, Element el) {
    int index = body.miNextIndex++;
    ElementInstance inner = instances.newChild(body, el);
    inner.miIndex = index;
    instances.record(inner, "ELEMENT_ACTIVATING");
    MultiInstance mi = el.multiInstance;
    if (mi.inputElement() != null) {
      vars.setLocal(inner, mi.inputElement(), body.miCollection.get(index));
    }
    vars.setLocal(inner, "loopCounter", (long) index + 1);
    lifecycle.activate(inner);
  }

  /**
   * Whether the completion condition is met, evaluated in the scope of the inner instance that
   * completes (as Zeebe does), with the body's counters.
   */
  boolean completionConditionMet(ElementInstance inner, ElementInstance body, Element el) {
    Map<String, Object> scope = vars.visible(inner);
    scope.put("numberOfInstances", (long) body.miCollection.size());
    scope.put("numberOfCompletedInstances", (long) body.miCompleted + 1);
    scope.put("numberOfActiveInstances", (long) body.children.size() - 1);
    scope.put("numberOfTerminatedInstances", 0L);
    return ctx.feel().evaluateBoolean(el.multiInstance.completionCondition(), scope);
  }

  /** An inner instance completed. */
  void innerCompleted(ElementInstance body, boolean conditionMet) {
    body.miCompleted++;
    progress(body, conditionMet);
  }

  /** Goes on after an inner instance ended (or after an incident): next inner, or complete. */
  void progress(ElementInstance body, boolean conditionMet) {
    if (!instances.exists(body) || body.state != ElementInstance.State.ACTIVATED) {
      return;
    }
    Element el = ctx.element(body);
    MultiInstance mi = el.multiInstance;
    if (mi.completionCondition() != null && conditionMet) {
      terminations.terminateChildren(body, -1);
      if (body.children.isEmpty()) {
        lifecycle.complete(body, null);
      } else {
        body.completeAfterTermination = true;
      }
      return;
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
      lifecycle.complete(body, null);
    }
  }
}
