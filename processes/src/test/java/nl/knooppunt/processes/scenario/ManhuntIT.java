package nl.knooppunt.processes.scenario;

import static nl.knooppunt.processes.scenario.Knooppunt.crisis;
import static nl.knooppunt.processes.scenario.Knooppunt.in;
import static nl.knooppunt.processes.scenario.Knooppunt.vars;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import nl.knooppunt.processes.JobType;
import nl.knooppunt.processes.MessageName;
import nl.knooppunt.processes.ProcessId;
import nl.knooppunt.processes.Task;
import nl.knooppunt.processes.TaskHeader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** manhunt: GRIP advice, partners, OvJ, NCTV, sitreps, arrest, stand-down, linked level 5. */
class ManhuntIT {

  @TempDir static Path dir;
  static Knooppunt hub;
  static Stappen stap;

  @BeforeAll
  static void start() {
    hub = Knooppunt.start(dir);
    stap = new Stappen(hub);
  }

  @AfterAll
  static void stop() {
    hub.close();
  }

  @AfterEach
  void opruimen() {
    hub.opruimen();
  }

  private long manhunt(String id, boolean terroristischMotief) {
    return manhunt(
        id,
        terroristischMotief,
        vars(
            "omschrijving",
            "24 Oktoberplein, Utrecht",
            "gemeentecode",
            "GM0344",
            "vrCode",
            "VR09"));
  }

  private long manhunt(String id, boolean terroristischMotief, Map<String, Object> locatie) {
    return hub.start(
        ProcessId.MANHUNT,
        vars(
            "crisisId",
            id,
            "exercise",
            false,
            "locatie",
            locatie,
            "tijdstip",
            hub.nu().toString(),
            "daders",
            vars("bekend", false, "aantal", null, "signalement", "onbekend"),
            "mogelijkTerroristischMotief",
            terroristischMotief,
            "voorgesteldDoor",
            Stappen.OPERATOR));
  }

  @Test
  @SuppressWarnings("unchecked")
  void manhuntWithPossibleTerroristMotiveRunsFromGrip3AdviceToArrestAndLowersTheLinkedLevelFive() {
    String id = "MH-TRAM";
    long i = manhunt(id, true);

    // immediate GRIP 3 advice to the affected region
    var advies = hub.job(JobType.MANHUNT_GRIP_ADVISEREN, in(i));
    assertThat(advies.variabele("gripAdvies")).isEqualTo(3);
    assertThat(advies.header(TaskHeader.REDEN.key())).isEqualTo("MOGELIJK_TERRORISTISCH_MOTIEF");
    var bevestigen = hub.taak(i, Task.OPSCHALING_BEVESTIGEN);
    assertThat(bevestigen.kandidaatGroepen()).containsExactly("regio-VR09");

    // neighbouring regions, police unit, KMar and OM are informed
    assertThat(hub.jobs(JobType.MELDING_VERSTUREN, 6, crisis(id)))
        .extracting(Knooppunt::ontvangerCode)
        .contains("VR08", "VR10", "VR14", "PE-MN", "KMAR", "OM");

    // the OvJ confirms leadership and releases the photo; the gezag puts out NL-Alert and Burgernet
    hub.voltooi(
        hub.taak(i, Task.LEIDING_BEVESTIGEN),
        vars(
            "leidingBevestigd",
            true,
            "officierVanJustitie",
            "mr. Visser",
            "opsporingsberichtMetFotoNaam",
            true,
            "toelichting",
            "Foto vrijgegeven"));
    hub.voltooi(
        hub.taak(i, Task.ALARMERING_BESLUITEN),
        vars(
            "nlAlert",
            true,
            "burgernet",
            true,
            "toelichting",
            "Blijf binnen",
            "besluitDoor",
            "burgemeester Utrecht"));
    hub.jobs(JobType.MANHUNT_PUBLIEKSOPROEP_UITZETTEN, 2, in(i));

    // the NCTV considers level 5: a linked dreigingsniveau-5 instance starts
    long dn5 = gekoppeldNiveau5Afgekondigd(i, id);

    // the region confirms late: the duty officer gets an escalation task
    hub.verzet(Duration.ofMinutes(16));
    var escalatie = hub.taak(i, Task.ESCALATIE_OPSCHALING);
    assertThat(escalatie.kandidaatGroepen()).containsExactly("landelijk-operator");
    hub.voltooi(
        bevestigen,
        vars(
            "gripNiveau",
            "GRIP_3",
            "opgeschaaldOp",
            hub.nu().toString(),
            "toelichting",
            "Laat door overleg"));
    hub.voltooi(
        escalatie,
        vars("ondernomenActie", "Gebeld met OvD VR09", "toelichting", "GRIP 3 bevestigd"));

    // a situation report every 30 minutes: two cycles pass
    hub.verzet(Duration.ofMinutes(15));
    hub.jobs(JobType.MANHUNT_SITUATIERAPPORT_VERSPREIDEN, 1, in(i));
    hub.verzet(Duration.ofMinutes(30));
    assertThat(hub.jobs(JobType.MANHUNT_SITUATIERAPPORT_VERSPREIDEN, 2, in(i))).hasSize(2);

    // arrest: stand-down, a lowering proposal for the linked level 5, evaluation, closed
    hub.publiceer(
        MessageName.DADER_AANGEHOUDEN, id, vars("toelichting", "Dader aangehouden in Utrecht"));
    assertThat(
            hub.jobs(
                JobType.MELDING_VERSTUREN,
                6,
                crisis(id)
                    .and(
                        j ->
                            String.valueOf(j.variabele("notificatieId")).contains("/stand-down/"))))
        .allSatisfy(
            j ->
                assertThat(((Map<?, ?>) j.variabele("bericht")).get("soort"))
                    .isEqualTo("AFSCHALING_MANHUNT"));
    var voorstel = hub.job(JobType.MANHUNT_AFSCHALING_VOORSTELLEN, in(i));
    assertThat(voorstel.variabele("gekoppeldDreigingsniveauId")).isEqualTo(id + "-DN5");
    // the linked level 5 hears police/OM and the region before the lowering decision
    var afschaling = hub.taak(dn5, Task.INFORMATIE_AFSCHALING);
    assertThat((Map<String, Object>) afschaling.variabele("afschalingsvoorstel"))
        .containsEntry("bron", "MANHUNT");
    stap.gehoord(dn5, Task.INFORMATIE_AFSCHALING, Task.AFSTEMMEN_LOKAAL_GEZAG_AFSCHALING);
    hub.taak(dn5, Task.BESLUIT_AFSCHALING);

    stap.evalueren(i, Task.EVALUEREN_MANHUNT);
    hub.job(JobType.CRISIS_AFSLUITEN, in(i));
    stap.nazorg(i, Task.NAZORG_MANHUNT, "VR09");
    hub.afgesloten(i);
  }

  /** The NCTV proposes a linked level 5, which is declared and in force; its instance key. */
  private long gekoppeldNiveau5Afgekondigd(long i, String id) {
    nctvProposesALinkedLevelFive(i);
    var niveau5 =
        hub.taakErgens(Task.INFORMATIE_DELEN, t -> (id + "-DN5").equals(t.variabele("crisisId")));
    assertThat(niveau5.variabele("gekoppeldeManhuntId")).isEqualTo(id);
    long dn5 = niveau5.procesInstantie();
    stap.afkondigen(dn5, hub.nu().plus(Duration.ofHours(12)).toString());
    hub.job(JobType.COMMUNICATIE_PUBLICEREN, in(dn5));
    return dn5;
  }

  @Test
  @SuppressWarnings("unchecked")
  void theLoweringOfTheLinkedLevelFiveIsProposedWhileANeighbourRegionIsStillSilent() {
    String id = "MH-STIL";
    long i = manhunt(id, true);
    hub.jobs(
        JobType.MELDING_VERSTUREN,
        6,
        crisis(id).and(j -> String.valueOf(j.variabele("notificatieId")).contains("/manhunt/")));
    long dn5 = gekoppeldNiveau5Afgekondigd(i, id);

    // the perpetrator is arrested in the evening; Gelderland-Midden (VR08) does not answer
    hub.zwijgend.add("VR08");
    hub.publiceer(
        MessageName.DADER_AANGEHOUDEN, id, vars("toelichting", "Dader aangehouden in Utrecht"));

    // the lowering is proposed as soon as every stand-down notice is out
    var voorstel = hub.job(JobType.MANHUNT_AFSCHALING_VOORSTELLEN, in(i));
    var verstuurd = stap.rondeVerstuurd(id + "/stand-down");
    long afschaling = verstuurd.job().getProcessInstanceKey();
    assertThat(
            hub.jobs(
                JobType.MELDING_VERSTUREN,
                crisis(id)
                    .and(
                        j ->
                            String.valueOf(j.variabele("notificatieId")).contains("/stand-down/"))))
        .hasSize(6)
        .allSatisfy(j -> assertThat(j.volgnummer()).isLessThan(voorstel.volgnummer()));
    var informatie = hub.taak(dn5, Task.INFORMATIE_AFSCHALING);
    assertThat((Map<String, Object>) informatie.variabele("afschalingsvoorstel"))
        .containsEntry("bron", "MANHUNT");
    assertThat(hub.jobs(JobType.MELDING_RESULTAAT_VASTLEGGEN, in(afschaling)))
        .as("VR08 has not acknowledged the stand-down")
        .isEmpty();

    // the evaluation waits until the stand-down round is done
    await()
        .during(Duration.ofSeconds(1))
        .atMost(Duration.ofSeconds(3))
        .until(() -> hub.openTaken(i, Task.EVALUEREN_MANHUNT).isEmpty());
    hub.publiceer(
        MessageName.MELDING_BEVESTIGD,
        id + "/stand-down/VR08",
        vars("bevestigdOp", hub.nu().toString(), "bevestigdDoor", "piket VR08"));
    var resultaat = hub.job(JobType.MELDING_RESULTAAT_VASTLEGGEN, in(afschaling));
    var evaluatie = hub.taak(i, Task.EVALUEREN_MANHUNT);
    assertThat(evaluatie.volgnummer()).isGreaterThan(resultaat.volgnummer());
    assertThat((java.util.List<Map<String, Object>>) evaluatie.variabele("bevestigingenAfschaling"))
        .extracting(b -> b.get("ontvanger") + ":" + b.get("status"))
        .contains("VR08:BEVESTIGD");
    stap.evalueren(i, Task.EVALUEREN_MANHUNT);
    stap.nazorg(i, Task.NAZORG_MANHUNT, "VR09");
    hub.afgesloten(i);
  }

  @Test
  @SuppressWarnings("unchecked")
  void aManhuntStartedWithOnlyItsRegionAlertsThatRegionAndItsNeighbours() {
    // the duty officer knows the region (A12 near Bunnik, VR09) but not yet the gemeente
    long i =
        manhunt(
            "MH-A12",
            false,
            vars(
                "omschrijving",
                "A12 ter hoogte van Bunnik",
                "gemeentecode",
                null,
                "vrCode",
                "VR09"));

    var gebied = hub.job(JobType.GEBIED_BEPALEN, in(i));
    assertThat((Map<String, Object>) gebied.variabele("gebied"))
        .containsEntry("soort", "VEILIGHEIDSREGIO")
        .containsEntry("codes", java.util.List.of("VR09"))
        .containsEntry("naam", "A12 ter hoogte van Bunnik");
    assertThat(gebied.header(TaskHeader.CONTEXT.key())).isEqualTo("MANHUNT");

    assertThat(hub.taak(i, Task.OPSCHALING_BEVESTIGEN).kandidaatGroepen())
        .containsExactly("regio-VR09");
    assertThat(
            hub.jobs(
                JobType.MELDING_VERSTUREN,
                6,
                crisis("MH-A12")
                    .and(j -> String.valueOf(j.variabele("notificatieId")).contains("/manhunt/"))))
        .extracting(Knooppunt::ontvangerCode)
        .contains("VR08", "VR10", "VR14", "PE-MN", "KMAR", "OM");
  }

  @Test
  void aManhuntWhoseGemeenteIsLeftEmptyIsAlsoAnAreaOfItsRegion() {
    // a form may send an empty text for an optional field instead of leaving it out
    long i =
        manhunt(
            "MH-LEEG",
            false,
            vars("omschrijving", "Utrecht", "gemeentecode", "", "vrCode", "VR09"));
    assertThat(
            ((Map<?, ?>) hub.job(JobType.GEBIED_BEPALEN, in(i)).variabele("gebied")).get("codes"))
        .isEqualTo(java.util.List.of("VR09"));
    hub.taak(i, Task.OPSCHALING_BEVESTIGEN);
  }

  @Test
  void withoutTerroristMotiveTheRegionGetsTheOrdinaryScaleUpAdviceAndNoLevelFiveIsConsidered() {
    long i = manhunt("MH-GEWOON", false);
    var advies = hub.job(JobType.MANHUNT_GRIP_ADVISEREN, in(i));
    assertThat(advies.variabele("gripAdvies")).isEqualTo(2);
    hub.taak(i, Task.LEIDING_BEVESTIGEN);
    hub.publiceer(
        MessageName.MANHUNT_BEEINDIGD, "MH-GEWOON", vars("toelichting", "Zoekactie gestaakt"));
    stap.evalueren(i, Task.EVALUEREN_MANHUNT);
    stap.nazorg(i, Task.NAZORG_MANHUNT, "VR09");
    hub.afgesloten(i);
    assertThat(hub.alleTaken(Task.NIVEAU5_OVERWEGEN)).noneMatch(t -> t.procesInstantie() == i);
    assertThat(hub.jobs(JobType.MANHUNT_AFSCHALING_VOORSTELLEN, in(i))).isEmpty();
  }

  @Test
  void functionalAdministrationLowersTheOrdinaryAdviceInTheDecisionTableAndTheNextManhuntGetsIt()
      throws Exception {
    String table;
    try (var in =
        getClass()
            .getClassLoader()
            .getResourceAsStream(nl.knooppunt.processes.DecisionId.GRIP_ADVIES.resource())) {
      table = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
    // saved from Camunda Modeler as a new version: without a motive GRIP 1 instead of GRIP 2
    String changed =
        table.replace(
            "<outputEntry id=\"Regel_Manhunt_Advies\"><text>2</text>",
            "<outputEntry id=\"Regel_Manhunt_Advies\"><text>1</text>");
    assertThat(changed).isNotEqualTo(table);
    try {
      deployTable(changed);
      long i = manhunt("MH-TABEL", false);
      assertThat(hub.job(JobType.MANHUNT_GRIP_ADVISEREN, in(i)).variabele("gripAdvies"))
          .isEqualTo(1);
    } finally {
      deployTable(table);
    }
    long j = manhunt("MH-TABEL-TERUG", false);
    assertThat(hub.job(JobType.MANHUNT_GRIP_ADVISEREN, in(j)).variabele("gripAdvies")).isEqualTo(2);
  }

  private static void deployTable(String xml) {
    hub.client()
        .newDeployResourceCommand()
        .addResourceStringUtf8(xml, nl.knooppunt.processes.DecisionId.GRIP_ADVIES.resource())
        .send()
        .join();
  }

  @Test
  void aTerroristMotiveRaisedDuringTheManhuntBringsTheGrip3AdviceAndTheNctvConsiderationAtOnce() {
    String id = "MH-MOTIEF";
    long i = manhunt(id, false);

    // at the start nothing points to terrorism: the ordinary advice, no NCTV consideration
    assertThat(hub.job(JobType.MANHUNT_GRIP_ADVISEREN, in(i)).variabele("gripAdvies")).isEqualTo(2);
    hub.voltooi(
        hub.taak(i, Task.OPSCHALING_BEVESTIGEN),
        vars("gripNiveau", "GRIP_2", "opgeschaaldOp", hub.nu().toString()));
    assertThat(hub.openTaken(i, Task.NIVEAU5_OVERWEGEN)).isEmpty();

    // an hour later the police raise the flag: a possible terrorist motive
    hub.verzet(Duration.ofHours(1));
    hub.publiceer(
        MessageName.TERRORISTISCH_MOTIEF_GEMELD,
        id,
        vars("toelichting", "Dader riep leuzen; mogelijk terroristisch motief"));

    // at that moment: GRIP 3 advice to the region, which confirms again, and the NCTV considers
    var advies =
        hub.job(
            JobType.MANHUNT_GRIP_ADVISEREN,
            in(i).and(j -> Integer.valueOf(3).equals(j.variabele("gripAdvies"))));
    assertThat(advies.header(TaskHeader.REDEN.key())).isEqualTo("MOGELIJK_TERRORISTISCH_MOTIEF");
    assertThat(hub.taak(i, Task.OPSCHALING_BEVESTIGEN).kandidaatGroepen())
        .containsExactly("regio-VR09");
    var overweging = hub.taak(i, Task.NIVEAU5_OVERWEGEN);
    assertThat(overweging.variabele("mogelijkTerroristischMotief")).isEqualTo(true);
    assertThat(overweging.variabele("motiefToelichting"))
        .isEqualTo("Dader riep leuzen; mogelijk terroristisch motief");
    nctvProposesALinkedLevelFive(i);
    hub.taakErgens(Task.INFORMATIE_DELEN, t -> (id + "-DN5").equals(t.variabele("crisisId")));

    // raised twice, it is handled once
    hub.publiceer(MessageName.TERRORISTISCH_MOTIEF_GEMELD, id, vars("toelichting", "nogmaals"));
    hub.publiceer(
        MessageName.DADER_AANGEHOUDEN, id, vars("toelichting", "Dader aangehouden in Utrecht"));
    hub.job(JobType.MANHUNT_AFSCHALING_VOORSTELLEN, in(i));
    assertThat(hub.jobs(JobType.MANHUNT_GRIP_ADVISEREN, in(i))).hasSize(2);
  }

  @Test
  @SuppressWarnings("unchecked")
  void aRegionThatConfirmsALowerLevelThanTheAdviceExplainsWhyAndTheManhuntKeepsBoth() {
    String id = "MH-LAGER";
    long i = manhunt(id, false);
    hub.job(JobType.MANHUNT_GRIP_ADVISEREN, in(i));

    // the region sees the advice (GRIP 2) and stays at GRIP 1, with its reason
    var bevestigen = hub.taak(i, Task.OPSCHALING_BEVESTIGEN);
    assertThat(bevestigen.variabele("gripAdvies")).isEqualTo(2);
    hub.voltooi(
        bevestigen,
        vars(
            "gripNiveau",
            "GRIP_1",
            "opgeschaaldOp",
            hub.nu().toString(),
            "toelichting",
            "Dader binnen het uur omsingeld; CoPI volstaat"));

    // the motive shows later: GRIP 3 advised; the region now confirms GRIP 3
    hub.publiceer(MessageName.TERRORISTISCH_MOTIEF_GEMELD, id, vars("toelichting", "Leuzen"));
    var opnieuw = hub.taak(i, Task.OPSCHALING_BEVESTIGEN);
    assertThat(opnieuw.variabele("gripAdvies")).isEqualTo(3);
    assertThat((Map<String, Object>) opnieuw.variabele("opschaling"))
        .containsEntry("gripNiveau", "GRIP_1")
        .containsEntry("gripAdvies", 2)
        .containsEntry("lagerDanAdvies", true)
        .containsEntry("toelichting", "Dader binnen het uur omsingeld; CoPI volstaat");
    hub.voltooi(opnieuw, vars("gripNiveau", "GRIP_3", "opgeschaaldOp", hub.nu().toString()));

    hub.publiceer(MessageName.DADER_AANGEHOUDEN, id, vars("toelichting", "Aangehouden"));
    var evaluatie = hub.taak(i, Task.EVALUEREN_MANHUNT);
    assertThat((Map<String, Object>) evaluatie.variabele("opschaling"))
        .containsEntry("gripNiveau", "GRIP_3")
        .containsEntry("gripAdvies", 3)
        .containsEntry("lagerDanAdvies", false);
  }

  @Test
  @SuppressWarnings("unchecked")
  void nlAlertAndBurgernetAreTheGezagsDecisionAndTheOpsporingsberichtTheOfficierVanJustities() {
    long i = manhunt("MH-OPROEP", false);

    // the OvJ decides only on the lead and the opsporingsbericht with photo/name
    var ovj = hub.taak(i, Task.LEIDING_BEVESTIGEN);
    assertThat(ovj.kandidaatGroepen()).containsExactly("om");
    hub.voltooi(
        ovj,
        vars(
            "leidingBevestigd",
            true,
            "officierVanJustitie",
            "mr. Visser",
            "opsporingsberichtMetFotoNaam",
            true,
            "toelichting",
            "Foto en naam vrijgegeven"));
    var opsporingsbericht = hub.job(JobType.MANHUNT_PUBLIEKSOPROEP_UITZETTEN, in(i));
    assertThat((Map<String, Object>) opsporingsbericht.variabele("publieksoproep"))
        .containsEntry("opsporingsberichtMetFotoNaam", true)
        .containsEntry("nlAlert", false)
        .containsEntry("burgernet", false)
        .containsEntry("besluitDoor", "mr. Visser");

    // NL-Alert and Burgernet: a task for the mayor of Utrecht and the region
    var gezag = hub.taak(i, Task.ALARMERING_BESLUITEN);
    assertThat(gezag.kandidaatGroepen()).containsExactlyInAnyOrder("regio-VR09", "gezag-GM0344");
    hub.voltooi(
        gezag,
        vars(
            "nlAlert",
            true,
            "burgernet",
            false,
            "toelichting",
            "NL-Alert: blijf binnen in Utrecht-Oost",
            "besluitDoor",
            "burgemeester Utrecht"));
    var alarmering = hub.jobs(JobType.MANHUNT_PUBLIEKSOPROEP_UITZETTEN, 2, in(i)).get(1);
    assertThat((Map<String, Object>) alarmering.variabele("publieksoproep"))
        .containsEntry("nlAlert", true)
        .containsEntry("burgernet", false)
        .containsEntry("opsporingsberichtMetFotoNaam", false)
        .containsEntry("besluitDoor", "burgemeester Utrecht");
  }

  @Test
  void withoutAGemeenteTheRegionAloneDecidesOnNlAlertAndNothingGoesOutWhenItDeclines() {
    long i =
        manhunt(
            "MH-GEEN-ALERT",
            false,
            vars("omschrijving", "A12 bij Bunnik", "gemeentecode", null, "vrCode", "VR09"));
    var gezag = hub.taak(i, Task.ALARMERING_BESLUITEN);
    assertThat(gezag.kandidaatGroepen()).containsExactly("regio-VR09");
    hub.voltooi(
        gezag, vars("nlAlert", false, "burgernet", false, "besluitDoor", "voorzitter VR09"));
    hub.voltooi(
        hub.taak(i, Task.LEIDING_BEVESTIGEN),
        vars(
            "leidingBevestigd",
            true,
            "officierVanJustitie",
            "mr. Visser",
            "opsporingsberichtMetFotoNaam",
            false));
    hub.publiceer(MessageName.MANHUNT_BEEINDIGD, "MH-GEEN-ALERT", vars("toelichting", "Gestaakt"));
    stap.evalueren(i, Task.EVALUEREN_MANHUNT);
    stap.nazorg(i, Task.NAZORG_MANHUNT, "VR09");
    hub.afgesloten(i);
    assertThat(hub.jobs(JobType.MANHUNT_PUBLIEKSOPROEP_UITZETTEN, in(i))).isEmpty();
  }

  // "Evaluation that closes the loop" (#14 item 15): "Voor, tijdens en na de inzet zijn
  // hulpverleners in beeld" (000_f59b928f540a4462.txt)

  @Test
  void afterTheManhuntEndsTheAffectedRegionArrangesAftercareForItsRespondersBesideTheEvaluation() {
    String id = "MH-NAZORG";
    long i = manhunt(id, false);
    hub.taak(i, Task.LEIDING_BEVESTIGEN);
    assertThat(hub.openTaken(i, Task.NAZORG_MANHUNT)).isEmpty();

    // the perpetrator is arrested: after the stand-down the region of the manhunt gets the
    // aftercare of its responders, at the same moment as the national evaluation
    hub.publiceer(
        MessageName.DADER_AANGEHOUDEN, id, vars("toelichting", "Dader aangehouden in Utrecht"));
    var nazorg = hub.taak(i, Task.NAZORG_MANHUNT);
    assertThat(nazorg.kandidaatGroepen()).containsExactly("regio-VR09");
    hub.taak(i, Task.EVALUEREN_MANHUNT);
    assertThat(hub.jobs(JobType.MELDING_VERSTUREN, crisis(id)))
        .filteredOn(j -> String.valueOf(j.variabele("notificatieId")).contains("/stand-down/"))
        .isNotEmpty()
        .allSatisfy(j -> assertThat(j.volgnummer()).isLessThan(nazorg.volgnummer()));

    // the evaluation closes the crisis; the aftercare does not hold that up, nor is it dropped
    stap.evalueren(i, Task.EVALUEREN_MANHUNT);
    hub.job(JobType.CRISIS_AFSLUITEN, in(i));
    assertThat(hub.openTaken(i, Task.NAZORG_MANHUNT)).hasSize(1);
    stap.nazorg(i, Task.NAZORG_MANHUNT, "VR09");
    hub.afgesloten(i);
  }

  @Test
  void aManhuntThatKnewTheMotiveAtItsStartDoesNotWaitForItAgain() {
    long i = manhunt("MH-BEKEND", true);
    hub.job(JobType.MANHUNT_GRIP_ADVISEREN, in(i));
    hub.taak(i, Task.NIVEAU5_OVERWEGEN);
    hub.publiceer(
        MessageName.TERRORISTISCH_MOTIEF_GEMELD, "MH-BEKEND", vars("toelichting", "al bekend"));
    hub.publiceer(
        MessageName.MANHUNT_BEEINDIGD, "MH-BEKEND", vars("toelichting", "Zoekactie gestaakt"));
    stap.evalueren(i, Task.EVALUEREN_MANHUNT);
    stap.nazorg(i, Task.NAZORG_MANHUNT, "VR09");
    hub.afgesloten(i);
    assertThat(hub.jobs(JobType.MANHUNT_GRIP_ADVISEREN, in(i))).hasSize(1);
    assertThat(hub.alleTaken(Task.NIVEAU5_OVERWEGEN).stream().filter(t -> t.procesInstantie() == i))
        .hasSize(1);
  }

  @Test
  @SuppressWarnings("unchecked")
  void anArrestTwoHoursBeforeTheLinkedLevelFiveIsInForceStillBringsTheLoweringProposal() {
    String id = "MH-VROEG";
    long i = manhunt(id, true);
    nctvProposesALinkedLevelFive(i);
    long dn5 =
        hub.taakErgens(Task.INFORMATIE_DELEN, t -> (id + "-DN5").equals(t.variabele("crisisId")))
            .procesInstantie();

    // the perpetrator is arrested while the linked level 5 is still being prepared
    hub.publiceer(
        MessageName.DADER_AANGEHOUDEN, id, vars("toelichting", "Dader aangehouden in Utrecht"));
    hub.job(JobType.MANHUNT_AFSCHALING_VOORSTELLEN, in(i));

    // two hours later (the region stayed silent, the police share late) the NCTV declares anyway
    hub.verzet(Duration.ofHours(2));
    stap.informatieDelen(dn5, Task.INFORMATIE_DELEN);
    stap.besluit(dn5, Stappen.NCTV, "AFKONDIGEN", hub.nu().plus(Duration.ofHours(12)).toString());
    // the NCTV's second decider proposed it: the head of the NCTV / DG co-signs
    stap.medeondertekenen(dn5, Task.MEDEONDERTEKENEN_AFKONDIGING, Stappen.DG);
    stap.communicatie(dn5, Task.COMMUNICATIE_AFKONDIGING);

    // in force: the proposal that waited in the engine reaches it at once, not lost to a TTL
    var informatie = hub.taak(dn5, Task.INFORMATIE_AFSCHALING);
    assertThat((Map<String, Object>) informatie.variabele("afschalingsvoorstel"))
        .containsEntry("bron", "MANHUNT");
  }

  @Test
  @SuppressWarnings("unchecked")
  void aLevelFiveTheDutyOfficerStartsWithALinkedManhuntGetsTheLoweringProposalAfterTheArrest() {
    String id = "MH-OPERATOR";
    long i = manhunt(id, false);
    hub.taak(i, Task.LEIDING_BEVESTIGEN);

    // the duty officer proposes level 5 himself and links the running manhunt
    Map<String, Object> voorstel = stap.voorstel("DN5-OPERATOR", Stappen.provincieUtrecht());
    voorstel.put("gekoppeldeManhuntId", id);
    long dn5 = hub.start(ProcessId.DREIGINGSNIVEAU_5, voorstel);
    var koppelen = hub.job(JobType.DREIGINGSNIVEAU_MANHUNT_KOPPELEN, in(dn5));
    assertThat(koppelen.variabele("gekoppeldeManhuntId")).isEqualTo(id);
    stap.afkondigen(dn5, hub.nu().plus(Duration.ofHours(12)).toString());

    // the arrest: the manhunt knows its level 5 and proposes lowering it
    hub.publiceer(
        MessageName.DADER_AANGEHOUDEN, id, vars("toelichting", "Dader aangehouden in Utrecht"));
    var afschalen = hub.job(JobType.MANHUNT_AFSCHALING_VOORSTELLEN, in(i));
    assertThat(afschalen.variabele("gekoppeldDreigingsniveauId")).isEqualTo("DN5-OPERATOR");
    var informatie = hub.taak(dn5, Task.INFORMATIE_AFSCHALING);
    assertThat((Map<String, Object>) informatie.variabele("afschalingsvoorstel"))
        .containsEntry("bron", "MANHUNT");
  }

  /** The NCTV, considering level 5 during manhunt {@code i}, proposes it for the province. */
  private void nctvProposesALinkedLevelFive(long i) {
    hub.voltooi(
        hub.taak(i, Task.NIVEAU5_OVERWEGEN),
        vars(
            "voorstellen",
            true,
            "gebied",
            Stappen.provincieUtrecht(),
            "reden",
            "Mogelijke terroristische aanslag, dader voortvluchtig",
            "beslisser",
            Stappen.NCTV_2));
    hub.job(JobType.MANHUNT_DREIGINGSNIVEAU_VOORSTELLEN, in(i));
  }
}
