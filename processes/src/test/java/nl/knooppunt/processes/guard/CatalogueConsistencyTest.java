package nl.knooppunt.processes.guard;

import static nl.knooppunt.processes.guard.Modellen.BPMN_NS;
import static nl.knooppunt.processes.guard.Modellen.ZEEBE_NS;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.knooppunt.processes.ErrorCode;
import nl.knooppunt.processes.JobType;
import nl.knooppunt.processes.MessageName;
import nl.knooppunt.processes.ProcessId;
import nl.knooppunt.processes.TaskHeader;
import nl.knooppunt.processes.TaskListenerJobType;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** Every string the models use is in the catalogue, and the catalogue holds nothing unused. */
class CatalogueConsistencyTest {

  private static Set<String> collect(String ns, String element, String attribute) {
    Set<String> out = new TreeSet<>();
    for (ProcessId id : ProcessId.values()) {
      Document doc = Modellen.dom(id);
      for (Element e : Modellen.all(doc, ns, element)) {
        out.add(e.getAttribute(attribute));
      }
    }
    return out;
  }

  private static <E extends Enum<E>> Set<String> strings(E[] values, Function<E, String> f) {
    return Arrays.stream(values).map(f).collect(Collectors.toCollection(TreeSet::new));
  }

  @Test
  void everyJobTypeInTheModelsIsInTheCatalogueAndViceVersa() {
    assertThat(collect(ZEEBE_NS, "taskDefinition", "type"))
        .isEqualTo(strings(JobType.values(), JobType::type));
  }

  @Test
  void everyTaskListenerJobTypeIsInTheCatalogueAndViceVersa() {
    assertThat(collect(ZEEBE_NS, "taskListener", "type"))
        .isEqualTo(strings(TaskListenerJobType.values(), TaskListenerJobType::type));
  }

  @Test
  void everyMessageNameInTheModelsIsInTheCatalogueAndViceVersa() {
    assertThat(collect(BPMN_NS, "message", "name"))
        .isEqualTo(strings(MessageName.values(), MessageName::messageName));
  }

  @Test
  void everyCorrelationKeyIsTheCataloguedVariable() {
    for (ProcessId id : ProcessId.values()) {
      for (Element m : Modellen.all(Modellen.dom(id), BPMN_NS, "message")) {
        MessageName name = MessageName.of(m.getAttribute("name")).orElseThrow();
        for (Element s : Modellen.descendants(m)) {
          if (s.getLocalName().equals("subscription")) {
            assertThat(s.getAttribute("correlationKey"))
                .as(name.messageName())
                .isEqualTo("=" + name.correlationKey().variableName());
          }
        }
      }
    }
  }

  @Test
  void everyErrorCodeInTheModelsIsInTheCatalogueAndViceVersa() {
    assertThat(collect(BPMN_NS, "error", "errorCode"))
        .isEqualTo(strings(ErrorCode.values(), ErrorCode::code));
  }

  @Test
  void everyProcessIdAndCalledElementIsInTheCatalogue() {
    assertThat(collect(BPMN_NS, "process", "id"))
        .isEqualTo(strings(ProcessId.values(), ProcessId::id));
    assertThat(collect(ZEEBE_NS, "calledElement", "processId"))
        .containsExactly(ProcessId.INFORMEER_GEZAGEN.id());
  }

  @Test
  void everyTaskHeaderKeyIsInTheCatalogue() {
    assertThat(collect(ZEEBE_NS, "header", "key"))
        .isSubsetOf(strings(TaskHeader.values(), TaskHeader::key));
    Set<String> events = new TreeSet<>();
    for (ProcessId id : ProcessId.values()) {
      for (Element h : Modellen.all(Modellen.dom(id), ZEEBE_NS, "header")) {
        if (h.getAttribute("key").equals(TaskHeader.GEBEURTENIS.key())) {
          events.add(h.getAttribute("value"));
        }
      }
    }
    assertThat(events)
        .isEqualTo(strings(TaskHeader.LogbookEvent.values(), TaskHeader.LogbookEvent::name));
  }

  @Test
  void everyProcessModelIsOnTheClasspathUnderItsId() {
    for (ProcessId id : ProcessId.values()) {
      assertThat(Modellen.processElement(Modellen.dom(id)).getAttribute("id")).isEqualTo(id.id());
    }
  }
}
