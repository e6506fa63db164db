package nl.knooppunt.engine.runtime;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.knooppunt.engine.EngineException;
import nl.knooppunt.engine.command.Command;
import nl.knooppunt.engine.feel.FeelException;
import nl.knooppunt.engine.model.Element;
import nl.knooppunt.engine.model.EventType;
import nl.knooppunt.engine.model.ProcessModel;
import nl.knooppunt.engine.runtime.state.BufferedMessage;
import nl.knooppunt.engine.runtime.state.DeployedProcess;
import nl.knooppunt.engine.runtime.state.ElementInstance;
import nl.knooppunt.engine.runtime.state.MessageSubscription;

/**
 * Messages: publication with TTL buffering and messageId uniqueness, correlation by name and
 * correlation key (a message correlates at most once per process instance), message start events
 * (at most one active instance per process and correlation key), and signals.
 */
final class MessageProcessor {

  private final Engine engine;

  /** Message name -> [bpmnProcessId, startEventId] of the latest versions (cache). */
  private Map<String, List<String[]>> startEventsByMessage;

  private Map<String, List<String[]>> startEventsBySignal;

  /** Signal subscriptions share the subscription index under this correlation key. */
  static final String SIGNAL_KEY = "\u0001signal";

  MessageProcessor(Engine engine) {
    this.engine = engine;
  }

  private EngineState state() {
    return engine.state();
  }

  void invalidateStartEvents() {
    startEventsByMessage = null;
    startEventsBySignal = null;
  }

  Long publish(Command.PublishMessage c) {
    if (c.name() == null || c.name().isEmpty()) {
      throw EngineException.invalidArgument("Expected a message name, but none given");
    }
    if (c.timeToLive() < 0) {
      throw EngineException.invalidArgument(
          "Expected a time to live of zero or more, but was " + c.timeToLive());
    }
    String correlationKey = c.correlationKey() == null ? "" : c.correlationKey();
    if (c.messageId() != null
        && !c.messageId().isEmpty()
        && state().messageIdExists(c.name(), correlationKey, c.messageId())) {
      throw new EngineException(
          EngineException.Reason.ALREADY_EXISTS,
          "Expected to publish a new message with id '"
              + c.messageId()
              + "', but a message with that id was already published");
    }
    BufferedMessage m = new BufferedMessage();
    m.key = state().newKey();
    m.name = c.name();
    m.correlationKey = correlationKey;
    m.messageId = c.messageId() == null ? "" : c.messageId();
    m.deadline = engine.now() + c.timeToLive();
    m.variables = c.variables() == null ? new LinkedHashMap<>() : c.variables();
    engine.record("MESSAGE", "PUBLISHED", m.key, value(m));
    for (MessageSubscription sub : state().subscriptionsFor(m.name, m.correlationKey)) {
      if (!state().subscriptions.containsKey(sub.key)) {
        continue;
      }
      correlate(m, sub);
    }
    correlateStartEvents(m);
    if (c.timeToLive() > 0) {
      state().putMessage(m);
    } else {
      engine.record("MESSAGE", "EXPIRED", m.key, value(m));
    }
    return m.key;
  }

  /**
   * A message correlates at most once per process (BPMN process id, all versions): of several
   * waiting instances of one process only the first gets it.
   */
  private boolean correlate(BufferedMessage m, MessageSubscription sub) {
    ElementInstance owner = state().instances.get(sub.elementInstanceKey);
    if (owner == null || owner.state != ElementInstance.State.ACTIVATED) {
      return false;
    }
    String processMark = "process:" + owner.bpmnProcessId;
    if (m.correlatedTo.contains(processMark)) {
      return false;
    }
    m.correlatedTo.add(processMark);
    Map<String, Object> v = subscriptionValue(sub);
    v.put("messageKey", m.key);
    v.put("variables", m.variables);
    engine.record("PROCESS_MESSAGE_SUBSCRIPTION", "CORRELATED", sub.key, v);
    if (sub.interrupting) {
      closeSubscription(sub.key);
      owner.subscriptionKeys.remove(sub.key);
    }
    engine.executor.triggerEvent(owner, sub.elementId, new LinkedHashMap<>(m.variables));
    return true;
  }

  /** A subscription was opened: correlate the oldest buffered message not yet seen. */
  void correlateBuffered(MessageSubscription sub) {
    if (sub == null) {
      return;
    }
    for (BufferedMessage m : state().messagesFor(sub.messageName, sub.correlationKey)) {
      if (m.deadline <= engine.now()) {
        continue;
      }
      if (correlate(m, sub)) {
        return;
      }
    }
  }

  long openSubscription(
      ElementInstance owner,
      String elementId,
      String messageName,
      String correlationKey,
      boolean interrupting) {
    MessageSubscription s = new MessageSubscription();
    s.key = state().newKey();
    s.messageName = messageName;
    s.correlationKey = correlationKey;
    s.elementInstanceKey = owner.key;
    s.processInstanceKey = owner.processInstanceKey;
    s.elementId = elementId;
    s.interrupting = interrupting;
    state().putSubscription(s);
    owner.subscriptionKeys.add(s.key);
    engine.record("PROCESS_MESSAGE_SUBSCRIPTION", "CREATED", s.key, subscriptionValue(s));
    return s.key;
  }

  void closeSubscription(long key) {
    MessageSubscription s = state().subscriptions.get(key);
    if (s != null) {
      state().removeSubscription(key);
      engine.record(
          s.signal ? "SIGNAL_SUBSCRIPTION" : "PROCESS_MESSAGE_SUBSCRIPTION",
          "DELETED",
          key,
          subscriptionValue(s));
    }
  }

  long openSignalSubscription(
      ElementInstance owner, String elementId, String signalName, boolean interrupting) {
    MessageSubscription s = new MessageSubscription();
    s.key = state().newKey();
    s.messageName = signalName;
    s.correlationKey = SIGNAL_KEY;
    s.signal = true;
    s.elementInstanceKey = owner.key;
    s.processInstanceKey = owner.processInstanceKey;
    s.elementId = elementId;
    s.interrupting = interrupting;
    state().putSubscription(s);
    owner.subscriptionKeys.add(s.key);
    engine.record("SIGNAL_SUBSCRIPTION", "CREATED", s.key, subscriptionValue(s));
    return s.key;
  }

  private void signal(String name, Map<String, Object> variables) {
    for (MessageSubscription sub : state().subscriptionsFor(name, SIGNAL_KEY)) {
      if (!state().subscriptions.containsKey(sub.key)) {
        continue;
      }
      ElementInstance owner = state().instances.get(sub.elementInstanceKey);
      if (owner == null || owner.state != ElementInstance.State.ACTIVATED) {
        continue;
      }
      engine.record("SIGNAL_SUBSCRIPTION", "CORRELATED", sub.key, subscriptionValue(sub));
      if (sub.interrupting) {
        closeSubscription(sub.key);
        owner.subscriptionKeys.remove(sub.key);
      }
      engine.executor.triggerEvent(owner, sub.elementId, new LinkedHashMap<>(variables));
    }
    for (String[] s : signalStartEvents().getOrDefault(name, List.of())) {
      DeployedProcess p = engine.latest(s[0]);
      engine.executor.startProcess(p, new LinkedHashMap<>(variables), List.of(s[1]), null);
    }
  }

  private Map<String, List<String[]>> signalStartEvents() {
    if (startEventsBySignal == null) {
      Map<String, List<String[]>> map = new HashMap<>();
      for (String id : state().versions.keySet()) {
        DeployedProcess p = engine.latest(id);
        for (Element e : engine.model(p.key).startEvents(EventType.SIGNAL)) {
          try {
            String name = engine.feel().evaluateString(e.signalName, Map.of());
            map.computeIfAbsent(name, k -> new ArrayList<>()).add(new String[] {id, e.id});
          } catch (FeelException ex) {
            // not statically known: cannot start
          }
        }
      }
      startEventsBySignal = map;
    }
    return startEventsBySignal;
  }

  private void correlateStartEvents(BufferedMessage m) {
    List<String[]> starts = startEvents().getOrDefault(m.name, List.of());
    for (String[] s : starts) {
      String bpmnProcessId = s[0];
      String mark = "start:" + bpmnProcessId;
      if (m.correlatedTo.contains(mark) || m.correlatedTo.contains("process:" + bpmnProcessId)) {
        continue;
      }
      String instanceKey = bpmnProcessId + "/" + m.correlationKey;
      if (!m.correlationKey.isEmpty() && state().messageStartInstances.containsKey(instanceKey)) {
        continue;
      }
      DeployedProcess p = engine.latest(bpmnProcessId);
      m.correlatedTo.add(mark);
      m.correlatedTo.add("process:" + bpmnProcessId);
      Map<String, Object> v = new LinkedHashMap<>();
      v.put("bpmnProcessId", bpmnProcessId);
      v.put("startEventId", s[1]);
      v.put("messageName", m.name);
      v.put("correlationKey", m.correlationKey);
      v.put("messageKey", m.key);
      engine.record("MESSAGE_START_EVENT_SUBSCRIPTION", "CORRELATED", p.key, v);
      ElementInstance root =
          engine.executor.startProcess(p, new LinkedHashMap<>(m.variables), List.of(s[1]), null);
      if (!m.correlationKey.isEmpty() && state().instances.containsKey(root.key)) {
        state().messageStartInstances.put(instanceKey, root.key);
      }
      m.correlatedTo.add(String.valueOf(root.key));
    }
  }

  private Map<String, List<String[]>> startEvents() {
    if (startEventsByMessage == null) {
      Map<String, List<String[]>> map = new HashMap<>();
      for (String id : state().versions.keySet()) {
        DeployedProcess p = engine.latest(id);
        ProcessModel model = engine.model(p.key);
        for (Element e : model.startEvents(EventType.MESSAGE)) {
          String name;
          try {
            name = engine.feel().evaluateString(e.messageName, Map.of());
          } catch (FeelException ex) {
            continue;
          }
          map.computeIfAbsent(name, k -> new ArrayList<>()).add(new String[] {id, e.id});
        }
      }
      startEventsByMessage = map;
    }
    return startEventsByMessage;
  }

  void expireMessages() {
    for (BufferedMessage m : state().expiredMessages(engine.now())) {
      state().removeMessage(m.key);
      engine.record("MESSAGE", "EXPIRED", m.key, value(m));
    }
  }

  Long broadcastSignal(Command.BroadcastSignal c) {
    if (c.signalName() == null || c.signalName().isEmpty()) {
      throw EngineException.invalidArgument("Expected a signal name, but none given");
    }
    long key = state().newKey();
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("signalName", c.signalName());
    v.put("variables", c.variables());
    engine.record("SIGNAL", "BROADCASTED", key, v);
    signal(c.signalName(), c.variables() == null ? Map.of() : c.variables());
    return key;
  }

  /** A signal intermediate throw event: broadcast with the event's local (input) variables. */
  void signalThrown(String name, ElementInstance source) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("signalName", name);
    v.put("processInstanceKey", source.processInstanceKey);
    v.put("elementId", source.elementId);
    engine.record("SIGNAL", "BROADCASTED", state().newKey(), v);
    signal(name, new LinkedHashMap<>(source.variables));
  }

  private static Map<String, Object> value(BufferedMessage m) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("name", m.name);
    v.put("correlationKey", m.correlationKey);
    v.put("messageId", m.messageId);
    v.put("deadline", m.deadline);
    v.put("variables", m.variables);
    return v;
  }

  private static Map<String, Object> subscriptionValue(MessageSubscription s) {
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
