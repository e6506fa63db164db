package nl.knooppunt.engine.runtime;

import java.util.List;
import java.util.Map;
import nl.knooppunt.engine.model.Element;
import nl.knooppunt.engine.model.SequenceFlow;
import nl.knooppunt.engine.runtime.state.ElementInstance;

/**
 * The element lifecycle as its parts see it ({@link Terminations}, {@link MultiInstanceBodies}):
 * implemented by {@link BpmnExecutor}, which owns those parts. Terminating or finishing an inner
 * instance can continue the flow, so the parts call back into the lifecycle; they know only this.
 */
interface ElementLifecycle {

  /** Runs (or re-runs, after an incident) the activation of an element instance. */
  void activate(ElementInstance inst);

  /** Completes an element instance and continues: flows (null = all outgoing), scope, parent. */
  void complete(ElementInstance inst, List<SequenceFlow> flows);

  /** Activates an event element that was already triggered (boundary event, gateway target). */
  void activateTriggered(ElementInstance scope, Element event, Map<String, Object> variables);
}
