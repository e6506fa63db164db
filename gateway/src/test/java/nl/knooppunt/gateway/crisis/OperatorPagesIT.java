package nl.knooppunt.gateway.crisis;

import static org.assertj.core.api.Assertions.assertThat;

import nl.knooppunt.gateway.GatewayITBase;
import nl.knooppunt.gateway.PageClient;
import nl.knooppunt.gateway.PageClient.Page;
import nl.knooppunt.gateway.web.Times;
import org.junit.jupiter.api.Test;

/** The duty officer's console: the board of active crises and the start forms' checks. */
class OperatorPagesIT extends GatewayITBase {

  @Test
  void theBoardNamesWhoIsSilentAndCountsTheRest() {
    String crisisId = fixtures.crisis("dreigingsniveau-5", "VR09", false);
    for (String gm : java.util.List.of("GM0344", "GM0307", "GM0310", "GM0312", "GM0313")) {
      fixtures.notification(crisisId, gm, "VR09");
    }
    // a recipient who got the notice again over the reserve channel is still one recipient
    fixtures.fallback(crisisId, "BM-GM0344");

    Page board = PageClient.login(port, "operator").get("/operator/bord");

    assertThat(board.status()).isEqualTo(200);
    assertThat(board.body())
        .contains("data-crisis=\"" + crisisId + "\"")
        .contains("<strong>5</strong> <span>ontvangers</span>")
        .contains("Ontvanger " + crisisId + "/afkondiging/")
        .contains(" en 2 anderen");
  }

  @Test
  void aProposalWithoutAnAreaOrReasonIsRefusedBesideItsFields() {
    PageClient operator = PageClient.login(port, "operator");
    operator.get("/operator");
    int before = engine.calls.size();

    Page refused =
        operator.post(
            "/operator/dreigingsniveau", "soort", "PROVINCIE", "reden", "", "eindtijd", "morgen");

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body())
        .contains("id=\"foutsamenvatting\"", "Controleer de gemarkeerde velden")
        .as("each line of the summary leads to its field")
        .contains("href=\"#veld-reden\"", "href=\"#veld-eindtijd\"")
        .contains("id=\"fout-gebied\"", "Kies ten minste één gebied.")
        .contains("id=\"fout-reden\"", "Vul dit veld in.")
        .contains("id=\"fout-eindtijd\"");
    assertThat(engine.calls).as("nothing started").hasSize(before);
  }

  @Test
  void aRegionOfficerMayRequestBijstandButNotProposeLevel5() {
    PageClient region = PageClient.login(port, "regio-utrecht");

    Page console = region.get("/operator");
    assertThat(console.status()).isEqualTo(200);
    assertThat(console.body()).contains("Bijstand aanvragen").doesNotContain("id=\"dn5\"");

    Page refused = region.post("/operator/dreigingsniveau", "soort", "PROVINCIE");
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.body()).contains("<h1>Geen toegang</h1>");
  }

  @Test
  void aRegionLinksItsRequestToTheLevel5ItServesButNotToACrisisOfTheOtherWorld() {
    String level5 = fixtures.crisis("dreigingsniveau-5", "VR09", false);
    String exerciseManhunt = fixtures.crisis("manhunt", "VR09", true);
    PageClient region = PageClient.login(port, "regio-utrecht");

    Page console = region.get("/operator");
    assertThat(console.body())
        .contains("id=\"veld-bsGekoppeld\"", "aria-describedby=\"hint-bsGekoppeld\"")
        .contains("<option value=\"" + level5 + "\"")
        .as("only crises of this world are offered")
        .doesNotContain("<option value=\"" + exerciseManhunt + "\"");

    int before = engine.calls.size();
    Page otherWorld = region.post("/operator/bijstand", bijstand(exerciseManhunt));
    assertThat(otherWorld.status()).isEqualTo(400);
    assertThat(otherWorld.body())
        .contains("href=\"#veld-bsGekoppeld\"", "id=\"fout-bsGekoppeld\"")
        .contains(exerciseManhunt + " is een oefening");
    assertThat(engine.calls).as("nothing started").hasSize(before);

    Page started = region.post("/operator/bijstand", bijstand(level5));
    assertThat(started.status()).isEqualTo(302);
    var start =
        (nl.knooppunt.processes.variables.AssistanceStart) engine.calls.get(before).payload();
    assertThat(start.gekoppeldeCrisisId()).isEqualTo(level5);
    assertThat(start.aanvraag().aanvragendeRegio()).isEqualTo("VR09");
  }

  private static String[] bijstand(String gekoppeld) {
    return new String[] {
      "bsCapaciteit", "GENEESKUNDIGE_HULPVERLENING",
      "bsAantal", "2",
      "bsLocatie", "Utrecht Centraal",
      "bsVanaf", Times.inputValue(java.time.OffsetDateTime.now().plusHours(1)),
      "bsUren", "12",
      "bsGrondslag", "WVR_ART_51",
      "bsGekoppeld", gekoppeld
    };
  }

  @Test
  void aSecondLevel5ForAnAreaAlreadyOnItsWayToLevel5AsksFirstAndKeepsTheChoice() {
    String existing = fixtures.crisis("dreigingsniveau-5", "VR09", false);
    PageClient operator = PageClient.login(port, "operator");
    operator.get("/operator");
    int before = engine.calls.size();

    Page warned =
        operator.post(
            "/operator/dreigingsniveau",
            "soort",
            "PROVINCIE",
            "provincie",
            "PV26",
            "reden",
            "Tweede melding",
            "eindtijd",
            Times.inputValue(java.time.OffsetDateTime.now().plusHours(12)));
    assertThat(warned.status()).isEqualTo(400);
    assertThat(warned.body())
        .contains("id=\"overlap\"")
        .contains("/crises/" + existing)
        .contains("Toch een nieuw voorstel indienen")
        .containsPattern("id=\"provincie-PV26\"[^>]*checked");
    assertThat(engine.calls).hasSize(before);

    Page started =
        operator.post(
            "/operator/dreigingsniveau",
            "soort",
            "PROVINCIE",
            "provincie",
            "PV26",
            "reden",
            "Tweede melding",
            "eindtijd",
            Times.inputValue(java.time.OffsetDateTime.now().plusHours(12)),
            "ookAlsErAlEenIs",
            "true");
    assertThat(started.status()).isEqualTo(302);
    assertThat(engine.calls).hasSize(before + 1);
  }

  @Test
  void datesTypedOnTheConsoleOutsideTheWindowAreRefusedBesideTheirFields() {
    PageClient operator = PageClient.login(port, "operator");
    operator.get("/operator");
    int before = engine.calls.size();
    String window = "Kies een datum vanaf 2000 en niet meer dan een jaar vooruit.";

    Page level =
        operator.post(
            "/operator/dreigingsniveau",
            "soort",
            "PROVINCIE",
            "provincie",
            "PV26",
            "reden",
            "Concrete dreiging",
            "eindtijd",
            Times.inputValue(java.time.OffsetDateTime.now().plusYears(3)));
    assertThat(level.status()).isEqualTo(400);
    assertThat(level.body()).contains("href=\"#veld-eindtijd\"", "id=\"fout-eindtijd\"", window);

    Page attack =
        operator.post(
            "/operator/manhunt",
            "mhGemeente",
            "GM0344",
            "mhPlaats",
            "Stationsplein",
            "mhTijdstip",
            "1999-11-23T08:15");
    assertThat(attack.status()).isEqualTo(400);
    assertThat(attack.body()).contains("href=\"#veld-mhTijdstip\"", window);

    String[] request = bijstand("");
    for (int i = 0; i < request.length; i += 2) {
      if (request[i].equals("bsVanaf")) {
        request[i + 1] = Times.inputValue(java.time.OffsetDateTime.now().plusYears(2));
      }
    }
    PageClient region = PageClient.login(port, "regio-utrecht");
    region.get("/operator");
    Page assistance = region.post("/operator/bijstand", request);
    assertThat(assistance.status()).isEqualTo(400);
    assertThat(assistance.body()).contains("href=\"#veld-bsVanaf\"", window);

    assertThat(engine.calls).as("nothing started").hasSize(before);
  }

  @Test
  void theOperatorSaysALevelFiveComesAfterAnAttackOnThePageOrInTheApiAndTheProcessHearsIt() {
    // #14: aftercare after an attack without a manhunt needs the start to say "na een aanslag"
    PageClient operator = PageClient.login(port, "operator");
    assertThat(operator.get("/operator").body())
        .contains("id=\"veld-naAanslag\"", "Na een aanslag");
    Page started =
        operator.post(
            "/operator/dreigingsniveau",
            "soort",
            "VEILIGHEIDSREGIO",
            "regio",
            "VR24",
            "reden",
            "Aanslag op het station, dader gedood",
            "eindtijd",
            Times.inputValue(java.time.OffsetDateTime.now().plusHours(12)),
            "naAanslag",
            "true",
            "ookAlsErAlEenIs",
            "true");
    assertThat(started.status()).isEqualTo(302);
    assertThat(lastThreatLevelStart().naAanslag()).isTrue();

    nl.knooppunt.gateway.Api.Response viaApi =
        api.post(
            "/api/v1/processes/threat-level-proposals",
            "operator",
            java.util.Map.of(
                "area",
                java.util.Map.of("kind", "VEILIGHEIDSREGIO", "codes", java.util.List.of("VR24")),
                "reason",
                "Dreiging zonder aanslag",
                "proposedEnd",
                java.time.OffsetDateTime.now().plusHours(12).toString()));
    assertThat(viaApi.status()).as(viaApi.toString()).isEqualTo(201);
    assertThat(lastThreatLevelStart().naAanslag()).isFalse();
  }

  private nl.knooppunt.processes.variables.ThreatLevelStart lastThreatLevelStart() {
    return engine.calls.stream()
        .filter(c -> c.what().equals("start") && c.key().equals("dreigingsniveau-5"))
        .map(c -> (nl.knooppunt.processes.variables.ThreatLevelStart) c.payload())
        .reduce((a, b) -> b)
        .orElseThrow();
  }

  @Test
  void aManhuntIsStartedFromTheMunicipalityAndAnAttackInTheFutureIsRefused() {
    PageClient operator = PageClient.login(port, "operator");
    operator.get("/operator");
    Page future =
        operator.post(
            "/operator/manhunt",
            "mhGemeente",
            "GM0344",
            "mhPlaats",
            "Stationsplein",
            "mhTijdstip",
            Times.inputValue(java.time.OffsetDateTime.now().plusHours(3)));
    assertThat(future.status()).isEqualTo(400);
    assertThat(future.body()).contains("Het tijdstip van de aanslag ligt in de toekomst.");

    int before = engine.calls.size();
    Page started =
        operator.post(
            "/operator/manhunt",
            "mhGemeente",
            "GM0344",
            "mhPlaats",
            "Stationsplein",
            "mhTijdstip",
            Times.inputValue(java.time.OffsetDateTime.now()));
    assertThat(started.status()).isEqualTo(302);
    nl.knooppunt.processes.variables.ManhuntStart start =
        (nl.knooppunt.processes.variables.ManhuntStart) engine.calls.get(before).payload();
    assertThat(start.locatie().gemeentecode()).isEqualTo("GM0344");
    assertThat(start.locatie().vrCode())
        .as("the region follows from the municipality")
        .isEqualTo("VR09");
  }
}
