package nl.knooppunt.engine.model;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** An executable process: its elements by id, plus the start events. */
public final class ProcessModel {
  private final String bpmnProcessId;
  private final Element process;
  private final Map<String, Element> elements;
  private final Map<String, SequenceFlow> flows;
  private final Map<String, Set<String>> reachableFrom = new HashMap<>();

  ProcessModel(
      String bpmnProcessId,
      Element process,
      Map<String, Element> elements,
      Map<String, SequenceFlow> flows) {
    this.bpmnProcessId = bpmnProcessId;
    this.process = process;
    this.elements = Collections.unmodifiableMap(new LinkedHashMap<>(elements));
    this.flows = Collections.unmodifiableMap(new LinkedHashMap<>(flows));
  }

  public String bpmnProcessId() {
    return bpmnProcessId;
  }

  public Element process() {
    return process;
  }

  public Element element(String id) {
    Element e = elements.get(id);
    if (e == null) {
      throw new IllegalArgumentException("no element '" + id + "' in process " + bpmnProcessId);
    }
    return e;
  }

  public Element elementOrNull(String id) {
    return elements.get(id);
  }

  public SequenceFlow flow(String id) {
    return flows.get(id);
  }

  public Map<String, Element> elements() {
    return elements;
  }

  /** Start events of the process itself (not of sub-processes) with the given event type. */
  public List<Element> startEvents(EventDefinitionType type) {
    return elements.values().stream()
        .filter(
            e ->
                e.kind == ElementKind.START_EVENT
                    && e.eventType == type
                    && process.id.equals(e.flowScopeId))
        .toList();
  }

  /**
   * Elements from which {@code targetId} can be reached by following sequence flows (within the
   * same flow scope), including through attached boundary events. Used by the inclusive gateway
   * join.
   */
  public synchronized Set<String> canReach(String targetId) {
    return reachableFrom.computeIfAbsent(targetId, this::computeReachers);
  }

  private Set<String> computeReachers(String targetId) {
    Map<String, List<String>> predecessors = new HashMap<>();
    for (SequenceFlow f : flows.values()) {
      predecessors
          .computeIfAbsent(f.targetId(), k -> new java.util.ArrayList<>())
          .add(f.sourceId());
    }
    for (Element e : elements.values()) {
      if (e.kind == ElementKind.BOUNDARY_EVENT && e.attachedToId != null) {
        predecessors.computeIfAbsent(e.id, k -> new java.util.ArrayList<>()).add(e.attachedToId);
      }
    }
    Set<String> seen = new HashSet<>();
    Deque<String> todo = new ArrayDeque<>();
    for (String inc : element(targetId).incoming) {
      SequenceFlow f = flows.get(inc);
      if (f != null) {
        todo.add(f.sourceId());
      }
    }
    while (!todo.isEmpty()) {
      String id = todo.poll();
      if (id.equals(targetId) || !seen.add(id)) {
        continue;
      }
      todo.addAll(predecessors.getOrDefault(id, List.of()));
    }
    return seen;
  }
}
