package nl.knooppunt.engine.runtime;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.knooppunt.engine.EngineException;
import nl.knooppunt.engine.feel.Feel;
import nl.knooppunt.engine.feel.FeelException;
import nl.knooppunt.engine.model.Element;
import nl.knooppunt.engine.model.ElementKind;
import nl.knooppunt.engine.model.EventType;
import nl.knooppunt.engine.model.ProcessModel;
import nl.knooppunt.engine.model.TimerDefinition;
import nl.knooppunt.engine.runtime.state.DeployedProcess;
import nl.knooppunt.engine.runtime.state.ElementInstance;
import nl.knooppunt.engine.runtime.state.Timer;

/**
 * Timers: scheduling of timer catch, boundary and start events (date, duration, cycle), firing what
 * is due at the engine time, rescheduling cycles, and replacing the timer start events of a process
 * when a new version is deployed.
 */
final class TimerProcessor {

  private final Engine engine;

  TimerProcessor(Engine engine) {
    this.engine = engine;
  }

  private EngineState state() {
    return engine.state();
  }

  Timer prepare(ElementInstance owner, Element ev) {
    Map<String, Object> ctx = owner == null ? Map.of() : engine.variables().visible(owner);
    Timer t = new Timer();
    t.elementId = ev.id;
    t.processDefinitionKey = owner == null ? -1 : owner.processDefinitionKey;
    schedule(t, ev.timer, ctx);
    return t;
  }

  private void schedule(Timer t, TimerDefinition def, Map<String, Object> ctx) {
    Object value = engine.feel().evaluate(def.expression(), ctx);
    if (!(value instanceof String text)) {
      throw new FeelException(
          "Expected result of the expression '"
              + def.expression().source()
              + "' to be one of '[DURATION, PERIOD, STRING, DATE_TIME]', but was '"
              + Feel.typeName(value)
              + "'");
    }
    try {
      switch (def.kind()) {
        case DATE -> t.dueDate = TimerSchedules.parseDate(text);
        case DURATION -> t.dueDate = TimerSchedules.addInterval(engine.now(), text);
        case CYCLE -> {
          TimerSchedules.Cycle cycle = TimerSchedules.parseCycle(text);
          t.repetitions = cycle.repetitions();
          t.interval = cycle.interval();
          t.dueDate =
              cycle.start() != null
                  ? cycle.start()
                  : TimerSchedules.addInterval(engine.now(), cycle.interval());
        }
      }
    } catch (IllegalArgumentException e) {
      throw new FeelException(e.getMessage());
    }
  }

  void add(ElementInstance owner, Timer t) {
    t.key = state().newKey();
    if (owner != null) {
      t.elementInstanceKey = owner.key;
      t.processInstanceKey = owner.processInstanceKey;
      owner.timerKeys.add(t.key);
    }
    state().putTimer(t);
    engine.record("TIMER", "CREATED", t.key, timerValue(t));
  }

  static Map<String, Object> timerValue(Timer t) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("dueDate", t.dueDate);
    v.put("targetElementId", t.elementId);
    v.put("elementInstanceKey", t.elementInstanceKey);
    v.put("processInstanceKey", t.processInstanceKey);
    v.put("processDefinitionKey", t.processDefinitionKey);
    v.put("repetitions", t.repetitions);
    return v;
  }

  void fireDue() {
    for (Timer t : state().dueTimers(engine.now())) {
      if (state().timers.containsKey(t.key)) {
        triggerTimer(t);
      }
    }
  }

  private void triggerTimer(Timer t) {
    state().removeTimer(t.key);
    engine.record("TIMER", "TRIGGERED", t.key, timerValue(t));
    boolean repeat = t.interval != null && t.repetitions != 1;
    if (t.elementInstanceKey < 0) {
      DeployedProcess p = state().processes.get(t.processDefinitionKey);
      if (repeat) {
        rescheduleCycle(t, null);
      }
      engine.executor.startProcess(p, Map.of(), List.of(t.elementId), null);
      return;
    }
    ElementInstance owner = state().instances.get(t.elementInstanceKey);
    if (owner == null) {
      return;
    }
    owner.timerKeys.remove(t.key);
    Element ev = engine.model(owner.processDefinitionKey).element(t.elementId);
    if (repeat && ev.kind == ElementKind.BOUNDARY_EVENT && !ev.interrupting) {
      rescheduleCycle(t, owner);
    }
    engine.executor.triggerEvent(owner, t.elementId, null);
  }

  private void rescheduleCycle(Timer t, ElementInstance owner) {
    Timer next = new Timer();
    next.elementId = t.elementId;
    next.processDefinitionKey = t.processDefinitionKey;
    next.interval = t.interval;
    next.repetitions = t.repetitions < 0 ? -1 : t.repetitions - 1;
    next.dueDate = TimerSchedules.addInterval(Math.max(t.dueDate, engine.now()), t.interval);
    add(owner, next);
  }

  /** A new process version: timer start events of the old version stop, the new ones start. */
  void onNewVersion(DeployedProcess previous, DeployedProcess p) {
    if (previous != null) {
      for (Timer t : new ArrayList<>(state().timers.values())) {
        if (t.elementInstanceKey < 0 && t.processDefinitionKey == previous.key) {
          state().removeTimer(t.key);
          engine.record("TIMER", "CANCELED", t.key, timerValue(t));
        }
      }
    }
    engine.messages.invalidateStartEvents();
    ProcessModel model = engine.model(p.key);
    for (Element start : model.startEvents(EventType.TIMER)) {
      Timer t = new Timer();
      t.elementId = start.id;
      t.processDefinitionKey = p.key;
      try {
        schedule(t, start.timer, Map.of());
      } catch (FeelException e) {
        throw EngineException.invalidArgument(
            "Element '" + start.id + "': invalid timer start event: " + e.getMessage());
      }
      add(null, t);
    }
  }
}
