package nl.knooppunt.processes.guard;

import static nl.knooppunt.processes.guard.Modellen.BPMN_NS;
import static nl.knooppunt.processes.guard.Modellen.ZEEBE_NS;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.knooppunt.processes.DecisionId;
import nl.knooppunt.processes.ProcessId;
import nl.knooppunt.processes.SlaTable;
import nl.knooppunt.processes.Task;
import nl.knooppunt.processes.Variable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The SLA per step is the decision table SlaTermijnen (ADR 0048) and nowhere else: every user task
 * and every SLA timer of the four processes reads its term from the table's result, and the table
 * has a row for each of them.
 */
class SlaTableTest {

  private static final Pattern TERM =
      Pattern.compile(Pattern.quote(Variable.TERMIJNEN.variableName() + ".") + "(\\w+)");

  private static final SlaTable TABLE = SlaTable.shipped();

  @ParameterizedTest
  @EnumSource(ProcessId.class)
  void everyUserTaskOfTheProcessHasARowInTheTable(ProcessId id) {
    for (Element task : Modellen.all(Modellen.dom(id), BPMN_NS, "userTask")) {
      assertThat(TABLE.term(id, task.getAttribute("id")))
          .as(id.id() + " / " + task.getAttribute("id"))
          .isPresent();
    }
  }

  @Test
  void everyCataloguedTaskHasATermAndTheTermsAreTheNormsOfBefore() {
    for (Task task : Task.values()) {
      assertThat(TABLE.term(task)).as(task.name()).isPositive();
    }
    // a few norms the seeds and the pages rely on, unchanged by the move to the table
    assertThat(TABLE.term(Task.AFSTEMMEN_LOKAAL_GEZAG)).hasHours(1);
    assertThat(TABLE.term(Task.OPSCHALING_BEVESTIGEN)).hasMinutes(15);
    assertThat(TABLE.term(Task.EVALUEREN_BIJSTAND)).hasDays(14);
  }

  @ParameterizedTest
  @EnumSource(ProcessId.class)
  void everySlaTimerOnAStepReadsItsTermFromTheTable(ProcessId id) {
    Document doc = Modellen.dom(id);
    Set<String> userTasks = new HashSet<>();
    Modellen.all(doc, BPMN_NS, "userTask").forEach(t -> userTasks.add(t.getAttribute("id")));
    for (Element boundary : Modellen.all(doc, BPMN_NS, "boundaryEvent")) {
      List<Element> durations = under(boundary, BPMN_NS, "timeDuration");
      if (durations.isEmpty() || !userTasks.contains(boundary.getAttribute("attachedToRef"))) {
        continue;
      }
      String expression = durations.get(0).getTextContent().trim();
      Matcher m = TERM.matcher(expression);
      assertThat(m.find())
          .as(boundary.getAttribute("id") + " reads a term from the table: " + expression)
          .isTrue();
      assertThat(TABLE.term(id, m.group(1)))
          .as(boundary.getAttribute("id") + ": row " + m.group(1))
          .isPresent();
    }
  }

  @ParameterizedTest
  @EnumSource(ProcessId.class)
  void everyTermTheModelReadsHasARowAndEveryRowIsAStepOfTheModel(ProcessId id) {
    Document doc = Modellen.dom(id);
    Set<String> read = new HashSet<>();
    for (Element e : Modellen.descendants(doc.getDocumentElement())) {
      if (e.getLocalName().equals("documentation")) {
        continue;
      }
      for (String value : attributesAndText(e)) {
        Matcher m = TERM.matcher(value);
        while (m.find()) {
          read.add(m.group(1));
        }
      }
    }
    assertThat(TABLE.of(id).keySet()).as("rows of " + id.id()).isEqualTo(read);
    Set<String> elements = new HashSet<>();
    Modellen.descendants(doc.getDocumentElement()).forEach(e -> elements.add(e.getAttribute("id")));
    assertThat(elements).as("steps of " + id.id()).containsAll(read);
  }

  @ParameterizedTest
  @EnumSource(ProcessId.class)
  void everyProcessEvaluatesTheTableForItselfRightAfterItStarts(ProcessId id) {
    Document doc = Modellen.dom(id);
    Element process = Modellen.all(doc, BPMN_NS, "process").get(0);
    List<Element> decisions =
        Modellen.children(process, BPMN_NS, "businessRuleTask").stream()
            .filter(
                t ->
                    under(t, ZEEBE_NS, "calledDecision").stream()
                        .anyMatch(
                            c ->
                                c.getAttribute("decisionId").equals(DecisionId.SLA_TERMIJNEN.id())))
            .toList();
    assertThat(decisions).as(id.id()).singleElement();
    Element task = decisions.get(0);
    assertThat(under(task, ZEEBE_NS, "input"))
        .singleElement()
        .satisfies(
            in -> {
              assertThat(in.getAttribute("source")).isEqualTo("=\"" + id.id() + "\"");
              assertThat(in.getAttribute("target")).isEqualTo("proces");
            });
    assertThat(under(task, ZEEBE_NS, "output"))
        .singleElement()
        .satisfies(
            out ->
                assertThat(out.getAttribute("target"))
                    .isEqualTo(Variable.TERMIJNEN.variableName()));
    // nothing happens before it: its incoming flow comes from the start event (or the merge of the
    // start events)
    String incoming = Modellen.children(task, BPMN_NS, "incoming").get(0).getTextContent().trim();
    Element flow =
        Modellen.all(doc, BPMN_NS, "sequenceFlow").stream()
            .filter(f -> f.getAttribute("id").equals(incoming))
            .findFirst()
            .orElseThrow();
    String source = flow.getAttribute("sourceRef");
    Element sourceElement =
        Modellen.children(process, BPMN_NS, "startEvent").stream()
            .filter(s -> s.getAttribute("id").equals(source))
            .findFirst()
            .orElseGet(
                () ->
                    Modellen.children(process, BPMN_NS, "exclusiveGateway").stream()
                        .filter(g -> g.getAttribute("id").equals(source))
                        .findFirst()
                        .orElseThrow(() -> new AssertionError("not after the start: " + source)));
    if (sourceElement.getLocalName().equals("exclusiveGateway")) {
      for (Element in : Modellen.children(sourceElement, BPMN_NS, "incoming")) {
        String f = in.getTextContent().trim();
        assertThat(
                Modellen.all(doc, BPMN_NS, "sequenceFlow").stream()
                    .filter(s -> s.getAttribute("id").equals(f))
                    .map(s -> s.getAttribute("sourceRef")))
            .allMatch(
                s ->
                    Modellen.children(process, BPMN_NS, "startEvent").stream()
                        .anyMatch(st -> st.getAttribute("id").equals(s)));
      }
    }
  }

  /**
   * No term is written into a model: not in a timer, a due date, a mapping, a header or a name.
   * What stays literal is not a step's SLA: the review schedule before {@code eindtijd} and the
   * manhunt's situation report cycle.
   */
  @ParameterizedTest
  @EnumSource(ProcessId.class)
  void noStepTermIsWrittenIntoTheModel(ProcessId id) {
    Pattern literal = Pattern.compile("\\bP(?:T?\\d+[WDHMS])+\\b");
    Set<String> notAStepTerm =
        Set.of(
            "=date and time(eindtijd) - duration(\"PT2H\")",
            "=date and time(eindtijd) - duration(\"PT1H\")",
            "=date and time(eindtijd) - duration(\"PT30M\")",
            "R/PT30M");
    Document doc = Modellen.dom(id);
    for (Element e : Modellen.descendants(doc.getDocumentElement())) {
      if (e.getLocalName().equals("documentation")) {
        continue;
      }
      for (String value : attributesAndText(e)) {
        if (!notAStepTerm.contains(value.trim())) {
          assertThat(literal.matcher(value).find())
              .as(id.id() + " " + e.getAttribute("id") + ": " + value)
              .isFalse();
        }
      }
    }
  }

  private static List<Element> under(Element root, String ns, String localName) {
    List<Element> out = new java.util.ArrayList<>();
    var list = root.getElementsByTagNameNS(ns, localName);
    for (int i = 0; i < list.getLength(); i++) {
      out.add((Element) list.item(i));
    }
    return out;
  }

  private static List<String> attributesAndText(Element e) {
    List<String> values = new java.util.ArrayList<>();
    var attributes = e.getAttributes();
    for (int i = 0; i < attributes.getLength(); i++) {
      values.add(attributes.item(i).getNodeValue());
    }
    if (e.getFirstChild() != null
        && e.getFirstChild().getNodeType() == org.w3c.dom.Node.TEXT_NODE) {
      values.add(e.getFirstChild().getTextContent());
    }
    return values;
  }
}
