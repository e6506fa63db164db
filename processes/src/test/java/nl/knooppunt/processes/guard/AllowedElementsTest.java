package nl.knooppunt.processes.guard;

import static nl.knooppunt.processes.guard.Modellen.BPMN_NS;
import static nl.knooppunt.processes.guard.Modellen.ZEEBE_NS;
import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.model.bpmn.validation.zeebe.ZeebeDesignTimeValidators;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.knooppunt.processes.ProcessId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.w3c.dom.Element;

/**
 * The models use only what the embedded engine implements (and Camunda 8.8 supports): anything else
 * would be refused at deploy time.
 */
class AllowedElementsTest {

  private static final Set<String> BPMN_ELEMENTS =
      Set.of(
          "process",
          "documentation",
          "extensionElements",
          "incoming",
          "outgoing",
          "sequenceFlow",
          "conditionExpression",
          "startEvent",
          "endEvent",
          "intermediateCatchEvent",
          "intermediateThrowEvent",
          "boundaryEvent",
          "serviceTask",
          "sendTask",
          "businessRuleTask",
          "userTask",
          "receiveTask",
          "exclusiveGateway",
          "parallelGateway",
          "eventBasedGateway",
          "inclusiveGateway",
          "subProcess",
          "callActivity",
          "multiInstanceLoopCharacteristics",
          "completionCondition",
          "messageEventDefinition",
          "timerEventDefinition",
          "errorEventDefinition",
          "terminateEventDefinition",
          "signalEventDefinition",
          "timeDate",
          "timeDuration",
          "timeCycle");

  private static final Set<String> ZEEBE_ELEMENTS =
      Set.of(
          "taskDefinition",
          "taskHeaders",
          "header",
          "ioMapping",
          "input",
          "output",
          "userTask",
          "formDefinition",
          "assignmentDefinition",
          "taskSchedule",
          "taskListeners",
          "taskListener",
          "calledElement",
          "calledDecision",
          "loopCharacteristics",
          "subscription");

  /** Which event definitions each event kind may carry (none = no definition). */
  private static final Map<String, Set<String>> EVENT_DEFINITIONS =
      Map.of(
          "startEvent", Set.of("none", "messageEventDefinition", "timerEventDefinition"),
          "endEvent", Set.of("none", "errorEventDefinition", "terminateEventDefinition"),
          "intermediateCatchEvent", Set.of("messageEventDefinition", "timerEventDefinition"),
          "intermediateThrowEvent",
              Set.of("none", "messageEventDefinition", "signalEventDefinition"),
          "boundaryEvent",
              Set.of("timerEventDefinition", "messageEventDefinition", "errorEventDefinition"));

  @ParameterizedTest
  @EnumSource(ProcessId.class)
  void everyModelPassesCamundasDesignTimeValidation(ProcessId id) {
    var results = Modellen.model(id).validate(ZeebeDesignTimeValidators.VALIDATORS);
    List<String> errors = new ArrayList<>();
    results
        .getResults()
        .forEach(
            (element, list) ->
                list.forEach(
                    r -> {
                      if (r.getType().name().equals("ERROR")) {
                        errors.add(element + ": " + r.getMessage());
                      }
                    }));
    assertThat(errors).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(ProcessId.class)
  void everyModelUsesOnlyElementsTheEmbeddedEngineSupports(ProcessId id) {
    Element process = Modellen.processElement(Modellen.dom(id));
    List<String> refused = new ArrayList<>();
    for (Element e : Modellen.descendants(process)) {
      String ns = e.getNamespaceURI();
      String name = e.getLocalName();
      boolean ok =
          (BPMN_NS.equals(ns) && BPMN_ELEMENTS.contains(name))
              || (ZEEBE_NS.equals(ns) && ZEEBE_ELEMENTS.contains(name));
      if (!ok) {
        refused.add(ns + ":" + name + " in " + ((Element) e.getParentNode()).getAttribute("id"));
      }
    }
    assertThat(refused).as("elements the engine refuses").isEmpty();
  }

  @ParameterizedTest
  @EnumSource(ProcessId.class)
  void eventsCarryOnlySupportedEventDefinitions(ProcessId id) {
    Element process = Modellen.processElement(Modellen.dom(id));
    List<String> wrong = new ArrayList<>();
    for (Element e : Modellen.descendants(process)) {
      Set<String> allowed = EVENT_DEFINITIONS.get(e.getLocalName());
      if (allowed == null || !BPMN_NS.equals(e.getNamespaceURI())) {
        continue;
      }
      String kind = "none";
      for (Element c : Modellen.descendants(e)) {
        if (c.getLocalName().endsWith("EventDefinition")) {
          kind = c.getLocalName();
        }
      }
      if (!allowed.contains(kind)) {
        wrong.add(e.getLocalName() + " " + e.getAttribute("id") + " with " + kind);
      }
    }
    assertThat(wrong).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(ProcessId.class)
  void noEventSubprocessesAndNoScripts(ProcessId id) {
    var doc = Modellen.dom(id);
    assertThat(Modellen.all(doc, BPMN_NS, "subProcess"))
        .noneMatch(s -> "true".equals(s.getAttribute("triggeredByEvent")));
    assertThat(Modellen.all(doc, BPMN_NS, "scriptTask")).isEmpty();
    assertThat(Modellen.all(doc, ZEEBE_NS, "script")).isEmpty();
    assertThat(Modellen.all(doc, ZEEBE_NS, "properties")).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(ProcessId.class)
  void everyJobBasedElementHasATaskDefinition(ProcessId id) {
    var doc = Modellen.dom(id);
    List<Element> jobBased = new ArrayList<>();
    for (String kind : List.of("serviceTask", "sendTask", "businessRuleTask")) {
      jobBased.addAll(Modellen.all(doc, BPMN_NS, kind));
    }
    // a business rule task that calls a decision table (DMN) is evaluated by the engine, no job
    jobBased.removeIf(e -> e.getElementsByTagNameNS(ZEEBE_NS, "calledDecision").getLength() == 1);
    for (Element t : Modellen.all(doc, BPMN_NS, "intermediateThrowEvent")) {
      if (!Modellen.children(t, BPMN_NS, "messageEventDefinition").isEmpty()) {
        jobBased.add(t);
      }
    }
    assertThat(jobBased)
        .allSatisfy(
            e ->
                assertThat(e.getElementsByTagNameNS(ZEEBE_NS, "taskDefinition").getLength())
                    .as(e.getAttribute("id"))
                    .isEqualTo(1));
  }
}
