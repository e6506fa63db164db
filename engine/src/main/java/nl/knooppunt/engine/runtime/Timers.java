package nl.knooppunt.engine.runtime;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.knooppunt.engine.EngineException;
import nl.knooppunt.engine.feel.Feel;
import nl.knooppunt.engine.feel.FeelException;
import nl.knooppunt.engine.model.Element;
import nl.knooppunt.engine.model.EventDefinitionType;
import nl.knooppunt.engine.model.TimerDefinition;
import nl.knooppunt.engine.runtime.state.DeployedProcess;
import nl.knooppunt.engine.runtime.state.ElementInstance;
import nl.knooppunt.engine.runtime.state.Timer;

/**
 * Timers as state: evaluating a timer definition (date, duration, cycle) at the engine time,
 * scheduling and cancelling timers, and the timer start events of a process version. Firing what is
 * due is {@link TimerProcessor}'s.
 */
final class Timers {

  private final EngineContext ctx;
  private final VariableScopes variables;

  Timers(EngineContext ctx, VariableScopes variables) {
    this.ctx = ctx;
    this.variables = variables;
  }

  /** The timer of a timer event, evaluated with the variables visible from {@code owner}. */
  Trigger.Timer evaluate(ElementInstance owner, Element event) {
    Map<String, Object> vars = owner == null ? Map.of() : variables.visible(owner);
    return evaluate(event.id, event.timer, vars);
  }

  private Trigger.Timer evaluate(String elementId, TimerDefinition def, Map<String, Object> vars) {
    Object value = ctx.feel().evaluate(def.expression(), vars);
    if (!(value instanceof String text)) {
      throw new FeelException(
          "Expected result of the expression '"
              + def.expression().source()
              + "' to be one of '[DURATION, PERIOD, STRING, DATE_TIME]', but was '"
              + Feel.typeName(value)
              + "'");
    }
    try {
      return switch (def.kind()) {
        case DATE -> Trigger.Timer.once(elementId, TimerSchedules.parseDate(text));
        case DURATION -> Trigger.Timer.once(elementId, TimerSchedules.addInterval(ctx.now(), text));
        case CYCLE -> {
          TimerSchedules.Cycle cycle = TimerSchedules.parseCycle(text);
          long due =
              cycle.start() != null
                  ? cycle.start()
                  : TimerSchedules.addInterval(ctx.now(), cycle.interval());
          yield new Trigger.Timer(elementId, due, cycle.repetitions(), cycle.interval());
        }
      };
    } catch (IllegalArgumentException e) {
      throw new FeelException(e.getMessage());
    }
  }

  /** Schedules a timer of {@code owner} (null: a timer start event of the process definition). */
  Timer add(ElementInstance owner, long processDefinitionKey, Trigger.Timer trigger) {
    Timer t = new Timer();
    t.elementId = trigger.elementId();
    t.processDefinitionKey = processDefinitionKey;
    t.dueDate = trigger.dueDate();
    t.repetitions = trigger.repetitions();
    t.interval = trigger.interval();
    t.key = ctx.newKey();
    if (owner != null) {
      t.elementInstanceKey = owner.key;
      t.processInstanceKey = owner.processInstanceKey;
      owner.timerKeys.add(t.key);
    }
    ctx.state().putTimer(t);
    ctx.record("TIMER", "CREATED", t.key, value(t));
    return t;
  }

  /** Cancels a timer if it is still scheduled. */
  void cancel(long key) {
    Timer t = ctx.state().timers.get(key);
    if (t != null) {
      ctx.state().removeTimer(key);
      ctx.record("TIMER", "CANCELED", key, value(t));
    }
  }

  /** A new process version: timer start events of the old version stop, the new ones start. */
  void replaceStartTimers(DeployedProcess previous, DeployedProcess p) {
    if (previous != null) {
      for (Timer t : new ArrayList<>(ctx.state().timers.values())) {
        if (t.elementInstanceKey < 0 && t.processDefinitionKey == previous.key) {
          cancel(t.key);
        }
      }
    }
    for (Element start : ctx.model(p.key).startEvents(EventDefinitionType.TIMER)) {
      Trigger.Timer timer;
      try {
        timer = evaluate(start.id, start.timer, Map.of());
      } catch (FeelException e) {
        throw EngineException.invalidArgument(
            "Element '" + start.id + "': invalid timer start event: " + e.getMessage());
      }
      add(null, p.key, timer);
    }
  }

  static Map<String, Object> value(Timer t) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("dueDate", t.dueDate);
    v.put("targetElementId", t.elementId);
    v.put("elementInstanceKey", t.elementInstanceKey);
    v.put("processInstanceKey", t.processInstanceKey);
    v.put("processDefinitionKey", t.processDefinitionKey);
    v.put("repetitions", t.repetitions);
    return v;
  }
}
