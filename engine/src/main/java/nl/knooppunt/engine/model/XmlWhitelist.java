package nl.knooppunt.engine.model;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * The first deployment check: walks the raw XML and refuses every element and extension attribute
 * the engine does not implement, naming the enclosing element id. Markup of namespaces the engine
 * does not execute (neither BPMN nor zeebe) is ignored as on Camunda 8 and logged once ({@link
 * ForeignMarkup}).
 */
final class XmlWhitelist {

  static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
  static final String ZEEBE = "http://camunda.org/schema/zeebe/1.0";
  static final String MODELER = "http://camunda.org/schema/modeler/1.0";
  private static final Set<String> DIAGRAM_NAMESPACES =
      Set.of(
          "http://www.omg.org/spec/BPMN/20100524/DI",
          "http://www.omg.org/spec/DD/20100524/DC",
          "http://www.omg.org/spec/DD/20100524/DI",
          "http://bpmn.io/schema/bpmn/biocolor/1.0",
          "http://www.omg.org/spec/BPMN/non-normative/color/1.0");

  /** BPMN elements that are accepted (their semantics are checked later by the transformer). */
  private static final Set<String> BPMN_ELEMENTS =
      Set.of(
          "definitions",
          "process",
          "collaboration",
          "participant",
          "laneSet",
          "lane",
          "childLaneSet",
          "flowNodeRef",
          "documentation",
          "extensionElements",
          "textAnnotation",
          "text",
          "association",
          "group",
          "category",
          "categoryValue",
          "startEvent",
          "endEvent",
          "serviceTask",
          "sendTask",
          "businessRuleTask",
          "userTask",
          "receiveTask",
          "exclusiveGateway",
          "parallelGateway",
          "eventBasedGateway",
          "inclusiveGateway",
          "intermediateCatchEvent",
          "intermediateThrowEvent",
          "boundaryEvent",
          "subProcess",
          "callActivity",
          "sequenceFlow",
          "conditionExpression",
          "incoming",
          "outgoing",
          "messageEventDefinition",
          "timerEventDefinition",
          "timeDate",
          "timeDuration",
          "timeCycle",
          "errorEventDefinition",
          "terminateEventDefinition",
          "signalEventDefinition",
          "escalationEventDefinition",
          "escalation",
          "message",
          "error",
          "signal",
          "multiInstanceLoopCharacteristics",
          // Modeler constructs (ADR 0047): message flows are documentation; undefined and manual
          // tasks pass through; script tasks run FEEL or a job
          "messageFlow",
          "task",
          "manualTask",
          "scriptTask",
          "adHocSubProcess",
          "completionCondition");

  /** Accepted zeebe extension elements and their accepted attributes. */
  private static final Map<String, Set<String>> ZEEBE_ELEMENTS =
      Map.ofEntries(
          Map.entry("taskDefinition", Set.of("type", "retries")),
          Map.entry("ioMapping", Set.of()),
          Map.entry("input", Set.of("source", "target")),
          Map.entry("output", Set.of("source", "target")),
          Map.entry("taskHeaders", Set.of()),
          Map.entry("header", Set.of("key", "value")),
          Map.entry("subscription", Set.of("correlationKey")),
          Map.entry(
              "calledElement",
              Set.of(
                  "processId",
                  "propagateAllChildVariables",
                  "propagateAllParentVariables",
                  "bindingType")),
          Map.entry(
              "loopCharacteristics",
              Set.of("inputCollection", "inputElement", "outputCollection", "outputElement")),
          Map.entry("userTask", Set.of()),
          Map.entry(
              "assignmentDefinition", Set.of("assignee", "candidateGroups", "candidateUsers")),
          Map.entry("taskSchedule", Set.of("dueDate", "followUpDate")),
          Map.entry(
              "formDefinition", Set.of("formKey", "formId", "externalReference", "bindingType")),
          Map.entry("priorityDefinition", Set.of("priority")),
          Map.entry("taskListeners", Set.of()),
          Map.entry("taskListener", Set.of("eventType", "type", "retries")),
          Map.entry("properties", Set.of()),
          Map.entry("property", Set.of("name", "value")),
          Map.entry("versionTag", Set.of("value")),
          Map.entry("script", Set.of("expression", "resultVariable")),
          Map.entry("userTaskForm", Set.of("id")),
          Map.entry("executionListeners", Set.of()),
          Map.entry("adHoc", Set.of("activeElementsCollection")),
          Map.entry("executionListener", Set.of("eventType", "type", "retries")),
          Map.entry("calledDecision", Set.of("decisionId", "resultVariable", "bindingType")));

  private static final Set<String> ZEEBE_ATTRIBUTES_ON_BPMN =
      Set.of("modelerTemplate", "modelerTemplateVersion", "modelerTemplateIcon");

  private XmlWhitelist() {}

  static Document parse(byte[] xml) {
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setNamespaceAware(true);
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      f.setExpandEntityReferences(false);
      DocumentBuilder b = f.newDocumentBuilder();
      b.setErrorHandler(null);
      return b.parse(new ByteArrayInputStream(xml));
    } catch (Exception e) {
      throw new DeploymentException("malformed XML: " + e.getMessage(), e);
    }
  }

  static List<String> check(Document doc) {
    List<String> problems = new ArrayList<>();
    visit(doc.getDocumentElement(), "definitions", problems);
    return problems;
  }

  private static void visit(org.w3c.dom.Element el, String ownerId, List<String> problems) {
    String ns = el.getNamespaceURI();
    String name = el.getLocalName();
    if (ns != null && DIAGRAM_NAMESPACES.contains(ns)) {
      return;
    }
    // parts of an element (event definitions, expressions, loop characteristics) are reported
    // with the id of the element they belong to
    boolean part =
        name.endsWith("EventDefinition")
            || name.endsWith("Expression")
            || name.endsWith("LoopCharacteristics")
            || name.equals("condition")
            || name.equals("loopCardinality")
            || name.equals("ioSpecification")
            || name.equals("property")
            || name.startsWith("dataInput")
            || name.startsWith("dataOutput");
    boolean ownerIsElement = !"definitions".equals(ownerId);
    String id =
        el.hasAttribute("id") && !(part && ownerIsElement) ? el.getAttribute("id") : ownerId;
    if (BPMN.equals(ns)) {
      if (!BPMN_ELEMENTS.contains(name)) {
        problems.add(
            "Element '"
                + id
                + "': the BPMN element '"
                + name
                + "' is not supported by the embedded engine");
        return;
      }
      checkBpmnAttributes(el, id, problems);
    } else if (ZEEBE.equals(ns)) {
      Set<String> allowed = ZEEBE_ELEMENTS.get(name);
      if (allowed == null) {
        problems.add(
            "Element '"
                + ownerId
                + "': the extension element 'zeebe:"
                + name
                + "' is not supported by the embedded engine");
        return;
      }
      NamedNodeMap attrs = el.getAttributes();
      for (int i = 0; i < attrs.getLength(); i++) {
        Attr a = (Attr) attrs.item(i);
        if (isNamespaceDeclaration(a)) {
          continue;
        }
        if (!allowed.contains(a.getLocalName() == null ? a.getName() : a.getLocalName())) {
          problems.add(
              "Element '"
                  + ownerId
                  + "': the attribute '"
                  + a.getName()
                  + "' of 'zeebe:"
                  + name
                  + "' is not supported by the embedded engine");
        }
      }
    } else if (MODELER.equals(ns)) {
      return;
    } else {
      ForeignMarkup.ignored("element", el.getTagName(), ns, ownerId);
      return;
    }
    for (Node c = el.getFirstChild(); c != null; c = c.getNextSibling()) {
      if (c instanceof org.w3c.dom.Element child) {
        visit(child, id, problems);
      }
    }
  }

  private static void checkBpmnAttributes(
      org.w3c.dom.Element el, String id, List<String> problems) {
    NamedNodeMap attrs = el.getAttributes();
    for (int i = 0; i < attrs.getLength(); i++) {
      Attr a = (Attr) attrs.item(i);
      if (isNamespaceDeclaration(a)) {
        continue;
      }
      String ans = a.getNamespaceURI();
      String local = a.getLocalName() == null ? a.getName() : a.getLocalName();
      if (ans == null || BPMN.equals(ans)) {
        if (refusedBpmnAttribute(el.getLocalName(), local, a.getValue())) {
          problems.add(
              "Element '"
                  + id
                  + "': the attribute '"
                  + local
                  + "=\""
                  + a.getValue()
                  + "\"' is not supported by the embedded engine");
        }
        continue;
      }
      if (ZEEBE.equals(ans) && ZEEBE_ATTRIBUTES_ON_BPMN.contains(local)) {
        continue;
      }
      if (MODELER.equals(ans) || XMLConstants.W3C_XML_SCHEMA_INSTANCE_NS_URI.equals(ans)) {
        continue;
      }
      if (ZEEBE.equals(ans)) {
        problems.add(
            "Element '"
                + id
                + "': the extension attribute '"
                + a.getName()
                + "' is not supported by the embedded engine");
        continue;
      }
      ForeignMarkup.ignored("attribute", a.getName(), ans, id);
    }
  }

  private static boolean refusedBpmnAttribute(String element, String attribute, String value) {
    return switch (attribute) {
      case "isForCompensation", "parallelMultiple" -> "true".equals(value);
      case "completionQuantity", "startQuantity" -> !"1".equals(value);
      case "isClosed" -> "true".equals(value);
      default -> false;
    };
  }

  private static boolean isNamespaceDeclaration(Attr a) {
    return XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(a.getNamespaceURI())
        || a.getName().startsWith("xmlns");
  }
}
