package nl.knooppunt.standalone.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The pages in a real browser (headless Chromium) against the whole hub: engine, workers, Kafka,
 * PostgreSQL and gateway, everything real. Screenshots of each page go to {@code
 * target/screenshots} (or to {@code -Dknooppunt.screenshots=<dir>}, which is how {@code docs/img}
 * is made).
 */
class PagesIT extends HubPages {

  @Test
  void level5ForUtrechtFromProposalToTheManagementDashboardWithoutAReload() throws Exception {
    // region Utrecht's officer has the inbox open on a phone before anything happens
    Browser region = browser(Browser.PHONE).login("regio-utrecht").world(true).open("/taken");
    String untouched = region.markPage();

    // the duty officer proposes level 5 for the province of Utrecht
    Browser desk = browser(Browser.DESKTOP).login("operator").world(true).open("/operator");
    desk.click(By.id("soort-PROVINCIE"));
    desk.click(By.id("provincie-PV26"));
    desk.find(By.id("veld-reden")).sendKeys("Aanslag in een tram in Utrecht; dader voortvluchtig");
    desk.screenshot(SCREENSHOTS, "operator");
    desk.click(By.id("voorstel-indienen"));
    String crisisId = desk.until(d -> crisisIdIn(d.getCurrentUrl()));
    assertThat(desk.text(By.id("fase"))).isNotBlank();

    // police and OM share what they know (through the API: not the subject of this test)
    api.policeSharesInformation(crisisId);

    // the alignment task appears in Utrecht's inbox without a reload
    By alignment = By.cssSelector("[data-element-id='Afstemmen_Lokaal_Gezag']");
    assertThat(region.text(alignment)).contains("provincie Utrecht");
    assertThat(region.stillMarked(untouched)).as("the inbox was not reloaded").isTrue();
    region.screenshot(SCREENSHOTS, "inbox-telefoon");
    region.click(By.cssSelector("[data-element-id='Afstemmen_Lokaal_Gezag'] a"));
    region.click(By.cssSelector("input[name='standpuntGezag'][value='STEUNT']"));
    region.find(By.id("veld-maatregelen")).sendKeys("Extra bewaking OV-knooppunten");
    region.screenshot(SCREENSHOTS, "taak-telefoon");
    region.click(By.id("afronden"));
    region.until(d -> d.getCurrentUrl().endsWith("/taken"));

    // the NCTV decision maker declares level 5
    desk.logout().login("nctv").world(true).open("/taken");
    desk.click(By.cssSelector("[data-element-id='Besluit_Afkondiging'] a"));
    desk.click(By.cssSelector("input[name='uitkomst'][value='AFKONDIGEN']"));
    desk.script(
        "document.getElementById('veld-eindtijd').value = arguments[0];",
        java.time.LocalDateTime.now(java.time.ZoneId.of("Europe/Amsterdam"))
            .plusHours(6)
            .truncatedTo(java.time.temporal.ChronoUnit.MINUTES)
            .toString());
    desk.find(By.id("veld-motivering"))
        .sendKeys("Dader voortvluchtig, vervolgaanslag niet uit te sluiten");
    desk.click(By.id("afronden"));
    desk.until(d -> d.getCurrentUrl().endsWith("/taken"));

    // four eyes: the other decision maker co-signs before the level is in force
    desk.logout().login("nctv2").world(true).open("/taken");
    desk.click(By.cssSelector("[data-element-id='Medeondertekenen_Afkondiging'] a"));
    desk.click(By.cssSelector("input[name='goedkeuring'][value='GOEDGEKEURD']"));
    desk.click(By.id("afronden"));
    desk.until(d -> d.getCurrentUrl().endsWith("/taken"));

    // management watches the dashboard: VR09 turns to level 5, acknowledgements come in, live
    desk.logout().login("management").world(true).open("/dashboard");
    String dashboard = desk.markPage();
    By utrecht = By.cssSelector("#kaart [data-vr='VR09']");
    desk.until(d -> "5".equals(d.findElement(utrecht).getAttribute("data-niveau")));
    String before = desk.text(By.id("erkenningen"));
    api.send(
        "gezag-utrecht",
        "POST",
        "/api/v1/notifications/acknowledgements",
        Map.of("notificationId", crisisId + "/afkondiging/BM-GM0344"),
        200);
    desk.until(d -> !d.findElement(By.id("erkenningen")).getText().equals(before));
    assertThat(desk.stillMarked(dashboard)).as("the dashboard was not reloaded").isTrue();
    desk.screenshot(SCREENSHOTS, "dashboard");

    desk.open("/crises/" + crisisId);
    desk.until(d -> d.findElement(By.id("erkenning-samenvatting")).getText().startsWith("1 van"));
    desk.click(By.cssSelector("details.ronde summary"));
    assertThat(desk.text(By.cssSelector("li[data-ontvanger='BM-GM0344']"))).contains("bevestigd");
    assertThat(desk.present(By.id("oefening-banner"))).isTrue();
    desk.screenshot(SCREENSHOTS, "crisis");
    desk.open("/crises/" + crisisId + "/evaluatie");
    desk.find(By.tagName("h1"));
    desk.screenshot(SCREENSHOTS, "evaluatie");
  }

  @Test
  void aFindingRecordedByTheDutyOfficerIsFoundInDutchByAnotherRegionAndTheRegionsAreCompared()
      throws Exception {
    String crisisId = api.proposeLevelFiveForUtrecht(true);

    // the duty officer records a finding with its lesson on the evaluation, shared with everyone
    Browser desk =
        browser(Browser.DESKTOP)
            .login("operator")
            .world(true)
            .open("/crises/" + crisisId + "/evaluatie");
    desk.find(By.id("actie-tekst")).sendKeys("Contactlijst burgemeesters maandelijks controleren");
    desk.find(By.id("actie-eigenaar")).sendKeys("Veiligheidsregio Utrecht");
    desk.script(
        "document.getElementById('actie-gereedOp').value = arguments[0];",
        java.time.LocalDate.now(java.time.ZoneId.of("Europe/Amsterdam")).plusMonths(1).toString());
    desk.find(By.id("actie-bevinding"))
        .sendKeys("Na de aanslag in de tram was de burgemeester een uur onbereikbaar");
    desk.find(By.id("actie-les"))
        .sendKeys("Een verouderde contactlijst kost bij een aanslag het eerste uur");
    desk.click(By.cssSelector("#actie-stap option[value='AFSTEMMING_LOKAAL_GEZAG']"));
    desk.find(By.id("actie-trefwoorden")).sendKeys("bereikbaarheid, contactlijst");
    desk.click(By.id("actie-delen"));
    desk.click(By.cssSelector("#actie-formulier button[type='submit']"));
    desk.until(d -> d.findElement(By.id("verbeteracties-tabel")).getText().contains("aanslag"));

    // the region compares: the heat map with its own row beside the national median
    desk.open("/uniformiteit?soort=oefening");
    assertThat(desk.present(By.id("warmtekaart"))).isTrue();
    assertThat(desk.accessibilityProblems()).as("/uniformiteit").isEmpty();
    desk.screenshot(SCREENSHOTS, "uniformiteit");

    // another region searches in plain Dutch and finds the shared lesson, highlighted
    Browser amsterdam =
        browser(Browser.DESKTOP).login("regio-amsterdam").world(true).open("/lessen");
    amsterdam.find(By.id("lessen-zoek")).sendKeys("aanslagen");
    amsterdam.click(By.cssSelector("#lessen-filter button[type='submit']"));
    amsterdam.until(d -> d.findElement(By.id("lessen")).getText().contains("contactlijst"));
    assertThat(amsterdam.text(By.cssSelector("#lessen .treffer mark")))
        .isEqualToIgnoringCase("aanslag");
    assertThat(amsterdam.accessibilityProblems()).as("/lessen").isEmpty();
    amsterdam.screenshot(SCREENSHOTS, "lessen");
    amsterdam.open("/uniformiteit?soort=oefening");
    assertThat(amsterdam.findAll(By.cssSelector("#warmtekaart tbody tr"))).hasSize(2);
  }

  @Test
  void utrechtSeesItsImprovementActionInItsInboxTakesItInHandAndClosesItAndTheStepIsCharted()
      throws Exception {
    // Utrecht aligns with the lokaal gezag: one measured step for the comparison of the regions
    String crisisId = api.proposeLevelFiveForUtrecht(true);
    api.policeSharesInformation(crisisId);
    String key =
        api.awaitTask("regio-utrecht", crisisId, "Afstemmen_Lokaal_Gezag").path("taskKey").asText();
    Browser utrecht =
        browser(Browser.PHONE).login("regio-utrecht").world(true).open("/taken/" + key);
    utrecht.click(By.cssSelector("input[name='standpuntGezag'][value='STEUNT']"));
    utrecht.click(By.id("afronden"));
    utrecht.until(d -> d.getCurrentUrl().endsWith("/taken"));

    // the evaluation gives Utrecht an action due in two days
    Browser desk =
        browser(Browser.DESKTOP)
            .login("operator")
            .world(true)
            .open("/crises/" + crisisId + "/evaluatie");
    desk.find(By.id("actie-tekst")).sendKeys("Piketrooster lokaal gezag actualiseren");
    desk.find(By.id("actie-eigenaar")).sendKeys("Veiligheidsregio Utrecht");
    desk.script(
        "document.getElementById('actie-gereedOp').value = arguments[0];",
        java.time.LocalDate.now(java.time.ZoneId.of("Europe/Amsterdam")).plusDays(2).toString());
    desk.click(By.cssSelector("#actie-formulier button[type='submit']"));
    desk.until(
        d -> d.findElement(By.id("verbeteracties-tabel")).getText().contains("Piketrooster"));

    // it is in Utrecht's inbox without a reload; the owner opens it, takes it in hand, closes it
    // (another test may have given Utrecht an action too: pick this one by its text)
    String cardPath = "//*[@id='mijn-verbeteracties']//li[contains(., 'Piketrooster')]";
    By card = By.xpath(cardPath);
    utrecht.until(d -> d.findElement(By.id("takenlijst")).getText().contains("Piketrooster"));
    assertThat(utrecht.text(card)).contains("Veiligheidsregio Utrecht");
    utrecht.screenshot(SCREENSHOTS, "verbeteractie-inbox-telefoon");
    utrecht.click(By.xpath(cardPath + "//a"));
    utrecht.click(By.id("in-uitvoering"));
    assertThat(utrecht.text(By.id("melding"))).contains("in uitvoering");
    utrecht.find(By.id("toelichting")).sendKeys("Rooster bijgewerkt en gedeeld met de meldkamer");
    utrecht.click(By.id("afronden"));
    assertThat(utrecht.text(By.id("stand-afgerond"))).isEqualTo("Afgerond");
    utrecht.open("/taken");
    assertThat(utrecht.text(By.id("takenlijst"))).doesNotContain("Piketrooster");

    // the comparison charts the step: a bar for Utrecht beside the national median, axe-clean
    desk.open("/uniformiteit?soort=oefening");
    assertThat(desk.text(By.cssSelector("figure[data-stap='AFSTEMMING_LOKAAL_GEZAG']")))
        .contains("Utrecht")
        .contains("landelijke mediaan");
    assertThat(desk.accessibilityProblems()).as("/uniformiteit with charts").isEmpty();
    desk.screenshot(SCREENSHOTS, "uniformiteit-grafiek");
  }

  @Test
  void aRegionUserCannotOpenAnotherRegionsTask() throws Exception {
    String key = openAlignmentTaskOfUtrecht();

    Browser amsterdam = browser(Browser.PHONE).login("regio-amsterdam").world(true);
    amsterdam.open("/taken/" + key);
    assertThat(amsterdam.text(By.tagName("h1"))).isEqualTo("Geen toegang");
    assertThat(amsterdam.present(By.id("afronden"))).isFalse();
    assertThat(amsterdam.present(By.cssSelector("[data-element-id='Afstemmen_Lokaal_Gezag']")))
        .isFalse();
  }

  @Test
  void theFormShowsAFieldErrorWhenTheServerRefusesTheInput() throws Exception {
    String key = openAlignmentTaskOfUtrecht();

    Browser utrecht = browser(Browser.PHONE).login("regio-utrecht").world(true);
    utrecht.open("/taken/" + key);
    // the browser would stop an empty required choice itself; bypass it to prove the server checks
    utrecht.script("document.querySelectorAll('form').forEach(f => f.noValidate = true);");
    utrecht.find(By.id("veld-maatregelen")).sendKeys("Extra bewaking");
    utrecht.click(By.id("afronden"));

    assertThat(utrecht.text(By.id("fout-standpuntGezag"))).isNotBlank();
    assertThat(utrecht.find(By.id("veld-maatregelen")).getAttribute("value"))
        .as("what the user typed is kept")
        .isEqualTo("Extra bewaking");
    utrecht.screenshot(SCREENSHOTS, "formulier-fout");
  }

  @Test
  void anExerciseCarriesTheOefeningBannerAndNeverMixesWithRealCrises() throws Exception {
    String exercise = api.proposeLevelFiveForUtrecht(true);

    Browser desk = browser(Browser.DESKTOP).login("operator").world(false).open("/operator");
    assertThat(desk.present(By.id("oefening-banner"))).isFalse();
    assertThat(desk.present(By.cssSelector("[data-crisis='" + exercise + "']"))).isFalse();

    desk.open("/crises/" + exercise);
    assertThat(desk.text(By.id("oefening-banner"))).contains("OEFENING");

    desk.open("/operator").world(true);
    assertThat(desk.text(By.id("oefening-banner"))).contains("OEFENING");
    assertThat(desk.text(By.cssSelector("[data-crisis='" + exercise + "']"))).contains("OEFENING");
  }

  @Test
  void theLoginPageRefusesAWrongPasswordAndNamesNoAccount() {
    Browser b = browser(Browser.PHONE).open("/login");
    b.screenshot(SCREENSHOTS, "login");
    b.find(By.id("username")).sendKeys("operator");
    b.find(By.id("password")).sendKeys("fout");
    b.click(By.cssSelector("button[type=submit]"));
    assertThat(b.text(By.cssSelector("[role=alert]")))
        .isEqualTo("Gebruikersnaam of wachtwoord klopt niet.");
  }

  /** An exercise level-5 proposal for Utrecht, up to region Utrecht's alignment task. */
  private static String openAlignmentTaskOfUtrecht() throws Exception {
    String crisisId = api.proposeLevelFiveForUtrecht(true);
    api.policeSharesInformation(crisisId);
    return api.awaitTask("regio-utrecht", crisisId, "Afstemmen_Lokaal_Gezag")
        .path("taskKey")
        .asText();
  }

  @Test
  void everyPageMeetsTheAccessibilityBasics() throws Exception {
    String crisisId = api.proposeLevelFiveForUtrecht(true);
    api.policeSharesInformation(crisisId);
    String key =
        api.awaitTask("regio-utrecht", crisisId, "Afstemmen_Lokaal_Gezag").path("taskKey").asText();

    Browser b = browser(Browser.DESKTOP).open("/login");
    assertThat(b.accessibilityProblems()).as("/login").isEmpty();
    b.login("operator").world(true);
    for (String page :
        java.util.List.of(
            "/operator",
            "/crises",
            "/crises/" + crisisId,
            "/crises/" + crisisId + "/evaluatie",
            "/dashboard",
            "/taken")) {
      b.open(page);
      assertThat(b.accessibilityProblems()).as(page).isEmpty();
    }
    b.logout().login("regio-utrecht").world(true);
    for (String page : java.util.List.of("/taken", "/taken/" + key, "/taken/999")) {
      b.open(page);
      assertThat(b.accessibilityProblems()).as(page).isEmpty();
    }

    // the check itself sees a field without a label
    b.script(
        "document.querySelector('main').appendChild(document.createElement('input')).id = 'x';");
    assertThat(b.accessibilityProblems()).containsExactly("no label: x");
  }
}
