package nl.knooppunt.gateway.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import nl.knooppunt.gateway.FakeOrchestration;
import nl.knooppunt.gateway.GatewayITBase;
import nl.knooppunt.gateway.PageClient;
import nl.knooppunt.gateway.PageClient.Page;
import nl.knooppunt.processes.Form;
import nl.knooppunt.processes.events.EventType;
import nl.knooppunt.processes.events.TaskCreated;
import org.junit.jupiter.api.Test;

/**
 * The regional inbox as a regional officer uses it on a phone: the list of open tasks, one task,
 * claiming it and completing its form, with the same scope and validation as the API.
 */
class TaskPagesIT extends GatewayITBase {

  static final List<String> UTRECHT = List.of("regio-VR09");
  static final List<String> AMSTERDAM = List.of("regio-VR13");

  @Test
  void theKorpschefDecidesPoliceAssistanceNotTheHeadOfTheLocc() {
    // Politiewet 2012 art. 56 (#14 item 12): the decision on police assistance is the korpschef's
    String crisis = fixtures.crisis("bijstandsaanvraag");
    String besluit =
        fixtures.task(
            crisis,
            nl.knooppunt.processes.Task.BESLUIT_BIJSTAND,
            List.of(nl.knooppunt.processes.CandidateGroup.KORPSCHEF.group()),
            Map.of("aanvraag", Map.of("grondslag", "POLITIEWET_ART_56", "capaciteit", "POLITIE")));

    assertThat(PageClient.login(port, "korpschef").get("/taken").body())
        .contains("id=\"taak-" + besluit + "\"");
    assertThat(PageClient.login(port, "hoofd-locc").get("/taken").body())
        .doesNotContain("taak-" + besluit);
    var refused =
        api.post(
            "/api/v1/tasks/" + besluit + "/completion",
            "hoofd-locc",
            Map.of("uitkomst", "TOEGEKEND", "motivering", "Namens de minister"));
    assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
    var decided =
        api.post(
            "/api/v1/tasks/" + besluit + "/completion",
            "korpschef",
            Map.of("uitkomst", "TOEGEKEND", "motivering", "Eenheid Oost-Nederland levert"));
    assertThat(decided.status()).as(decided.toString()).isBetween(200, 204);
  }

  @Test
  void utrechtSeesItsAlignmentTaskAndNotAmsterdams() {
    String crisis = fixtures.crisis("dreigingsniveau-5");
    String utrecht = fixtures.task(crisis, Form.AFSTEMMING_LOKAAL_GEZAG, UTRECHT);
    String amsterdam = fixtures.task(crisis, Form.AFSTEMMING_LOKAAL_GEZAG, AMSTERDAM);

    PageClient officer = PageClient.login(port, "regio-utrecht");
    Page list = officer.get("/taken");

    assertThat(list.status()).isEqualTo(200);
    assertThat(list.body())
        .contains("Mijn taken")
        .contains("id=\"taak-" + utrecht + "\"")
        .contains("data-element-id=\"Test_afstemming-lokaal-gezag\"")
        .contains("class=\"aftellen\"")
        .contains("href=\"/crises/" + crisis + "\"")
        .contains("Nog niet opgepakt")
        .contains("hx-trigger=\"gewijzigd from:body\"")
        .doesNotContain("taak-" + amsterdam);

    Page fragment = officer.get("/taken/lijst");
    assertThat(fragment.status()).isEqualTo(200);
    assertThat(fragment.body())
        .startsWith("<div")
        .contains("id=\"takenlijst\"")
        .contains("id=\"taak-" + utrecht + "\"")
        .doesNotContain("<html", "taak-" + amsterdam);
  }

  @Test
  void theTaskPageShowsWhatItIsAboutAndTheFormFromTheSchema() {
    String crisis = fixtures.crisis("dreigingsniveau-5");
    String task = fixtures.task(crisis, Form.AFSTEMMING_LOKAAL_GEZAG, UTRECHT);

    Page page = PageClient.login(port, "regio-utrecht").get("/taken/" + task);

    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body())
        .contains("Testtaak afstemming-lokaal-gezag")
        .contains("Veiligheidsregio Utrecht")
        .contains("href=\"/crises/" + crisis + "\"")
        .contains("class=\"aftellen\"")
        .contains("id=\"oppakken\"")
        .contains("id=\"afronden\"")
        .contains("Standpunt lokaal gezag", "(verplicht)")
        .contains("id=\"veld-standpuntGezag-STEUNT_MET_KANTTEKENINGEN\"")
        .contains("Steunt met kanttekeningen")
        .contains("type=\"radio\"", "name=\"standpuntGezag\"")
        .contains("id=\"veld-maatregelen\"")
        .contains("name=\"_csrf\"");
  }

  @Test
  void everyFormOfTheCatalogueRendersOnItsTaskPage() {
    String crisis = fixtures.crisis("dreigingsniveau-5");
    PageClient officer = PageClient.login(port, "regio-utrecht");
    for (Form f : Form.values()) {
      Page page = officer.get("/taken/" + fixtures.task(crisis, f, UTRECHT));
      assertThat(page.status()).as(f.formName()).isEqualTo(200);
      assertThat(page.body()).as(f.formName()).contains("id=\"afronden\"", "id=\"veld-");
    }
  }

  @Test
  void amsterdamOpeningUtrechtsTaskGetsTheNoAccessPage() {
    String crisis = fixtures.crisis("dreigingsniveau-5");
    String task = fixtures.task(crisis, Form.AFSTEMMING_LOKAAL_GEZAG, UTRECHT);
    PageClient amsterdam = PageClient.login(port, "regio-amsterdam");

    Page page = amsterdam.get("/taken/" + task);
    assertThat(page.status()).isEqualTo(403);
    assertThat(page.body())
        .contains("<strong>403</strong>")
        .contains("Deze taak is niet voor u of uw groepen bestemd.")
        .doesNotContain("id=\"afronden\"", "Testtaak afstemming-lokaal-gezag");

    amsterdam.get("/taken");
    Page completion = amsterdam.post("/taken/" + task, "standpuntGezag", "BEZWAAR");
    assertThat(completion.status()).isEqualTo(403);
    assertThat(engineCalls(task)).isEmpty();
  }

  @Test
  void aTaskThatDoesNotExistIsNotFound() {
    Page page = PageClient.login(port, "regio-utrecht").get("/taken/1");
    assertThat(page.status()).isEqualTo(404);
    assertThat(page.body()).contains("<strong>404</strong>").contains("Taak 1 is onbekend.");
  }

  @Test
  void aMissingChoiceComesBackWithTheFieldErrorAndTheValuesKept() {
    String crisis = fixtures.crisis("dreigingsniveau-5");
    String task = fixtures.task(crisis, Form.AFSTEMMING_LOKAAL_GEZAG, UTRECHT);
    PageClient officer = PageClient.login(port, "regio-utrecht");
    officer.get("/taken/" + task);

    Page page =
        officer.post(
            "/taken/" + task,
            "maatregelen",
            "Binnenblijfadvies & afsluiting Jaarbeurs",
            "toelichting",
            "Burgemeester telefonisch bereikt");

    assertThat(page.status()).isEqualTo(400);
    assertThat(page.body())
        .contains("Controleer de gemarkeerde velden")
        .contains("<p class=\"veldfout\" id=\"fout-standpuntGezag\">Maak een keuze.</p>")
        .contains("href=\"#veld-standpuntGezag\"")
        .contains("aria-invalid=\"true\"")
        .contains("aria-describedby=\"fout-standpuntGezag\"")
        .contains("Binnenblijfadvies &amp; afsluiting Jaarbeurs")
        .contains("Burgemeester telefonisch bereikt");
    assertThat(engineCalls(task)).as("nothing claimed or completed").isEmpty();
    assertThat(assignee(task)).isNull();
  }

  @Test
  void aNumberBelowItsMinimumIsRefusedByTheServerToo() {
    String crisis = fixtures.crisis("bijstandsaanvraag");
    String task = fixtures.task(crisis, Form.AANBOD_BIJSTAND, UTRECHT);
    PageClient officer = PageClient.login(port, "regio-utrecht");
    Page form = officer.get("/taken/" + task);
    assertThat(form.body()).contains("id=\"veld-aantal\"").contains("min=\"0\"");

    Page page = officer.post("/taken/" + task, "aangeboden", "true", "aantal", "-3");

    assertThat(page.status()).isEqualTo(400);
    assertThat(page.body())
        .contains("<p class=\"veldfout\" id=\"fout-aantal\">Vul minimaal 0 in.</p>")
        .contains("value=\"-3\"")
        .containsPattern("type=\"radio\"[^>]*name=\"aangeboden\"[^>]*value=\"true\"[^>]*checked");
    assertThat(engineCalls(task)).isEmpty();
  }

  @Test
  void anOfferWithoutEquipmentAndReadinessIsRefused() {
    String crisis = fixtures.crisis("bijstandsaanvraag");
    String task = fixtures.task(crisis, Form.AANBOD_BIJSTAND, UTRECHT);
    PageClient officer = PageClient.login(port, "regio-utrecht");
    Page form = officer.get("/taken/" + task);
    assertThat(form.body())
        .contains("id=\"veld-uitrusting\"", "id=\"veld-zelfvoorzienendUren\"")
        .contains("Ballistische bescherming (vest en helm)");

    Page page = officer.post("/taken/" + task, "aangeboden", "true", "aantal", "4");

    assertThat(page.status()).isEqualTo(400);
    assertThat(page.body())
        .contains("id=\"fout-uitrusting\"", "id=\"fout-zelfvoorzienendUren\"")
        .contains("href=\"#veld-uitrusting\"");
    assertThat(engineCalls(task)).isEmpty();
  }

  @Test
  void aValidCompletionClaimsCompletesWithTypedVariablesAndReturnsToTheList() {
    String crisis = fixtures.crisis("bijstandsaanvraag");
    String task = fixtures.task(crisis, Form.AANBOD_BIJSTAND, UTRECHT);
    PageClient officer = PageClient.login(port, "regio-utrecht");
    officer.get("/taken/" + task);

    Page done =
        officer.post(
            "/taken/" + task,
            "aangeboden",
            "true",
            "aantal",
            "4",
            "beschikbaarVanaf",
            "2026-11-27T10:00",
            "uitrusting",
            "Twee tankautospuiten, twee hulpverleningsvoertuigen",
            "beschermingsniveau",
            "BALLISTISCH",
            "zelfvoorzienendUren",
            "12",
            "toelichting",
            "Bemanning met ervaring in de oranje ring");

    assertThat(done.status()).isEqualTo(302);
    assertThat(done.location()).endsWith("/taken");
    List<FakeOrchestration.Call> calls = engineCalls(task);
    assertThat(calls)
        .extracting(FakeOrchestration.Call::what)
        .containsExactly("assign", "complete");
    assertThat(calls.get(0).payload()).isEqualTo("regio-utrecht");
    @SuppressWarnings("unchecked")
    Map<String, Object> variables = (Map<String, Object>) calls.get(1).payload();
    assertThat(variables)
        .containsEntry("aangeboden", true)
        .containsEntry("aantal", 4)
        .containsEntry("beschikbaarVanaf", "2026-11-27T10:00:00+01:00")
        .containsEntry("uitrusting", "Twee tankautospuiten, twee hulpverleningsvoertuigen")
        .containsEntry("beschermingsniveau", "BALLISTISCH")
        .containsEntry("zelfvoorzienendUren", 12)
        .containsEntry("toelichting", "Bemanning met ervaring in de oranje ring");

    Page list = officer.get("/taken");
    assertThat(list.body())
        .contains("Taak afgerond: Testtaak aanbod-bijstand")
        .doesNotContain("id=\"taak-" + task + "\"")
        .contains("id=\"afgerond-" + task + "\"");

    Page readOnly = officer.get("/taken/" + task);
    assertThat(readOnly.status()).isEqualTo(200);
    assertThat(readOnly.body())
        .contains("Afgerond door Anouk Smit, piket Veiligheidsregio Utrecht op")
        .contains("Wij bieden bijstand aan")
        .doesNotContain("id=\"afronden\"");
  }

  @Test
  void theSecondDeciderCoSignsAsHimselfAndARefusalNeedsAReason() {
    String crisis = fixtures.crisis("dreigingsniveau-5");
    String task = fixtures.task(crisis, Form.MEDEONDERTEKENING, List.of("nctv-besluitvormer"));
    PageClient nctv2 = PageClient.login(port, "nctv2");
    assertThat(nctv2.get("/taken/" + task).body())
        .contains("Pas na goedkeuring is het besluit van kracht")
        .contains("bij weigering krijgt de besluitvormer het besluit terug");

    // refused without a reason: back with the field error, nothing sent to the engine
    Page noReason = nctv2.post("/taken/" + task, "goedkeuring", "GEWEIGERD");
    assertThat(noReason.status()).isEqualTo(400);
    assertThat(noReason.body())
        .contains("Controleer de gemarkeerde velden")
        .contains("id=\"fout-toelichting\"");
    assertThat(engineCalls(task)).isEmpty();

    // approved: the co-signer is the signed-in user, whatever the form says
    Page done =
        nctv2.post("/taken/" + task, "goedkeuring", "GOEDGEKEURD", "medeondertekenaar", "nctv");
    assertThat(done.status()).isEqualTo(302);
    @SuppressWarnings("unchecked")
    Map<String, Object> variables =
        (Map<String, Object>)
            engineCalls(task).stream()
                .filter(c -> c.what().equals("complete"))
                .findFirst()
                .orElseThrow()
                .payload();
    assertThat(variables)
        .containsEntry("goedkeuring", "GOEDGEKEURD")
        .containsEntry("medeondertekenaar", "nctv2");
  }

  @Test
  void claimingAndGivingBackGoThroughTheEngine() {
    String crisis = fixtures.crisis("dreigingsniveau-5");
    String task = fixtures.task(crisis, Form.AFSTEMMING_LOKAAL_GEZAG, UTRECHT);
    PageClient officer = PageClient.login(port, "regio-utrecht");
    officer.get("/taken/" + task);

    Page claimed = officer.post("/taken/" + task + "/oppakken");
    assertThat(claimed.status()).isEqualTo(302);
    Page page = officer.get("/taken/" + task);
    assertThat(page.body())
        .contains("U heeft de taak opgepakt.")
        .contains("Opgepakt door u")
        .contains("id=\"vrijgeven\"")
        .doesNotContain("id=\"oppakken\"");

    officer.post("/taken/" + task + "/vrijgeven");
    assertThat(engineCalls(task))
        .extracting(FakeOrchestration.Call::what)
        .containsExactly("assign", "unassign");
    assertThat(officer.get("/taken/" + task).body()).contains("id=\"oppakken\"");
  }

  @Test
  void aTaskClaimedByAColleagueCannotBeCompletedHere() {
    String crisis = fixtures.crisis("dreigingsniveau-5");
    String task = fixtures.task(crisis, Form.AFSTEMMING_LOKAAL_GEZAG, UTRECHT, "collega-utrecht");
    PageClient officer = PageClient.login(port, "regio-utrecht");

    Page page = officer.get("/taken/" + task);
    assertThat(page.body())
        .contains("Opgepakt door collega-utrecht")
        .doesNotContain("id=\"afronden\"", "id=\"oppakken\"");

    Page completion = officer.post("/taken/" + task, "standpuntGezag", "STEUNT");
    assertThat(completion.status()).isEqualTo(409);
    assertThat(completion.body()).contains("collega-utrecht");
    assertThat(engineCalls(task)).isEmpty();
  }

  @Test
  void anExerciseTaskIsOnlyVisibleInTheExerciseWorld() {
    String real = fixtures.task(fixtures.crisis("dreigingsniveau-5"), UTRECHT);
    String exercise = exerciseTask(fixtures.crisis("dreigingsniveau-5", "VR09", true), UTRECHT);
    PageClient officer = PageClient.login(port, "regio-utrecht");

    assertThat(officer.get("/taken").body())
        .contains("taak-" + real)
        .doesNotContain("taak-" + exercise);

    officer.post("/wereld", "oefening", "true");
    Page list = officer.get("/taken");
    assertThat(list.body())
        .contains("taak-" + exercise)
        .contains("label oefening")
        .contains("oefening-banner")
        .doesNotContain("taak-" + real);
    assertThat(officer.get("/taken/" + exercise).body()).contains("OEFENING");
  }

  @Test
  void anEmptyInboxSaysNewTasksAppearByThemselves() {
    PageClient amsterdam = PageClient.login(port, "regio-amsterdam");
    amsterdam.get("/taken");
    amsterdam.post("/wereld", "oefening", "true");
    assertThat(amsterdam.get("/taken").body())
        .contains("Geen open taken. Nieuwe taken verschijnen hier vanzelf.");
  }

  // --- helpers

  private List<FakeOrchestration.Call> engineCalls(String taskKey) {
    return engine.calls.stream().filter(c -> taskKey.equals(c.key())).toList();
  }

  private String assignee(String taskKey) {
    return jdbc.queryForObject(
        "select assignee from task where task_key = ?", String.class, Long.parseLong(taskKey));
  }

  /** An open exercise task (the fixtures make real ones). */
  private String exerciseTask(String crisisId, List<String> groups) {
    long key = 6_000_000_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000_000L);
    fixtures.apply(
        EventType.TAAK_AANGEMAAKT,
        crisisId,
        true,
        "test",
        new TaskCreated(
            key,
            "dreigingsniveau-5",
            "Oefen_afstemming",
            null,
            "Oefentaak afstemming",
            Form.AFSTEMMING_LOKAAL_GEZAG.key(),
            null,
            groups,
            List.of(),
            null,
            Instant.now().plus(Duration.ofMinutes(30)),
            null,
            null));
    return String.valueOf(key);
  }

  @Test
  void thirtyThreeCallsAreOneCardAndCanBeRecordedTogether() {
    String crisis = fixtures.crisis("dreigingsniveau-5");
    String utrecht = fixtures.callTask(crisis, "BM-GM0344", "Burgemeester van Utrecht");
    String zeist = fixtures.callTask(crisis, "BM-GM0355", "Burgemeester van Zeist");
    String houten = fixtures.callTask(crisis, "BM-GM0321", "Burgemeester van Houten");
    PageClient operator = PageClient.login(port, "operator");

    assertThat(operator.get("/taken").body())
        .contains("data-groep=\"3\"")
        .contains("3 × Ontvanger telefonisch benaderen");

    Page group = operator.get("/taken/groep?crisis=" + crisis + "&stap=Ontvanger_Bellen");
    assertThat(group.status()).isEqualTo(200);
    assertThat(group.body())
        .contains("Burgemeester van Utrecht")
        .contains("Burgemeester van Zeist")
        .containsPattern("070 000 \\d{4} \\(demonummer\\)");

    Page none =
        operator.post(
            "/taken/groep", "crisis", crisis, "stap", "Ontvanger_Bellen", "bereikt", "false");
    assertThat(none.status()).isEqualTo(400);
    assertThat(none.body()).contains("Kies ten minste één ontvanger.");

    Page done =
        operator.post(
            "/taken/groep",
            "crisis",
            crisis,
            "stap",
            "Ontvanger_Bellen",
            "taak",
            utrecht,
            "taak",
            zeist,
            "bereikt",
            "false",
            "toelichting",
            "Voicemail ingesproken");
    assertThat(done.status()).isEqualTo(302);
    assertThat(engineCalls(utrecht))
        .extracting(FakeOrchestration.Call::what)
        .containsExactly("assign", "complete");
    assertThat(engineCalls(zeist))
        .extracting(FakeOrchestration.Call::what)
        .containsExactly("assign", "complete");
    assertThat(engineCalls(houten)).isEmpty();
    @SuppressWarnings("unchecked")
    Map<String, Object> outcome = (Map<String, Object>) engineCalls(zeist).get(1).payload();
    assertThat(outcome).containsEntry("bereikt", false).containsKey("gesprokenOp");
  }

  @Test
  void aCallFurtherDownTheChainShowsTheDeputyAndHerNumberAndStaysUsableOnAPhone() {
    String crisis = fixtures.crisis("dreigingsniveau-5");
    String task =
        fixtures.callTask(
            crisis,
            "BM-GM0344",
            "Burgemeester van Utrecht",
            Map.of(
                "ontvanger", "BM-GM0344",
                "volgorde", 2,
                "positie", "PLAATSVERVANGER",
                "naam", "Loco-burgemeester (Burgemeester van Utrecht)",
                "functie", "loco-burgemeester",
                "telefoon", "070 000 4242",
                "demo", true));
    PageClient operator = PageClient.login(port, "operator");

    Page page = operator.get("/taken/" + task);
    assertThat(page.body())
        .contains("id=\"bellen\"")
        .contains("Loco-burgemeester (Burgemeester van Utrecht)")
        .contains("(loco-burgemeester)")
        .contains("id=\"telefoonnummer\">070 000 4242 (demonummer)")
        .contains("name=\"bereikt\"")
        .contains("name=\"viewport\"")
        .doesNotContain("id=\"belketen\"");

    Page group = operator.get("/taken/groep?crisis=" + crisis + "&stap=Ontvanger_Bellen");
    assertThat(group.body())
        .contains("Loco-burgemeester (Burgemeester van Utrecht)")
        .contains("070 000 4242 (demonummer)");
  }

  @Test
  void whenNobodyOfTheChainIsReachedTheOperatorsEscalationListsWhomAndWhichNumbersWereTried() {
    String crisis = fixtures.crisis("dreigingsniveau-5");
    String task = fixtures.escalationTask(crisis, "BM-GM0307", "Burgemeester van Amersfoort");

    Page page = PageClient.login(port, "operator").get("/taken/" + task);

    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body())
        .contains("id=\"belketen\"")
        .contains("Gebeld zonder gehoor")
        .contains("Burgemeester van Amersfoort")
        .contains("Loco-burgemeester (Burgemeester van Amersfoort)")
        .contains("Officier van dienst, Veiligheidsregio Utrecht")
        .containsPattern("(070 000 \\d{4} \\(demonummer\\)[\\s\\S]*){3}")
        .contains("name=\"ondernomenActie\"");
  }

  @Test
  void aCallTaskSaysWhomToCallAndOnWhichNumber() {
    String crisis = fixtures.crisis("dreigingsniveau-5");
    String task = fixtures.callTask(crisis, "BM-GM0344", "Burgemeester van Utrecht");
    Page page = PageClient.login(port, "operator").get("/taken/" + task);
    assertThat(page.body())
        .contains("id=\"bellen\"")
        .contains("Burgemeester van Utrecht")
        .containsPattern("id=\"telefoonnummer\">070 000 \\d{4} \\(demonummer\\)");
  }

  @Test
  void theDecisionShowsWhatEachPartnerSharedWhatIsMissingAndWhyTheNctvDidNotWait() {
    String crisis = fixtures.crisis("dreigingsniveau-5");
    String task =
        fixtures.task(
            crisis,
            nl.knooppunt.processes.Task.BESLUIT_AFKONDIGING,
            java.util.List.of("nctv-besluitvormer"),
            java.util.Map.of(
                "informatiepartners",
                java.util.List.of("politie", "om"),
                "opsporingsinformatie",
                java.util.Map.of(
                    "politie",
                    java.util.Map.of(
                        "samenvatting", "Eén dader voortvluchtig",
                        "dreigingsinschatting", "VERVOLGDREIGING_ACUUT",
                        "vertrouwelijkheid", "DEPARTEMENTAAL_VERTROUWELIJK",
                        "gedeeldDoor", "politie")),
                "besluitZonderVolledigeInformatie",
                java.util.Map.of(
                    "reden", "Eerste uur na de aanslag",
                    "besluitDoor", "nctv",
                    "ontbrekend", java.util.List.of("om"))));
    Page page = PageClient.login(port, "nctv").get("/taken/" + task);
    assertThat(page.body())
        .contains("Informatie van politie, OM en partners")
        .contains("Eén dader voortvluchtig")
        .contains("Ontbreekt (nog niet gedeeld)")
        .contains("Besluit zonder volledige informatie")
        .contains("Eerste uur na de aanslag");
  }

  @Test
  void aSilentRegionsCallTaskSaysWhomToCallAndOnWhichNumber() {
    String crisis = fixtures.crisis("dreigingsniveau-5");
    String task =
        fixtures.task(
            crisis,
            nl.knooppunt.processes.Task.REGIO_BELLEN,
            java.util.List.of("landelijk-operator"),
            java.util.Map.of(
                "vrCode",
                "VR09",
                "ontvanger",
                java.util.Map.of("code", "VR09", "soort", "VEILIGHEIDSREGIO"),
                "belContact",
                java.util.Map.of(
                    "ontvanger", "VR09",
                    "volgorde", 1,
                    "positie", "HOUDER",
                    "naam", "Anne de Vries",
                    "functie", "officier van dienst",
                    "telefoon", "070 000 1234",
                    "demo", true)));
    Page page = PageClient.login(port, "operator").get("/taken/" + task);
    assertThat(page.body())
        .contains("id=\"bellen\"")
        .contains("Anne de Vries")
        .contains("070 000 1234 (demonummer)");
  }
}
