package nl.knooppunt.gateway.exercise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScenarioLoaderTest {

  private static final String GOOD =
      """
      id: proef
      versie: 2
      titel: Proef
      leerdoelen: [opschalen]
      deelnemers: [politie, regio-VR09]
      injects:
        - na: PT0M
          soort: manhunt-starten
          als: politie
          tekst: start
          parameters: {locatie: Plein, vrCode: VR09, mogelijkTerroristischMotief: true}
        - na: PT20M
          soort: taak-afronden
          als: regio-VR09
          stap: Opschaling_Bevestigen
          tekst: GRIP 3
          parameters: {gripNiveau: GRIP_3}
      verwachteStappen:
        - {stap: Opschaling_Bevestigen, door: regio-VR09, naam: Opschaling}
      """;

  @Test
  void theThreeShippedScenariosAreReadWithTheirInjectsAndExpectedSteps() {
    Map<String, Scenario> shipped = ScenarioLoader.shipped();

    assertThat(shipped)
        .containsKeys(
            "utrecht-tramaanslag-2019",
            "landelijk-niveau5-stille-regios",
            "bijstand-te-weinig-aanbod");
    Scenario utrecht = shipped.get("utrecht-tramaanslag-2019");
    assertThat(utrecht.injects().get(0).kind()).isEqualTo(Scenario.Kind.MANHUNT_STARTEN);
    assertThat(utrecht.injects())
        .extracting(Scenario.Inject::kind)
        .contains(Scenario.Kind.AANHOUDING_MELDEN, Scenario.Kind.INJECTKAART);
    assertThat(utrecht.length()).isEqualTo(Duration.ofHours(8));
    assertThat(utrecht.expectedSteps())
        .extracting(Scenario.ExpectedStep::step)
        .contains("Opschaling_Bevestigen");
    assertThat(
            shipped.get("landelijk-niveau5-stille-regios").injects().stream()
                .filter(i -> i.kind() == Scenario.Kind.STILZWIJGEN))
        .hasSize(3);
  }

  @Test
  void aWellFormedScenarioKeepsItsValuesTypesAndLines() {
    Scenario s = ScenarioLoader.read("proef.yaml", GOOD);

    assertThat(s.version()).isEqualTo(2);
    assertThat(s.injects().get(0).parameters())
        .containsEntry("mogelijkTerroristischMotief", true)
        .containsEntry("vrCode", "VR09");
    assertThat(s.injects().get(1).at()).isEqualTo(Duration.ofMinutes(20));
    assertThat(s.injects().get(1).line()).isEqualTo(12);
  }

  @Test
  void anUnknownInjectKindIsRefusedWithItsLineAndTheAllowedKinds() {
    String bad = GOOD.replace("soort: taak-afronden", "soort: taak-afmaken");

    assertThatThrownBy(() -> ScenarioLoader.read("proef.yaml", bad))
        .isInstanceOfSatisfying(
            ScenarioException.class,
            e -> {
              assertThat(e.line()).isEqualTo(13);
              assertThat(e.reason()).contains("onbekende soort 'taak-afmaken'", "taak-afronden");
              assertThat(e.getMessage()).startsWith("proef.yaml, regel 13: ");
            });
  }

  @Test
  void aBadDurationAMissingFieldAndAStrangerAreRefusedWithTheirLines() {
    assertThatThrownBy(() -> ScenarioLoader.read("p", GOOD.replace("na: PT20M", "na: 20 min")))
        .isInstanceOfSatisfying(
            ScenarioException.class,
            e -> {
              assertThat(e.line()).isEqualTo(12);
              assertThat(e.reason()).contains("ISO-8601", "'20 min'");
            });
    assertThatThrownBy(() -> ScenarioLoader.read("p", GOOD.replace("titel: Proef\n", "")))
        .isInstanceOfSatisfying(
            ScenarioException.class,
            e -> assertThat(e.reason()).isEqualTo("verplicht veld 'titel' ontbreekt"));
    assertThatThrownBy(
            () -> ScenarioLoader.read("p", GOOD.replace("als: regio-VR09", "als: regio-VR99")))
        .isInstanceOfSatisfying(
            ScenarioException.class,
            e -> {
              assertThat(e.line()).isEqualTo(14);
              assertThat(e.reason()).contains("'regio-VR99' staat niet bij de deelnemers");
            });
  }

  @Test
  void brokenYamlIsRefusedWithTheLineOfTheProblem() {
    String broken = GOOD.replace("leerdoelen: [opschalen]", "leerdoelen: [opschalen");

    assertThatThrownBy(() -> ScenarioLoader.read("p", broken))
        .isInstanceOfSatisfying(
            ScenarioException.class,
            e -> {
              assertThat(e.line()).isBetween(4, 6);
              assertThat(e.reason()).startsWith("geen geldige YAML");
            });
  }

  @Test
  void injectsOutOfOrderAndAnUnknownFieldAreRefused() {
    assertThatThrownBy(
            () ->
                ScenarioLoader.read(
                    "p",
                    GOOD.replace("na: PT20M", "na: PT0S\n    ").replace("na: PT0M", "na: PT5M")))
        .isInstanceOf(ScenarioException.class)
        .hasMessageContaining("volgorde");
    assertThatThrownBy(
            () -> ScenarioLoader.read("p", GOOD.replace("versie: 2", "versie: 2\nauteur: ik")))
        .isInstanceOfSatisfying(
            ScenarioException.class,
            e -> {
              assertThat(e.line()).isEqualTo(3);
              assertThat(e.reason()).contains("onbekend veld 'auteur'");
            });
  }
}
