package nl.knooppunt.engine.runtime;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.knooppunt.engine.feel.Expression;
import nl.knooppunt.engine.feel.FeelException;
import nl.knooppunt.engine.model.Element;
import nl.knooppunt.engine.model.EventDefinitionType;
import nl.knooppunt.engine.runtime.state.DeployedProcess;

/**
 * The message and signal start events of the latest process versions, by name (names that are not
 * statically known cannot start anything). Cached; a new process version invalidates the cache.
 */
final class StartEvents {

  /** A start event of the latest version of a process. */
  record Start(String bpmnProcessId, String elementId, String name) {}

  private final EngineContext ctx;
  private Map<String, List<Start>> byMessage;
  private Map<String, List<Start>> bySignal;

  StartEvents(EngineContext ctx) {
    this.ctx = ctx;
  }

  void invalidate() {
    byMessage = null;
    bySignal = null;
  }

  List<Start> byMessage(String messageName) {
    if (byMessage == null) {
      byMessage = collect(EventDefinitionType.MESSAGE);
    }
    return byMessage.getOrDefault(messageName, List.of());
  }

  /** The message start events of the latest version of one process. */
  List<Start> byProcess(String bpmnProcessId) {
    if (byMessage == null) {
      byMessage = collect(EventDefinitionType.MESSAGE);
    }
    List<Start> out = new ArrayList<>();
    for (List<Start> starts : byMessage.values()) {
      for (Start s : starts) {
        if (s.bpmnProcessId().equals(bpmnProcessId)) {
          out.add(s);
        }
      }
    }
    return out;
  }

  List<Start> bySignal(String signalName) {
    if (bySignal == null) {
      bySignal = collect(EventDefinitionType.SIGNAL);
    }
    return bySignal.getOrDefault(signalName, List.of());
  }

  private Map<String, List<Start>> collect(EventDefinitionType type) {
    Map<String, List<Start>> map = new HashMap<>();
    for (String id : ctx.state().versions.keySet()) {
      DeployedProcess p = ctx.latest(id);
      for (Element e : ctx.model(p.key).startEvents(type)) {
        Expression name = type == EventDefinitionType.MESSAGE ? e.messageName : e.signalName;
        try {
          String n = ctx.feel().evaluateString(name, Map.of());
          map.computeIfAbsent(n, k -> new ArrayList<>()).add(new Start(id, e.id, n));
        } catch (FeelException ex) {
          // not statically known: cannot start
        }
      }
    }
    return map;
  }
}
