package nl.knooppunt.gateway.learning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import nl.knooppunt.gateway.GatewayITBase;
import nl.knooppunt.gateway.PageClient;
import nl.knooppunt.gateway.PageClient.Page;
import nl.knooppunt.processes.events.EventType;
import nl.knooppunt.processes.events.ImprovementActionRecorded;
import org.junit.jupiter.api.Test;

/**
 * Lessons and actions (issue #16): a finding recorded as its own item (finding, lesson, action,
 * owner, due date, step, tags) is found by every region it is shared with, searched in Dutch; an
 * action stays in sight until it is done or dropped with a reason.
 */
class LessonsAndActionsIT extends GatewayITBase {

  private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Amsterdam"));

  private void lesson(
      String crisisId, String id, String finding, String lesson, String step, boolean shared) {
    fixtures.apply(
        EventType.VERBETERACTIE_VASTGELEGD,
        crisisId,
        false,
        "operator",
        new ImprovementActionRecorded(
            crisisId + "-VA-" + id,
            "Actie " + id,
            "NCTV",
            TODAY.plusMonths(2).toString(),
            finding,
            lesson,
            step,
            List.of("test-" + id),
            shared));
  }

  @Test
  void theDutyOfficerRecordsAFindingWithLessonStepAndTagsAndSearchingAanslagenFindsIt() {
    String crisis = fixtures.crisis("manhunt", "VR09", false);
    PageClient operator = PageClient.login(port, "operator");
    operator.get("/crises/" + crisis + "/evaluatie");
    Page added =
        operator.post(
            "/crises/" + crisis + "/evaluatie/acties",
            "tekst",
            "Contactlijst van de burgemeesters maandelijks controleren",
            "eigenaar",
            "Veiligheidsregio Utrecht",
            "gereedOp",
            TODAY.plusMonths(1).toString(),
            "bevinding",
            "Na de aanslag op het station was de burgemeester een uur onbereikbaar",
            "les",
            "Een verouderde contactlijst kost bij een aanslag het eerste uur",
            "stap",
            "AFSTEMMING_LOKAAL_GEZAG",
            "trefwoorden",
            "Bereikbaarheid, contactlijst",
            "delen",
            "true");
    assertThat(added.status()).isEqualTo(302);

    Page report = operator.get("/crises/" + crisis + "/evaluatie");
    assertThat(report.body())
        .contains("Na de aanslag op het station")
        .contains("Stap: Afstemmen met lokaal gezag")
        .contains("bereikbaarheid, contactlijst")
        .contains("Gedeeld met alle regio");

    // Dutch stemming: the plural finds the singular, the matched word highlighted
    Page found = operator.get("/lessen?zoek=aanslagen");
    assertThat(found.status()).isEqualTo(200);
    assertThat(found.body())
        .contains("Een verouderde contactlijst kost bij een aanslag het eerste uur")
        .contains("<mark>aanslag</mark>");
    assertThat(operator.get("/lessen?zoek=overstroming").body()).contains("Geen lessen gevonden");
    assertThat(operator.get("/lessen?zoek=aanslagen&stap=AANBOD_BIJSTAND").body())
        .contains("Geen lessen gevonden");
    assertThat(operator.get("/lessen?zoek=aanslagen&stap=AFSTEMMING_LOKAAL_GEZAG").body())
        .contains("Een verouderde contactlijst");
  }

  @Test
  void aRegionReadsTheLessonsOfItsOwnCrisesAndThoseSharedNotOtherRegionsUnsharedLessons() {
    String utrecht = fixtures.crisis("bijstandsaanvraag", "VR09", false);
    String amsterdam = fixtures.crisis("bijstandsaanvraag", "VR13", false);
    lesson(utrecht, "1", "Het waterschap ontbrak", "Utrechtse les over dijkbewaking", null, false);
    lesson(amsterdam, "2", "De haven was dicht", "Amsterdamse gedeelde les", null, true);
    lesson(amsterdam, "3", "Interne kwestie", "Amsterdamse eigen les", null, false);

    Page region = PageClient.login(port, "regio-utrecht").get("/lessen");
    assertThat(region.status()).isEqualTo(200);
    assertThat(region.body())
        .contains("Utrechtse les over dijkbewaking")
        .contains("Amsterdamse gedeelde les")
        .doesNotContain("Amsterdamse eigen les");

    Page national = PageClient.login(port, "nctv").get("/lessen?regio=VR13");
    assertThat(national.body())
        .contains("Amsterdamse gedeelde les")
        .contains("Amsterdamse eigen les")
        .doesNotContain("Utrechtse les over dijkbewaking");

    // the gezag reads no evaluations, so no lessons either
    assertThat(PageClient.login(port, "gezag-utrecht").get("/lessen").status()).isEqualTo(403);
  }

  @Test
  void aCrisisAtTheStepOfAligningWithLokaalGezagShowsWhatWasLearnedEarlierAboutThatStep() {
    String earlier = fixtures.crisis("manhunt", "VR13", false);
    lesson(
        earlier,
        "eerder",
        "De burgemeester werd pas na een uur bereikt",
        "Bel de burgemeester via de meldkamer als de mobiele lijn niet antwoordt",
        "AFSTEMMING_LOKAAL_GEZAG",
        true);
    String now = fixtures.crisis("dreigingsniveau-5", "VR09", false);
    fixtures.task(now, nl.knooppunt.processes.Form.AFSTEMMING_LOKAAL_GEZAG, List.of("regio-VR09"));

    Page page = PageClient.login(port, "regio-utrecht").get("/crises/" + now);
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body())
        .contains("Eerder geleerd")
        .contains("Bel de burgemeester via de meldkamer als de mobiele lijn niet antwoordt");
  }

  @Test
  void anOverdueActionShowsOnTheDashboardInProgressTooAndDisappearsOnceDroppedWithAReason() {
    String crisis = fixtures.crisis("manhunt", "VR09", false);
    String actionId = crisis + "-VA-laat";
    fixtures.apply(
        EventType.VERBETERACTIE_VASTGELEGD,
        crisis,
        false,
        "operator",
        new ImprovementActionRecorded(
            actionId,
            "Oefening met de buurregio plannen",
            "Veiligheidsregio Utrecht",
            TODAY.minusDays(3).toString(),
            "De buurregio kende de procedure niet",
            null,
            "AANBOD_BIJSTAND",
            List.of(),
            false));
    PageClient operator = PageClient.login(port, "operator");
    operator.get("/crises/" + crisis + "/evaluatie");
    assertThat(operator.get("/dashboard").body())
        .contains("id=\"te-laat-acties\"")
        .contains("Oefening met de buurregio plannen");

    Page inProgress =
        operator.post(
            "/crises/" + crisis + "/evaluatie/acties/stand",
            "actie",
            actionId,
            "stand",
            "IN_UITVOERING");
    assertThat(inProgress.status()).isEqualTo(302);
    assertThat(operator.get("/crises/" + crisis + "/evaluatie").body())
        .contains("De verbeteractie is in uitvoering.");
    assertThat(operator.get("/verbeteracties").body())
        .contains("Oefening met de buurregio plannen")
        .contains("Te laat, in uitvoering");
    assertThat(operator.get("/dashboard").body()).contains("Oefening met de buurregio plannen");

    // dropping needs a reason
    operator.post(
        "/crises/" + crisis + "/evaluatie/acties/stand", "actie", actionId, "stand", "VERVALLEN");
    assertThat(operator.get("/crises/" + crisis + "/evaluatie").body())
        .contains("Geef de reden waarom de actie vervalt.");
    assertThat(operator.get("/verbeteracties").body())
        .contains("Oefening met de buurregio plannen");

    operator.post(
        "/crises/" + crisis + "/evaluatie/acties/stand",
        "actie",
        actionId,
        "stand",
        "VERVALLEN",
        "reden",
        "Opgenomen in de landelijke oefenkalender");
    assertThat(operator.get("/verbeteracties").body())
        .doesNotContain("Oefening met de buurregio plannen");
    assertThat(operator.get("/dashboard").body())
        .doesNotContain("Oefening met de buurregio plannen");
    assertThat(operator.get("/crises/" + crisis + "/evaluatie").body())
        .contains("Vervallen")
        .contains("Reden: Opgenomen in de landelijke oefenkalender");
  }
}
