package nl.knooppunt.processes.guard;

import static nl.knooppunt.processes.guard.Modellen.BPMNDI_NS;
import static nl.knooppunt.processes.guard.Modellen.BPMN_NS;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.knooppunt.processes.ProcessId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** Camunda Modeler and Operate can draw every model: complete DI, nothing on top of another. */
class DiagramInterchangeTest {

  private static final Set<String> NOT_DRAWN =
      Set.of(
          "process",
          "documentation",
          "extensionElements",
          "incoming",
          "outgoing",
          "conditionExpression",
          "multiInstanceLoopCharacteristics",
          "completionCondition",
          "timeDate",
          "timeDuration",
          "timeCycle");

  record Box(String id, double x, double y, double w, double h) {
    boolean overlaps(Box o) {
      return x < o.x + o.w && o.x < x + w && y < o.y + o.h && o.y < y + h;
    }

    boolean contains(Box o) {
      return x <= o.x && y <= o.y && x + w >= o.x + o.w && y + h >= o.y + o.h;
    }
  }

  private static double num(Element e, String a) {
    return Double.parseDouble(e.getAttribute(a));
  }

  private static Map<String, Box> shapes(Document doc) {
    Map<String, Box> out = new HashMap<>();
    for (Element s : Modellen.all(doc, BPMNDI_NS, "BPMNShape")) {
      Element b = (Element) s.getElementsByTagNameNS("*", "Bounds").item(0);
      String id = s.getAttribute("bpmnElement");
      assertThat(
              out.put(id, new Box(id, num(b, "x"), num(b, "y"), num(b, "width"), num(b, "height"))))
          .as("one shape for " + id)
          .isNull();
    }
    return out;
  }

  @ParameterizedTest
  @EnumSource(ProcessId.class)
  void everyFlowNodeHasAShapeAndEveryFlowAnEdge(ProcessId id) {
    Document doc = Modellen.dom(id);
    Map<String, Box> shapes = shapes(doc);
    Map<String, Integer> edges = new HashMap<>();
    for (Element e : Modellen.all(doc, BPMNDI_NS, "BPMNEdge")) {
      edges.merge(e.getAttribute("bpmnElement"), 1, Integer::sum);
      assertThat(e.getElementsByTagNameNS("*", "waypoint").getLength())
          .as(e.getAttribute("id"))
          .isGreaterThanOrEqualTo(2);
    }
    List<String> missing = new ArrayList<>();
    for (Element e : Modellen.descendants(Modellen.processElement(doc))) {
      if (!BPMN_NS.equals(e.getNamespaceURI()) || !e.hasAttribute("id")) {
        continue;
      }
      String elementId = e.getAttribute("id");
      if (e.getLocalName().equals("sequenceFlow")) {
        if (edges.getOrDefault(elementId, 0) != 1) {
          missing.add("edge " + elementId);
        }
      } else if (!NOT_DRAWN.contains(e.getLocalName()) && !shapes.containsKey(elementId)) {
        missing.add("shape " + elementId);
      }
    }
    assertThat(missing).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(ProcessId.class)
  void noTwoShapesLieOnTopOfEachOther(ProcessId id) {
    Document doc = Modellen.dom(id);
    Map<String, Box> shapes = shapes(doc);
    Map<String, String> attachedTo = new HashMap<>();
    for (Element b : Modellen.all(doc, BPMN_NS, "boundaryEvent")) {
      attachedTo.put(b.getAttribute("id"), b.getAttribute("attachedToRef"));
    }
    List<Box> boxes = new ArrayList<>(shapes.values());
    List<String> overlaps = new ArrayList<>();
    for (int i = 0; i < boxes.size(); i++) {
      for (int j = i + 1; j < boxes.size(); j++) {
        Box a = boxes.get(i);
        Box b = boxes.get(j);
        if (!a.overlaps(b) || a.contains(b) || b.contains(a)) {
          continue; // containment: elements inside an expanded subprocess
        }
        if (a.id().equals(attachedTo.get(b.id())) || b.id().equals(attachedTo.get(a.id()))) {
          continue; // a boundary event sits on its host's border
        }
        overlaps.add(a.id() + " / " + b.id());
      }
    }
    assertThat(overlaps).isEmpty();
    assertThat(boxes).allSatisfy(b -> assertThat(b.x()).isNotNegative());
    assertThat(boxes).allSatisfy(b -> assertThat(b.y()).isNotNegative());
  }
}
