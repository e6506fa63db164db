package nl.knooppunt.processes.scenario;

import static nl.knooppunt.processes.scenario.Knooppunt.crisis;
import static nl.knooppunt.processes.scenario.Knooppunt.in;
import static nl.knooppunt.processes.scenario.Knooppunt.vars;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import nl.knooppunt.processes.CandidateGroup;
import nl.knooppunt.processes.DecisionId;
import nl.knooppunt.processes.ErrorCode;
import nl.knooppunt.processes.JobType;
import nl.knooppunt.processes.MessageName;
import nl.knooppunt.processes.ProcessId;
import nl.knooppunt.processes.Task;
import nl.knooppunt.processes.TaskHeader;
import nl.knooppunt.processes.Variable;
import nl.knooppunt.processes.scenario.Knooppunt.Afgehandeld;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** dreigingsniveau-5: declare, extend, lower, with the rules of the Stappenplan. */
class DreigingsniveauVijfIT {

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

  private static List<Afgehandeld> ronde(String crisisId, String ronde) {
    return hub.jobs(
        JobType.MELDING_VERSTUREN,
        j -> String.valueOf(j.variabele("notificatieId")).startsWith(crisisId + "/" + ronde));
  }

  @Test
  void levelFiveForTheProvinceOfUtrechtIsDeclaredExtendedOnceAndLoweredToFour() {
    String id = "DN5-UTRECHT";
    String eindtijd = hub.nu().plus(Duration.ofHours(6)).toString();
    long i = hub.start(ProcessId.DREIGINGSNIVEAU_5, stap.voorstel(id, Stappen.provincieUtrecht()));

    stap.informatieDelen(i, Task.INFORMATIE_DELEN);
    stap.afstemmen(i, "VR09");
    stap.besluit(i, Stappen.NCTV, "AFKONDIGEN", eindtijd);
    // four eyes: a second NCTV decider co-signs before anything is registered
    assertThat(hub.jobs(JobType.DREIGINGSNIVEAU_REGISTREREN, in(i))).isEmpty();
    stap.medeondertekenen(i, Task.MEDEONDERTEKENEN_AFKONDIGING, Stappen.NCTV_2);

    var registratie = hub.job(JobType.DREIGINGSNIVEAU_REGISTREREN, in(i));
    assertThat(registratie.header(TaskHeader.ACTIE.key())).isEqualTo("AFKONDIGEN");
    assertThat(registratie.variabele("niveau")).isEqualTo(5);

    // every gezag and partner is notified (the notice is sent) before the public communication
    var communicatie = hub.taak(i, Task.COMMUNICATIE_AFKONDIGING);
    stap.rondeVerstuurd(id + "/afkondiging");
    List<Afgehandeld> afkondiging = ronde(id, "afkondiging");
    assertThat(afkondiging)
        .extracting(Knooppunt::ontvangerCode)
        .containsExactlyInAnyOrder("VR09", "GM0344", "GM0307", "OM");
    assertThat(afkondiging)
        .allSatisfy(j -> assertThat(j.volgnummer()).isLessThan(communicatie.volgnummer()));
    // the notice travels in parts: what happened, the area, until when, the level
    assertThat((Map<String, Object>) afkondiging.get(0).variabele("bericht"))
        .containsEntry("soort", "AFKONDIGING")
        .containsEntry(
            "tekst", "De NCTV heeft dreigingsniveau 5 afgekondigd voor provincie Utrecht.")
        .containsEntry("gebied", "provincie Utrecht")
        .containsEntry("geldigTot", eindtijd)
        .containsEntry("niveau", 5);
    stap.communicatie(i, Task.COMMUNICATIE_AFKONDIGING);
    var publicatie = hub.job(JobType.COMMUNICATIE_PUBLICEREN, in(i));
    assertThat((Map<String, Object>) publicatie.variabele("publiekeCommunicatie"))
        .containsKeys("informeren", "handelingsperspectief", "duiding");

    // the review before expiry, with fresh police/OM information and the region aligned with its
    // gezag, extends once
    hub.verzet(Duration.ofHours(4).plusMinutes(1));
    String nieuweEindtijd = hub.nu().plus(Duration.ofHours(6)).toString();
    stap.herbeoordeeld(i, "VERLENGEN", nieuweEindtijd, "Dader nog niet aangehouden");
    stap.medeondertekenen(i, Task.MEDEONDERTEKENEN_VERLENGING, Stappen.NCTV_2);
    var verlenging =
        hub.job(
            JobType.DREIGINGSNIVEAU_REGISTREREN,
            in(i).and(j -> "VERLENGEN".equals(j.header(TaskHeader.ACTIE.key()))));
    assertThat(verlenging).isNotNull();
    hub.jobs(
        JobType.MELDING_RESULTAAT_VASTLEGGEN,
        1,
        crisis(id).and(j -> String.valueOf(j.variabele("referentie")).contains("/verlenging/")));
    assertThat(ronde(id, "verlenging"))
        .hasSize(4)
        .allSatisfy(
            j ->
                assertThat((Map<String, Object>) j.variabele("bericht"))
                    .containsEntry("geldigTot", nieuweEindtijd)
                    .containsEntry("niveau", 5));
    // and then the public, with the three aims
    stap.communicatie(i, Task.COMMUNICATIE_VERLENGING);

    // a duty officer proposes lowering; another person decides level 4
    operatorProposesLowering(id, "Dader aangehouden");
    stap.gehoord(i, Task.INFORMATIE_AFSCHALING, Task.AFSTEMMEN_LOKAAL_GEZAG_AFSCHALING);
    hub.voltooi(
        hub.taak(i, Task.BESLUIT_AFSCHALING),
        vars(
            "uitkomst",
            "AFSCHALEN",
            "nieuwNiveau",
            4,
            "motivering",
            "Geen vervolgdreiging meer",
            "beslisser",
            Stappen.NCTV));
    stap.medeondertekenen(i, Task.MEDEONDERTEKENEN_AFSCHALING, Stappen.NCTV_2);
    var afschaling =
        hub.job(
            JobType.DREIGINGSNIVEAU_REGISTREREN,
            in(i).and(j -> "AFSCHALEN".equals(j.header(TaskHeader.ACTIE.key()))));
    assertThat(afschaling.variabele("niveau")).isEqualTo(4);
    var communicatieAfschaling = hub.taak(i, Task.COMMUNICATIE_AFSCHALING);
    stap.rondeVerstuurd(id + "/afschaling");
    assertThat(ronde(id, "afschaling"))
        .hasSize(4)
        .allSatisfy(j -> assertThat(j.volgnummer()).isLessThan(communicatieAfschaling.volgnummer()))
        .allSatisfy(
            j ->
                assertThat((Map<String, Object>) j.variabele("bericht"))
                    .containsEntry("niveau", 4)
                    .containsEntry("geldigTot", null));
    stap.communicatie(i, Task.COMMUNICATIE_AFSCHALING);
    stap.evalueren(i, Task.EVALUEREN_DREIGINGSNIVEAU);

    var afsluiten = hub.job(JobType.CRISIS_AFSLUITEN, in(i));
    assertThat((Map<String, Object>) afsluiten.variabele("evaluatie"))
        .containsEntry("delenMetRegios", true);
    hub.afgesloten(i);
    // no manhunt, no attack before it: no aftercare task of its own
    assertThat(hub.alleTaken(Task.NAZORG_DREIGINGSNIVEAU)).noneMatch(t -> t.procesInstantie() == i);
  }

  // "Evaluation that closes the loop" (#14 item 15): "Voor, tijdens en na de inzet zijn
  // hulpverleners in beeld" (000_f59b928f540a4462.txt)

  @Test
  void aLevelFiveAfterAnAttackEndsWithAftercareForTheRespondersOfEveryAffectedRegion() {
    String id = "DN5-NAZORG";
    Map<String, Object> voorstel = stap.voorstel(id, Stappen.provincieUtrecht());
    voorstel.put("gekoppeldeManhuntId", "MH-AANSLAG");
    long i = hub.start(ProcessId.DREIGINGSNIVEAU_5, voorstel);
    stap.afkondigen(i, hub.nu().plus(Duration.ofHours(6)).toString());
    hub.job(JobType.COMMUNICATIE_PUBLICEREN, in(i));
    operatorProposesLowering(id, "Dader aangehouden");
    stap.gehoord(i, Task.INFORMATIE_AFSCHALING, Task.AFSTEMMEN_LOKAAL_GEZAG_AFSCHALING);
    hub.voltooi(
        hub.taak(i, Task.BESLUIT_AFSCHALING),
        vars(
            "uitkomst",
            "AFSCHALEN",
            "nieuwNiveau",
            3,
            "motivering",
            "Dader aangehouden, geen vervolgdreiging",
            "beslisser",
            Stappen.NCTV));
    stap.medeondertekenen(i, Task.MEDEONDERTEKENEN_AFSCHALING, Stappen.NCTV_2);
    assertThat(hub.openTaken(i, Task.NAZORG_DREIGINGSNIVEAU)).isEmpty();
    stap.communicatie(i, Task.COMMUNICATIE_AFSCHALING);

    // lowered after the attack: every affected region arranges the aftercare of its responders,
    // beside the evaluation
    var nazorg = hub.taak(i, Task.NAZORG_DREIGINGSNIVEAU);
    assertThat(nazorg.kandidaatGroepen()).containsExactly("regio-VR09");
    hub.taak(i, Task.EVALUEREN_DREIGINGSNIVEAU);
    stap.evalueren(i, Task.EVALUEREN_DREIGINGSNIVEAU);
    hub.job(JobType.CRISIS_AFSLUITEN, in(i));
    assertThat(hub.openTaken(i, Task.NAZORG_DREIGINGSNIVEAU)).hasSize(1);
    stap.nazorg(i, Task.NAZORG_DREIGINGSNIVEAU, "VR09");
    hub.afgesloten(i);
  }

  @Test
  void aLevelFiveDeclaredAfterAnAttackWithoutAManhuntEndsWithTheSameAftercare() {
    // #14: "na een aanslag" said at the start, no manhunt: the same aftercare at the end
    String id = "DN5-NAZORG-ZONDER-MANHUNT";
    Map<String, Object> voorstel = stap.voorstel(id, Stappen.provincieUtrecht());
    voorstel.put("naAanslag", true);
    long i = hub.start(ProcessId.DREIGINGSNIVEAU_5, voorstel);
    stap.afkondigen(i, hub.nu().plus(Duration.ofHours(6)).toString());
    hub.job(JobType.COMMUNICATIE_PUBLICEREN, in(i));
    operatorProposesLowering(id, "Geen vervolgdreiging");
    stap.gehoord(i, Task.INFORMATIE_AFSCHALING, Task.AFSTEMMEN_LOKAAL_GEZAG_AFSCHALING);
    hub.voltooi(
        hub.taak(i, Task.BESLUIT_AFSCHALING),
        vars(
            "uitkomst",
            "AFSCHALEN",
            "nieuwNiveau",
            3,
            "motivering",
            "Geen vervolgdreiging",
            "beslisser",
            Stappen.NCTV));
    stap.medeondertekenen(i, Task.MEDEONDERTEKENEN_AFSCHALING, Stappen.NCTV_2);
    stap.communicatie(i, Task.COMMUNICATIE_AFSCHALING);

    var nazorg = hub.taak(i, Task.NAZORG_DREIGINGSNIVEAU);
    assertThat(nazorg.kandidaatGroepen()).containsExactly("regio-VR09");
    stap.evalueren(i, Task.EVALUEREN_DREIGINGSNIVEAU);
    hub.job(JobType.CRISIS_AFSLUITEN, in(i));
    stap.nazorg(i, Task.NAZORG_DREIGINGSNIVEAU, "VR09");
    hub.afgesloten(i);
  }

  /** Declared for the province of Utrecht up to the national text; the instance. */
  private long totLandelijkeTekst(String id) {
    long i = hub.start(ProcessId.DREIGINGSNIVEAU_5, stap.voorstel(id, Stappen.provincieUtrecht()));
    stap.informatieDelen(i, Task.INFORMATIE_DELEN);
    stap.afstemmen(i, "VR09");
    stap.besluit(i, Stappen.NCTV, "AFKONDIGEN", hub.nu().plus(Duration.ofHours(6)).toString());
    stap.medeondertekenen(i, Task.MEDEONDERTEKENEN_AFKONDIGING, Stappen.NCTV_2);
    stap.rondeVerstuurd(id + "/afkondiging");
    return i;
  }

  @Test
  @SuppressWarnings("unchecked")
  void utrechtAddsBlijfBinnenAndThePublicationShowsTheNationalTextAndTheLocalMessage() {
    long i = totLandelijkeTekst("DN5-LOKAAL");
    // once every notice is out, each affected municipality's gezag may add a local message
    var utrecht =
        stap.lokaleBoodschap(
            i, Task.LOKALE_BOODSCHAP_AFKONDIGING, "GM0344", "Blijf binnen in de binnenstad");
    assertThat(utrecht.variabele("gemeenteCode")).isEqualTo("GM0344");
    stap.landelijkeTekst(i, Task.COMMUNICATIE_AFKONDIGING);
    // Amersfoort has nothing to add yet: the publication waits for it, within its SLA
    var amersfoort =
        hub.taak(
            i,
            Task.LOKALE_BOODSCHAP_AFKONDIGING,
            t -> "GM0307".equals(t.variabele("gemeenteCode")));
    assertThat(amersfoort.kandidaatGroepen()).containsExactly("gezag-GM0307");
    assertThat(hub.jobs(JobType.COMMUNICATIE_PUBLICEREN, in(i))).isEmpty();
    stap.lokaleBoodschap(
        i, Task.LOKALE_BOODSCHAP_AFKONDIGING, "GM0307", "Mijd het station van Amersfoort");

    var publicatie = hub.job(JobType.COMMUNICATIE_PUBLICEREN, in(i));
    assertThat((Map<String, Object>) publicatie.variabele("publiekeCommunicatie"))
        .containsEntry("informeren", "Voor de provincie Utrecht geldt dreigingsniveau 5");
    assertThat((List<Map<String, Object>>) publicatie.variabele("lokaleBoodschappen"))
        .extracting(m -> m.get("gemeente"), m -> m.get("boodschap"), m -> m.get("opgesteldDoor"))
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(
                "GM0344", "Blijf binnen in de binnenstad", "woordvoerder GM0344"),
            org.assertj.core.groups.Tuple.tuple(
                "GM0307", "Mijd het station van Amersfoort", "woordvoerder GM0307"));
  }

  @Test
  @SuppressWarnings("unchecked")
  void gm0344IsSilentAndThePublicationGoesOnAfterThirtyMinutesWithoutIt() {
    long i = totLandelijkeTekst("DN5-STIL");
    stap.lokaleBoodschap(
        i, Task.LOKALE_BOODSCHAP_AFKONDIGING, "GM0307", "Mijd het station van Amersfoort");
    var utrecht =
        hub.taak(
            i,
            Task.LOKALE_BOODSCHAP_AFKONDIGING,
            t -> "GM0344".equals(t.variabele("gemeenteCode")));
    stap.landelijkeTekst(i, Task.COMMUNICATIE_AFKONDIGING);

    // the national text is ready; Utrecht is silent: within its SLA the publication waits
    hub.verzet(Duration.ofMinutes(29));
    assertThat(hub.isOpen(utrecht)).isTrue();
    assertThat(hub.jobs(JobType.COMMUNICATIE_PUBLICEREN, in(i))).isEmpty();

    // never past it: after thirty minutes Utrecht's task is withdrawn and it is published
    hub.verzet(Duration.ofMinutes(1));
    var publicatie = hub.job(JobType.COMMUNICATIE_PUBLICEREN, in(i));
    assertThat(hub.isOpen(utrecht)).isFalse();
    assertThat((List<Map<String, Object>>) publicatie.variabele("lokaleBoodschappen"))
        .extracting(m -> m.get("gemeente"))
        .containsExactly("GM0307");
  }

  @Test
  void theSlaForLocalMessagesIsASettingOfTheStart() {
    Map<String, Object> voorstel = stap.voorstel("DN5-SLA", Stappen.provincieUtrecht());
    voorstel.put("slaLokaleBoodschap", "PT5M");
    long i = hub.start(ProcessId.DREIGINGSNIVEAU_5, voorstel);
    stap.informatieDelen(i, Task.INFORMATIE_DELEN);
    stap.afstemmen(i, "VR09");
    stap.besluit(i, Stappen.NCTV, "AFKONDIGEN", hub.nu().plus(Duration.ofHours(6)).toString());
    stap.medeondertekenen(i, Task.MEDEONDERTEKENEN_AFKONDIGING, Stappen.NCTV_2);
    stap.rondeVerstuurd("DN5-SLA/afkondiging");
    hub.taak(i, Task.LOKALE_BOODSCHAP_AFKONDIGING);
    stap.landelijkeTekst(i, Task.COMMUNICATIE_AFKONDIGING);
    hub.verzet(Duration.ofMinutes(5));
    assertThat(hub.job(JobType.COMMUNICATIE_PUBLICEREN, in(i)).variabele("lokaleBoodschappen"))
        .isEqualTo(List.of());
    assertThat(hub.openTaken(i, Task.LOKALE_BOODSCHAP_AFKONDIGING)).isEmpty();
  }

  @Test
  @SuppressWarnings("unchecked")
  void anExtensionIsToldToThePublicWithItsThreeAimsOnceEveryNoticeIsOut() {
    String id = "DN5-VERLENGING-PUBLIEK";
    long i =
        stap.afgekondigd(
            id, Stappen.provincieUtrecht(), hub.nu().plus(Duration.ofHours(6)).toString());
    hub.job(JobType.COMMUNICATIE_PUBLICEREN, in(i));
    hub.verzet(Duration.ofHours(4).plusMinutes(1));
    String nieuweEindtijd = hub.nu().plus(Duration.ofHours(6)).toString();
    stap.herbeoordeeld(i, "VERLENGEN", nieuweEindtijd, "Dader nog niet aangehouden");
    stap.medeondertekenen(i, Task.MEDEONDERTEKENEN_VERLENGING, Stappen.NCTV_2);

    var communicatie = hub.taak(i, Task.COMMUNICATIE_VERLENGING);
    assertThat(communicatie.kandidaatGroepen()).containsExactly("communicatieadviseur");
    assertThat(ronde(id, "verlenging"))
        .hasSize(4)
        .allSatisfy(j -> assertThat(j.volgnummer()).isLessThan(communicatie.volgnummer()));
    stap.communicatie(i, Task.COMMUNICATIE_VERLENGING);
    var publicatie =
        hub.job(
            JobType.COMMUNICATIE_PUBLICEREN, in(i).and(j -> "VERLENGING".equals(j.header("fase"))));
    assertThat((Map<String, Object>) publicatie.variabele("publiekeCommunicatie"))
        .containsEntry("fase", "VERLENGING")
        .containsKeys("informeren", "handelingsperspectief", "duiding");
    assertThat(publicatie.variabele("lokaleBoodschappen")).isEqualTo(List.of());
  }

  @Test
  void afterTheIntervalPoliceOmAndVr09AreAskedForTheirReportAndUnansweredOnesExpire() {
    String id = "DN5-BEELD";
    long i =
        stap.afgekondigd(
            id, Stappen.provincieUtrecht(), hub.nu().plus(Duration.ofHours(6)).toString());
    hub.job(JobType.COMMUNICATIE_PUBLICEREN, in(i));
    assertThat(hub.openTaken(i, Task.SITUATIERAPPORT_BEELD)).isEmpty();

    // half an hour into level 5: police, OM and the affected region are asked
    hub.verzet(Duration.ofMinutes(30));
    var politie = situatierapport(i, "politie");
    var om = situatierapport(i, "om");
    var utrecht = situatierapport(i, "VR09");
    assertThat(politie.kandidaatGroepen()).containsExactly("politie");
    assertThat(om.kandidaatGroepen()).containsExactly("om");
    assertThat(utrecht.kandidaatGroepen()).containsExactly("regio-VR09");
    // the police report what they know, leaving the rest empty; OM and Utrecht report too
    hub.voltooi(
        politie,
        vars("samenvatting", "Dader voortvluchtig richting A12", "opgesteldDoor", "inspecteur"));
    hub.voltooi(om, vars("samenvatting", "Verdachte in beeld", "opgesteldDoor", "ovj"));
    hub.voltooi(
        utrecht,
        vars(
            "samenvatting", "Binnenstad afgesloten",
            "maatregelen", "Binnenblijfadvies",
            "opgesteldDoor", "regio-officier"));

    // the next round: this time Utrecht stays silent; its question expires at the round after
    hub.verzet(Duration.ofMinutes(30));
    var stil = situatierapport(i, "VR09");
    assertThat(stil.key()).isNotEqualTo(utrecht.key());
    hub.voltooi(situatierapport(i, "politie"), vars("opgesteldDoor", "inspecteur"));
    hub.voltooi(situatierapport(i, "om"), vars("opgesteldDoor", "ovj"));
    hub.verzet(Duration.ofMinutes(30));
    var opnieuw = situatierapport(i, "VR09", t -> t.key() != stil.key());
    await().atMost(Duration.ofSeconds(20)).until(() -> !hub.isOpen(stil));
    assertThat(hub.isOpen(opnieuw)).isTrue();
    // nothing else waits for the reports: the review still comes two hours before the end
    assertThat(hub.openTaken(i, Task.INFORMATIE_HERBEOORDELING)).isEmpty();

    // level 5 ends (lowering proposed): what is still asked is withdrawn
    operatorProposesLowering(id, "Dader aangehouden");
    hub.taak(i, Task.INFORMATIE_AFSCHALING);
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> hub.openTaken(i, Task.SITUATIERAPPORT_BEELD).isEmpty());
  }

  private static Knooppunt.OpenTaak situatierapport(long i, String bron) {
    return situatierapport(i, bron, t -> true);
  }

  private static Knooppunt.OpenTaak situatierapport(
      long i, String bron, java.util.function.Predicate<Knooppunt.OpenTaak> en) {
    return hub.taak(
        i, Task.SITUATIERAPPORT_BEELD, t -> bron.equals(t.variabele("bron")) && en.test(t));
  }

  @Test
  void
      functionalAdministrationShortensTheAlignmentTermInTheSlaTableAndTheNextLevelFiveEscalatesSooner()
          throws Exception {
    String table;
    try (var in =
        getClass().getClassLoader().getResourceAsStream(DecisionId.SLA_TERMIJNEN.resource())) {
      table = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
    // saved from Camunda Modeler as a new version: local authorities get 20 minutes, not an hour
    String rule = "<outputEntry id=\"Regel_dreigingsniveau_5_Afstemmen_Lokaal_Gezag_Termijn\">";
    String changed = table.replace(rule + "<text>\"PT1H\"</text>", rule + "<text>\"PT20M\"</text>");
    assertThat(changed).isNotEqualTo(table);
    try {
      deploySlaTable(changed);
      long i = levelFiveWithASilentGooi("DN5-TERMIJN");
      var gooi =
          hub.taak(i, Task.AFSTEMMEN_LOKAAL_GEZAG, t -> "VR10".equals(t.variabele("vrCode")));
      assertThat(gooi.variabele(Variable.TERMIJNEN.variableName()))
          .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
          .containsEntry(Task.AFSTEMMEN_LOKAAL_GEZAG.elementId(), "PT20M")
          .containsEntry(Task.INFORMATIE_DELEN.elementId(), "PT1H");

      hub.verzet(Duration.ofMinutes(21));

      var stilte = hub.job(JobType.LOGBOEK_VASTLEGGEN, in(i));
      assertThat(stilte.header(TaskHeader.GEBEURTENIS.key())).isEqualTo("STILZWIJGEN_REGIO");
      assertThat(stilte.variabele("vrCode")).isEqualTo("VR10");
      hub.taak(i, Task.BESLUIT_AFKONDIGING);
    } finally {
      deploySlaTable(table);
    }
    // the old table back: the next level 5 gives the region its hour again
    long j = levelFiveWithASilentGooi("DN5-TERMIJN-TERUG");
    var gooi = hub.taak(j, Task.AFSTEMMEN_LOKAAL_GEZAG, t -> "VR10".equals(t.variabele("vrCode")));
    assertThat(gooi.variabele(Variable.TERMIJNEN.variableName()))
        .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
        .containsEntry(Task.AFSTEMMEN_LOKAAL_GEZAG.elementId(), "PT1H");
    hub.verzet(Duration.ofMinutes(21));
    assertThat(hub.isOpen(gooi)).as("still within its hour").isTrue();
    assertThat(hub.jobs(JobType.LOGBOEK_VASTLEGGEN, in(j))).isEmpty();
    hub.verzet(Duration.ofMinutes(40));
    assertThat(hub.job(JobType.LOGBOEK_VASTLEGGEN, in(j)).header(TaskHeader.GEBEURTENIS.key()))
        .isEqualTo("STILZWIJGEN_REGIO");
  }

  private static long levelFiveWithASilentGooi(String crisisId) {
    long i =
        hub.start(
            ProcessId.DREIGINGSNIVEAU_5,
            stap.voorstel(
                crisisId,
                vars(
                    "soort",
                    "VEILIGHEIDSREGIO",
                    "codes",
                    List.of("VR09", "VR10"),
                    "naam",
                    "Utrecht en Gooi")));
    stap.informatieDelen(i, Task.INFORMATIE_DELEN);
    stap.afstemmen(i, "VR09");
    return i;
  }

  private static void deploySlaTable(String xml) {
    hub.client()
        .newDeployResourceCommand()
        .addResourceStringUtf8(xml, DecisionId.SLA_TERMIJNEN.resource())
        .send()
        .join();
  }

  @Test
  void aSilentRegionIsRecordedAfterItsSlaAndTheDecisionGoesOn() {
    long i =
        hub.start(
            ProcessId.DREIGINGSNIVEAU_5,
            stap.voorstel(
                "DN5-STIL",
                vars(
                    "soort",
                    "VEILIGHEIDSREGIO",
                    "codes",
                    List.of("VR09", "VR10"),
                    "naam",
                    "Utrecht en Gooi")));
    stap.informatieDelen(i, Task.INFORMATIE_DELEN);
    stap.afstemmen(i, "VR09");
    hub.taak(i, Task.AFSTEMMEN_LOKAAL_GEZAG, t -> "VR10".equals(t.variabele("vrCode")));

    hub.verzet(Duration.ofMinutes(61));

    var stilte = hub.job(JobType.LOGBOEK_VASTLEGGEN, in(i));
    assertThat(stilte.header(TaskHeader.GEBEURTENIS.key())).isEqualTo("STILZWIJGEN_REGIO");
    assertThat(stilte.variabele("vrCode")).isEqualTo("VR10");
    var besluit = hub.taak(i, Task.BESLUIT_AFKONDIGING);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> afstemmingen =
        (List<Map<String, Object>>) besluit.variabele("afstemmingen");
    assertThat(afstemmingen)
        .extracting(a -> a.get("vrCode") + ":" + a.get("reactie"))
        .containsExactlyInAnyOrder("VR09:AFGESTEMD", "VR10:GEEN_REACTIE");

    // not only a logbook line: the operator calls the silent region, whom the directory names;
    // the decision is already there and does not wait for the call
    var bellen = hub.taak(i, Task.REGIO_BELLEN);
    assertThat(bellen.kandidaatGroepen()).containsExactly("landelijk-operator");
    assertThat(bellen.variabele("vrCode")).isEqualTo("VR10");
    @SuppressWarnings("unchecked")
    Map<String, Object> wie = (Map<String, Object>) bellen.variabele("belContact");
    assertThat(wie).containsEntry("ontvanger", "VR10").containsEntry("volgorde", 1);
    assertThat(hub.openTaken(i, Task.REGIO_BELLEN)).as("only the silent region").hasSize(1);
    assertThat(hub.isOpen(besluit)).isTrue();
    hub.voltooi(
        bellen,
        vars(
            "bereikt",
            true,
            "gesprokenMet",
            "Officier van dienst Gooi en Vechtstreek",
            "gesprokenOp",
            hub.nu().toString(),
            "toelichting",
            "Burgemeesters steunen; reactie bleef in de mail hangen"));
    assertThat(hub.isOpen(besluit)).isTrue();
  }

  // Issue #14 item 3: "information is gathered from both" — police and OM each deliver their own
  // information; silence past the SLA gives the operator a call task; the NCTV decides without it
  // only by an explicit, logged "besluit zonder volledige informatie" with a reason

  @Test
  @SuppressWarnings("unchecked")
  void theOmDoesNotShareWithinTheHourTheOperatorGetsACallTaskAndTheDecisionWaitsForTheOm() {
    long i =
        hub.start(
            ProcessId.DREIGINGSNIVEAU_5, stap.voorstel("DN5-OM-STIL", Stappen.provincieUtrecht()));
    // the police share, the region aligns; the OM's own task stays open
    stap.informatieDelen(i, Task.INFORMATIE_DELEN, "politie");
    stap.afstemmen(i, "VR09");
    stap.informatieTaak(i, Task.INFORMATIE_DELEN, "om");

    hub.verzet(Duration.ofMinutes(61));

    // the OM is escalated to the operator, who gets a call task naming whom to call
    var escalatie = hub.job(JobType.SLA_ESCALEREN, in(i));
    assertThat(escalatie.header(TaskHeader.TAAK.key()))
        .isEqualTo(Task.INFORMATIE_DELEN.elementId());
    var bellen = hub.taak(i, Task.INFORMATIE_BELLEN);
    assertThat(bellen.kandidaatGroepen()).containsExactly("landelijk-operator");
    assertThat(bellen.variabele("informatiepartner")).isEqualTo("om");
    assertThat((Map<String, Object>) bellen.variabele("belContact"))
        .containsEntry("ontvanger", "OM")
        .containsEntry("volgorde", 1);
    // only the silent partner is called
    assertThat(hub.openTaken(i, Task.INFORMATIE_BELLEN)).hasSize(1);
    hub.voltooi(
        bellen,
        vars(
            "bereikt",
            true,
            "gesprokenMet",
            "OvJ van dienst",
            "gesprokenOp",
            hub.nu().toString(),
            "toelichting",
            "Informatie volgt binnen een kwartier"));

    // the decision still waits for the OM's information
    assertThat(hub.openTaken(i, Task.BESLUIT_AFKONDIGING)).isEmpty();
    stap.informatieDelen(i, Task.INFORMATIE_DELEN, "om");
    var besluit = hub.taak(i, Task.BESLUIT_AFKONDIGING);
    Map<String, Object> informatie =
        (Map<String, Object>) besluit.variabele("opsporingsinformatie");
    assertThat(informatie).containsOnlyKeys("politie", "om");
    assertThat((Map<String, Object>) informatie.get("om"))
        .containsEntry("gedeeldDoor", "OvJ Midden-Nederland")
        .containsEntry("vertrouwelijkheid", "DEPARTEMENTAAL_VERTROUWELIJK");
    assertThat(besluit.variabele("besluitZonderVolledigeInformatie")).isNull();
  }

  @Test
  void theCallTaskLapsesWhenThePoliceShareAfterAllAndTheDecisionDoesNotWaitForIt() {
    long i =
        hub.start(
            ProcessId.DREIGINGSNIVEAU_5,
            stap.voorstel("DN5-POLITIE-LAAT", Stappen.provincieUtrecht()));
    stap.informatieDelen(i, Task.INFORMATIE_DELEN, "om");
    stap.afstemmen(i, "VR09");
    stap.informatieTaak(i, Task.INFORMATIE_DELEN, "politie");
    hub.verzet(Duration.ofMinutes(61));
    var bellen = hub.taak(i, Task.INFORMATIE_BELLEN);
    assertThat(bellen.variabele("informatiepartner")).isEqualTo("politie");

    // the police share before the operator called: the call is no longer needed
    stap.informatieDelen(i, Task.INFORMATIE_DELEN, "politie");
    hub.taak(i, Task.BESLUIT_AFKONDIGING);
    assertThat(hub.isOpen(bellen)).isFalse();
  }

  @Test
  @SuppressWarnings("unchecked")
  void theNctvDecidesWithoutTheOmsInformationOnlyWithAReasonAndItIsLogged() {
    String id = "DN5-ZONDER-OM";
    long i = hub.start(ProcessId.DREIGINGSNIVEAU_5, stap.voorstel(id, Stappen.provincieUtrecht()));
    stap.informatieDelen(i, Task.INFORMATIE_DELEN, "politie");
    stap.afstemmen(i, "VR09");
    var omTaak = stap.informatieTaak(i, Task.INFORMATIE_DELEN, "om");
    assertThat(hub.openTaken(i, Task.BESLUIT_AFKONDIGING)).isEmpty();

    // first hour of an attack: the NCTV decider does not wait for the OM, and says why
    hub.publiceer(
        MessageName.BESLUIT_ZONDER_VOLLEDIGE_INFORMATIE,
        id,
        vars(
            "zonderInformatieReden",
            "Eerste uur na de aanslag; vervolgdreiging acuut",
            "zonderInformatieDoor",
            Stappen.NCTV));

    var vastgelegd =
        hub.job(
            JobType.LOGBOEK_VASTLEGGEN,
            in(i)
                .and(
                    j ->
                        "BESLUIT_ZONDER_VOLLEDIGE_INFORMATIE"
                            .equals(j.header(TaskHeader.GEBEURTENIS.key()))));
    assertThat(vastgelegd.header(TaskHeader.BESLUIT.key())).isEqualTo("AFKONDIGING");
    var besluit = hub.taak(i, Task.BESLUIT_AFKONDIGING);
    assertThat((Map<String, Object>) besluit.variabele("besluitZonderVolledigeInformatie"))
        .containsEntry("reden", "Eerste uur na de aanslag; vervolgdreiging acuut")
        .containsEntry("besluitDoor", Stappen.NCTV)
        .containsEntry("ontbrekend", List.of("om"));
    assertThat((Map<String, Object>) besluit.variabele("opsporingsinformatie"))
        .containsOnlyKeys("politie");
    // the OM's task is no longer waited for
    assertThat(hub.isOpen(omTaak)).isFalse();
    stap.besluit(i, Stappen.NCTV, "AFKONDIGEN", hub.nu().plus(Duration.ofHours(6)).toString());
    stap.medeondertekenen(i, Task.MEDEONDERTEKENEN_AFKONDIGING, Stappen.NCTV_2);
    stap.communicatie(i, Task.COMMUNICATIE_AFKONDIGING);
  }

  @Test
  @SuppressWarnings("unchecked")
  void beforeAnExtensionTheDeciderMayGoOnWithoutThePoliceWithAReason() {
    String id = "DN5-VERLENGEN-ZONDER";
    long i =
        stap.afgekondigd(
            id, Stappen.provincieUtrecht(), hub.nu().plus(Duration.ofHours(6)).toString());
    hub.verzet(Duration.ofHours(4).plusMinutes(1));
    stap.informatieDelen(i, Task.INFORMATIE_HERBEOORDELING, "om");
    stap.afstemmen(i, Task.AFSTEMMEN_LOKAAL_GEZAG_HERBEOORDELING, "VR09");
    stap.informatieTaak(i, Task.INFORMATIE_HERBEOORDELING, "politie");

    hub.publiceer(
        MessageName.BESLUIT_ZONDER_VOLLEDIGE_INFORMATIE,
        id,
        vars(
            "zonderInformatieReden",
            "Politie in actie; eindtijd nadert",
            "zonderInformatieDoor",
            Stappen.NCTV));
    var herbeoordelen = hub.taak(i, Task.HERBEOORDELEN);
    assertThat((Map<String, Object>) herbeoordelen.variabele("besluitZonderVolledigeInformatie"))
        .containsEntry("ontbrekend", List.of("politie"));
    assertThat((Map<String, Object>) herbeoordelen.variabele("opsporingsinformatie"))
        .containsOnlyKeys("om");
    assertThat(
            hub.job(
                    JobType.LOGBOEK_VASTLEGGEN,
                    in(i)
                        .and(
                            j ->
                                "BESLUIT_ZONDER_VOLLEDIGE_INFORMATIE"
                                    .equals(j.header(TaskHeader.GEBEURTENIS.key()))))
                .header(TaskHeader.BESLUIT.key()))
        .isEqualTo("VERLENGING");
  }

  @Test
  void decisionNoTellsOnlyThoseWhoWereAskedAndRegistersNothing() {
    String id = "DN5-NEE";
    long i = hub.start(ProcessId.DREIGINGSNIVEAU_5, stap.voorstel(id, Stappen.provincieUtrecht()));
    stap.informatieDelen(i, Task.INFORMATIE_DELEN);
    stap.afstemmen(i, "VR09");
    stap.besluit(i, Stappen.NCTV, "NIET_AFKONDIGEN", null);

    stap.evalueren(i, Task.EVALUEREN_DREIGINGSNIVEAU);
    hub.job(JobType.CRISIS_AFSLUITEN, in(i));
    hub.afgesloten(i);

    // asked: region VR09 (alignment with its lokaal gezag) and the OM (information); the two
    // mayors of the area were never consulted on this proposal and get no "niet afgekondigd"
    assertThat(ronde(id, "niet-afgekondigd"))
        .extracting(j -> String.valueOf(((Map<?, ?>) j.variabele("ontvanger")).get("code")))
        .containsExactlyInAnyOrder("VR09", "OM");
    assertThat(ronde(id, "niet-afgekondigd"))
        .allSatisfy(
            j ->
                assertThat(((Map<?, ?>) j.variabele("bericht")).get("soort"))
                    .isEqualTo("NIET_AFGEKONDIGD"));
    assertThat(hub.jobs(JobType.DREIGINGSNIVEAU_REGISTREREN, in(i))).isEmpty();
    assertThat(hub.jobs(JobType.COMMUNICATIE_PUBLICEREN, in(i))).isEmpty();
  }

  @Test
  void theProposerWhoTriesToDecideIsRefused() {
    long i =
        hub.start(
            ProcessId.DREIGINGSNIVEAU_5,
            stap.voorstel("DN5-VIER-OGEN", Stappen.provincieUtrecht()));
    stap.informatieDelen(i, Task.INFORMATIE_DELEN);
    stap.afstemmen(i, "VR09");
    var eerste =
        stap.besluit(i, Stappen.OPERATOR, "AFKONDIGEN", hub.nu().plusSeconds(6 * 3600).toString());

    var controle = hub.job(JobType.VIER_OGEN_CONTROLEREN, in(i));
    assertThat(controle.uitkomst().fout()).isEqualTo(ErrorCode.VIER_OGEN_GESCHONDEN);
    var weigering = hub.job(JobType.LOGBOEK_VASTLEGGEN, in(i));
    assertThat(weigering.header(TaskHeader.GEBEURTENIS.key())).isEqualTo("VIER_OGEN_GEWEIGERD");
    assertThat(hub.jobs(JobType.DREIGINGSNIVEAU_REGISTREREN, in(i))).isEmpty();

    var opnieuw = hub.taak(i, Task.BESLUIT_AFKONDIGING);
    assertThat(opnieuw.key()).isNotEqualTo(eerste.key());
    stap.besluit(i, Stappen.NCTV, "AFKONDIGEN", hub.nu().plusSeconds(6 * 3600).toString());
    stap.medeondertekenen(i, Task.MEDEONDERTEKENEN_AFKONDIGING, Stappen.NCTV_2);
    assertThat(hub.job(JobType.DREIGINGSNIVEAU_REGISTREREN, in(i)).variabele("niveau"))
        .isEqualTo(5);
  }

  @Test
  void anUnknownAreaIsCorrectedByTheDutyOfficer() {
    long i =
        hub.start(
            ProcessId.DREIGINGSNIVEAU_5,
            stap.voorstel(
                "DN5-GEBIED",
                vars("soort", "PROVINCIE", "codes", List.of("PV99"), "naam", "onbekend")));
    var corrigeren = hub.taak(i, Task.GEBIED_CORRIGEREN);
    assertThat(corrigeren.kandidaatGroepen()).containsExactly("landelijk-operator");
    hub.voltooi(corrigeren, Stappen.provincieUtrecht());
    hub.taak(i, Task.AFSTEMMEN_LOKAAL_GEZAG, t -> "VR09".equals(t.variabele("vrCode")));
  }

  @Test
  void aLoweringProposalCanBeRefusedAndLevelFiveStaysInForce() {
    String id = "DN5-HANDHAVEN";
    long i =
        stap.afgekondigd(
            id, Stappen.provincieUtrecht(), hub.nu().plus(Duration.ofHours(6)).toString());
    hub.job(JobType.COMMUNICATIE_PUBLICEREN, in(i));

    operatorProposesLowering(id, "Rust keert terug");
    stap.gehoord(i, Task.INFORMATIE_AFSCHALING, Task.AFSTEMMEN_LOKAAL_GEZAG_AFSCHALING);
    hub.voltooi(
        hub.taak(i, Task.BESLUIT_AFSCHALING),
        vars(
            "uitkomst",
            "HANDHAVEN",
            "nieuwNiveau",
            null,
            "motivering",
            "Medeplichtige nog voortvluchtig",
            "beslisser",
            Stappen.NCTV));

    // back in force: the review before expiry still comes, nothing was lowered
    hub.verzet(Duration.ofHours(4).plusMinutes(1));
    hub.taak(i, Task.INFORMATIE_HERBEOORDELING);
    assertThat(
            hub.jobs(
                JobType.DREIGINGSNIVEAU_REGISTREREN,
                in(i).and(j -> "AFSCHALEN".equals(j.header(TaskHeader.ACTIE.key())))))
        .isEmpty();
  }

  @Test
  void publicCommunicationWithoutMeaningIsSentBackToTheCommunicationOfficer() {
    long i =
        hub.start(
            ProcessId.DREIGINGSNIVEAU_5,
            stap.voorstel("DN5-DRIE-DOELEN", Stappen.provincieUtrecht()));
    stap.informatieDelen(i, Task.INFORMATIE_DELEN);
    stap.afstemmen(i, "VR09");
    stap.besluit(i, Stappen.NCTV, "AFKONDIGEN", hub.nu().plus(Duration.ofHours(6)).toString());
    stap.medeondertekenen(i, Task.MEDEONDERTEKENEN_AFKONDIGING, Stappen.NCTV_2);
    var eerste = hub.taak(i, Task.COMMUNICATIE_AFKONDIGING);
    hub.voltooi(
        eerste,
        vars(
            "informeren", "Dreigingsniveau 5 voor de provincie Utrecht",
            "handelingsperspectief", "Blijf binnen",
            "duiding", "",
            "kanalen", List.of("PERSBERICHT")));
    for (String gemeente : List.of("GM0344", "GM0307")) {
      stap.lokaleBoodschap(i, Task.LOKALE_BOODSCHAP_AFKONDIGING, gemeente, "Blijf binnen");
    }

    var afgewezen = hub.job(JobType.COMMUNICATIE_PUBLICEREN, in(i));
    assertThat(afgewezen.uitkomst().fout()).isEqualTo(ErrorCode.COMMUNICATIE_ONVOLLEDIG);
    var opnieuw = hub.taak(i, Task.COMMUNICATIE_AFKONDIGING);
    assertThat(opnieuw.key()).isNotEqualTo(eerste.key());
    // the corrected text goes out at once: the local messages are already in
    stap.landelijkeTekst(i, Task.COMMUNICATIE_AFKONDIGING);
    assertThat(hub.jobs(JobType.COMMUNICATIE_PUBLICEREN, 2, in(i)).get(1).uitkomst().fout())
        .isNull();
  }

  @Test
  void everyNotificationOfAnExerciseSaysSo() {
    Map<String, Object> voorstel = stap.voorstel("DN5-OEFENING", Stappen.provincieUtrecht());
    voorstel.put("exercise", true);
    long i = hub.start(ProcessId.DREIGINGSNIVEAU_5, voorstel);
    stap.afkondigen(i, hub.nu().plus(Duration.ofHours(6)).toString());
    assertThat(ronde("DN5-OEFENING", "afkondiging"))
        .hasSize(4)
        .allSatisfy(j -> assertThat(j.variabele("exercise")).isEqualTo(true));
    assertThat(hub.job(JobType.COMMUNICATIE_PUBLICEREN, in(i)).variabele("exercise"))
        .isEqualTo(true);
  }

  @Test
  void levelFiveForUtrechtThePublicCommunicationAppearsWhileTheMayorsHaveNotYetAcknowledged() {
    // at 3 a.m. the mayors of Utrecht and Amersfoort do not pick up
    hub.zwijgend.add("GM0344");
    hub.zwijgend.add("GM0307");
    String id = "DN5-NACHT";
    long i = hub.start(ProcessId.DREIGINGSNIVEAU_5, stap.voorstel(id, Stappen.provincieUtrecht()));
    stap.informatieDelen(i, Task.INFORMATIE_DELEN);
    stap.afstemmen(i, "VR09");
    stap.besluit(i, Stappen.NCTV, "AFKONDIGEN", hub.nu().plus(Duration.ofHours(6)).toString());
    stap.medeondertekenen(i, Task.MEDEONDERTEKENEN_AFKONDIGING, Stappen.NCTV_2);

    // the public communication task appears: every notice was sent, nobody had to acknowledge
    var communicatie = hub.taak(i, Task.COMMUNICATIE_AFKONDIGING);
    assertThat(ronde(id, "afkondiging"))
        .hasSize(4)
        .allSatisfy(j -> assertThat(j.volgnummer()).isLessThan(communicatie.volgnummer()));
    var verstuurd = stap.rondeVerstuurd(id + "/afkondiging");
    long informeren = verstuurd.job().getProcessInstanceKey();
    assertThat(hub.jobs(JobType.MELDING_RESULTAAT_VASTLEGGEN, in(informeren))).isEmpty();
    assertThat(communicatie.variabele("bevestigingenAfkondiging")).isNull();
    stap.communicatie(i, Task.COMMUNICATIE_AFKONDIGING);
    var publicatie = hub.job(JobType.COMMUNICATIE_PUBLICEREN, in(i));
    assertThat(publicatie.uitkomst().fout()).isNull();
    assertThat(hub.jobs(JobType.MELDING_FALLBACK_VERSTUREN, in(informeren))).isEmpty();

    // in parallel: the mayor of Utrecht acknowledges late, Amersfoort stays silent and is escalated
    hub.publiceer(
        MessageName.MELDING_BEVESTIGD,
        id + "/afkondiging/GM0344",
        vars("bevestigdOp", hub.nu().toString(), "bevestigdDoor", "burgemeester Utrecht"));
    hub.verzet(Duration.ofMinutes(16));
    var fallback = hub.job(JobType.MELDING_FALLBACK_VERSTUREN, in(informeren));
    assertThat(fallback.variabele("notificatieId")).isEqualTo(id + "/afkondiging/GM0307");
    hub.verzet(Duration.ofMinutes(16));
    var bellen = hub.taakErgens(Task.ONTVANGER_BELLEN, t -> t.procesInstantie() == informeren);
    assertThat(bellen.kandidaatGroepen()).containsExactly("landelijk-operator");
    hub.voltooi(
        bellen,
        vars(
            "bereikt",
            true,
            "gesprokenMet",
            "loco-burgemeester Amersfoort",
            "gesprokenOp",
            hub.nu().toString(),
            "toelichting",
            "burgemeester sliep; loco bevestigt"));
    hub.afgesloten(informeren);

    // level 5 stays in force: the review before expiry comes, knowing who acknowledged how
    hub.verzet(Duration.ofHours(4).plusMinutes(30));
    var herbeoordeling = hub.taak(i, Task.INFORMATIE_HERBEOORDELING);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> bevestigingen =
        (List<Map<String, Object>>) herbeoordeling.variabele("bevestigingenAfkondiging");
    assertThat(bevestigingen)
        .extracting(b -> b.get("ontvanger") + ":" + b.get("route"))
        .contains("GM0344:KANAAL", "GM0307:TELEFOON");
    assertThat(hub.jobs(JobType.DREIGINGSNIVEAU_REGISTREREN, in(i)))
        .extracting(j -> j.header(TaskHeader.ACTIE.key()))
        .containsExactly("AFKONDIGEN");
  }

  // "Dit geldt zowel voor de op- als afschaling" (evaluatie Utrecht): information and alignment
  // with the lokaal gezag before extending and before lowering, as before declaring

  @Test
  void beforeAnExtensionThePoliceShareInformationAndRegionUtrechtAlignsWithItsGezag() {
    String id = "DN5-VERLENGEN-GEHOORD";
    long i =
        stap.afgekondigd(
            id, Stappen.provincieUtrecht(), hub.nu().plus(Duration.ofHours(6)).toString());

    // two hours before the end: police/OM and the region are asked at the same time
    hub.verzet(Duration.ofHours(4).plusMinutes(1));
    stap.informatieTaak(i, Task.INFORMATIE_HERBEOORDELING, "politie");
    stap.informatieTaak(i, Task.INFORMATIE_HERBEOORDELING, "om");
    var afstemming = hub.taak(i, Task.AFSTEMMEN_LOKAAL_GEZAG_HERBEOORDELING);
    assertThat(afstemming.kandidaatGroepen()).containsExactly("regio-VR09");
    assertThat(afstemming.variabele("vrCode")).isEqualTo("VR09");

    // the police have shared, the region not yet: no decision yet
    stap.informatieDelen(i, Task.INFORMATIE_HERBEOORDELING);
    assertThat(hub.openTaken(i, Task.HERBEOORDELEN)).isEmpty();
    hub.voltooi(
        afstemming,
        vars(
            "standpuntGezag", "STEUNT",
            "maatregelen", "Extra surveillance stations",
            "toelichting", "Burgemeester Utrecht steunt verlenging"));

    // the decider reviews with the current alignment of the region
    var herbeoordelen = hub.taak(i, Task.HERBEOORDELEN);
    assertThat((List<Map<String, Object>>) herbeoordelen.variabele("afstemmingen"))
        .singleElement()
        .satisfies(
            a ->
                assertThat(a)
                    .containsEntry("vrCode", "VR09")
                    .containsEntry("reactie", "AFGESTEMD")
                    .containsEntry("maatregelen", "Extra surveillance stations"));
  }

  @Test
  void beforeAnExtensionASilentRegionIsRecordedAndSilentPoliceAreEscalatedToTheOperator() {
    String id = "DN5-VERLENGEN-STIL";
    long i =
        stap.afgekondigd(
            id,
            vars("soort", "VEILIGHEIDSREGIO", "codes", List.of("VR09"), "naam", "Utrecht"),
            hub.nu().plus(Duration.ofHours(6)).toString());
    hub.verzet(Duration.ofHours(4).plusMinutes(1));
    hub.taak(i, Task.INFORMATIE_HERBEOORDELING);
    hub.taak(i, Task.AFSTEMMEN_LOKAAL_GEZAG_HERBEOORDELING);

    // nobody answers within the hour, the same SLA as before declaring
    hub.verzet(Duration.ofMinutes(61));
    var escalatie =
        hub.job(JobType.SLA_ESCALEREN, in(i).and(j -> !DreigingsniveauVijfIT.aboutTheReview(j)));
    assertThat(escalatie.header(TaskHeader.TAAK.key()))
        .isEqualTo(Task.INFORMATIE_HERBEOORDELING.elementId());
    assertThat(escalatie.header(TaskHeader.ESCALEREN_NAAR.key())).isEqualTo("landelijk-operator");
    var stilte =
        hub.job(
            JobType.LOGBOEK_VASTLEGGEN,
            in(i).and(j -> "STILZWIJGEN_REGIO".equals(j.header(TaskHeader.GEBEURTENIS.key()))));
    assertThat(stilte.variabele("vrCode")).isEqualTo("VR09");

    // the operator gets a call task per silent partner
    assertThat(hub.taak(i, Task.INFORMATIE_BELLEN_HERBEOORDELING).kandidaatGroepen())
        .containsExactly("landelijk-operator");
    // the police and OM still share (the tasks stay open after the escalation); the review goes
    // on and the calls lapse
    stap.informatieDelen(i, Task.INFORMATIE_HERBEOORDELING);
    var herbeoordelen = hub.taak(i, Task.HERBEOORDELEN);
    assertThat((List<Map<String, Object>>) herbeoordelen.variabele("afstemmingen"))
        .extracting(a -> a.get("vrCode") + ":" + a.get("reactie"))
        .containsExactly("VR09:GEEN_REACTIE");
    // the silent region is called, the review does not wait for it
    var bellen = hub.taak(i, Task.REGIO_BELLEN_HERBEOORDELING);
    assertThat(bellen.variabele("vrCode")).isEqualTo("VR09");

    // the NCTV extends before the call was made: the period ends and the call lapses with it
    hub.voltooi(
        herbeoordelen,
        vars(
            "uitkomst",
            "VERLENGEN",
            "nieuweEindtijd",
            hub.nu().plus(Duration.ofHours(12)).toString(),
            "motivering",
            "Dreiging houdt aan",
            "beslisser",
            Stappen.NCTV));
    stap.medeondertekenen(i, Task.MEDEONDERTEKENEN_VERLENGING, Stappen.NCTV_2);
    hub.job(
        JobType.DREIGINGSNIVEAU_REGISTREREN,
        in(i).and(j -> "VERLENGEN".equals(j.header(TaskHeader.ACTIE.key()))));
    org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> !hub.isOpen(bellen));
  }

  @Test
  void beforeLoweringThePoliceShareInformationRegionUtrechtAlignsAndTheAreaReturnsToLevelThree() {
    String id = "DN5-AFSCHALEN-GEHOORD";
    long i =
        stap.afgekondigd(
            id, Stappen.provincieUtrecht(), hub.nu().plus(Duration.ofHours(6)).toString());
    hub.job(JobType.COMMUNICATIE_PUBLICEREN, in(i));

    operatorProposesLowering(id, "Dader aangehouden");

    // police/OM and the region are heard first; the decision waits for both
    stap.informatieTaak(i, Task.INFORMATIE_AFSCHALING, "politie");
    stap.informatieTaak(i, Task.INFORMATIE_AFSCHALING, "om");
    stap.afstemmen(i, Task.AFSTEMMEN_LOKAAL_GEZAG_AFSCHALING, "VR09");
    assertThat(hub.openTaken(i, Task.BESLUIT_AFSCHALING)).isEmpty();
    stap.informatieDelen(i, Task.INFORMATIE_AFSCHALING);

    // the national level in force (3) unless the decider picks another, with a reason
    var besluit = hub.taak(i, Task.BESLUIT_AFSCHALING);
    assertThat((List<Map<String, Object>>) besluit.variabele("afstemmingen"))
        .extracting(a -> a.get("vrCode") + ":" + a.get("reactie"))
        .containsExactly("VR09:AFGESTEMD");
    hub.voltooi(
        besluit,
        vars(
            "uitkomst",
            "AFSCHALEN",
            "nieuwNiveau",
            3,
            "motivering",
            "Terug naar het landelijke niveau",
            "beslisser",
            Stappen.NCTV));
    stap.medeondertekenen(i, Task.MEDEONDERTEKENEN_AFSCHALING, Stappen.NCTV_2);
    var afschaling =
        hub.job(
            JobType.DREIGINGSNIVEAU_REGISTREREN,
            in(i).and(j -> "AFSCHALEN".equals(j.header(TaskHeader.ACTIE.key()))));
    assertThat(afschaling.variabele("niveau")).isEqualTo(3);
  }

  @Test
  void beforeLoweringASilentRegionIsRecordedAndSilentPoliceAreEscalatedToTheOperator() {
    String id = "DN5-AFSCHALEN-STIL";
    long i =
        stap.afgekondigd(
            id, Stappen.provincieUtrecht(), hub.nu().plus(Duration.ofHours(6)).toString());
    hub.job(JobType.COMMUNICATIE_PUBLICEREN, in(i));
    operatorProposesLowering(id, "Rust keert terug");
    hub.taak(i, Task.INFORMATIE_AFSCHALING);
    hub.taak(i, Task.AFSTEMMEN_LOKAAL_GEZAG_AFSCHALING);

    hub.verzet(Duration.ofMinutes(61));
    var escalatie = hub.job(JobType.SLA_ESCALEREN, in(i));
    assertThat(escalatie.header(TaskHeader.TAAK.key()))
        .isEqualTo(Task.INFORMATIE_AFSCHALING.elementId());
    hub.job(
        JobType.LOGBOEK_VASTLEGGEN,
        in(i).and(j -> "STILZWIJGEN_REGIO".equals(j.header(TaskHeader.GEBEURTENIS.key()))));
    assertThat(hub.taak(i, Task.INFORMATIE_BELLEN_AFSCHALING).kandidaatGroepen())
        .containsExactly("landelijk-operator");
    stap.informatieDelen(i, Task.INFORMATIE_AFSCHALING);
    var besluit = hub.taak(i, Task.BESLUIT_AFSCHALING);
    assertThat((List<Map<String, Object>>) besluit.variabele("afstemmingen"))
        .extracting(a -> a.get("vrCode") + ":" + a.get("reactie"))
        .containsExactly("VR09:GEEN_REACTIE");
    // the silent region is called while the lowering decision waits for the NCTV
    assertThat(hub.taak(i, Task.REGIO_BELLEN_AFSCHALING).variabele("vrCode")).isEqualTo("VR09");
  }

  @Test
  void aLoweringChosenInTheReviewIsDecidedWithTheReviewsInformationWithoutAskingAgain() {
    String id = "DN5-HERBEOORDELING-AFSCHALEN";
    long i =
        stap.afgekondigd(
            id, Stappen.provincieUtrecht(), hub.nu().plus(Duration.ofHours(6)).toString());
    hub.verzet(Duration.ofHours(4).plusMinutes(1));
    stap.herbeoordeeld(i, "AFSCHALEN", null, "Dader aangehouden");

    hub.taak(i, Task.BESLUIT_AFSCHALING);
    assertThat(hub.openTaken(i, Task.INFORMATIE_AFSCHALING)).isEmpty();
    assertThat(hub.openTaken(i, Task.AFSTEMMEN_LOKAAL_GEZAG_AFSCHALING)).isEmpty();
  }

  // "An end time that holds" (#14 item 2): the review has a deadline, escalation goes up a named
  // chain, and a level 5 is never silently in force past its end

  @Test
  void anUndecidedReviewEscalatesToTheDeciderOnDutyTheSecondDeciderAndTheHeadAndExpiresLoudly() {
    String id = "DN5-VERLOOPT";
    String eindtijd = hub.nu().plus(Duration.ofHours(6)).toString();
    long i = stap.afgekondigd(id, Stappen.provincieUtrecht(), eindtijd);

    // the review is prepared two hours before the end, but nobody decides
    hub.verzet(Duration.ofHours(4).plusMinutes(1));
    stap.gehoord(i, Task.INFORMATIE_HERBEOORDELING, Task.AFSTEMMEN_LOKAAL_GEZAG_HERBEOORDELING);
    var herbeoordelen = hub.taak(i, Task.HERBEOORDELEN);

    // one hour before the end: the decider on duty
    hub.verzet(Duration.ofHours(1));
    assertThat(reviewEscalation(i, 1).get(0).header(TaskHeader.ESCALEREN_NAAR.key()))
        .isEqualTo(CandidateGroup.NCTV_BESLUITVORMER.group());
    // half an hour before the end: the second NCTV decider
    hub.verzet(Duration.ofMinutes(30));
    assertThat(reviewEscalation(i, 2).get(1).header(TaskHeader.ESCALEREN_NAAR.key()))
        .isEqualTo(CandidateGroup.NCTV_TWEEDE_BESLUITVORMER.group());
    assertThat(expired(i)).isEmpty();

    // at the end: recorded as expired without a decision, and up to the head of the NCTV / DG
    hub.verzet(Duration.ofMinutes(30));
    assertThat(reviewEscalation(i, 3).get(2).header(TaskHeader.ESCALEREN_NAAR.key()))
        .isEqualTo(CandidateGroup.NCTV_HOOFD.group());
    var verlopen = expired(i);
    assertThat(verlopen).hasSize(1);
    assertThat(verlopen.get(0).header(TaskHeader.BESLUIT.key())).isEqualTo("VERLENGING");
    assertThat(reviewEscalation(i, 3).get(2).volgnummer())
        .isGreaterThan(verlopen.get(0).volgnummer());

    // nothing was extended or lowered by itself; the review stays open for a late decision
    assertThat(hub.jobs(JobType.DREIGINGSNIVEAU_REGISTREREN, in(i)))
        .extracting(j -> j.header(TaskHeader.ACTIE.key()))
        .containsExactly("AFKONDIGEN");
    assertThat(hub.isOpen(herbeoordelen)).isTrue();
    hub.voltooi(
        herbeoordelen,
        vars(
            "uitkomst",
            "VERLENGEN",
            "nieuweEindtijd",
            hub.nu().plus(Duration.ofHours(6)).toString(),
            "motivering",
            "Alsnog verlengd: dader nog voortvluchtig",
            "beslisser",
            Stappen.NCTV));
    stap.medeondertekenen(i, Task.MEDEONDERTEKENEN_VERLENGING, Stappen.NCTV_2);
    hub.job(
        JobType.DREIGINGSNIVEAU_REGISTREREN,
        in(i).and(j -> "VERLENGEN".equals(j.header(TaskHeader.ACTIE.key()))));
  }

  // "Escalation reaches a person" (#14 item 2): half an hour before the end the second NCTV decider
  // has the review as a task of their own, at the end the head of the NCTV / DG; a decision by any
  // of them, co-signed as always, ends the period and with it every open escalation task

  @Test
  void nobodyDecidesSoTheSecondDeciderAndThenTheHeadHaveTheReviewAndTheHeadsExtensionEndsTheRest() {
    String id = "DN5-ESCALATIE";
    String eindtijd = hub.nu().plus(Duration.ofHours(6)).toString();
    long i = stap.afgekondigd(id, Stappen.provincieUtrecht(), eindtijd);
    hub.verzet(Duration.ofHours(4).plusMinutes(1));
    stap.gehoord(i, Task.INFORMATIE_HERBEOORDELING, Task.AFSTEMMEN_LOKAAL_GEZAG_HERBEOORDELING);
    var herbeoordelen = hub.taak(i, Task.HERBEOORDELEN);

    // one hour before the end the decider on duty still has only the review
    hub.verzet(Duration.ofHours(1));
    reviewEscalation(i, 1);
    assertThat(hub.openTaken(i, Task.HERBEOORDELEN_TWEEDE)).isEmpty();

    // half an hour before the end: the second NCTV decider has the review, with the time left
    hub.verzet(Duration.ofMinutes(30));
    var tweede = hub.taak(i, Task.HERBEOORDELEN_TWEEDE);
    assertThat(tweede.kandidaatGroepen())
        .containsExactly(CandidateGroup.NCTV_TWEEDE_BESLUITVORMER.group());
    assertThat((String) tweede.variabele("onderwerp"))
        .startsWith("nog 30 minuten tot de eindtijd")
        .contains(eindtijd);
    assertThat(hub.openTaken(i, Task.HERBEOORDELEN_HOOFD)).isEmpty();

    // at the end: expired without a decision, as before, and the head has the review too
    hub.verzet(Duration.ofMinutes(30));
    var hoofd = hub.taak(i, Task.HERBEOORDELEN_HOOFD);
    assertThat(hoofd.kandidaatGroepen()).containsExactly(CandidateGroup.NCTV_HOOFD.group());
    assertThat((String) hoofd.variabele("onderwerp")).contains("verlopen zonder besluit");
    assertThat(expired(i)).hasSize(1);
    assertThat(hub.isOpen(herbeoordelen)).isTrue();
    assertThat(hub.isOpen(tweede)).isTrue();

    // the head extends; a decider co-signs; the period ends and with it every open review task
    String nieuweEindtijd = hub.nu().plus(Duration.ofHours(6)).toString();
    hub.voltooi(
        hoofd,
        vars(
            "uitkomst",
            "VERLENGEN",
            "nieuweEindtijd",
            nieuweEindtijd,
            "motivering",
            "Dader nog voortvluchtig",
            "beslisser",
            Stappen.DG));
    stap.medeondertekenen(i, Task.MEDEONDERTEKENEN_VERLENGING, Stappen.NCTV);
    hub.job(
        JobType.DREIGINGSNIVEAU_REGISTREREN,
        in(i).and(j -> "VERLENGEN".equals(j.header(TaskHeader.ACTIE.key()))));
    await().until(() -> !hub.isOpen(herbeoordelen) && !hub.isOpen(tweede));
    assertThat(hub.openTaken(i, Task.HERBEOORDELEN)).isEmpty();
    assertThat(hub.openTaken(i, Task.HERBEOORDELEN_TWEEDE)).isEmpty();
    assertThat(hub.openTaken(i, Task.HERBEOORDELEN_HOOFD)).isEmpty();
  }

  @Test
  void theSecondDeciderLowersHalfAnHourBeforeTheEndAndNoTaskIsLeftForTheHead() {
    String eindtijd = hub.nu().plus(Duration.ofHours(6)).toString();
    long i = stap.afgekondigd("DN5-ESCALATIE-AFSCHALEN", Stappen.provincieUtrecht(), eindtijd);
    hub.verzet(Duration.ofHours(4).plusMinutes(1));
    stap.gehoord(i, Task.INFORMATIE_HERBEOORDELING, Task.AFSTEMMEN_LOKAAL_GEZAG_HERBEOORDELING);
    var herbeoordelen = hub.taak(i, Task.HERBEOORDELEN);
    hub.verzet(Duration.ofMinutes(90));

    hub.voltooi(
        hub.taak(i, Task.HERBEOORDELEN_TWEEDE),
        vars(
            "uitkomst",
            "AFSCHALEN",
            "motivering",
            "Dreiging geweken",
            "beslisser",
            Stappen.NCTV_2));

    // lowering goes on to its own decision; the review of the decider on duty is gone
    hub.taak(i, Task.BESLUIT_AFSCHALING);
    await().until(() -> !hub.isOpen(herbeoordelen));
    hub.verzet(Duration.ofMinutes(31));
    assertThat(hub.openTaken(i, Task.HERBEOORDELEN_HOOFD)).isEmpty();
    assertThat(expired(i)).isEmpty();
  }

  @Test
  void anExtensionInTimeEscalatesNothingAndTheNextPeriodIsWatchedUntilItsOwnEnd() {
    String id = "DN5-OP-TIJD";
    long i =
        stap.afgekondigd(
            id, Stappen.provincieUtrecht(), hub.nu().plus(Duration.ofHours(6)).toString());
    hub.verzet(Duration.ofHours(4).plusMinutes(1));
    stap.herbeoordeeld(
        i,
        "VERLENGEN",
        hub.nu().plus(Duration.ofHours(8)).toString(),
        "Dader nog niet aangehouden");
    stap.medeondertekenen(i, Task.MEDEONDERTEKENEN_VERLENGING, Stappen.NCTV_2);
    hub.job(
        JobType.DREIGINGSNIVEAU_REGISTREREN,
        in(i).and(j -> "VERLENGEN".equals(j.header(TaskHeader.ACTIE.key()))));

    // past the old end: the new period's review comes two hours before the new end
    hub.verzet(Duration.ofHours(6).plusMinutes(1));
    hub.taak(i, Task.INFORMATIE_HERBEOORDELING);
    assertThat(hub.jobs(JobType.SLA_ESCALEREN, in(i).and(DreigingsniveauVijfIT::aboutTheReview)))
        .isEmpty();
    assertThat(expired(i)).isEmpty();

    // the new period's end is watched as the first one was
    hub.verzet(Duration.ofHours(1));
    assertThat(reviewEscalation(i, 1).get(0).header(TaskHeader.ESCALEREN_NAAR.key()))
        .isEqualTo(CandidateGroup.NCTV_BESLUITVORMER.group());
  }

  // "Four eyes means a second person approves" (#14 item 4): every level decision is co-signed by
  // a second NCTV decider, neither the decider nor the proposer; refused, the decision is not in
  // force and the decider gets it back

  @Test
  void theDeciderCannotCoSignHisOwnDeclarationASecondDeciderCan() {
    long i =
        hub.start(
            ProcessId.DREIGINGSNIVEAU_5,
            stap.voorstel("DN5-MEDE-ZELF", Stappen.provincieUtrecht()));
    stap.informatieDelen(i, Task.INFORMATIE_DELEN);
    stap.afstemmen(i, "VR09");
    stap.besluit(i, Stappen.NCTV, "AFKONDIGEN", hub.nu().plus(Duration.ofHours(6)).toString());

    var zelf = stap.medeondertekenen(i, Task.MEDEONDERTEKENEN_AFKONDIGING, Stappen.NCTV);
    var controle =
        hub.job(
            JobType.VIER_OGEN_CONTROLEREN,
            in(i).and(j -> j.variabele("medeondertekenaar") != null));
    assertThat(controle.uitkomst().fout()).isEqualTo(ErrorCode.VIER_OGEN_GESCHONDEN);
    assertThat(hub.job(JobType.LOGBOEK_VASTLEGGEN, in(i)).header(TaskHeader.GEBEURTENIS.key()))
        .isEqualTo("VIER_OGEN_GEWEIGERD");
    assertThat(hub.jobs(JobType.DREIGINGSNIVEAU_REGISTREREN, in(i))).isEmpty();

    // the proposer may not co-sign either
    var voorsteller = stap.medeondertekenen(i, Task.MEDEONDERTEKENEN_AFKONDIGING, Stappen.OPERATOR);
    assertThat(voorsteller.key()).isNotEqualTo(zelf.key());
    hub.jobs(JobType.LOGBOEK_VASTLEGGEN, 2, in(i));
    assertThat(hub.jobs(JobType.DREIGINGSNIVEAU_REGISTREREN, in(i))).isEmpty();

    stap.medeondertekenen(i, Task.MEDEONDERTEKENEN_AFKONDIGING, Stappen.NCTV_2);
    assertThat(hub.job(JobType.DREIGINGSNIVEAU_REGISTREREN, in(i)).variabele("niveau"))
        .isEqualTo(5);
  }

  @Test
  void aRefusedCoSignatureLeavesTheDeclarationNotInForceAndGivesTheDecisionBack() {
    long i =
        hub.start(
            ProcessId.DREIGINGSNIVEAU_5,
            stap.voorstel("DN5-MEDE-GEWEIGERD", Stappen.provincieUtrecht()));
    stap.informatieDelen(i, Task.INFORMATIE_DELEN);
    stap.afstemmen(i, "VR09");
    var eerste =
        stap.besluit(i, Stappen.NCTV, "AFKONDIGEN", hub.nu().plus(Duration.ofHours(6)).toString());
    stap.medeondertekenen(
        i,
        Task.MEDEONDERTEKENEN_AFKONDIGING,
        Stappen.NCTV_2,
        "GEWEIGERD",
        "Gebied te ruim: alleen de stad Utrecht");

    assertThat(refused(i))
        .singleElement()
        .satisfies(j -> assertThat(j.header(TaskHeader.BESLUIT.key())).isEqualTo("AFKONDIGING"));
    var opnieuw = hub.taak(i, Task.BESLUIT_AFKONDIGING);
    assertThat(opnieuw.key()).isNotEqualTo(eerste.key());
    assertThat(hub.jobs(JobType.DREIGINGSNIVEAU_REGISTREREN, in(i))).isEmpty();
    assertThat(hub.openTaken(i, Task.COMMUNICATIE_AFKONDIGING)).isEmpty();
  }

  @Test
  void aRefusedCoSignatureOfAnExtensionGivesTheReviewBackAndTheEndStillHolds() {
    long i =
        stap.afgekondigd(
            "DN5-MEDE-VERLENGEN",
            Stappen.provincieUtrecht(),
            hub.nu().plus(Duration.ofHours(6)).toString());
    hub.verzet(Duration.ofHours(4).plusMinutes(1));
    stap.gehoord(i, Task.INFORMATIE_HERBEOORDELING, Task.AFSTEMMEN_LOKAAL_GEZAG_HERBEOORDELING);
    var eerste = hub.taak(i, Task.HERBEOORDELEN);
    hub.voltooi(
        eerste,
        vars(
            "uitkomst",
            "VERLENGEN",
            "nieuweEindtijd",
            hub.nu().plus(Duration.ofHours(6)).toString(),
            "motivering",
            "Dader nog niet aangehouden",
            "beslisser",
            Stappen.NCTV));
    stap.medeondertekenen(
        i, Task.MEDEONDERTEKENEN_VERLENGING, Stappen.NCTV_2, "GEWEIGERD", "Geen nieuwe informatie");

    assertThat(refused(i))
        .singleElement()
        .satisfies(j -> assertThat(j.header(TaskHeader.BESLUIT.key())).isEqualTo("VERLENGING"));
    assertThat(hub.taak(i, Task.HERBEOORDELEN).key()).isNotEqualTo(eerste.key());
    assertThat(hub.jobs(JobType.DREIGINGSNIVEAU_REGISTREREN, in(i)))
        .extracting(j -> j.header(TaskHeader.ACTIE.key()))
        .containsExactly("AFKONDIGEN");
    // not extended: the old end still holds and is watched
    hub.verzet(Duration.ofHours(1));
    assertThat(reviewEscalation(i, 1).get(0).header(TaskHeader.ESCALEREN_NAAR.key()))
        .isEqualTo(CandidateGroup.NCTV_BESLUITVORMER.group());
  }

  @Test
  void aRefusedCoSignatureOfALoweringGivesTheDecisionBackAndLevelFiveStays() {
    String id = "DN5-MEDE-AFSCHALEN";
    long i =
        stap.afgekondigd(
            id, Stappen.provincieUtrecht(), hub.nu().plus(Duration.ofHours(6)).toString());
    hub.job(JobType.COMMUNICATIE_PUBLICEREN, in(i));
    operatorProposesLowering(id, "Dader aangehouden");
    stap.gehoord(i, Task.INFORMATIE_AFSCHALING, Task.AFSTEMMEN_LOKAAL_GEZAG_AFSCHALING);
    var eerste = hub.taak(i, Task.BESLUIT_AFSCHALING);
    hub.voltooi(
        eerste,
        vars(
            "uitkomst",
            "AFSCHALEN",
            "nieuwNiveau",
            3,
            "motivering",
            "Geen vervolgdreiging",
            "beslisser",
            Stappen.NCTV));
    stap.medeondertekenen(
        i,
        Task.MEDEONDERTEKENEN_AFSCHALING,
        Stappen.NCTV_2,
        "GEWEIGERD",
        "Medeplichtige voortvluchtig");

    assertThat(refused(i))
        .singleElement()
        .satisfies(j -> assertThat(j.header(TaskHeader.BESLUIT.key())).isEqualTo("AFSCHALING"));
    assertThat(hub.taak(i, Task.BESLUIT_AFSCHALING).key()).isNotEqualTo(eerste.key());
    assertThat(hub.jobs(JobType.DREIGINGSNIVEAU_REGISTREREN, in(i)))
        .extracting(j -> j.header(TaskHeader.ACTIE.key()))
        .containsExactly("AFKONDIGEN");
  }

  private static List<Afgehandeld> refused(long i) {
    return hub.jobs(
        JobType.LOGBOEK_VASTLEGGEN,
        1,
        in(i)
            .and(
                j ->
                    TaskHeader.LogbookEvent.MEDEONDERTEKENING_GEWEIGERD
                        .name()
                        .equals(j.header(TaskHeader.GEBEURTENIS.key()))));
  }

  private static boolean aboutTheReview(Afgehandeld j) {
    return Task.HERBEOORDELEN.elementId().equals(j.header(TaskHeader.TAAK.key()));
  }

  /** The first {@code count} escalations about the review of instance {@code i}, in order. */
  private static List<Afgehandeld> reviewEscalation(long i, int count) {
    return hub.jobs(JobType.SLA_ESCALEREN, count, in(i).and(DreigingsniveauVijfIT::aboutTheReview));
  }

  private static List<Afgehandeld> expired(long i) {
    return hub.jobs(
        JobType.LOGBOEK_VASTLEGGEN,
        in(i)
            .and(
                j ->
                    TaskHeader.LogbookEvent.VERLOPEN_ZONDER_BESLUIT
                        .name()
                        .equals(j.header(TaskHeader.GEBEURTENIS.key()))));
  }

  /** The duty officer proposes to lower the level of crisis {@code id}, for a reason. */
  private void operatorProposesLowering(String id, String reason) {
    hub.publiceer(
        MessageName.AFSCHALING_VOORGESTELD,
        id,
        vars(
            "afschalingVoorgesteldDoor",
            Stappen.OPERATOR,
            "afschalingReden",
            reason,
            "afschalingBron",
            "LANDELIJK_OPERATOR"));
  }
}
