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
import nl.knooppunt.processes.events.Origin;
import nl.knooppunt.processes.events.PublicCommunicationPublished;
import nl.knooppunt.processes.events.TaskCompletedByUser;
import nl.knooppunt.processes.events.TaskCreated;
import nl.knooppunt.processes.events.ThreatLevelChanged;
import nl.knooppunt.processes.variables.PublicCommunication;
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
  void
      anEscalatedReviewIsRedWithItsTimeLeftInTheTaskListOfTheSecondDeciderTheHeadAndTheCrisisPage() {
    String crisisId = fixtures.crisis("dreigingsniveau-5", "VR09", false);
    String tweede =
        fixtures.task(
            crisisId,
            nl.knooppunt.processes.Task.HERBEOORDELEN_TWEEDE,
            List.of(nl.knooppunt.processes.CandidateGroup.NCTV_TWEEDE_BESLUITVORMER.group()),
            java.util.Map.of(
                "onderwerp",
                "nog 30 minuten tot de eindtijd (2026-12-03T18:00:00Z), nog geen besluit"));
    String hoofd =
        fixtures.task(
            crisisId,
            nl.knooppunt.processes.Task.HERBEOORDELEN_HOOFD,
            List.of(nl.knooppunt.processes.CandidateGroup.NCTV_HOOFD.group()),
            java.util.Map.of(
                "onderwerp",
                "eindtijd (2026-12-03T18:00:00Z) verstreken: verlopen zonder besluit"));

    // the second decider (nctv2) has the first, with the time left and in red; not the head's
    String list = PageClient.login(port, "nctv2").get("/taken").body();
    assertThat(list)
        .contains("/taken/" + tweede, "nog 30 minuten tot de eindtijd")
        .containsPattern("class=\"label rood\"[^>]*>Escalatie: niveau 5 zonder besluit<")
        .doesNotContain("/taken/" + hoofd);
    // the head of the NCTV / DG has the second
    assertThat(PageClient.login(port, "dg").get("/taken").body())
        .contains("/taken/" + hoofd, "verlopen zonder besluit")
        .doesNotContain("/taken/" + tweede);
    // the decider on duty alone has neither
    assertThat(PageClient.login(port, "nctv").get("/taken").body())
        .doesNotContain("/taken/" + tweede)
        .doesNotContain("/taken/" + hoofd);
    // the crisis page shows both, in red, with what they are about
    assertThat(PageClient.login(port, "operator").get("/crises/" + crisisId).body())
        .contains("nog 30 minuten tot de eindtijd", "verlopen zonder besluit")
        .containsPattern("class=\"label rood\"[^>]*>Escalatie: niveau 5 zonder besluit<");
  }

  @Test
  void theCrisisPageShowsWhatWasPublishedWithTheNationalTextAndTheLocalMessages() {
    String crisisId = fixtures.crisis("dreigingsniveau-5", "VR09", false);
    PageClient operator = PageClient.login(port, "operator");
    assertThat(operator.get("/crises/" + crisisId).body())
        .doesNotContain("id=\"publiekscommunicatie\"");

    // declared: Utrecht added "blijf binnen", Amersfoort stayed silent within the SLA
    fixtures.apply(
        EventType.COMMUNICATIE_GEPUBLICEERD,
        crisisId,
        false,
        null,
        new PublicCommunicationPublished(
            "AFKONDIGING",
            "Voor de provincie Utrecht geldt dreigingsniveau 5",
            "Volg de aanwijzingen van de lokale autoriteiten",
            "De dreiging is acuut",
            List.of(PublicCommunication.Channel.NL_ALERT),
            List.of(
                new PublicCommunicationPublished.LocalMessage(
                    "GM0344", "Blijf binnen in de binnenstad", "woordvoerder Utrecht")),
            JOB));
    // extended: its own public communication, nothing local
    fixtures.apply(
        EventType.COMMUNICATIE_GEPUBLICEERD,
        crisisId,
        false,
        null,
        new PublicCommunicationPublished(
            "VERLENGING",
            "Dreigingsniveau 5 voor de provincie Utrecht is verlengd",
            "Blijf alert",
            "De dader is nog niet gevonden",
            List.of(),
            List.of(),
            JOB));

    String body = operator.get("/crises/" + crisisId).body();
    assertThat(body)
        .contains("id=\"publiekscommunicatie\"")
        .contains("Voor de provincie Utrecht geldt dreigingsniveau 5")
        .contains("Volg de aanwijzingen van de lokale autoriteiten")
        .contains("De dreiging is acuut")
        .contains("NL-Alert")
        .contains("Lokale boodschappen")
        .containsPattern(
            "data-gemeente=\"GM0344\"><strong>Utrecht</strong>:\\s*<span>Blijf binnen in de"
                + " binnenstad</span>")
        .doesNotContain("data-gemeente=\"GM0307\"");
    // newest first: the extension above the declaration
    assertThat(body.indexOf("is verlengd")).isLessThan(body.indexOf("geldt dreigingsniveau 5"));
  }

  private static final java.util.concurrent.atomic.AtomicLong REPORTS =
      new java.util.concurrent.atomic.AtomicLong(8_000_000);

  /** A situation report asked of {@code group} and completed by {@code user} at {@code at}. */
  private void report(
      String crisisId, String group, String user, Instant at, java.util.Map<String, Object> form) {
    long key = REPORTS.incrementAndGet();
    fixtures.apply(
        EventType.TAAK_AANGEMAAKT,
        crisisId,
        at.minusSeconds(60),
        false,
        null,
        new TaskCreated(
            key,
            "dreigingsniveau-5",
            "Situatierapport_Beeld",
            null,
            "Situatierapport voor het beeld",
            "knooppunt:forms:situatierapport",
            "PT30M",
            List.of(group),
            List.of(),
            null,
            at.plus(Duration.ofMinutes(30)),
            group.startsWith("regio-") ? group.substring(6) : null,
            java.util.Map.of("crisisId", crisisId)));
    fixtures.apply(
        EventType.TAAK_AFGEROND,
        crisisId,
        at,
        false,
        user,
        new TaskCompletedByUser(
            key, "Situatierapport voor het beeld", "Situatierapport_Beeld", form));
  }

  @Test
  void theCrisisPageShowsThePictureTheLatestReportOfEachSourceNewestFirst() {
    String crisisId = fixtures.crisis("dreigingsniveau-5", "VR09", false);
    PageClient operator = PageClient.login(port, "operator");
    assertThat(operator.get("/crises/" + crisisId).body())
        .contains("id=\"beeld\"")
        .contains("Nog geen situatierapporten.");

    Instant now = Instant.now();
    report(
        crisisId,
        "politie",
        "politie",
        now.minus(Duration.ofMinutes(40)),
        java.util.Map.of(
            "samenvatting", "Eerste melding: dader voortvluchtig", "opgesteldDoor", "politie"));
    report(
        crisisId,
        "om",
        "om",
        now.minus(Duration.ofMinutes(35)),
        java.util.Map.of("samenvatting", "Verdachte in beeld", "opgesteldDoor", "om"));
    report(
        crisisId,
        "regio-VR09",
        "regio-utrecht",
        now.minus(Duration.ofMinutes(5)),
        java.util.Map.of(
            "samenvatting", "Binnenstad afgesloten",
            "maatregelen", "Binnenblijfadvies",
            "behoeften", "",
            "opgesteldDoor", "regio-utrecht"));
    // the next round: the police report again, with nothing new filled in
    report(
        crisisId,
        "politie",
        "politie",
        now.minus(Duration.ofMinutes(2)),
        java.util.Map.of("opgesteldDoor", "politie"));

    String body = operator.get("/crises/" + crisisId).body();
    String beeld =
        body.substring(
            body.indexOf("id=\"beeld\""), body.indexOf("</section>", body.indexOf("id=\"beeld\"")));
    assertThat(beeld)
        .doesNotContain("Nog geen situatierapporten.")
        .doesNotContain("Eerste melding")
        .contains("Verdachte in beeld")
        .contains("Binnenstad afgesloten")
        .contains("Binnenblijfadvies")
        .doesNotContain("Wat is er nodig")
        .contains("Geen bijzonderheden gemeld.");
    // one report per source, the newest first: police, then Utrecht, then the OM
    assertThat(beeld.split("class=\"situatierapport\"", -1)).hasSize(4);
    int politie = beeld.indexOf("data-bron=\"Politie");
    int utrecht = beeld.indexOf("data-bron=\"Veiligheidsregio Utrecht");
    int om = beeld.indexOf("data-bron=\"Openbaar Ministerie");
    assertThat(politie).isNotNegative().isLessThan(utrecht);
    assertThat(utrecht).isLessThan(om);
    // everyone in scope reads it: the region's officer too, live in the page's details
    assertThat(
            PageClient.login(port, "regio-utrecht").get("/crises/" + crisisId + "/details").body())
        .contains("Binnenstad afgesloten");
  }

  private static final Origin JOB = new Origin("dreigingsniveau-5", "Publiceren", 1L);

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

    // an end years ahead is refused like a request body's date would be (DateWindow)
    Page tooFar =
        region.post(
            "/crises/" + assistance + "/actie",
            "actie",
            "VERLENGING",
            "toelichting",
            "Inzet nog 12 uur nodig",
            "tot",
            "2030-03-19T18:00");
    assertThat(tooFar.status()).isEqualTo(302);
    assertThat(region.get("/crises/" + assistance).body())
        .contains("Tot wanneer: Kies een datum vanaf 2000 en niet meer dan een jaar vooruit.");

    Page asked =
        region.post(
            "/crises/" + assistance + "/actie",
            "actie",
            "VERLENGING",
            "toelichting",
            "Inzet nog 12 uur nodig",
            "tot",
            nl.knooppunt.gateway.web.Times.inputValue(
                java.time.OffsetDateTime.now().plusHours(30)));
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
