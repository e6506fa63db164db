package nl.knooppunt.processes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import nl.knooppunt.processes.variables.NoticeContent;
import nl.knooppunt.processes.variables.PublicCommunication;
import org.junit.jupiter.api.Test;

/** The catalogue itself: one consistent naming scheme, no duplicates. */
class CatalogueTest {

  @Test
  void everyJobTypeFollowsTheKnooppuntDomainActionScheme() {
    assertThat(Arrays.stream(JobType.values()).map(JobType::type))
        .allMatch(t -> t.matches("knooppunt\\.[a-z]+\\.[a-z-]+"))
        .doesNotHaveDuplicates();
    assertThat(Arrays.stream(TaskListenerJobType.values()).map(TaskListenerJobType::type))
        .allMatch(t -> t.equals("knooppunt.taak." + t.substring(t.lastIndexOf('.') + 1)));
  }

  @Test
  void everyMessageNameFollowsTheSameSchemeAndIsUnique() {
    assertThat(Arrays.stream(MessageName.values()).map(MessageName::messageName))
        .allMatch(t -> t.matches("knooppunt\\.[a-z]+\\.[a-z-]+"))
        .doesNotHaveDuplicates();
  }

  @Test
  void everyUserTaskIsKnownOnceByProcessAndElement() {
    assertThat(Arrays.stream(Task.values()).map(t -> t.process().id() + "/" + t.elementId()))
        .doesNotHaveDuplicates();
    assertThat(Task.of("dreigingsniveau-5", "Evalueren")).contains(Task.EVALUEREN_DREIGINGSNIVEAU);
    assertThat(Task.of("manhunt", "Evalueren")).contains(Task.EVALUEREN_MANHUNT);
  }

  @Test
  void aRegionGroupIsNamedAfterItsVrCode() {
    assertThat(CandidateGroup.region("VR09")).isEqualTo("regio-VR09");
    assertThat(CandidateGroup.gezag("GM0344")).isEqualTo("gezag-GM0344");
  }

  @Test
  void formKeysAndSchemaResourcesShareTheFormName() {
    assertThat(Form.EVALUATIE.key()).isEqualTo("knooppunt:forms:evaluatie");
    assertThat(Form.EVALUATIE.schemaResource()).isEqualTo("forms/evaluatie.schema.json");
    assertThat(Form.ofKey("knooppunt:forms:publiekscommunicatie"))
        .contains(Form.PUBLIEKSCOMMUNICATIE);
  }

  @Test
  void publicCommunicationIsCompleteOnlyWithItsThreeAims() {
    var kanalen = List.of(PublicCommunication.Channel.NL_ALERT);
    assertThat(
            new PublicCommunication(
                    PublicCommunication.Phase.AFKONDIGING,
                    "info",
                    "blijf binnen",
                    "duiding",
                    kanalen)
                .isComplete())
        .isTrue();
    assertThat(
            new PublicCommunication(
                    PublicCommunication.Phase.AFKONDIGING, "info", " ", "duiding", kanalen)
                .isComplete())
        .isFalse();
  }

  @Test
  void everyKindOfNoticeSaysInDutchWhatItIsAndWhatIsExpected() {
    for (NoticeContent.Kind soort : NoticeContent.Kind.values()) {
      assertThat(soort.label()).as(soort.name()).isNotBlank();
      assertThat(soort.expectation()).as(soort.name()).isNotBlank().endsWith(".");
    }
    assertThat(NoticeContent.Kind.NIET_AFGEKONDIGD.expectation()).contains("geen actie");
    assertThat(NoticeContent.Kind.MANHUNT.expectation()).contains("politie");
  }

  @Test
  void processIdsAreFoundByTheirBpmnId() {
    assertThat(ProcessId.of("manhunt")).contains(ProcessId.MANHUNT);
    assertThat(ProcessId.MANHUNT.resource()).isEqualTo("bpmn/manhunt.bpmn");
    assertThat(ProcessId.INFORMEER_GEZAGEN.endsWithEvaluation()).isFalse();
  }

  @Test
  void theAnnotationConstantsAreExactlyTheJobTypesAndListenerTypes() throws IllegalAccessException {
    List<String> constants = new java.util.ArrayList<>();
    for (var f : JobTypes.class.getDeclaredFields()) {
      if (java.lang.reflect.Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
        constants.add((String) f.get(null));
      }
    }
    List<String> catalogue = new java.util.ArrayList<>();
    Arrays.stream(JobType.values()).map(JobType::type).forEach(catalogue::add);
    Arrays.stream(TaskListenerJobType.values())
        .map(TaskListenerJobType::type)
        .forEach(catalogue::add);
    assertThat(constants).containsExactlyInAnyOrderElementsOf(catalogue);
  }
}
