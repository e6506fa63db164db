package nl.knooppunt.engine.runtime;

import java.util.List;
import java.util.Map;
import nl.knooppunt.engine.model.Element;
import nl.knooppunt.engine.model.ElementKind;
import nl.knooppunt.engine.runtime.state.DeployedProcess;
import nl.knooppunt.engine.runtime.state.ElementInstance;
import nl.knooppunt.engine.runtime.state.Timer;

/**
 * Fires the timers that are due at the engine time (Tick): a timer start event starts an instance,
 * any other timer triggers its event; cycles of start events and non-interrupting boundary events
 * are scheduled again. The timers themselves are {@link Timers}.
 */
final class TimerProcessor {

  private final EngineContext ctx;
  private final Timers timers;
  private final BpmnExecutor executor;

  TimerProcessor(EngineContext ctx, Timers timers, BpmnExecutor executor) {
    this.ctx = ctx;
    this.timers = timers;
    this.executor = executor;
  }

  void fireDue() {
    for (Timer t : ctx.state().dueTimers(ctx.now())) {
      if (ctx.state().timers.containsKey(t.key)) {
        trigger(t);
      }
    }
  }

  private void trigger(Timer t) {
    ctx.state().removeTimer(t.key);
    ctx.record("TIMER", "TRIGGERED", t.key, Timers.value(t));
    boolean repeat = t.interval != null && t.repetitions != 1;
    if (t.elementInstanceKey < 0) {
      DeployedProcess p = ctx.state().processes.get(t.processDefinitionKey);
      if (repeat) {
        rescheduleCycle(t, null);
      }
      executor.startProcess(p, Map.of(), List.of(t.elementId), null);
      return;
    }
    ElementInstance owner = ctx.state().instances.get(t.elementInstanceKey);
    if (owner == null) {
      return;
    }
    owner.timerKeys.remove(t.key);
    Element ev = ctx.model(owner.processDefinitionKey).element(t.elementId);
    if (repeat
        && !ev.interrupting
        && (ev.kind == ElementKind.BOUNDARY_EVENT || ev.kind == ElementKind.START_EVENT)) {
      rescheduleCycle(t, owner);
    }
    executor.triggerEvent(owner, t.elementId, null);
  }

  private void rescheduleCycle(Timer t, ElementInstance owner) {
    long due = TimerSchedules.addInterval(Math.max(t.dueDate, ctx.now()), t.interval);
    int repetitions = t.repetitions < 0 ? -1 : t.repetitions - 1;
    timers.add(
        owner,
        t.processDefinitionKey,
        new Trigger.Timer(t.elementId, due, repetitions, t.interval));
  }
}
