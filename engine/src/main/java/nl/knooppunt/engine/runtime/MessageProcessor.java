package nl.knooppunt.engine.runtime;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.knooppunt.engine.EngineException;
import nl.knooppunt.engine.command.Command;
import nl.knooppunt.engine.runtime.state.BufferedMessage;
import nl.knooppunt.engine.runtime.state.DeployedProcess;
import nl.knooppunt.engine.runtime.state.ElementInstance;
import nl.knooppunt.engine.runtime.state.MessageSubscription;

/**
 * The publishing side of messages and signals: publication with TTL buffering and messageId
 * uniqueness, correlation to the open subscriptions (a message correlates at most once per
 * process), message start events (at most one active instance per process and correlation key),
 * expiry (Tick), and signal broadcasts. The waiting side is {@link EventScopes}.
 */
final class MessageProcessor {

  private final EngineContext ctx;
  private final EventScopes scopes;
  private final StartEvents startEvents;
  private final BpmnExecutor executor;

  MessageProcessor(
      EngineContext ctx, EventScopes scopes, StartEvents startEvents, BpmnExecutor executor) {
    this.ctx = ctx;
    this.scopes = scopes;
    this.startEvents = startEvents;
    this.executor = executor;
  }

  private EngineState state() {
    return ctx.state();
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
    m.key = ctx.newKey();
    m.name = c.name();
    m.correlationKey = correlationKey;
    m.messageId = c.messageId() == null ? "" : c.messageId();
    m.deadline = ctx.now() + c.timeToLive();
    m.variables = c.variables() == null ? new LinkedHashMap<>() : c.variables();
    ctx.record("MESSAGE", "PUBLISHED", m.key, value(m));
    for (MessageSubscription sub : state().subscriptionsFor(m.name, m.correlationKey)) {
      if (!state().subscriptions.containsKey(sub.key)) {
        continue;
      }
      EventScopes.Correlation correlation = scopes.correlate(m, sub);
      if (correlation != null) {
        executor.trigger(correlation);
      }
    }
    correlateStartEvents(m);
    if (c.timeToLive() > 0) {
      state().putMessage(m);
    } else {
      ctx.record("MESSAGE", "EXPIRED", m.key, value(m));
    }
    return m.key;
  }

  /**
   * When an instance created by a message start event ends, a message buffered for that start event
   * with the same correlation key is correlated now and creates the next instance
   * (docs.camunda.io/docs/components/concepts/messages/#message-correlation: "when the active
   * process instance is completed or terminated and a message is buffered, then the message is
   * correlated and a new process instance is created"). The oldest buffered message goes first; the
   * new instance may end at once and free the key again.
   */
  void correlateBufferedStarts() {
    List<String> freed = ctx.drainFreedMessageStarts();
    while (!freed.isEmpty()) {
      for (String instanceKey : freed) {
        int slash = instanceKey.indexOf('/');
        String bpmnProcessId = instanceKey.substring(0, slash);
        String correlationKey = instanceKey.substring(slash + 1);
        if (state().messageStartInstances.containsKey(instanceKey)
            || ctx.state().versions.get(bpmnProcessId) == null) {
          continue;
        }
        for (StartEvents.Start s : startEvents.byProcess(bpmnProcessId)) {
          BufferedMessage next = null;
          for (BufferedMessage m : state().messagesFor(s.name(), correlationKey)) {
            if (m.deadline > ctx.now()
                && !m.correlatedTo.contains("start:" + bpmnProcessId)
                && !m.correlatedTo.contains("process:" + bpmnProcessId)) {
              next = m;
              break;
            }
          }
          if (next != null) {
            correlateStartEvents(next);
            break;
          }
        }
      }
      freed = ctx.drainFreedMessageStarts();
    }
  }

  /**
   * Correlates a message without buffering it (docs.camunda.io, Orchestration Cluster REST API,
   * "Correlate message": the message is not buffered; the answer names the first process instance
   * it correlated with). Open subscriptions are tried first, then message start events; when none
   * takes it the result carries -1 and the caller answers NOT_FOUND.
   */
  Engine.CorrelateResult correlate(Command.CorrelateMessage c) {
    if (c.name() == null || c.name().isEmpty()) {
      throw EngineException.invalidArgument("Expected a message name, but none given");
    }
    BufferedMessage m = new BufferedMessage();
    m.key = ctx.newKey();
    m.name = c.name();
    m.correlationKey = c.correlationKey() == null ? "" : c.correlationKey();
    m.messageId = "";
    m.deadline = ctx.now();
    m.variables = c.variables() == null ? new LinkedHashMap<>() : c.variables();
    ctx.record("MESSAGE", "PUBLISHED", m.key, value(m));
    long first = -1;
    for (MessageSubscription sub : state().subscriptionsFor(m.name, m.correlationKey)) {
      if (!state().subscriptions.containsKey(sub.key)) {
        continue;
      }
      EventScopes.Correlation correlation = scopes.correlate(m, sub);
      if (correlation != null) {
        if (first < 0) {
          first = correlation.owner().processInstanceKey;
        }
        executor.trigger(correlation);
      }
    }
    java.util.Set<String> before = new java.util.HashSet<>(m.correlatedTo);
    correlateStartEvents(m);
    for (String mark : m.correlatedTo) {
      if (first < 0 && !before.contains(mark) && mark.chars().allMatch(Character::isDigit)) {
        first = Long.parseLong(mark); // a started instance's key
      }
    }
    ctx.record("MESSAGE", "EXPIRED", m.key, value(m));
    return new Engine.CorrelateResult(m.key, first);
  }

  private void correlateStartEvents(BufferedMessage m) {
    for (StartEvents.Start s : startEvents.byMessage(m.name)) {
      String bpmnProcessId = s.bpmnProcessId();
      String mark = "start:" + bpmnProcessId;
      if (m.correlatedTo.contains(mark) || m.correlatedTo.contains("process:" + bpmnProcessId)) {
        continue;
      }
      String instanceKey = bpmnProcessId + "/" + m.correlationKey;
      if (!m.correlationKey.isEmpty() && state().messageStartInstances.containsKey(instanceKey)) {
        continue;
      }
      DeployedProcess p = ctx.latest(bpmnProcessId);
      m.correlatedTo.add(mark);
      m.correlatedTo.add("process:" + bpmnProcessId);
      Map<String, Object> v = new LinkedHashMap<>();
      v.put("bpmnProcessId", bpmnProcessId);
      v.put("startEventId", s.elementId());
      v.put("messageName", m.name);
      v.put("correlationKey", m.correlationKey);
      v.put("messageKey", m.key);
      ctx.record("MESSAGE_START_EVENT_SUBSCRIPTION", "CORRELATED", p.key, v);
      ElementInstance root =
          executor.startProcess(p, new LinkedHashMap<>(m.variables), List.of(s.elementId()), null);
      if (!m.correlationKey.isEmpty() && state().instances.containsKey(root.key)) {
        state().messageStartInstances.put(instanceKey, root.key);
      }
      m.correlatedTo.add(String.valueOf(root.key));
    }
  }

  void expireMessages() {
    for (BufferedMessage m : state().expiredMessages(ctx.now())) {
      state().removeMessage(m.key);
      ctx.record("MESSAGE", "EXPIRED", m.key, value(m));
    }
  }

  Long broadcastSignal(Command.BroadcastSignal c) {
    if (c.signalName() == null || c.signalName().isEmpty()) {
      throw EngineException.invalidArgument("Expected a signal name, but none given");
    }
    long key = ctx.newKey();
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("signalName", c.signalName());
    v.put("variables", c.variables());
    ctx.record("SIGNAL", "BROADCASTED", key, v);
    executor.signal(c.signalName(), c.variables() == null ? Map.of() : c.variables());
    return key;
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
}
