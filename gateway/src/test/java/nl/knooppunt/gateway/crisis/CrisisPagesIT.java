package nl.knooppunt.gateway.crisis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import nl.knooppunt.gateway.Api;
import nl.knooppunt.gateway.GatewayITBase;
import nl.knooppunt.gateway.PageClient;
import nl.knooppunt.gateway.PageClient.Page;
import nl.knooppunt.gateway.logbook.Logbook;
import nl.knooppunt.processes.MessageName;
import nl.knooppunt.processes.events.EventType;
import nl.knooppunt.processes.events.FactRecorded;
import nl.knooppunt.processes.events.ThreatLevelChanged;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The page of one crisis: its notifications, its map, and the actions each role may take. */
class CrisisPagesIT extends GatewayITBase {

  @Autowired Logbook logbook;

  @Test
  void aLevelFiveExpiredWithoutADecisionIsRedOnTheCrisisPageTheBoardAndTheDashboardUntilExtended() {
    String crisisId = fixtures.crisis("dreigingsniveau-5", "VR09", false);
    fixtures.apply(
        EventType.DREIGINGSNIVEAU_GEWIJZIGD,
        crisisId,
        false,
        null,
        new ThreatLevelChanged(
            "AFKONDIGEN",
            5,
            null,
            Instant.now().plus(Duration.ofHours(6)),
            List.of("VR09"),
            List.of("GM0344"),
            null));
    PageClient operator = PageClient.login(port, "operator");
    assertThat(operator.get("/crises/" + crisisId).body())
        .doesNotContain("id=\"verlopen\"")
        .doesNotContain("Verlopen zonder besluit");

    // the end time passed without a decision: the process records it
    fixtures.apply(
        EventType.LOGBOEK_FEIT,
        crisisId,
        false,
        null,
        new FactRecorded("VERLOPEN_ZONDER_BESLUIT", "VERLENGING", null, null));

    assertThat(operator.get("/crises/" + crisisId).body())
        .contains("id=\"verlopen\"")
        .containsPattern("class=\"label rood\"[^>]*>Verlopen zonder besluit<");
    assertThat(operator.get("/operator/bord").body())
        .containsPattern("class=\"label rood\"[^>]*>Verlopen zonder besluit<");
    assertThat(PageClient.login(port, "management").get("/dashboard").body())
        .contains("id=\"verlopen\"", "Dreigingsniveau 5 verlopen zonder besluit")
        .contains("/crises/" + crisisId);
    assertThat(logbook.ofCrisis(crisisId))
        .extracting(Logbook.Entry::summary)
        .contains(
            "Dreigingsniveau 5 verlopen zonder besluit: de eindtijd is bereikt zonder verlenging"
                + " of afschaling");

    // extended late: in force again, no longer red
    fixtures.apply(
        EventType.DREIGINGSNIVEAU_GEWIJZIGD,
        crisisId,
        false,
        null,
        new ThreatLevelChanged(
            "VERLENGEN",
            5,
            null,
            Instant.now().plus(Duration.ofHours(6)),
            List.of("VR09"),
            List.of("GM0344"),
            null));
    assertThat(operator.get("/crises/" + crisisId).body())
        .doesNotContain("id=\"verlopen\"")
        .contains("Niveau 5 verlengd");
    assertThat(PageClient.login(port, "management").get("/dashboard").body())
        .doesNotContain("id=\"verlopen\"");
  }

  @Test
  void theCrisisPageCountsAcknowledgementsAndShowsTheAreaOnTheMap() {
    String crisisId = fixtures.crisis("dreigingsniveau-5", "VR09", false);
    fixtures.notification(crisisId, "GM0344", "VR09");
    fixtures.notification(crisisId, "GM0307", "VR09");

    Page page = PageClient.login(port, "operator").get("/crises/" + crisisId);

    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body())
        .containsPattern("<strong>0</strong> van\\s+<strong>2</strong> bevestigd")
        .contains("nog stil")
        .contains("id=\"kaart\"")
        .doesNotContain("oefening-banner");
    java.util.regex.Matcher utrecht =
        java.util.regex.Pattern.compile("<path[^>]*data-vr=\"VR09\"[^>]*>").matcher(page.body());
    assertThat(utrecht.find()).isTrue();
    assertThat(utrecht.group()).contains("in-gebied");
  }

  @Test
  void theOperatorProposesLoweringWithAReasonAndTheProcessGetsTheMessage() {
    String crisisId = fixtures.crisis("dreigingsniveau-5", "VR09", false);
    PageClient operator = PageClient.login(port, "operator");
    assertThat(operator.get("/crises/" + crisisId).body()).contains("Afschaling voorstellen");
    int before = engine.calls.size();

    Page empty = operator.post("/crises/" + crisisId + "/actie", "actie", "VERLAGING");
    assertThat(empty.status()).isEqualTo(302);
    assertThat(operator.get("/crises/" + crisisId).body())
        .contains("Geef een toelichting (maximaal 4000 tekens).");
    assertThat(engine.calls).hasSize(before);

    Page done =
        operator.post(
            "/crises/" + crisisId + "/actie",
            "actie",
            "VERLAGING",
            "toelichting",
            "Dader aangehouden, geen aanwijzingen voor een vervolgaanslag");
    assertThat(done.status()).isEqualTo(302);
    assertThat(operator.get("/crises/" + crisisId).body())
        .contains("Afschaling voorstellen: doorgegeven.");
    assertThat(engine.calls.subList(before, engine.calls.size()))
        .anySatisfy(c -> assertThat(c.what()).startsWith("message:"));
  }

  @Test
  void theNctvDecidesWithoutTheOmsInformationOnlyWithAReasonFromTheCrisisPageOrTheApi() {
    String crisisId = fixtures.crisis("dreigingsniveau-5", "VR09", false);
    PageClient nctv = PageClient.login(port, "nctv");
    // nothing awaited yet: no action, and the API says there is nothing to decide without
    assertThat(nctv.get("/crises/" + crisisId).body())
        .doesNotContain("Besluiten zonder volledige informatie");
    Api.Response nothing =
        api.post(
            "/api/v1/crises/" + crisisId + "/decision-without-full-information",
            "nctv",
            "{\"reason\": \"Eerste uur\"}");
    assertThat(nothing.status()).isEqualTo(409);
    assertThat(nothing.isProblem()).isTrue();

    // the OM has not shared: the decider may go on, with a reason; the operator may not
    fixtures.informationTask(crisisId, "om");
    assertThat(nctv.get("/crises/" + crisisId).body())
        .contains("Besluiten zonder volledige informatie");
    assertThat(PageClient.login(port, "operator").get("/crises/" + crisisId).body())
        .doesNotContain("Besluiten zonder volledige informatie");
    int before = engine.calls.size();
    nctv.post("/crises/" + crisisId + "/actie", "actie", "ZONDER_INFORMATIE");
    assertThat(nctv.get("/crises/" + crisisId).body())
        .contains("Geef een toelichting (maximaal 4000 tekens).");
    assertThat(engine.calls).hasSize(before);

    Page done =
        nctv.post(
            "/crises/" + crisisId + "/actie",
            "actie",
            "ZONDER_INFORMATIE",
            "toelichting",
            "Eerste uur na de aanslag; vervolgdreiging acuut");
    assertThat(done.status()).isEqualTo(302);
    assertThat(nctv.get("/crises/" + crisisId).body())
        .contains("Besluiten zonder volledige informatie: doorgegeven.");
    assertThat(engine.calls.subList(before, engine.calls.size()))
        .anySatisfy(
            c ->
                assertThat(c.what())
                    .isEqualTo(
                        "message:"
                            + MessageName.BESLUIT_ZONDER_VOLLEDIGE_INFORMATIE.messageName()));
    // logged with who and why: the timeline of the crisis page says so
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                assertThat(nctv.get("/crises/" + crisisId).body())
                    .contains("besloot zonder volledige informatie")
                    .contains("Reden: Eerste uur na de aanslag; vervolgdreiging acuut"));

    Api.Response byApi =
        api.post(
            "/api/v1/crises/" + crisisId + "/decision-without-full-information",
            "nctv",
            "{\"reason\": \" \"}");
    assertThat(byApi.status()).isEqualTo(400);
  }

  @Test
  void aRegionCannotLowerLevel5ButMayAskToExtendItsOwnBijstand() {
    String level5 = fixtures.crisis("dreigingsniveau-5", "VR09", false);
    String assistance = fixtures.crisis("bijstandsaanvraag", "VR09", false);
    PageClient region = PageClient.login(port, "regio-utrecht");

    assertThat(region.get("/crises/" + level5).body()).doesNotContain("Verlaging voorstellen");
    Page refused =
        region.post("/crises/" + level5 + "/actie", "actie", "VERLAGING", "toelichting", "x");
    assertThat(refused.status()).isEqualTo(403);

    assertThat(region.get("/crises/" + assistance).body()).contains("Verlenging aanvragen");
    Page noTime =
        region.post(
            "/crises/" + assistance + "/actie", "actie", "VERLENGING", "toelichting", "Nog nodig");
    assertThat(noTime.status()).isEqualTo(302);
    assertThat(region.get("/crises/" + assistance).body()).contains("Tot wanneer: ");

    Page asked =
        region.post(
            "/crises/" + assistance + "/actie",
            "actie",
            "VERLENGING",
            "toelichting",
            "Inzet nog 12 uur nodig",
            "tot",
            "2030-03-19T18:00");
    assertThat(asked.status()).isEqualTo(302);
    assertThat(region.get("/crises/" + assistance).body())
        .contains("Verlenging aanvragen: doorgegeven.");
  }

  @Test
  void thePoliceRaiseAPossibleTerroristMotiveOnTheManhuntPageAndTheProcessGetsTheMessage() {
    String manhunt = fixtures.manhunt(false);
    PageClient police = PageClient.login(port, "politie");
    assertThat(police.get("/crises/" + manhunt).body())
        .contains("Mogelijk terroristisch motief melden");
    int before = engine.calls.size();

    Page raised =
        police.post(
            "/crises/" + manhunt + "/actie",
            "actie",
            "MOTIEF",
            "toelichting",
            "Dader riep leuzen; mogelijk terroristisch motief");
    assertThat(raised.status()).isEqualTo(302);
    assertThat(police.get("/crises/" + manhunt).body())
        .contains("Mogelijk terroristisch motief melden: doorgegeven.");
    assertThat(engine.calls.subList(before, engine.calls.size()))
        .anySatisfy(
            c -> {
              assertThat(c.what()).isEqualTo("message:knooppunt.manhunt.terroristisch-motief");
              assertThat(c.key()).isEqualTo(manhunt);
            });

    // the OM does not raise it; a manhunt that started with the motive offers nothing to raise
    assertThat(PageClient.login(port, "om").get("/crises/" + manhunt).body())
        .doesNotContain("Mogelijk terroristisch motief melden");
    String known = fixtures.manhunt(true);
    assertThat(police.get("/crises/" + known).body())
        .doesNotContain("Mogelijk terroristisch motief melden");
  }

  @Test
  void aTerroristMotiveThatWasKnownAtTheStartCannotBeRaisedThroughTheApi() {
    String known = fixtures.manhunt(true);
    var refused =
        api.post(
            "/api/v1/crises/" + known + "/terrorist-motive",
            "politie",
            "{\"explanation\":\"Leuzen\"}");
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.body()).contains("al geadviseerd");
    var accepted =
        api.post(
            "/api/v1/crises/" + fixtures.manhunt(false) + "/terrorist-motive",
            "operator",
            "{\"explanation\":\"Leuzen\"}");
    assertThat(accepted.status()).isEqualTo(202);
  }

  @Test
  void anExerciseCrisisCarriesTheBannerInTheRealWorldToo() {
    String exercise = fixtures.crisis("manhunt", "VR09", true);
    Page page = PageClient.login(port, "operator").get("/crises/" + exercise);
    assertThat(page.body()).contains("id=\"oefening-banner\"", "OEFENING");
  }
}
