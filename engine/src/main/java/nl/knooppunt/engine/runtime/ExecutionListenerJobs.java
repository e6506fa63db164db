package nl.knooppunt.engine.runtime;

import java.util.List;
import java.util.Map;
import nl.knooppunt.engine.model.Element;
import nl.knooppunt.engine.model.ExecutionListener;
import nl.knooppunt.engine.runtime.state.ElementInstance;

/**
 * Execution listeners as jobs of kind EXECUTION_LISTENER (ADR 0047): the start listeners of an
 * element run one after the other after its input mappings and before its own behaviour (the
 * element is still activating); the end listeners after its output mappings and before it is
 * completed. Completing a listener's job continues with the next one ({@link
 * BpmnExecutor#startListenerCompleted}, {@link BpmnExecutor#endListenerCompleted}).
 */
final class ExecutionListenerJobs {

  static final String KIND = "EXECUTION_LISTENER";

  private final EngineContext ctx;
  private final VariableScopes vars;
  private final Jobs jobs;

  ExecutionListenerJobs(EngineContext ctx, VariableScopes vars, Jobs jobs) {
    this.ctx = ctx;
    this.vars = vars;
    this.jobs = jobs;
  }

  /** Creates the job of the next start listener; false when all have run. */
  boolean nextStart(ElementInstance inst, Element el) {
    return next(inst, el, true, inst.startListenersDone);
  }

  /** Creates the job of the next end listener; false when all have run. */
  boolean nextEnd(ElementInstance inst, Element el) {
    return next(inst, el, false, inst.endListenersDone);
  }

  private boolean next(ElementInstance inst, Element el, boolean start, int done) {
    if (el.executionListeners.isEmpty()) {
      return false;
    }
    List<ExecutionListener> of =
        el.executionListeners.stream().filter(l -> l.start() == start).toList();
    if (done >= of.size()) {
      return false;
    }
    ExecutionListener l = of.get(done);
    Map<String, Object> scope = vars.visible(inst);
    String type = ctx.feel().evaluateString(l.type(), scope);
    int retries = (int) ctx.feel().evaluateLong(l.retries(), scope);
    jobs.create(inst, type, retries, Map.of(), KIND, start ? "START" : "END", -1);
    return true;
  }
}
