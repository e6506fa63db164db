package nl.knooppunt.gateway.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.knooppunt.gateway.GatewayITBase;
import nl.knooppunt.gateway.PageClient;
import nl.knooppunt.gateway.PageClient.Page;
import nl.knooppunt.processes.Form;
import nl.knooppunt.processes.events.EventType;
import nl.knooppunt.processes.events.TaskCompletedByUser;
import nl.knooppunt.processes.events.TaskCreated;
import nl.knooppunt.processes.events.ThreatLevelChanged;
import org.junit.jupiter.api.Test;

/**
 * The management dashboard and the evaluation report, as a manager and a duty officer see them:
 * events go through the projector (as in production), the pages are read over HTTP with a logged-in
 * session.
 */
class DashboardPagesIT extends GatewayITBase {

  // --- scenarios

  @Test
  void level5ForTwoUtrechtMunicipalitiesColoursThoseMunicipalitiesNotTheWholeRegion() {
    // no other level in force (other scenarios of this shared read model may have put the whole
    // province at 5)
    jdbc.update("delete from threat_level where exercise = false");
    String crisis = fixtures.crisis("dreigingsniveau-5", "VR09", false);
    fixtures.apply(
        EventType.DREIGINGSNIVEAU_GEWIJZIGD,
        crisis,
        false,
        null,
        new ThreatLevelChanged(
            "AFKONDIGEN",
            5,
            null,
            Instant.now().plus(Duration.ofDays(7)),
            List.of(),
            List.of("GM0344", "GM0307"),
            null));

    PageClient manager = PageClient.login(port, "management");
    Page page = manager.get("/dashboard");

    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("<h1>Dashboard", "id=\"kaart\"", "id=\"erkenningen\"");
    // the region's outline carries its highest level and says which municipalities have it
    assertThat(region(page, "VR09")).contains("data-niveau=\"5\"").contains("regio niveau-5");
    assertThat(region(page, "VR09"))
        .contains(
            "<title>Utrecht (VR09): dreigingsniveau 5 in Amersfoort, Utrecht; geen niveau in 24"
                + " andere gemeenten");
    // only the two municipalities are red; their neighbours in the same region are not
    assertThat(municipality(page, "GM0344"))
        .contains("data-niveau=\"5\"")
        .contains("class=\"niveau-5\"")
        .contains("<title>Utrecht: dreigingsniveau 5");
    assertThat(municipality(page, "GM0307")).contains("data-niveau=\"5\"");
    assertThat(municipality(page, "GM0345"))
        .contains("data-regio=\"VR09\"")
        .contains("data-niveau=\"0\"")
        .contains("class=\"geen-niveau\"");
    assertThat(page.body()).containsPattern("<text[^>]*class=\"kaart-cijfer\"[^>]*>5</text>");
    assertThat(page.body())
        .contains("Kaartgrenzen: CBS gebiedsindelingen 2023")
        .contains("Dreigingsniveau per veiligheidsregio")
        .contains("hx-trigger=\"gewijzigd from:body\"");
    // the body reloads as one fragment, without the page around it
    Page content = manager.get("/dashboard/inhoud");
    assertThat(content.status()).isEqualTo(200);
    assertThat(content.body()).doesNotContain("<html").contains("id=\"kaart\"");
    assertThat(region(content, "VR09")).contains("data-niveau=\"5\"");
  }

  @Test
  void anExerciseLevelShowsOnlyInTheExerciseWorldUnderTheOefeningBanner() {
    String exercise = fixtures.crisis("dreigingsniveau-5", "VR24", true);
    fixtures.apply(
        EventType.DREIGINGSNIVEAU_GEWIJZIGD,
        exercise,
        true,
        null,
        new ThreatLevelChanged("AFKONDIGEN", 5, null, null, List.of(), List.of("GM0935"), null));

    PageClient manager = PageClient.login(port, "management");
    Page real = manager.get("/dashboard");
    assertThat(region(real, "VR24")).contains("data-niveau=\"0\"");
    assertThat(real.body()).doesNotContain("oefening-banner");

    Page switched = manager.chooseWorld(true, "/dashboard");
    assertThat(switched.status()).isEqualTo(302);
    assertThat(switched.location()).endsWith("/dashboard");

    Page practice = manager.get("/dashboard");
    assertThat(practice.body()).contains("id=\"oefening-banner\"").contains("OEFENING");
    assertThat(region(practice, "VR24")).contains("data-niveau=\"5\"");
    assertThat(manager.get("/dashboard/inhoud").body()).contains("OEFENING");

    manager.chooseWorld(false, "/dashboard");
    assertThat(region(manager.get("/dashboard"), "VR24")).contains("data-niveau=\"0\"");
  }

  @Test
  void theManagerSeesSlaBreachesAndAcknowledgementsButNoTasks() {
    String crisis = fixtures.crisis("dreigingsniveau-5", "VR09", false);
    // the NCTV decided ten minutes ago (a decision task completed with its form)
    fixtures.apply(
        EventType.TAAK_AFGEROND,
        crisis,
        Instant.now().minusSeconds(600),
        false,
        "nctv",
        new TaskCompletedByUser(
            1L,
            "Besluit afkondiging",
            "Besluit_Afkondiging",
            Map.of("uitkomst", "AFKONDIGEN", "motivering", "Concreet")));
    fixtures.notification(crisis, "GM0344", "VR09");
    overdueTask(crisis, "Afstemmen met lokaal gezag (te laat)");

    PageClient manager = PageClient.login(port, "management");
    Page page = manager.get("/dashboard");

    assertThat(page.body()).contains("Open taken over de uiterste tijd");
    assertThat(page.body()).contains("Afstemmen met lokaal gezag (te laat)");
    assertThat(section(page, "erkenningen")).contains("Testcrisis " + crisis);
    assertThat(page.body()).contains("Wie is stil").contains("niet bevestigd");
    // no task pages for management: not in the menu, not through the API
    assertThat(page.body()).doesNotContain("href=\"/taken\"");
    assertThat(api.get("/api/v1/tasks", "management").status()).isEqualTo(403);
    // a region officer has no dashboard
    assertThat(PageClient.login(port, "regio-utrecht").get("/dashboard").status()).isEqualTo(403);
  }

  @Test
  void aRegionThatConfirmsALowerGripLevelThanTheAdviceMustExplainWhyAndTheDashboardShowsIt() {
    String manhunt = fixtures.manhunt(false);
    String task = fixtures.scaleUpTask(manhunt, 2);
    String now = java.time.OffsetDateTime.now().minusMinutes(1).toString();

    // GRIP 1 under the advice GRIP 2 without a reason: refused, naming the explanation
    var refused =
        api.post(
            "/api/v1/tasks/" + task + "/completion",
            "regio-utrecht",
            Map.of("gripNiveau", "GRIP_1", "opgeschaaldOp", now));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body()).contains("toelichting", "lager dan het advies (GRIP 2)");
    assertThat(gripRow(manhunt)).contains("GRIP 2", "nog niet bevestigd");

    var confirmed =
        api.post(
            "/api/v1/tasks/" + task + "/completion",
            "regio-utrecht",
            Map.of(
                "gripNiveau",
                "GRIP_1",
                "opgeschaaldOp",
                now,
                "toelichting",
                "Dader binnen het uur omsingeld; CoPI volstaat"));
    assertThat(confirmed.status()).isEqualTo(200);

    assertThat(gripRow(manhunt))
        .contains("GRIP 2", "GRIP 1", "lager dan advies")
        .contains("Dader binnen het uur omsingeld; CoPI volstaat")
        .contains("is-stil");
  }

  @Test
  void gripFiveIsOfferedAndAConfirmationAtTheAdviceNeedsNoReason() {
    String manhunt = fixtures.manhunt(true);
    String task = fixtures.scaleUpTask(manhunt, 3);
    var confirmed =
        api.post(
            "/api/v1/tasks/" + task + "/completion",
            "regio-utrecht",
            Map.of(
                "gripNiveau",
                "GRIP_5",
                "opgeschaaldOp",
                java.time.OffsetDateTime.now().minusMinutes(1).toString()));
    assertThat(confirmed.status()).isEqualTo(200);
    assertThat(gripRow(manhunt)).contains("GRIP 3", "GRIP 5").doesNotContain("lager dan advies");
  }

  @Test
  void theEvaluationReportShowsStepsAgainstTheNormEscalationsDecisionsAndLessons() {
    String crisis = fixtures.crisis("dreigingsniveau-5", "VR09", false);
    Instant start = Instant.now().minus(Duration.ofHours(3));
    String late = task(crisis, "Besluit dreigingsniveau", null, start, start.plusSeconds(1800));
    complete(
        late, crisis, start.plus(Duration.ofHours(2)), "nctv", Map.of("besluit", "AFKONDIGEN"));
    String onTime =
        task(crisis, "Afstemmen met lokaal gezag", null, start, start.plusSeconds(3600));
    complete(onTime, crisis, start.plusSeconds(900), "regio-utrecht", Map.of());
    String evaluation =
        task(crisis, "Evalueren", Form.EVALUATIE.key(), start, start.plus(Duration.ofDays(14)));
    complete(
        evaluation,
        crisis,
        Instant.now(),
        "operator",
        Map.of(
            "watGingGoed",
            "Snelle afstemming met de burgemeesters",
            "verbeterpunten",
            List.of("Bereikbaarheid 's nachts"),
            "acties",
            List.of(Map.of("actie", "Contactlijst bijwerken", "eigenaar", "NCC")),
            "delenMetRegios",
            true,
            "evaluatieDoor",
            "Hoofd NCC"));
    String notification = fixtures.notification(crisis, "GM0344", "VR09");
    fixtures.fallbackOf(crisis, notification, "BM-GM0344");

    Page report = PageClient.login(port, "management").get("/crises/" + crisis + "/evaluatie");

    assertThat(report.status()).isEqualTo(200);
    assertThat(report.body())
        .contains("Evaluatierapport")
        .contains("Doorlooptijd per stap")
        .contains("<th scope=\"col\">Norm</th>")
        .contains("Buiten de norm")
        .contains("Binnen de norm")
        .contains("data-afdrukken")
        .contains("Afdrukken");
    assertThat(row(report, "Besluit dreigingsniveau")).contains("2 u").contains("30 min");
    assertThat(section(report, "stilte-escalatie"))
        .contains("id=\"escalaties\"")
        .contains("geëscaleerd")
        .contains("Ontvanger " + notification);
    assertThat(section(report, "besluiten"))
        .contains("Afkondigen")
        .doesNotContain("AFKONDIGEN")
        .containsAnyOf("nctv", "Pieter Bakker, NCTV-besluitvormer");
    assertThat(section(report, "lessen"))
        .contains("Snelle afstemming met de burgemeesters")
        .contains("Contactlijst bijwerken")
        .contains("Hoofd NCC");
    assertThat(report.body()).doesNotContain("oefening-banner");
  }

  @Test
  void anExerciseReportCarriesTheBannerAndARegionOfficerDoesNotFindOneNotSharedWithHer() {
    String exercise = fixtures.crisis("manhunt", "VR09", true);

    Page report = PageClient.login(port, "operator").get("/crises/" + exercise + "/evaluatie");
    assertThat(report.status()).isEqualTo(200);
    assertThat(report.body()).contains("id=\"oefening-banner\"").contains("OEFENING");

    // a region reads an evaluation only once it is shared with it (docs/adr/0030): before, 404
    Page refused =
        PageClient.login(port, "regio-utrecht").get("/crises/" + exercise + "/evaluatie");
    assertThat(refused.status()).isEqualTo(404);
    assertThat(refused.body())
        .contains("met uw regio gedeeld")
        .as("the error page keeps the user's menu")
        .contains("Uitloggen", "href=\"/taken\"")
        .doesNotContain("Evaluatierapport");

    Page unknown = PageClient.login(port, "operator").get("/crises/BESTAAT-NIET/evaluatie");
    assertThat(unknown.status()).isEqualTo(404);
  }

  // --- events

  private String task(String crisisId, String name, String formKey, Instant created, Instant due) {
    String key =
        String.valueOf(
            5_000_000_000L
                + Math.abs(UUID.randomUUID().getLeastSignificantBits() % 1_000_000_000L));
    fixtures.apply(
        EventType.TAAK_AANGEMAAKT,
        crisisId,
        created,
        false,
        "test",
        new TaskCreated(
            Long.valueOf(key),
            "dreigingsniveau-5",
            "Stap_" + key,
            null,
            name,
            formKey,
            Duration.between(created, due).toString(),
            List.of("nctv-besluitvormer"),
            List.of(),
            null,
            due,
            null,
            null));
    return key;
  }

  private void overdueTask(String crisisId, String name) {
    Instant created = Instant.now().minus(Duration.ofHours(2));
    task(crisisId, name, null, created, created.plusSeconds(1800));
  }

  private void complete(
      String taskKey, String crisisId, Instant at, String actor, Map<String, Object> form) {
    fixtures.apply(
        EventType.TAAK_AFGEROND,
        crisisId,
        at,
        false,
        actor,
        new TaskCompletedByUser(Long.valueOf(taskKey), null, null, new LinkedHashMap<>(form)));
  }

  // --- HTML helpers

  /** The opening tag and title of a municipality's path on the map. */
  private static String municipality(Page page, String gm) {
    Matcher m =
        Pattern.compile("<path[^>]*data-gm=\"" + gm + "\"[^>]*>\\s*<title>[^<]*")
            .matcher(page.body());
    assertThat(m.find()).as("municipality %s on the map", gm).isTrue();
    return m.group();
  }

  /** The opening tag of a region's path on the map. */
  private static String region(Page page, String vr) {
    Matcher m =
        Pattern.compile("<path[^>]*data-vr=\"" + vr + "\"[^>]*>\\s*<title>[^<]*")
            .matcher(page.body());
    assertThat(m.find()).as("region %s on the map", vr).isTrue();
    return m.group();
  }

  /** The element with the given id up to the next section (good enough for assertions). */
  private static String section(Page page, String id) {
    int start = page.body().indexOf("id=\"" + id + "\"");
    assertThat(start).as("element #%s", id).isNotNegative();
    int end = page.body().indexOf("</section>", start);
    return page.body().substring(start, end < 0 ? page.body().length() : end);
  }

  /** The manager's dashboard row of a manhunt in the GRIP block. */
  private String gripRow(String manhuntId) {
    String grip = section(PageClient.login(port, "management").get("/dashboard"), "grip");
    int at = grip.indexOf("/crises/" + manhuntId + "\"");
    assertThat(at).as("GRIP row of %s", manhuntId).isNotNegative();
    return grip.substring(grip.lastIndexOf("<tr", at), grip.indexOf("</tr>", at));
  }

  /** The table row containing the text. */
  private static String row(Page page, String text) {
    int at = page.body().indexOf(text);
    assertThat(at).as("row with %s", text).isNotNegative();
    int start = page.body().lastIndexOf("<tr", at);
    int end = page.body().indexOf("</tr>", at);
    return page.body().substring(start, end);
  }
}
