package nl.knooppunt.processes.guard;

import static nl.knooppunt.processes.guard.Modellen.BPMN_NS;
import static nl.knooppunt.processes.guard.Modellen.ZEEBE_NS;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import nl.knooppunt.processes.ProcessId;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The control-flow graph of a model for rule checks: sequence flows, host to boundary event, and a
 * subprocess to its start event(s) as well as to its own outgoing flows.
 */
final class Graaf {
  final ProcessId id;
  final Map<String, Element> nodes = new HashMap<>();
  final Map<String, List<String>> next = new HashMap<>();
  final Map<String, List<String>> previous = new HashMap<>();

  Graaf(ProcessId id) {
    this.id = id;
    Document doc = Modellen.dom(id);
    for (Element e : Modellen.descendants(Modellen.processElement(doc))) {
      if (BPMN_NS.equals(e.getNamespaceURI())
          && e.hasAttribute("id")
          && !e.getLocalName().equals("sequenceFlow")) {
        nodes.put(e.getAttribute("id"), e);
      }
    }
    for (Element f : Modellen.all(doc, BPMN_NS, "sequenceFlow")) {
      edge(f.getAttribute("sourceRef"), f.getAttribute("targetRef"));
    }
    for (Element b : Modellen.all(doc, BPMN_NS, "boundaryEvent")) {
      edge(b.getAttribute("attachedToRef"), b.getAttribute("id"));
    }
    for (Element s : Modellen.all(doc, BPMN_NS, "subProcess")) {
      for (Element start : Modellen.children(s, BPMN_NS, "startEvent")) {
        edge(s.getAttribute("id"), start.getAttribute("id"));
      }
    }
  }

  private void edge(String from, String to) {
    next.computeIfAbsent(from, k -> new ArrayList<>()).add(to);
    previous.computeIfAbsent(to, k -> new ArrayList<>()).add(from);
  }

  List<String> next(String id) {
    return next.getOrDefault(id, List.of());
  }

  List<String> previous(String id) {
    return previous.getOrDefault(id, List.of());
  }

  /** Top-level start events. */
  List<String> starts() {
    return nodes.values().stream()
        .filter(e -> e.getLocalName().equals("startEvent"))
        .filter(e -> ((Element) e.getParentNode()).getLocalName().equals("process"))
        .map(e -> e.getAttribute("id"))
        .toList();
  }

  /** Everything reachable from the start events without passing a node that is blocked. */
  Set<String> reachableAvoiding(Predicate<String> blocked) {
    return reachable(starts(), blocked);
  }

  /** Everything reachable from {@code from} (itself included) without passing a blocked node. */
  Set<String> reachableFrom(String from, Predicate<String> blocked) {
    return reachable(List.of(from), blocked);
  }

  private Set<String> reachable(List<String> from, Predicate<String> blocked) {
    Set<String> seen = new HashSet<>();
    Deque<String> todo = new ArrayDeque<>(from);
    while (!todo.isEmpty()) {
      String n = todo.pop();
      if (blocked.test(n) || !seen.add(n)) {
        continue;
      }
      todo.addAll(next(n));
    }
    return seen;
  }

  /** The id of the element (subprocess or process) that holds this one. */
  String parent(String id) {
    return ((Element) nodes.get(id).getParentNode()).getAttribute("id");
  }

  String kind(String id) {
    return nodes.get(id).getLocalName();
  }

  boolean isTopLevel(String id) {
    return ((Element) nodes.get(id).getParentNode()).getLocalName().equals("process");
  }

  String jobType(String id) {
    var list = nodes.get(id).getElementsByTagNameNS(ZEEBE_NS, "taskDefinition");
    return list.getLength() == 0 ? null : ((Element) list.item(0)).getAttribute("type");
  }

  String calledProcess(String id) {
    var list = nodes.get(id).getElementsByTagNameNS(ZEEBE_NS, "calledElement");
    return list.getLength() == 0 ? null : ((Element) list.item(0)).getAttribute("processId");
  }

  String formKey(String id) {
    var list = nodes.get(id).getElementsByTagNameNS(ZEEBE_NS, "formDefinition");
    return list.getLength() == 0
        ? null
        : ((Element) list.item(0)).getAttribute("externalReference");
  }

  List<String> all(Predicate<String> p) {
    return nodes.keySet().stream().filter(p).sorted().toList();
  }
}
