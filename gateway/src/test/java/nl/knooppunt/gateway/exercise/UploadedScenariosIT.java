package nl.knooppunt.gateway.exercise;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import nl.knooppunt.gateway.GatewayITBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A scenario the exercise director uploads is kept in the database: after a restart, or on the
 * other gateway replica, it can still be started and a run of it resumes.
 */
class UploadedScenariosIT extends GatewayITBase {

  @Autowired ExerciseRunner runner;

  private static String scenario(String id, String title) {
    return """
        id: %s
        versie: 1
        titel: "%s"
        leerdoelen:
          - "Stilte van een regio opmerken"
        deelnemers:
          - regio-VR09
        injects:
          - na: PT0M
            soort: injectkaart
            als: regio-VR09
            tekst: "De burgemeester belt: is de melding binnen?"
        """
        .formatted(id, title);
  }

  @Test
  void anUploadedScenarioIsKeptAndAScenarioUploadedOnTheOtherReplicaCanBeStarted() {
    String mine = "upload-" + UUID.randomUUID().toString().substring(0, 8);
    runner.upload("mijn-oefening.yaml", scenario(mine, "Mijn oefening"), "oefenleider");

    assertThat(
            jdbc.queryForObject(
                "select uploaded_by from exercise_scenario where scenario_id = ?",
                String.class,
                mine))
        .isEqualTo("oefenleider");
    assertThat(runner.scenario(mine).title()).isEqualTo("Mijn oefening");

    // the other replica uploaded one: this runner knows it without a restart
    String theirs = "upload-" + UUID.randomUUID().toString().substring(0, 8);
    jdbc.update(
        "insert into exercise_scenario (scenario_id, version, file_name, text, uploaded_at,"
            + " uploaded_by) values (?, 1, 'andere.yaml', ?, now(), 'oefenleider')",
        theirs,
        scenario(theirs, "Oefening van de andere replica"));
    assertThat(runner.scenarios())
        .extracting(Scenario::id)
        .contains(mine, theirs, "utrecht-tramaanslag-2019");
  }
}
