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
import nl.knooppunt.processes.JobType;
import nl.knooppunt.processes.MessageName;
import nl.knooppunt.processes.ProcessId;
import nl.knooppunt.processes.Task;
import nl.knooppunt.processes.TaskHeader;
import nl.knooppunt.processes.scenario.Knooppunt.OpenTaak;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** bijstandsaanvraag: LOCC review, offer round, allocation, decision, deployment, costs. */
class BijstandsaanvraagIT {

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

  private long aanvraag(String aanvraagId, int aantal, String grondslag) {
    return aanvraag(aanvraagId, aantal, grondslag, "GENEESKUNDIGE_HULPVERLENING");
  }

  private long aanvraag(String aanvraagId, int aantal, String grondslag, String capaciteit) {
    return aanvraag(aanvraagId, aantal, grondslag, capaciteit, null);
  }

  private long aanvraag(
      String aanvraagId,
      int aantal,
      String grondslag,
      String capaciteit,
      String gekoppeldeCrisisId) {
    return hub.start(
        ProcessId.BIJSTANDSAANVRAAG,
        vars(
            "crisisId",
            "CR-TRAM",
            "aanvraagId",
            aanvraagId,
            "exercise",
            true,
            "aanvraag",
            vars(
                "aanvragendeRegio",
                "VR09",
                "capaciteit",
                capaciteit,
                "aantal",
                aantal,
                "locatie",
                "Utrecht Centrum",
                "vanaf",
                hub.nu().toString(),
                "duur",
                "PT8H",
                "grondslag",
                grondslag),
            "aangevraagdDoor",
            "ROL VR09",
            "gekoppeldeCrisisId",
            gekoppeldeCrisisId));
  }

  private void beoordeel(long i, String uitkomst) {
    OpenTaak t = hub.taak(i, Task.AANVRAAG_BEOORDELEN);
    assertThat(t.kandidaatGroepen()).containsExactly("locc-officier");
    hub.voltooi(
        t,
        vars(
            "uitkomst",
            uitkomst,
            "gevraagdeInformatie",
            "MEER_INFORMATIE".equals(uitkomst) ? "Welke eenheden precies?" : null,
            "motivering",
            "Beoordeeld",
            "beoordeeldDoor",
            "locc-de-boer"));
  }

  private OpenTaak aanbodTaak(long i, String vrCode) {
    OpenTaak t = kandidaatTaak(i, vrCode);
    assertThat(t.kandidaatGroepen()).containsExactly("regio-" + vrCode);
    return t;
  }

  /** The offer task of one candidate: a region, or a police unit under Politiewet art. 56. */
  private OpenTaak kandidaatTaak(long i, String kandidaat) {
    return hub.taak(i, Task.BIJSTAND_AANBIEDEN, x -> kandidaat.equals(x.variabele("vrCode")));
  }

  private void bied(long i, String vrCode, boolean aangeboden, int aantal) {
    bied(aanbodTaak(i, vrCode), aangeboden, aantal);
  }

  private void bied(OpenTaak taak, boolean aangeboden, int aantal) {
    hub.voltooi(
        taak,
        aangeboden
            ? vars(
                "aangeboden",
                true,
                "aantal",
                aantal,
                "beschikbaarVanaf",
                hub.nu().toString(),
                "uitrusting",
                "Ambulances met traumakoffer",
                "beschermingsniveau",
                "BALLISTISCH",
                "zelfvoorzienendUren",
                12,
                "toelichting",
                "Beschikbaar")
            : vars("aangeboden", false, "toelichting", "Geen capaciteit"));
  }

  private void toewijzenEnToekennen(long i, String vrCode, int aantal) {
    toewijzenEnToekennen(i, vrCode, aantal, "hoofd-locc", "hoofd-locc-smit");
  }

  /** The LOCC allocates; the decider ({@code group}: hoofd-locc or korpschef) grants. */
  private void toewijzenEnToekennen(
      long i, String vrCode, int aantal, String group, String beslisser) {
    hub.voltooi(
        hub.taak(i, Task.TOEWIJZING_OPSTELLEN),
        vars(
            "regels",
            List.of(vars("vrCode", vrCode, "aantal", aantal)),
            "toelichting",
            "Eerste aanbod"));
    OpenTaak besluit = hub.taak(i, Task.BESLUIT_BIJSTAND);
    assertThat(besluit.kandidaatGroepen()).containsExactly(group);
    hub.voltooi(
        besluit, vars("uitkomst", "TOEGEKEND", "motivering", "Toegekend", "beslisser", beslisser));
  }

  private void kostenEnEvaluatie(long i) {
    kosten(i);
    stap.evalueren(i, Task.EVALUEREN_BIJSTAND);
    hub.job(JobType.CRISIS_AFSLUITEN, in(i));
    hub.afgesloten(i);
  }

  private void kosten(long i) {
    hub.voltooi(
        hub.taak(i, Task.KOSTEN_OPGEVEN),
        vars(
            "regels",
            List.of(
                vars("vrCode", "VR08", "bedrag", 12500.0, "omschrijving", "4 ambulances, 8 uur")),
            "totaal",
            12500.0,
            "toelichting",
            "Conform tarieven"));
    var kosten = hub.job(JobType.BIJSTAND_KOSTEN_REGISTREREN, in(i));
    // FEEL numbers travel as JSON numbers: 12500.0 arrives as 12500
    Object totaal = ((Map<?, ?>) kosten.variabele("kosten")).get("totaal");
    assertThat(((Number) totaal).doubleValue()).isEqualTo(12500.0);
  }

  @Test
  void enoughOffersEarlyStopTheOfferRoundAndTheDeploymentEndsWithCostsRegistered() {
    long i = aanvraag("BA-1", 4, "WVR_ART_51");
    beoordeel(i, "ACCEPTEREN");
    OpenTaak vr10 = aanbodTaak(i, "VR10");
    OpenTaak vr14 = aanbodTaak(i, "VR14");

    bied(i, "VR08", true, 4);

    // the completion condition stops the round: the other regions' tasks are withdrawn
    hub.taak(i, Task.TOEWIJZING_OPSTELLEN);
    assertThat(hub.isOpen(vr10)).isFalse();
    assertThat(hub.isOpen(vr14)).isFalse();
    toewijzenEnToekennen(i, "VR08", 4);
    var informeren =
        hub.jobs(
            JobType.MELDING_VERSTUREN,
            2,
            j -> String.valueOf(j.variabele("notificatieId")).startsWith("BA-1/toegekend"));
    assertThat(informeren)
        .extracting(Knooppunt::ontvangerCode)
        .containsExactlyInAnyOrder("VR09", "VR08");
    assertThat(informeren).allSatisfy(j -> assertThat(j.variabele("exercise")).isEqualTo(true));
    hub.job(JobType.BIJSTAND_INZET_REGISTREREN, in(i));

    hub.publiceer(
        MessageName.BIJSTAND_INZET_BEEINDIGD, "BA-1", vars("toelichting", "Inzet afgerond"));
    kostenEnEvaluatie(i);
  }

  @Test
  @SuppressWarnings("unchecked")
  void theDeploymentIsRegisteredWhileTheRequesterHasNotYetAcknowledgedTheGrant() {
    // at night the duty officer of Utrecht (VR09) does not pick up: the ambulances leave anyway
    hub.zwijgend.add("VR09");
    long i = aanvraag("BA-7", 4, "WVR_ART_51");
    beoordeel(i, "ACCEPTEREN");
    bied(i, "VR08", true, 4);
    toewijzenEnToekennen(i, "VR08", 4);

    var inzet = hub.job(JobType.BIJSTAND_INZET_REGISTREREN, in(i));
    assertThat(
            hub.jobs(
                JobType.MELDING_VERSTUREN,
                j -> String.valueOf(j.variabele("notificatieId")).startsWith("BA-7/toegekend/")))
        .extracting(Knooppunt::ontvangerCode)
        .containsExactlyInAnyOrder("VR09", "VR08");
    long informeren = stap.rondeVerstuurd("BA-7/toegekend").job().getProcessInstanceKey();
    assertThat(hub.jobs(JobType.MELDING_RESULTAAT_VASTLEGGEN, in(informeren)))
        .as("VR09 has not acknowledged the grant")
        .isEmpty();
    assertThat(inzet.variabele("bevestigingenToekenning")).isNull();

    // the deployment ends and its costs are registered; the evaluation waits for the round
    hub.publiceer(
        MessageName.BIJSTAND_INZET_BEEINDIGD, "BA-7", vars("toelichting", "Inzet afgerond"));
    kosten(i);
    await()
        .during(Duration.ofSeconds(1))
        .atMost(Duration.ofSeconds(3))
        .until(() -> hub.openTaken(i, Task.EVALUEREN_BIJSTAND).isEmpty());

    // the requester acknowledges late: the round is done, then the evaluation
    hub.publiceer(
        MessageName.MELDING_BEVESTIGD,
        "BA-7/toegekend/VR09",
        vars("bevestigdOp", hub.nu().toString(), "bevestigdDoor", "piket VR09"));
    var resultaat = hub.job(JobType.MELDING_RESULTAAT_VASTLEGGEN, in(informeren));
    OpenTaak evaluatie = hub.taak(i, Task.EVALUEREN_BIJSTAND);
    assertThat(evaluatie.volgnummer()).isGreaterThan(resultaat.volgnummer());
    assertThat((List<Map<String, Object>>) evaluatie.variabele("bevestigingenToekenning"))
        .extracting(b -> b.get("ontvanger") + ":" + b.get("status"))
        .containsExactlyInAnyOrder("VR09:BEVESTIGD", "VR08:BEVESTIGD");
    stap.evalueren(i, Task.EVALUEREN_BIJSTAND);
    hub.job(JobType.CRISIS_AFSLUITEN, in(i));
    hub.afgesloten(i);
  }

  @Test
  void tooFewOffersEscalateToTheHeadOfLocc() {
    long i = aanvraag("BA-2", 4, "WVR_ART_51");
    beoordeel(i, "ACCEPTEREN");
    bied(i, "VR08", true, 1);
    bied(i, "VR10", false, 0);
    aanbodTaak(i, "VR14");
    hub.verzet(Duration.ofMinutes(61)); // VR14 stays silent: no offer

    var stilte = hub.job(JobType.LOGBOEK_VASTLEGGEN, in(i));
    assertThat(stilte.header(TaskHeader.GEBEURTENIS.key())).isEqualTo("STILZWIJGEN_AANBOD");
    OpenTaak escalatie = hub.taak(i, Task.ESCALATIE_AANBOD);
    assertThat(escalatie.kandidaatGroepen()).containsExactly("hoofd-locc");
    hub.voltooi(escalatie, vars("beslissing", "AFWIJZEN", "toelichting", "Te weinig capaciteit"));

    hub.jobs(
        JobType.MELDING_VERSTUREN,
        1,
        j -> String.valueOf(j.variabele("notificatieId")).startsWith("BA-2/afgewezen"));
    stap.evalueren(i, Task.EVALUEREN_BIJSTAND);
    hub.afgesloten(i);
  }

  @Test
  void aRequestRejectedByTheLoccIsToldToTheRequesterAndEvaluated() {
    long i = aanvraag("BA-3", 2, "WVR_ART_51");
    beoordeel(i, "AFWIJZEN");
    var melding =
        hub.job(
            JobType.MELDING_VERSTUREN,
            j -> String.valueOf(j.variabele("notificatieId")).equals("BA-3/afgewezen/VR09"));
    assertThat(((Map<?, ?>) melding.variabele("bericht")).get("soort"))
        .isEqualTo("BIJSTAND_AFGEWEZEN");
    stap.evalueren(i, Task.EVALUEREN_BIJSTAND);
    hub.afgesloten(i);
    assertThat(hub.alleTaken(Task.BIJSTAND_AANBIEDEN)).noneMatch(t -> t.procesInstantie() == i);
  }

  @Test
  void theLoccAsksForMoreInformationAndReviewsAgain() {
    long i = aanvraag("BA-4", 2, "WVR_ART_51");
    beoordeel(i, "MEER_INFORMATIE");
    OpenTaak aanvullen = hub.taak(i, Task.INFORMATIE_AANVULLEN);
    assertThat(aanvullen.kandidaatGroepen()).containsExactly("regio-VR09");
    hub.voltooi(aanvullen, vars("aanvullendeInformatie", "2 ambulances met bemanning"));
    beoordeel(i, "ACCEPTEREN");
    aanbodTaak(i, "VR08");
    assertThat(
            hub.alleTaken(Task.AANVRAAG_BEOORDELEN).stream().filter(t -> t.procesInstantie() == i))
        .hasSize(2);
  }

  @Test
  void aDeploymentIsExtendedOnceAndItsCostsAreRegistered() {
    long i = aanvraag("BA-5", 4, "WVR_ART_51");
    beoordeel(i, "ACCEPTEREN");
    bied(i, "VR08", true, 4);
    toewijzenEnToekennen(i, "VR08", 4);
    hub.job(JobType.BIJSTAND_INZET_REGISTREREN, in(i));

    hub.publiceer(
        MessageName.BIJSTAND_VERLENGING_AANGEVRAAGD,
        "BA-5",
        vars(
            "verlengingTot", hub.nu().plus(Duration.ofHours(16)).toString(),
            "verlengingReden", "Nazorg duurt langer",
            "verlengingAangevraagdDoor", "ROL VR09"));
    OpenTaak verlenging = hub.taak(i, Task.VERLENGING_BEOORDELEN);
    assertThat(verlenging.kandidaatGroepen()).containsExactly("hoofd-locc");
    String nieuwEinde = hub.nu().plus(Duration.ofHours(16)).toString();
    hub.voltooi(
        verlenging,
        vars(
            "uitkomst",
            "TOEGEKEND",
            "nieuwEinde",
            nieuwEinde,
            "motivering",
            "Akkoord",
            "beslisser",
            "hoofd-locc-smit"));
    var verlengd =
        hub.job(
            JobType.BIJSTAND_INZET_REGISTREREN,
            in(i).and(j -> "VERLENGEN".equals(j.header(TaskHeader.ACTIE.key()))));
    assertThat(verlengd.uitkomst().variabelen()).containsEntry("inzetEinde", nieuwEinde);

    // the original end passes without ending the deployment; the extended end ends it
    hub.verzet(Duration.ofHours(9));
    assertThat(hub.openTaken(i, Task.KOSTEN_OPGEVEN)).isEmpty();
    hub.verzet(Duration.ofHours(8));
    kostenEnEvaluatie(i);
  }

  @Test
  void theUrgentNeighbourRouteSkipsTheLoccReview() {
    long i = aanvraag("BA-6", 2, "WVR_ART_51_LID_5");
    aanbodTaak(i, "VR08");
    assertThat(hub.alleTaken(Task.AANVRAAG_BEOORDELEN)).noneMatch(t -> t.procesInstantie() == i);
    assertThat(hub.jobs(JobType.BIJSTAND_AANVRAAG_VALIDEREN, crisis("CR-TRAM").and(in(i))))
        .hasSize(1);
  }

  /** The allocation rule's proposal, as the worker would compute it from these offers. */
  private static void voorstel(List<Map<String, Object>> regels) {
    hub.bij(
        JobType.BIJSTAND_TOEWIJZING_VOORSTELLEN,
        job ->
            Knooppunt.Uitkomst.klaar(
                vars(
                    "toewijzingsvoorstel",
                    vars("regels", regels, "tekort", 0, "toelichting", "Voorstel"))));
  }

  @Test
  void policeAssistanceIsOfferedByPoliceUnitsNotByRegions() {
    // Politiewet 2012 art. 56: Utrecht's unit (Midden-Nederland) needs "bijstand van andere
    // eenheden"; the validation names the other units, nearest first
    hub.bij(
        JobType.BIJSTAND_AANVRAAG_VALIDEREN,
        job ->
            Knooppunt.Uitkomst.klaar(
                vars("kandidaatRegios", List.of("OOST-NEDERLAND", "AMSTERDAM", "DEN-HAAG"))));
    long i = aanvraag("BA-8", 4, "POLITIEWET_ART_56", "POLITIE");
    beoordeel(i, "ACCEPTEREN");

    OpenTaak oostNederland = kandidaatTaak(i, "OOST-NEDERLAND");
    assertThat(oostNederland.kandidaatGroepen()).containsExactly("politie-OOST-NEDERLAND");
    assertThat(kandidaatTaak(i, "AMSTERDAM").kandidaatGroepen())
        .containsExactly("politie-AMSTERDAM");
    assertThat(hub.alleTaken(Task.BIJSTAND_AANBIEDEN))
        .filteredOn(t -> t.procesInstantie() == i)
        .allSatisfy(t -> assertThat(t.kandidaatGroepen()).noneMatch(g -> g.startsWith("regio-")));
    bied(oostNederland, true, 4);

    // the korpschef decides police assistance, not the head of the LOCC (#14 item 12)
    toewijzenEnToekennen(
        i, "OOST-NEDERLAND", 4, CandidateGroup.KORPSCHEF.group(), "korpschef-de-graaf");
    var informeren =
        hub.jobs(
            JobType.MELDING_VERSTUREN,
            2,
            j -> String.valueOf(j.variabele("notificatieId")).startsWith("BA-8/toegekend"));
    assertThat(informeren)
        .extracting(
            j ->
                ((Map<?, ?>) j.variabele("ontvanger")).get("soort")
                    + ":"
                    + Knooppunt.ontvangerCode(j))
        .containsExactlyInAnyOrder("VEILIGHEIDSREGIO:VR09", "POLITIE_EENHEID:PC-OOST-NEDERLAND");
    assertThat((String) ((Map<?, ?>) informeren.get(0).variabele("bericht")).get("tekst"))
        .contains("door de korpschef toegekend");
    hub.job(JobType.BIJSTAND_INZET_REGISTREREN, in(i));
  }

  @Test
  @SuppressWarnings("unchecked")
  void theUrgentNeighbourRouteIsRegisteredAndReportedToTheLoccAfterwardsNotDecidedFirst() {
    // Wvr art. 51 lid 5: Utrecht asks its neighbour Gelderland-Zuid directly; the LOCC neither
    // reviews, allocates nor decides first, it is told once the help is registered
    voorstel(List.of(vars("vrCode", "VR08", "aantal", 2)));
    long i = aanvraag("BA-9", 2, "WVR_ART_51_LID_5");
    bied(i, "VR08", true, 2);

    var informeren =
        hub.jobs(
            JobType.MELDING_VERSTUREN,
            3,
            j -> String.valueOf(j.variabele("notificatieId")).startsWith("BA-9/toegekend"));
    assertThat(informeren)
        .extracting(Knooppunt::ontvangerCode)
        .containsExactlyInAnyOrder("VR09", "VR08", "LOCC");
    Map<String, Object> bericht = (Map<String, Object>) informeren.get(0).variabele("bericht");
    assertThat(bericht.get("onderwerp")).isEqualTo("Spoedbijstand buurregio geregistreerd");
    assertThat((String) bericht.get("tekst")).contains("art. 51 lid 5", "achteraf");
    var inzet = hub.job(JobType.BIJSTAND_INZET_REGISTREREN, in(i));
    assertThat((Map<String, Object>) inzet.variabele("toewijzing"))
        .containsEntry("regels", List.of(Map.of("vrCode", "VR08", "aantal", 2)));
    for (Task centraal :
        List.of(Task.AANVRAAG_BEOORDELEN, Task.TOEWIJZING_OPSTELLEN, Task.BESLUIT_BIJSTAND)) {
      assertThat(hub.alleTaken(centraal))
          .as(centraal.name())
          .noneMatch(t -> t.procesInstantie() == i);
    }
  }

  @Test
  void anUrgentRequestNoNeighbourAnswersIsToldToTheRequesterWithTheLoccRoute() {
    voorstel(List.of());
    long i = aanvraag("BA-10", 2, "WVR_ART_51_LID_5");
    bied(i, "VR08", false, 0);
    bied(i, "VR10", false, 0);
    bied(i, "VR14", false, 0);

    var melding =
        hub.job(
            JobType.MELDING_VERSTUREN,
            j -> String.valueOf(j.variabele("notificatieId")).equals("BA-10/afgewezen/VR09"));
    assertThat((String) ((Map<?, ?>) melding.variabele("bericht")).get("tekst"))
        .contains("Geen buurregio levert spoedbijstand", "via het LOCC");
    assertThat(hub.alleTaken(Task.ESCALATIE_AANBOD)).noneMatch(t -> t.procesInstantie() == i);
    stap.evalueren(i, Task.EVALUEREN_BIJSTAND);
    hub.afgesloten(i);
  }

  @Test
  @SuppressWarnings("unchecked")
  void anOfferStatesItsEquipmentAndReadinessAndTheLoccSeesItWhenAllocating() {
    long i = aanvraag("BA-11", 4, "WVR_ART_51");
    beoordeel(i, "ACCEPTEREN");
    bied(i, "VR10", false, 0);
    bied(i, "VR08", true, 4);

    OpenTaak toewijzing = hub.taak(i, Task.TOEWIJZING_OPSTELLEN);
    List<Map<String, Object>> aanbiedingen =
        (List<Map<String, Object>>) toewijzing.variabele("aanbiedingen");
    assertThat(aanbiedingen)
        .filteredOn(a -> a != null && "VR08".equals(a.get("vrCode")))
        .singleElement()
        .satisfies(
            a ->
                assertThat(a)
                    .containsEntry("uitrusting", "Ambulances met traumakoffer")
                    .containsEntry("beschermingsniveau", "BALLISTISCH")
                    .containsEntry("zelfvoorzienendUren", 12));
    // a region that offers nothing states no equipment
    assertThat(aanbiedingen)
        .filteredOn(a -> a != null && "VR10".equals(a.get("vrCode")))
        .singleElement()
        .satisfies(a -> assertThat(a.get("uitrusting")).isNull());
  }

  @Test
  @SuppressWarnings("unchecked")
  void aDeploymentUnderThreatStartsOnlyAfterAJointRiskAssessment() {
    // the request serves the level 5 for Utrecht: the ambulances work near an armed threat
    long i = aanvraag("BA-12", 4, "WVR_ART_51", "GENEESKUNDIGE_HULPVERLENING", "DN5-UTRECHT");
    beoordeel(i, "ACCEPTEREN");
    bied(i, "VR08", true, 4);
    toewijzenEnToekennen(i, "VR08", 4);

    OpenTaak assessment = hub.taak(i, Task.RISICO_ASSESSMENT);
    assertThat(assessment.kandidaatGroepen()).containsExactly("regio-VR09");
    hub.voltooi(
        assessment,
        vars(
            "deelnemers", "VR09, VR08, politie Midden-Nederland",
            "risicos", "Dader mogelijk nog gewapend in de buurt",
            "maatregelen", "Alleen in de oranje ring, onder begeleiding van de politie",
            "acceptabelRisico", true,
            "beoordeeldDoor", "hovj-utrecht"));

    // the deployment is registered with the assessment already recorded
    var inzet = hub.job(JobType.BIJSTAND_INZET_REGISTREREN, in(i));
    assertThat((Map<String, Object>) inzet.variabele("risicoAssessment"))
        .containsEntry("acceptabelRisico", true)
        .containsEntry("deelnemers", "VR09, VR08, politie Midden-Nederland");
    assertThat(inzet.volgnummer()).isGreaterThan(assessment.volgnummer());
  }

  @Test
  void anUnacceptableRiskMeansTheUnitsAreNotDeployed() {
    long i = aanvraag("BA-13", 4, "WVR_ART_51", "BRANDWEER", "MH-TRAM");
    beoordeel(i, "ACCEPTEREN");
    bied(i, "VR08", true, 4);
    toewijzenEnToekennen(i, "VR08", 4);
    hub.voltooi(
        hub.taak(i, Task.RISICO_ASSESSMENT),
        vars(
            "deelnemers", "VR09, VR08",
            "risicos", "Schutter niet gelokaliseerd",
            "maatregelen", "Geen: eerst de politie",
            "acceptabelRisico", false,
            "beoordeeldDoor", "piket VR09"));

    // straight to costs: no deployment registered
    hub.taak(i, Task.KOSTEN_OPGEVEN);
    assertThat(hub.jobs(JobType.BIJSTAND_INZET_REGISTREREN, in(i))).isEmpty();
  }

  @Test
  void aRequestNotLinkedToACrisisNeedsNoRiskAssessment() {
    long i = aanvraag("BA-14", 4, "WVR_ART_51");
    beoordeel(i, "ACCEPTEREN");
    bied(i, "VR08", true, 4);
    toewijzenEnToekennen(i, "VR08", 4);
    hub.job(JobType.BIJSTAND_INZET_REGISTREREN, in(i));
    assertThat(hub.alleTaken(Task.RISICO_ASSESSMENT)).noneMatch(t -> t.procesInstantie() == i);
  }
}
