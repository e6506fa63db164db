package nl.knooppunt.gateway.beheer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import nl.knooppunt.gateway.FakeOrchestration;
import nl.knooppunt.gateway.GatewayITBase;
import nl.knooppunt.gateway.PageClient;
import nl.knooppunt.gateway.PageClient.Page;
import nl.knooppunt.gateway.engine.Orchestration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The beheerder sees on {@code /beheer} which steps stand still and repairs them: tries a step
 * again or cancels the instance with a reason; the logbook says who did it and why.
 */
class BeheerPagesIT extends GatewayITBase {

  @org.springframework.beans.factory.annotation.Autowired
  nl.knooppunt.gateway.engine.IncidentWatcher watcher;

  @AfterEach
  void noIncidentsLeft() {
    engine.incidents.clear();
    engine.running.clear();
    watcher.poll();
  }

  private Orchestration.Incident stuck(String crisis, long instance, long incidentKey) {
    fixtures.processInstance(crisis, instance);
    Orchestration.Incident incident =
        new Orchestration.Incident(
            incidentKey,
            instance,
            "dreigingsniveau-5",
            "Niveau_Registreren",
            "JOB_NO_RETRIES",
            "IllegalArgumentException: geen gebied",
            OffsetDateTime.now().minusMinutes(3),
            incidentKey + 1);
    engine.incidents.add(incident);
    return incident;
  }

  @Test
  void theBeheerderSeesTheStuckStepWithItsCrisisAndAgeAndTriesItAgain() {
    String crisis = fixtures.crisis("dreigingsniveau-5");
    stuck(crisis, 7201L, 9201L);
    engine.running.add(
        new Orchestration.RunningProcess("dreigingsniveau-5", "Dreigingsniveau 5", 2, 3, 1));
    PageClient beheerder = PageClient.login(port, "beheerder");
    watcher.poll();
    assertThat(beheerder.get("/taken").body()).contains("id=\"naar-beheer\"");
    assertThat(beheerder.get("/dashboard").body()).contains("id=\"naar-beheer\"");

    Page page = beheerder.get("/beheer");

    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body())
        .contains("id=\"incident-9201\"")
        .contains("Dreigingsniveau 5 registreren")
        .contains("IllegalArgumentException: geen gebied")
        .contains("dreigingsniveau-5")
        .contains("/crises/" + crisis)
        .contains("3 min")
        .contains("data-versie=\"2\"");

    Page retried = beheerder.post("/beheer/incidenten/9201/opnieuw");

    assertThat(retried.status()).isEqualTo(302);
    assertThat(engine.calls).contains(new FakeOrchestration.Call("retry", "9201", 9202L));
    assertThat(beheerder.get("/beheer").body()).doesNotContain("id=\"incident-9201\"");
    assertThat(api.get("/api/v1/crises/" + crisis + "/timeline", "operator").json().toString())
        .contains("probeerde stap 'Dreigingsniveau 5 registreren' opnieuw");
  }

  @Test
  void cancellingNeedsAReasonAndTheLogbookKeepsItWithWhoCancelled() {
    String crisis = fixtures.crisis("dreigingsniveau-5");
    stuck(crisis, 7301L, 9301L);
    PageClient beheerder = PageClient.login(port, "beheerder");
    assertThat(beheerder.get("/beheer").body()).contains("id=\"incident-9301\"");

    Page refused = beheerder.post("/beheer/incidenten/9301/annuleren", "reden", " ");

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body()).contains("Geef een reden voor het annuleren");
    assertThat(engine.calls).doesNotContain(new FakeOrchestration.Call("cancel", "7301", null));

    Page cancelled =
        beheerder.post(
            "/beheer/incidenten/9301/annuleren", "reden", "Gebied onleesbaar, opnieuw gestart");

    assertThat(cancelled.status()).isEqualTo(302);
    assertThat(engine.calls).contains(new FakeOrchestration.Call("cancel", "7301", null));
    assertThat(beheerder.get("/beheer").body()).doesNotContain("id=\"incident-9301\"");
    assertThat(api.get("/api/v1/crises/" + crisis + "/timeline", "operator").json().toString())
        .contains("annuleerde procesinstantie 7301")
        .contains("Gebied onleesbaar, opnieuw gestart");
    // nothing moves the crisis on any more: it leaves the open crises and says why
    assertThat(api.get("/api/v1/crises/" + crisis, "operator").json().toString())
        .contains("\"closed\":true")
        .contains("PROCES_GEANNULEERD");
    assertThat(beheerder.get("/crises/" + crisis).body())
        .contains("Afgebroken: proces geannuleerd door de beheerder");
  }

  @Test
  void anIncidentAlreadyRepairedElsewhereIsSaidSoAndOnlyTheBeheerderRepairs() {
    PageClient beheerder = PageClient.login(port, "beheerder");
    beheerder.get("/beheer");

    Page gone = beheerder.post("/beheer/incidenten/9999/opnieuw");

    assertThat(gone.status()).isEqualTo(404);
    assertThat(gone.body()).contains("Incident 9999 is er niet meer");
    assertThat(PageClient.login(port, "operator").get("/beheer").status()).isEqualTo(403);
  }
}
