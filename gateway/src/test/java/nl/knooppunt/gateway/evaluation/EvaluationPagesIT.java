package nl.knooppunt.gateway.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import nl.knooppunt.gateway.Api;
import nl.knooppunt.gateway.GatewayITBase;
import nl.knooppunt.gateway.PageClient;
import nl.knooppunt.gateway.PageClient.Page;
import nl.knooppunt.processes.events.Area;
import nl.knooppunt.processes.events.CrisisStarted;
import nl.knooppunt.processes.events.EventType;
import nl.knooppunt.processes.variables.LevelFiveArea;
import org.junit.jupiter.api.Test;

/**
 * The evaluation that closes the loop (#14 item 15): one evaluation of a manhunt and its linked
 * level 5 with both timelines; improvement actions with owner and due date that stay open, and in
 * sight (overdue in red), until someone marks them done; the regions in scope read the evaluation
 * once it is shared with them, not before.
 */
class EvaluationPagesIT extends GatewayITBase {

  private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Amsterdam"));

  /** A level 5 started for the manhunt, as the manhunt worker records it. */
  private String linkedLevelFive(String manhuntId) {
    String id = manhuntId + "-DN5";
    fixtures.apply(
        EventType.CRISIS_GESTART,
        id,
        false,
        "test",
        new CrisisStarted(
            "dreigingsniveau-5",
            "Dreigingsniveau 5: provincie Utrecht",
            new Area(LevelFiveArea.Kind.PROVINCIE, List.of("PV26"), "provincie Utrecht"),
            List.of("VR09"),
            null,
            "nctv",
            manhuntId,
            null,
            null,
            null));
    return id;
  }

  @Test
  void aManhuntAndItsLinkedLevelFiveAreEvaluatedTogetherFromEitherCrisisWithBothTimelines() {
    String manhunt = fixtures.manhunt(true);
    String dn5 = linkedLevelFive(manhunt);
    PageClient operator = PageClient.login(port, "operator");

    // from the level 5's page the duty officer reaches the joint evaluation and adds an action
    Page fromLevel = operator.get("/crises/" + dn5 + "/evaluatie");
    assertThat(fromLevel.status()).isEqualTo(200);
    assertThat(fromLevel.body())
        .contains("Gezamenlijke evaluatie met")
        .contains("/crises/" + manhunt)
        .contains("id=\"gekoppelde-tijdlijn\"")
        .contains("Tijdlijn van");
    Page added =
        operator.post(
            "/crises/" + dn5 + "/evaluatie/acties",
            "tekst",
            "Manhuntprocedure en afkondiging niveau 5 samen beoefenen",
            "eigenaar",
            "NCTV en Veiligheidsregio Utrecht",
            "gereedOp",
            TODAY.plusMonths(3).toString());
    assertThat(added.status()).isEqualTo(302);

    // the manhunt's evaluation is the same one: the action is there too, with the level's timeline
    Page fromManhunt = operator.get("/crises/" + manhunt + "/evaluatie");
    assertThat(fromManhunt.body())
        .contains("Manhuntprocedure en afkondiging niveau 5 samen beoefenen")
        .contains("NCTV en Veiligheidsregio Utrecht")
        .contains(dn5);
    JsonNode report = api.get("/api/v1/crises/" + manhunt + "/evaluation", "operator").json();
    assertThat(report.path("linkedCrisis").path("crisisId").asText()).isEqualTo(dn5);
    assertThat(report.path("linkedTimeline").size()).isPositive();
    assertThat(report.path("actions").get(0).path("crisisId").asText()).isEqualTo(manhunt);
  }

  @Test
  void aDueDateTypedOnThePageOutsideTheWindowIsRefusedBesideItsField() {
    String crisis = fixtures.crisis("dreigingsniveau-5");
    PageClient operator = PageClient.login(port, "operator");
    operator.get("/crises/" + crisis + "/evaluatie");

    Page refused =
        operator.post(
            "/crises/" + crisis + "/evaluatie/acties",
            "tekst",
            "Contactlijst bijwerken",
            "eigenaar",
            "Veiligheidsregio Utrecht",
            "gereedOp",
            TODAY.plusYears(5).toString());

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body())
        .contains("#actie-gereedOp")
        .contains("Kies een datum vanaf 2000 en niet meer dan een jaar vooruit.");
    assertThat(api.get("/api/v1/crises/" + crisis + "/evaluation/actions", "operator").body())
        .doesNotContain("Contactlijst bijwerken");
  }

  @Test
  void anImprovementActionStaysOpenAndVisibleOverdueInRedUntilSomeoneMarksItDone() {
    String crisis = fixtures.crisis("dreigingsniveau-5");
    String path = "/api/v1/crises/" + crisis + "/evaluation/actions";

    // without an owner nothing is recorded
    Api.Response invalid =
        api.post(path, "operator", Map.of("text", "Contactlijst", "dueDate", "2026-06-01"));
    assertThat(invalid.status()).isEqualTo(400);
    assertThat(invalid.isProblem()).isTrue();

    // an action due yesterday is overdue at once
    Api.Response created =
        api.post(
            path,
            "operator",
            Map.of(
                "text",
                "Contactlijst buurregio's bijwerken",
                "owner",
                "Veiligheidsregio Utrecht",
                "dueDate",
                TODAY.minusDays(1).toString()));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    String actionId = created.json().path("actionId").asText();
    assertThat(created.json().path("status").asText()).isEqualTo("OPEN");
    assertThat(created.json().path("overdue").asBoolean()).isTrue();

    // it is in the open list (API and page), and the management dashboard shows it in red
    assertThat(api.get("/api/v1/improvement-actions", "management").json())
        .anySatisfy(a -> assertThat(a.path("actionId").asText()).isEqualTo(actionId));
    Page overview = PageClient.login(port, "management").get("/verbeteracties");
    assertThat(overview.status()).isEqualTo(200);
    assertThat(overview.body())
        .contains("Contactlijst buurregio&#39;s bijwerken")
        .contains("Te laat");
    Page dashboard = PageClient.login(port, "management").get("/dashboard");
    assertThat(dashboard.body()).contains("id=\"acties-te-laat\"");

    // management reads, but does not mark done
    assertThat(
            api.post(path + "/" + actionId + "/done", "management", Map.of("note", "x")).status())
        .isEqualTo(403);

    // the duty officer marks it done on the evaluation page: it leaves the open list
    PageClient operator = PageClient.login(port, "operator");
    assertThat(operator.get("/crises/" + crisis + "/evaluatie").body())
        .contains("Contactlijst buurregio&#39;s bijwerken")
        .contains("Te laat, open");
    Page done =
        operator.post("/crises/" + crisis + "/evaluatie/acties/afgerond", "actie", actionId);
    assertThat(done.status()).isEqualTo(302);
    assertThat(api.get("/api/v1/improvement-actions", "management").json())
        .noneSatisfy(a -> assertThat(a.path("actionId").asText()).isEqualTo(actionId));
    JsonNode actions = api.get(path, "operator").json();
    assertThat(actions.get(0).path("status").asText()).isEqualTo("AFGEROND");
    assertThat(actions.get(0).path("doneBy").asText()).isNotBlank();
    assertThat(
            api.post(path + "/" + actionId + "/done", "operator", Map.of("note", "nogmaals"))
                .status())
        .isEqualTo(409);

    // the logbook tells who recorded it and who marked it done
    assertThat(api.get("/api/v1/crises/" + crisis + "/timeline", "operator").body())
        .contains("nl.knooppunt.verbeteractie.vastgelegd")
        .contains("nl.knooppunt.verbeteractie.afgerond");
  }

  @Test
  void aRegionInScopeReadsTheEvaluationOnlyOnceItIsSharedAndARegionOutsideItNever() {
    String crisis = fixtures.crisis("dreigingsniveau-5", "VR09", false);
    String api_ = "/api/v1/crises/" + crisis + "/evaluation";
    PageClient utrecht = PageClient.login(port, "regio-utrecht");

    // before sharing: 404 for the region, on the API and the page, and no link on the crisis page
    assertThat(api.get(api_, "regio-utrecht").status()).isEqualTo(404);
    assertThat(utrecht.get("/crises/" + crisis + "/evaluatie").status()).isEqualTo(404);
    assertThat(utrecht.get("/crises/" + crisis).body()).doesNotContain("Evaluatierapport");
    assertThat(api.post(api_ + "/share", "regio-utrecht", null).status()).isEqualTo(403);

    // the duty officer shares it with the regions involved
    PageClient operator = PageClient.login(port, "operator");
    assertThat(operator.get("/crises/" + crisis + "/evaluatie").body())
        .contains("Nog niet gedeeld");
    Page shared = operator.post("/crises/" + crisis + "/evaluatie/delen");
    assertThat(shared.status()).isEqualTo(302);
    JsonNode sharing = api.get(api_, "operator").json().path("sharing");
    assertThat(sharing.path("shared").asBoolean()).isTrue();
    assertThat(sharing.path("regions").toString()).contains("VR09");

    // now Utrecht reads it; Amsterdam, not involved, still does not
    assertThat(api.get(api_, "regio-utrecht").status()).isEqualTo(200);
    Page page = utrecht.get("/crises/" + crisis + "/evaluatie");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("Evaluatierapport").doesNotContain("actie-formulier");
    assertThat(utrecht.get("/crises/" + crisis).body()).contains("Evaluatierapport");
    assertThat(api.get(api_, "regio-amsterdam").status()).isEqualTo(404);
    assertThat(
            PageClient.login(port, "regio-amsterdam")
                .get("/crises/" + crisis + "/evaluatie")
                .status())
        .isEqualTo(404);
  }
}
