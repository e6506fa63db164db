package nl.knooppunt.gateway.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import nl.knooppunt.gateway.GatewayITBase;
import nl.knooppunt.gateway.PageClientAccess;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A step the engine cannot go on with is shown in red where people look, and logged; when it is
 * resolved the red goes away.
 */
class IncidentWatcherIT extends GatewayITBase {

  @Autowired IncidentWatcher watcher;

  @Test
  void aWorkerThatGaveUpStopsTheCrisisInRedUntilTheIncidentIsResolved() {
    String crisis = fixtures.crisis("dreigingsniveau-5");
    fixtures.processInstance(crisis, 7001L);
    Orchestration.Incident incident =
        new Orchestration.Incident(
            9001L,
            7001L,
            "dreigingsniveau-5",
            "Niveau_Registreren",
            "JOB_NO_RETRIES",
            "IllegalArgumentException: geen gebied",
            OffsetDateTime.now());
    engine.incidents.add(incident);

    watcher.poll();
    watcher.poll();

    String page = PageClientAccess.get(port, "operator", "/crises/" + crisis);
    assertThat(page)
        .contains("id=\"stilstand\"")
        .contains("Proces staat stil:")
        .contains("Dreigingsniveau 5 registreren")
        .contains("IllegalArgumentException: geen gebied");
    assertThat(PageClientAccess.get(port, "operator", "/operator/bord"))
        .contains("Proces staat stil");
    assertThat(PageClientAccess.get(port, "beheerder", "/taken"))
        .contains("Processen die stilstaan")
        .contains("Dreigingsniveau 5 registreren");
    assertThat(api.get("/api/v1/crises/" + crisis, "operator").json().path("incidents"))
        .singleElement()
        .satisfies(
            i -> assertThat(i.path("step").asText()).isEqualTo("Dreigingsniveau 5 registreren"));
    assertThat(api.get("/api/v1/dashboard", "management").json().path("stuckProcesses").asInt())
        .isGreaterThanOrEqualTo(1);

    engine.incidents.remove(incident);
    watcher.poll();

    assertThat(PageClientAccess.get(port, "operator", "/crises/" + crisis))
        .doesNotContain("id=\"stilstand\"");
    assertThat(api.get("/api/v1/crises/" + crisis + "/timeline", "operator").json().toString())
        .contains("Proces staat stil bij 'Dreigingsniveau 5 registreren'")
        .contains("Het proces gaat weer verder");
  }

  @Test
  void anIncidentInACalledRoundStopsTheCrisisThatCalledIt() {
    String crisis = fixtures.crisis("dreigingsniveau-5");
    fixtures.processInstance(crisis, 7101L);
    engine.parents.put(7102L, 7101L);
    engine.incidents.add(
        new Orchestration.Incident(
            9101L,
            7102L,
            "informeer-gezagen",
            "Melding_Versturen",
            "JOB_NO_RETRIES",
            "Kafka niet bereikbaar",
            OffsetDateTime.now()));

    watcher.poll();

    assertThat(
            api.get("/api/v1/crises/" + crisis, "operator")
                .json()
                .path("crisis")
                .path("stuckSteps")
                .asInt())
        .isEqualTo(1);
    engine.incidents.clear();
    watcher.poll();
    assertThat(
            api.get("/api/v1/crises/" + crisis, "operator")
                .json()
                .path("crisis")
                .path("stuckSteps")
                .asInt())
        .isZero();
  }
}
