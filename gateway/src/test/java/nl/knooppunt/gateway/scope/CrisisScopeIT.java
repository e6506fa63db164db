package nl.knooppunt.gateway.scope;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import nl.knooppunt.gateway.GatewayITBase;
import nl.knooppunt.gateway.PageClient;
import nl.knooppunt.gateway.security.KnooppuntUser;
import nl.knooppunt.gateway.security.Rol;
import nl.knooppunt.processes.Form;
import nl.knooppunt.processes.events.Area;
import nl.knooppunt.processes.events.AssistanceValidated;
import nl.knooppunt.processes.events.CrisisStarted;
import nl.knooppunt.processes.events.DeploymentRegistered;
import nl.knooppunt.processes.events.EventType;
import nl.knooppunt.processes.variables.AssistanceAllocation;
import nl.knooppunt.processes.variables.LevelFiveArea;
import nl.knooppunt.processes.variables.ManhuntStart;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Who reads which crisis (issue 20 §1, docs/adr/0031), as the demo accounts meet it: a region the
 * crises that involve its region (area, assistance asked of it or supplied by it, a manhunt next
 * door), the police its unit's, a gezag its municipality's; the rest is unknown to them (404,
 * absent from lists and pages, silent on the live stream).
 */
class CrisisScopeIT extends GatewayITBase {

  @Autowired CrisisScope scope;

  private int status(String crisisId, String user) {
    return api.get("/api/v1/crises/" + crisisId, user).status();
  }

  private String levelFive(LevelFiveArea.Kind kind, List<String> codes, List<String> regions) {
    String id = "DN5-SCOPE-" + java.util.UUID.randomUUID().toString().substring(0, 8);
    fixtures.apply(
        EventType.CRISIS_GESTART,
        id,
        false,
        "operator",
        new CrisisStarted(
            "dreigingsniveau-5",
            "Dreiging " + id,
            new Area(kind, codes, String.join(", ", codes)),
            regions,
            null,
            "operator",
            null,
            null,
            null,
            null));
    return id;
  }

  private String manhuntIn(String vrCode) {
    String id = "MH-SCOPE-" + java.util.UUID.randomUUID().toString().substring(0, 8);
    fixtures.apply(
        EventType.CRISIS_GESTART,
        id,
        false,
        "operator",
        new CrisisStarted(
            "manhunt",
            "Manhunt " + id,
            new Area(LevelFiveArea.Kind.VEILIGHEIDSREGIO, List.of(vrCode), vrCode),
            List.of(vrCode),
            null,
            "operator",
            null,
            null,
            new ManhuntStart(
                id,
                false,
                new ManhuntStart.Location("Station", null, vrCode),
                "2026-11-23T09:45:00Z",
                new ManhuntStart.Perpetrators(false, null, "onbekend"),
                false,
                "operator"),
            null));
    return id;
  }

  @Test
  void aRegionReadsTheCrisesOfItsAreaAndAManhuntNextDoorNotALevelFiveNextDoor() {
    String levelFiveUtrecht = fixtures.crisis("dreigingsniveau-5");
    String manhuntUtrecht = manhuntIn("VR09");

    assertThat(status(levelFiveUtrecht, "regio-utrecht")).isEqualTo(200);
    assertThat(status(manhuntUtrecht, "regio-utrecht")).isEqualTo(200);
    // Amsterdam-Amstelland borders Utrecht: a manhunt there concerns it, a level 5 does not
    assertThat(status(manhuntUtrecht, "regio-amsterdam")).isEqualTo(200);
    assertThat(status(levelFiveUtrecht, "regio-amsterdam")).isEqualTo(404);
    assertThat(status(levelFiveUtrecht, "operator")).isEqualTo(200);
  }

  @Test
  void aRegionReadsARequestForAssistanceItWasAskedToOfferForOrSupplies() {
    String asked = fixtures.crisis("bijstandsaanvraag", "VR24", false);
    String supplied = fixtures.crisis("bijstandsaanvraag", "VR24", false);
    assertThat(status(asked, "regio-amsterdam")).isEqualTo(404);
    assertThat(status(supplied, "regio-amsterdam")).isEqualTo(404);

    fixtures.apply(
        EventType.BIJSTAND_GEVALIDEERD,
        asked,
        false,
        null,
        new AssistanceValidated(asked, null, List.of("VR23", "VR13"), null));
    fixtures.apply(
        EventType.BIJSTAND_INZET_GEREGISTREERD,
        supplied,
        false,
        null,
        new DeploymentRegistered(
            "START",
            supplied,
            Instant.now().plusSeconds(3600),
            new AssistanceAllocation(List.of(new AssistanceAllocation.Line("VR13", 4)), null),
            null));

    assertThat(status(asked, "regio-amsterdam")).as("asked to offer").isEqualTo(200);
    assertThat(status(supplied, "regio-amsterdam")).as("supplies").isEqualTo(200);
    assertThat(status(asked, "regio-utrecht")).isEqualTo(404);
  }

  @Test
  void aGezagReadsTheCrisesOfItsMunicipalityAndThoseItWasNotifiedOf() {
    String amersfoort = levelFive(LevelFiveArea.Kind.GEMEENTE, List.of("GM0307"), List.of("VR09"));
    String province = levelFive(LevelFiveArea.Kind.PROVINCIE, List.of("Utrecht"), List.of("VR09"));
    String utrecht = levelFive(LevelFiveArea.Kind.GEMEENTE, List.of("GM0344"), List.of("VR09"));

    assertThat(status(utrecht, "gezag-utrecht")).isEqualTo(200);
    assertThat(status(province, "gezag-utrecht")).as("its province").isEqualTo(200);
    assertThat(status(amersfoort, "gezag-utrecht")).as("another municipality").isEqualTo(404);
    assertThat(status(amersfoort, "regio-utrecht")).as("its region's municipality").isEqualTo(200);

    fixtures.notification(amersfoort, "GM0344", "VR09");
    assertThat(status(amersfoort, "gezag-utrecht")).as("notified").isEqualTo(200);
  }

  @Test
  void thePoliceReadTheCrisesOfTheirUnitsRegions() {
    // Midden-Nederland: Utrecht, Gooi en Vechtstreek, Flevoland
    String gooi = fixtures.crisis("dreigingsniveau-5", "VR14", false);
    String amsterdam = fixtures.crisis("dreigingsniveau-5", "VR13", false);
    String manhuntAmsterdam = manhuntIn("VR13");

    assertThat(status(gooi, "politie")).isEqualTo(200);
    assertThat(status(amsterdam, "politie")).isEqualTo(404);
    assertThat(status(manhuntAmsterdam, "politie")).as("next to Utrecht and Gooi").isEqualTo(200);
    assertThat(status(amsterdam, "om")).as("the OM reads every crisis").isEqualTo(200);
  }

  @Test
  void theCrisisPagesLeaveOutWhatIsOutOfScope() {
    String here = fixtures.crisis("dreigingsniveau-5");
    String there = fixtures.crisis("dreigingsniveau-5", "VR24", false);
    PageClient regio = PageClient.login(port, "regio-utrecht");

    assertThat(regio.get("/crises?status=alle").body()).contains(here).doesNotContain(there);
    assertThat(regio.get("/crises/" + here).status()).isEqualTo(200);
    PageClient.Page unknown = regio.get("/crises/" + there);
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.body()).doesNotContain("Testcrisis " + there);
    assertThat(regio.get("/crises/" + there + "/details").status()).isEqualTo(404);
    assertThat(PageClient.login(port, "management").get("/crises?status=alle").body())
        .contains(here, there);
  }

  @Test
  void stateSecretInformationIsAnEntryWithoutContentOnTheCrisisPageAndInATaskForTheUncleared() {
    String crisis = fixtures.crisis("dreigingsniveau-5");
    java.util.Map<String, Object> shared =
        java.util.Map.of(
            "samenvatting", "Verdachte gezien bij Utrecht Centraal",
            "dreigingsinschatting", "VERVOLGDREIGING_ACUUT",
            "vertrouwelijkheid", "STAATSGEHEIM_CONFIDENTIEEL",
            "gedeeldDoor", "Thomas Hendriks, OM");
    fixtures.apply(
        EventType.TAAK_AFGEROND,
        crisis,
        false,
        "om",
        new nl.knooppunt.processes.events.TaskCompletedByUser(
            System.nanoTime(),
            "Relevante (opsporings)informatie delen vóór afkondiging",
            "Informatie_Delen",
            shared));
    long key = 8_800_000_000_000L + System.nanoTime() % 1_000_000_000L;
    fixtures.apply(
        EventType.TAAK_AANGEMAAKT,
        crisis,
        false,
        "test",
        new nl.knooppunt.processes.events.TaskCreated(
            key,
            "dreigingsniveau-5",
            "Publiekscommunicatie",
            null,
            "Publiekscommunicatie opstellen",
            Form.PUBLIEKSCOMMUNICATIE.key(),
            "PT30M",
            List.of("communicatieadviseur", "nctv-besluitvormer"),
            List.of(),
            null,
            Instant.now().plusSeconds(1800),
            null,
            java.util.Map.of(
                "crisisId", crisis, "opsporingsinformatie", java.util.Map.of("om", shared))));

    // the crisis page: the entry, who and when, marked; the evaluation report: no content
    assertThat(PageClient.login(port, "management").get("/crises/" + crisis).body())
        .contains("rondde", Clearance.WITHHELD_NOTE.strip());
    assertThat(api.get("/api/v1/crises/" + crisis + "/evaluation", "management").body())
        .doesNotContain("Verdachte gezien")
        .contains("Thomas Hendriks, OM", "STAATSGEHEIM_CONFIDENTIEEL");
    // the communication adviser's task: who shared it, not what (variables and history)
    String task = api.get("/api/v1/tasks/" + key, "communicatie").body();
    assertThat(task)
        .doesNotContain("Verdachte gezien")
        .contains("\"afgeschermd\":true", "Thomas Hendriks, OM");
    assertThat(PageClient.login(port, "communicatie").get("/taken/" + key).body())
        .doesNotContain("Verdachte gezien")
        .contains("de inhoud is alleen voor gerechtigden");
    // the NCTV is cleared
    assertThat(api.get("/api/v1/tasks/" + key, "nctv").body()).contains("Verdachte gezien");
  }

  @Test
  void theLiveStreamTellsAViewerOfTheCrisesInItsScopeAndOfItsTasks() {
    KnooppuntUser amsterdam =
        new KnooppuntUser(
            "regio-amsterdam",
            "Daan Meijer",
            Set.of(Rol.REGIO),
            "VR13",
            null,
            null,
            KnooppuntUser.Source.LOCAL);
    KnooppuntUser police =
        new KnooppuntUser(
            "politie",
            "Eva de Boer",
            Set.of(Rol.POLITIE),
            null,
            "Midden-Nederland",
            null,
            KnooppuntUser.Source.LOCAL);
    String limburg = fixtures.crisis("dreigingsniveau-5", "VR24", false);
    String ownArea = fixtures.crisis("dreigingsniveau-5", "VR13", false);

    assertThat(scope.viewer(amsterdam).test(Set.of(limburg))).isFalse();
    assertThat(scope.viewer(amsterdam).test(Set.of(limburg, ownArea))).isTrue();
    assertThat(scope.viewer(police).test(Set.of(limburg))).isFalse();

    // a task for the national police group: the officer sees it appear, not the crisis
    fixtures.task(limburg, Form.AFSTEMMING_LOKAAL_GEZAG, List.of("politie", "om"));
    assertThat(scope.viewer(police).test(Set.of(limburg))).isTrue();
    assertThat(scope.viewer(amsterdam).test(Set.of(limburg))).isFalse();
    assertThat(status(limburg, "politie")).isEqualTo(404);
  }
}
