package nl.knooppunt.engine.runtime;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.knooppunt.engine.feel.Feel;
import nl.knooppunt.engine.feel.FeelException;
import nl.knooppunt.engine.model.Element;
import nl.knooppunt.engine.model.ElementKind;
import nl.knooppunt.engine.model.EventDefinitionType;
import nl.knooppunt.engine.model.ProcessModel;
import nl.knooppunt.engine.model.SequenceFlow;
import nl.knooppunt.engine.runtime.state.BufferedMessage;
import nl.knooppunt.engine.runtime.state.ElementInstance;
import nl.knooppunt.engine.runtime.state.MessageSubscription;

/**
 * The events a scope waits for, in one place: the {@link Trigger}s of a catch event or receive
 * task, of the boundary events of an activity, and of the targets of an event-based gateway are
 * evaluated the same way, opened the same way (timers, then signal subscriptions, then message
 * subscriptions) and closed together when the scope ends. A message or signal that reaches an open
 * subscription becomes a {@link Correlation}; a thrown error finds its catching boundary here.
 * Continuing the flow after a trigger is the executor's business.
 */
final class EventScopes {

  /** Signal subscriptions share the subscription index under this correlation key. */
  static final String SIGNAL_KEY = "\u0001signal";

  /** A trigger reached a scope: the event {@code elementId} of {@code owner} happens. */
  record Correlation(ElementInstance owner, String elementId, Map<String, Object> variables) {}

  /** Where a thrown error is caught: the activity instance and its error boundary event. */
  record ErrorCatch(ElementInstance host, String boundaryId) {}

  private final EngineContext ctx;
  private final VariableScopes variables;
  private final Timers timers;

  EventScopes(EngineContext ctx, VariableScopes variables, Timers timers) {
    this.ctx = ctx;
    this.variables = variables;
    this.timers = timers;
  }

  // ---- triggers: evaluated when the scope activates ---------------------------------------

  /** The trigger of an event element, evaluated with the variables visible from {@code scope}. */
  Trigger trigger(ElementInstance scope, Element event, boolean interrupting) {
    return switch (event.eventType) {
      case TIMER -> timers.evaluate(scope, event);
      case SIGNAL ->
          new Trigger.Signal(
              event.id,
              ctx.feel().evaluateString(event.signalName, variables.visible(scope)),
              interrupting);
      case ERROR -> new Trigger.Error(event.id, event.errorCode);
      default -> message(scope, event, interrupting);
    };
  }

  private Trigger.Message message(ElementInstance scope, Element event, boolean interrupting) {
    Map<String, Object> vars = variables.visible(scope);
    String name = ctx.feel().evaluateString(event.messageName, vars);
    String key = "";
    if (event.correlationKey != null) {
      Object v = ctx.feel().evaluate(event.correlationKey, vars);
      if (v instanceof String s) {
        key = s;
      } else if (v instanceof Number n) {
        key = String.valueOf(n);
      } else {
        throw new FeelException(
            "Failed to extract the correlation key for '"
                + event.correlationKey.source()
                + "': The value must be either a string or a number, but was '"
                + Feel.typeName(v)
                + "'.");
      }
    }
    return new Trigger.Message(event.id, name, key, interrupting);
  }

  /**
   * The timer, message and signal boundary events of an activity instance. An inner instance of a
   * multi-instance activity has none: the boundary events belong to the multi-instance body.
   */
  List<Trigger> boundaryTriggers(ElementInstance host, Element activity) {
    if (activity.boundaryEventIds.isEmpty() || host.miIndex >= 0) {
      return List.of();
    }
    ProcessModel model = ctx.model(host.processDefinitionKey);
    List<Trigger> out = new ArrayList<>();
    for (String id : activity.boundaryEventIds) {
      Element b = model.element(id);
      if (b.eventType == EventDefinitionType.TIMER
          || b.eventType == EventDefinitionType.MESSAGE
          || b.eventType == EventDefinitionType.SIGNAL) {
        out.add(trigger(host, b, b.interrupting));
      }
    }
    return out;
  }

  /**
   * The timer, message and signal start events of the event sub-processes of a flow scope (process
   * or sub-process), opened when the scope activates and open as long as it is active.
   */
  List<Trigger> eventSubProcessTriggers(ElementInstance scope, Element scopeElement) {
    if (scopeElement.eventSubProcessStartIds.isEmpty() || !scope.kind.isFlowScope()) {
      return List.of();
    }
    ProcessModel model = ctx.model(scope.processDefinitionKey);
    List<Trigger> out = new ArrayList<>();
    for (String id : scopeElement.eventSubProcessStartIds) {
      Element start = model.element(id);
      if (start.eventType == EventDefinitionType.TIMER
          || start.eventType == EventDefinitionType.MESSAGE
          || start.eventType == EventDefinitionType.SIGNAL) {
        out.add(trigger(scope, start, start.interrupting));
      }
    }
    return out;
  }

  /**
   * An interrupting event sub-process starts: the scope's other event sub-process starts close (its
   * boundary events, if it is a sub-process, stay open).
   */
  void closeEventSubProcessTriggers(ElementInstance scope) {
    Element el = ctx.element(scope);
    if (el.eventSubProcessStartIds.isEmpty()) {
      return;
    }
    for (Long key : List.copyOf(scope.timerKeys)) {
      var t = ctx.state().timers.get(key);
      if (t == null || el.eventSubProcessStartIds.contains(t.elementId)) {
        timers.cancel(key);
        scope.timerKeys.remove(key);
      }
    }
    for (Long key : List.copyOf(scope.subscriptionKeys)) {
      MessageSubscription s = ctx.state().subscriptions.get(key);
      if (s == null || el.eventSubProcessStartIds.contains(s.elementId)) {
        closeSubscription(key);
        scope.subscriptionKeys.remove(key);
      }
    }
  }

  /** The events after an event-based gateway: the first one that happens wins. */
  List<Trigger> gatewayTriggers(ElementInstance gateway, Element element) {
    ProcessModel model = ctx.model(gateway.processDefinitionKey);
    List<Trigger> out = new ArrayList<>();
    for (SequenceFlow f : element.outgoing) {
      out.add(trigger(gateway, model.element(f.targetId()), true));
    }
    return out;
  }

  // ---- opening and closing ----------------------------------------------------------------

  /**
   * Opens the triggers as timers and subscriptions of {@code scope}: timers first, then signal
   * subscriptions, then message subscriptions. Returns the keys of the message subscriptions, for
   * which a buffered message may be waiting ({@link #correlateBuffered}).
   */
  List<Long> open(ElementInstance scope, List<Trigger> triggers) {
    for (Trigger t : triggers) {
      if (t instanceof Trigger.Timer timer) {
        timers.add(scope, scope.processDefinitionKey, timer);
      }
    }
    for (Trigger t : triggers) {
      if (t instanceof Trigger.Signal s) {
        subscribe(scope, s.elementId(), s.name(), SIGNAL_KEY, true, s.interrupting());
      }
    }
    List<Long> messages = new ArrayList<>();
    for (Trigger t : triggers) {
      if (t instanceof Trigger.Message m) {
        messages.add(
            subscribe(scope, m.elementId(), m.name(), m.correlationKey(), false, m.interrupting()));
      }
    }
    return messages;
  }

  private long subscribe(
      ElementInstance owner,
      String elementId,
      String name,
      String correlationKey,
      boolean signal,
      boolean interrupting) {
    MessageSubscription s = new MessageSubscription();
    s.key = ctx.newKey();
    s.messageName = name;
    s.correlationKey = correlationKey;
    s.signal = signal;
    s.elementInstanceKey = owner.key;
    s.processInstanceKey = owner.processInstanceKey;
    s.elementId = elementId;
    s.interrupting = interrupting;
    ctx.state().putSubscription(s);
    owner.subscriptionKeys.add(s.key);
    ctx.record(
        signal ? "SIGNAL_SUBSCRIPTION" : "PROCESS_MESSAGE_SUBSCRIPTION",
        "CREATED",
        s.key,
        subscriptionValue(s));
    return s.key;
  }

  /** The scope ends or re-activates: its timers and subscriptions (own and boundary) close. */
  void close(ElementInstance scope) {
    for (Long key : scope.timerKeys) {
      timers.cancel(key);
    }
    scope.timerKeys.clear();
    for (Long key : scope.subscriptionKeys) {
      closeSubscription(key);
    }
    scope.subscriptionKeys.clear();
  }

  private void closeSubscription(long key) {
    MessageSubscription s = ctx.state().subscriptions.get(key);
    if (s != null) {
      ctx.state().removeSubscription(key);
      ctx.record(
          s.signal ? "SIGNAL_SUBSCRIPTION" : "PROCESS_MESSAGE_SUBSCRIPTION",
          "DELETED",
          key,
          subscriptionValue(s));
    }
  }

  // ---- correlation ------------------------------------------------------------------------

  /**
   * A published message reaches a subscription. It correlates at most once per process (BPMN
   * process id, all versions): of several waiting instances of one process only the first gets it.
   * Returns null when it does not correlate.
   */
  Correlation correlate(BufferedMessage m, MessageSubscription sub) {
    ElementInstance owner = ctx.state().instances.get(sub.elementInstanceKey);
    if (owner == null || owner.state != ElementInstance.State.ACTIVATED) {
      return null;
    }
    String processMark = "process:" + owner.bpmnProcessId;
    if (m.correlatedTo.contains(processMark)) {
      return null;
    }
    m.correlatedTo.add(processMark);
    Map<String, Object> v = subscriptionValue(sub);
    v.put("messageKey", m.key);
    v.put("variables", m.variables);
    ctx.record("PROCESS_MESSAGE_SUBSCRIPTION", "CORRELATED", sub.key, v);
    closeIfInterrupting(owner, sub);
    return new Correlation(owner, sub.elementId, new LinkedHashMap<>(m.variables));
  }

  /** A subscription was opened: the oldest buffered message not yet seen correlates, if any. */
  Correlation correlateBuffered(MessageSubscription sub) {
    if (sub == null) {
      return null;
    }
    for (BufferedMessage m : ctx.state().messagesFor(sub.messageName, sub.correlationKey)) {
      if (m.deadline <= ctx.now()) {
        continue;
      }
      Correlation c = correlate(m, sub);
      if (c != null) {
        return c;
      }
    }
    return null;
  }

  /** A broadcast signal reaches a subscription (if it is still open and its scope active). */
  Correlation correlateSignal(MessageSubscription sub, Map<String, Object> signalVariables) {
    if (!ctx.state().subscriptions.containsKey(sub.key)) {
      return null;
    }
    ElementInstance owner = ctx.state().instances.get(sub.elementInstanceKey);
    if (owner == null || owner.state != ElementInstance.State.ACTIVATED) {
      return null;
    }
    ctx.record("SIGNAL_SUBSCRIPTION", "CORRELATED", sub.key, subscriptionValue(sub));
    closeIfInterrupting(owner, sub);
    return new Correlation(owner, sub.elementId, new LinkedHashMap<>(signalVariables));
  }

  private void closeIfInterrupting(ElementInstance owner, MessageSubscription sub) {
    if (sub.interrupting) {
      closeSubscription(sub.key);
      owner.subscriptionKeys.remove(sub.key);
    }
  }

  // ---- errors -----------------------------------------------------------------------------

  /**
   * Where an error thrown at {@code source} is caught: the nearest enclosing activity (or
   * multi-instance body) with an error boundary event for the code, else with one without a code;
   * the search goes on across call activities to the calling process. Null when nobody catches it.
   */
  ErrorCatch findErrorCatch(ElementInstance source, String code) {
    ElementInstance cur = source;
    while (cur != null) {
      Element el = ctx.element(cur);
      if (cur.kind.isFlowScope() && cur.state == ElementInstance.State.ACTIVATED) {
        // an error event sub-process of the scope catches before the scope's boundary events
        ProcessModel model = ctx.model(cur.processDefinitionKey);
        List<Trigger.Error> starts = new ArrayList<>();
        for (String id : startTriggers(cur, el, EventDefinitionType.ERROR)) {
          starts.add(new Trigger.Error(id, model.element(id).errorCode));
        }
        Trigger.Error caught = Trigger.Error.catching(starts, code);
        if (caught != null) {
          return new ErrorCatch(cur, caught.elementId());
        }
      }
      boolean hostsBoundaries =
          cur.kind == ElementKind.MULTI_INSTANCE_BODY
              || (cur.kind.isActivity() && el.multiInstance == null);
      if (hostsBoundaries && !el.boundaryEventIds.isEmpty()) {
        Trigger.Error caught = Trigger.Error.catching(errorTriggers(cur, el), code);
        if (caught != null) {
          return new ErrorCatch(cur, caught.elementId());
        }
      }
      if (cur.parentKey >= 0) {
        cur = ctx.state().instances.get(cur.parentKey);
      } else if (cur.parentElementInstanceKey >= 0) {
        cur = ctx.state().instances.get(cur.parentElementInstanceKey);
      } else {
        cur = null;
      }
    }
    return null;
  }

  /** Where an escalation is caught: the catching instance, its event, and whether it interrupts. */
  record EscalationCatch(ElementInstance owner, String elementId, boolean interrupting) {}

  /**
   * Where an escalation thrown at {@code source} is caught (docs.camunda.io, escalation events):
   * going outwards, an escalation event sub-process of a flow scope, or an escalation boundary
   * event of an enclosing activity (also across call activities); the one with the code before one
   * without a code. Null when nobody catches it (then the process goes on).
   */
  EscalationCatch findEscalationCatch(ElementInstance source, String code) {
    ElementInstance cur = ctx.state().instances.get(source.parentKey);
    String cameFromStart = null;
    while (cur != null) {
      Element el = ctx.element(cur);
      ProcessModel model = ctx.model(cur.processDefinitionKey);
      List<String> candidates = new ArrayList<>();
      if (cur.kind.isFlowScope() && cur.state == ElementInstance.State.ACTIVATED) {
        candidates.addAll(startTriggers(cur, el, EventDefinitionType.ESCALATION));
        // an event sub-process does not catch what is thrown inside itself
        candidates.remove(cameFromStart);
      }
      cameFromStart = null;
      if (el.eventSubProcess) {
        for (String id : el.childIds) {
          if (model.element(id).kind == ElementKind.START_EVENT) {
            cameFromStart = id;
          }
        }
      }
      boolean hostsBoundaries =
          cur.kind == ElementKind.MULTI_INSTANCE_BODY
              || (cur.kind.isActivity() && el.multiInstance == null);
      if (hostsBoundaries) {
        for (String id : el.boundaryEventIds) {
          if (model.element(id).eventType == EventDefinitionType.ESCALATION) {
            candidates.add(id);
          }
        }
      }
      String catchAll = null;
      for (String id : candidates) {
        String c = model.element(id).escalationCode;
        if (c == null) {
          catchAll = catchAll == null ? id : catchAll;
        } else if (c.equals(code)) {
          return new EscalationCatch(cur, id, model.element(id).interrupting);
        }
      }
      if (catchAll != null) {
        return new EscalationCatch(cur, catchAll, model.element(catchAll).interrupting);
      }
      if (cur.parentKey >= 0) {
        cur = ctx.state().instances.get(cur.parentKey);
      } else if (cur.parentElementInstanceKey >= 0) {
        cur = ctx.state().instances.get(cur.parentElementInstanceKey);
      } else {
        cur = null;
      }
    }
    return null;
  }

  /** The event sub-process start events of a flow scope with this event type. */
  private List<String> startTriggers(ElementInstance scope, Element el, EventDefinitionType type) {
    ProcessModel model = ctx.model(scope.processDefinitionKey);
    List<String> out = new ArrayList<>();
    for (String id : el.eventSubProcessStartIds) {
      if (model.element(id).eventType == type) {
        out.add(id);
      }
    }
    return out;
  }

  private List<Trigger.Error> errorTriggers(ElementInstance host, Element activity) {
    ProcessModel model = ctx.model(host.processDefinitionKey);
    List<Trigger.Error> out = new ArrayList<>();
    for (String id : activity.boundaryEventIds) {
      Element b = model.element(id);
      if (b.eventType == EventDefinitionType.ERROR) {
        out.add(new Trigger.Error(b.id, b.errorCode));
      }
    }
    return out;
  }

  static Map<String, Object> subscriptionValue(MessageSubscription s) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("messageName", s.messageName);
    v.put("correlationKey", s.correlationKey);
    v.put("elementInstanceKey", s.elementInstanceKey);
    v.put("processInstanceKey", s.processInstanceKey);
    v.put("elementId", s.elementId);
    v.put("interrupting", s.interrupting);
    return v;
  }
}
