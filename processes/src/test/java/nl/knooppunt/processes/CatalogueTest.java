package nl.knooppunt.processes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import nl.knooppunt.processes.variabelen.Bericht;
import nl.knooppunt.processes.variabelen.PubliekeCommunicatie;
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
    assertThat(Arrays.stream(Taak.values()).map(t -> t.process().id() + "/" + t.elementId()))
        .doesNotHaveDuplicates();
    assertThat(Taak.of("dreigingsniveau-5", "Evalueren")).contains(Taak.EVALUEREN_DREIGINGSNIVEAU);
    assertThat(Taak.of("manhunt", "Evalueren")).contains(Taak.EVALUEREN_MANHUNT);
  }

  @Test
  void aRegionGroupIsNamedAfterItsVrCode() {
    assertThat(CandidateGroup.regio("VR09")).isEqualTo("regio-VR09");
    assertThat(CandidateGroup.gezag("GM0344")).isEqualTo("gezag-GM0344");
  }

  @Test
  void formKeysAndSchemaResourcesShareTheFormName() {
    assertThat(Formulier.EVALUATIE.key()).isEqualTo("knooppunt:forms:evaluatie");
    assertThat(Formulier.EVALUATIE.schemaResource()).isEqualTo("forms/evaluatie.schema.json");
    assertThat(Formulier.ofKey("knooppunt:forms:publiekscommunicatie"))
        .contains(Formulier.PUBLIEKSCOMMUNICATIE);
  }

  @Test
  void publicCommunicationIsCompleteOnlyWithItsThreeAims() {
    var kanalen = List.of(PubliekeCommunicatie.Kanaal.NL_ALERT);
    assertThat(
            new PubliekeCommunicatie(
                    PubliekeCommunicatie.Fase.AFKONDIGING,
                    "info",
                    "blijf binnen",
                    "duiding",
                    kanalen)
                .isVolledig())
        .isTrue();
    assertThat(
            new PubliekeCommunicatie(
                    PubliekeCommunicatie.Fase.AFKONDIGING, "info", " ", "duiding", kanalen)
                .isVolledig())
        .isFalse();
  }

  @Test
  void everyKindOfNoticeSaysInDutchWhatItIsAndWhatIsExpected() {
    for (Bericht.Soort soort : Bericht.Soort.values()) {
      assertThat(soort.label()).as(soort.name()).isNotBlank();
      assertThat(soort.verwachting()).as(soort.name()).isNotBlank().endsWith(".");
    }
    assertThat(Bericht.Soort.NIET_AFGEKONDIGD.verwachting()).contains("geen actie");
    assertThat(Bericht.Soort.MANHUNT.verwachting()).contains("politie");
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
