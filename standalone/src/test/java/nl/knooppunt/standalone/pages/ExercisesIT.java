package nl.knooppunt.standalone.pages;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import nl.knooppunt.standalone.HubMail;
import nl.knooppunt.standalone.infra.EmbeddedMailServer;
import nl.knooppunt.standalone.infra.SmsGatewayStandIn;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Exercises (#15) in the exercise environment: a hub of its own started with {@code
 * --knooppunt.oefenomgeving=true}, so the engine's clock control is on and a run can be
 * accelerated. The exercise director plays the Utrecht scenario fully simulated in accelerated
 * time, and again with region Utrecht playing live in its own inbox.
 */
@HubArgs("--knooppunt.oefenomgeving=true")
class ExercisesIT extends HubPages {

  private static By step(String element, String verdict) {
    return By.cssSelector(
        "#stappen tr[data-stap='" + element + "'][data-oordeel='" + verdict + "']");
  }

  private static By step(String element, String by, String verdict) {
    return By.cssSelector(
        "#stappen tr[data-stap='"
            + element
            + "'][data-door='"
            + by
            + "'][data-oordeel='"
            + verdict
            + "']");
  }

  /**
   * Nothing of the run reached the real world: its crises are exercises, every notice of them says
   * so, and the real threat levels are as they were before.
   */
  private void nothingLeftTheExerciseWorld(Browser report, JsonNode realLevelsBefore)
      throws Exception {
    String crises =
        report.text(
            By.xpath("//dt[normalize-space()='Crises van de oefening']/following-sibling::dd[1]"));
    assertThat(crises).isNotEqualTo("geen");
    for (String crisisId : crises.split(",\\s*")) {
      assertThat(
              api.send("management", "GET", "/api/v1/crises/" + crisisId, null, 200)
                  .path("crisis")
                  .path("exercise")
                  .asBoolean())
          .isTrue();
      assertThat(api.notifications(crisisId))
          .allSatisfy(n -> assertThat(n.path("exercise").asBoolean()).isTrue());
    }
    assertThat(api.send("management", "GET", "/api/v1/threat-levels?exercise=false", null, 200))
        .isEqualTo(realLevelsBefore);
    // and no notice of a scenario went to anybody's e-mail or phone: this hub plays only scenarios
    assertThat(hub.infrastructure().getBean(EmbeddedMailServer.class).received())
        .noneMatch(m -> HubMail.subject(m).startsWith("OEFENING"));
    assertThat(hub.infrastructure().getBean(SmsGatewayStandIn.class).received())
        .noneMatch(m -> m.text().startsWith("[OEFENING]"));
  }

  /** Starts a scenario fully simulated and accelerated, waits for its end and opens the report. */
  private Browser playAcceleratedToTheReport(String scenarioId) {
    Browser director = browser(Browser.DESKTOP).login("oefenleider").open("/oefeningen");
    director.click(By.id(scenarioId + "-versneld"));
    director.click(By.id("start-" + scenarioId));
    director.until(d -> d.getCurrentUrl().matches(".*/oefeningen/OEF-[0-9A-F]+$"));
    director.until(d -> d.findElement(By.id("stand")).getText().contains("beeindigd"));
    director.click(By.id("naar-rapport"));
    return director;
  }

  @Test
  void aNationalLevelFiveWithThreeSilentRegionsShowsThemMissedAndTheHubsCallToThem()
      throws Exception {
    JsonNode realLevelsBefore =
        api.send("management", "GET", "/api/v1/threat-levels?exercise=false", null, 200);
    Browser director = playAcceleratedToTheReport("landelijk-niveau5-stille-regios");

    director.find(step("Afstemmen_Lokaal_Gezag", "regio-VR09", "OP_TIJD"));
    director.find(step("Afstemmen_Lokaal_Gezag", "regio-VR13", "OP_TIJD"));
    for (String silent : new String[] {"regio-VR01", "regio-VR16", "regio-VR21"}) {
      director.find(step("Afstemmen_Lokaal_Gezag", silent, "GEMIST"));
      assertThat(director.text(By.id("per-deelnemer"))).contains(silent + ": 1 gemist");
    }
    // the hub's escalation: after its norm timers found the silence, the operator called
    director.find(step("Regio_Bellen", "landelijk-operator", "OP_TIJD"));
    assertThat(director.text(By.id("tijdlijn")))
        .contains("regio Groningen heeft niet gereageerd")
        .doesNotContain("mislukt", "geweigerd");
    nothingLeftTheExerciseWorld(director, realLevelsBefore);
  }

  @Test
  void aBijstandRequestWithTooFewOffersEndsInTheHeadOfLoccsEscalationOnAnA4Report()
      throws Exception {
    JsonNode realLevelsBefore =
        api.send("management", "GET", "/api/v1/threat-levels?exercise=false", null, 200);
    Browser director = playAcceleratedToTheReport("bijstand-te-weinig-aanbod");

    director.find(step("Aanvraag_Beoordelen", "locc-officier", "OP_TIJD"));
    director.find(step("Bijstand_Aanbieden", "regio-VR13", "OP_TIJD"));
    // 6 of 40 offered, the other regions silent: the too-few-offers escalation came up and was
    // decided within its norm
    director.find(step("Escalatie_Aanbod", "hoofd-locc", "OP_TIJD"));
    assertThat(director.text(By.id("tijdlijn")))
        .contains("taak Escalatie_Aanbod afgerond")
        .doesNotContain("mislukt", "geweigerd");
    nothingLeftTheExerciseWorld(director, realLevelsBefore);

    // the director enters the lessons; the report, compared with the earlier runs, prints on A4
    director
        .find(By.id("lessen-invoer"))
        .sendKeys("Bij onvoldoende aanbod direct landelijk uitvragen.");
    director.click(By.cssSelector("form[action$='/lessen'] button"));
    assertThat(director.text(By.id("lessen"))).contains("direct landelijk uitvragen");
    assertThat(director.text(By.id("vergelijking"))).contains("3 van 3 stappen op tijd (deze)");
    director.printedOnA4();
    assertThat(director.find(By.id("lessen-invoer")).isDisplayed()).isFalse();
    assertThat(director.findAll(By.cssSelector(".menu, .knop")))
        .noneMatch(org.openqa.selenium.WebElement::isDisplayed);
    assertThat(director.scrollsSideways()).as("the report is wider than an A4 sheet").isFalse();
  }

  @Test
  void theUtrechtScenarioRunsFullySimulatedInAcceleratedTimeAndTheReportShowsTheLateRegion()
      throws Exception {
    JsonNode realLevelsBefore =
        api.send("management", "GET", "/api/v1/threat-levels?exercise=false", null, 200);

    Browser director = browser(Browser.DESKTOP).login("oefenleider").open("/oefeningen");
    director.click(By.id("utrecht-tramaanslag-2019-versneld"));
    director.click(By.id("start-utrecht-tramaanslag-2019"));
    director.until(d -> d.getCurrentUrl().matches(".*/oefeningen/OEF-[0-9A-F]+$"));

    // eight hours of 18 March 2019 in seconds: the run ends itself after the arrest
    director.until(d -> d.findElement(By.id("stand")).getText().contains("beeindigd"));
    director.click(By.id("naar-rapport"));
    director.find(step("Opschaling_Bevestigen", "TE_LAAT"));
    director.find(step("Leiding_Bevestigen", "OP_TIJD"));
    assertThat(director.findAll(By.cssSelector("#stappen tbody tr"))).hasSize(4);
    assertThat(director.text(By.id("per-deelnemer"))).contains("regio-VR09: 1 te laat");
    assertThat(director.text(By.id("tijdlijn"))).contains("aangehouden");

    nothingLeftTheExerciseWorld(director, realLevelsBefore);
  }

  @Test
  void theDirectorStartsUtrechtWithTheRegionLiveTheCardReachesItsInboxAndTheReportShowsItsStep() {
    Browser region = browser(Browser.PHONE).login("regio-utrecht").world(true).open("/taken");
    String untouched = region.markPage();

    Browser director = browser(Browser.DESKTOP).login("oefenleider").open("/oefeningen");
    director.screenshot(SCREENSHOTS, "oefeningen");
    director.click(By.cssSelector("#scenario-utrecht-tramaanslag-2019 input[value='regio-VR09']"));
    director.click(By.id("start-utrecht-tramaanslag-2019"));
    director.until(d -> d.getCurrentUrl().matches(".*/oefeningen/OEF-[0-9A-F]+$"));

    // the director's manual inject reaches the region's inbox without a reload, marked OEFENING
    director.find(By.id("tekst")).sendKeys("De burgemeester belt: is GRIP 3 al afgekondigd?");
    new org.openqa.selenium.support.ui.Select(director.find(By.id("deelnemer")))
        .selectByValue("regio-VR09");
    director.click(By.cssSelector("#handmatige-inject button[type=submit]"));
    assertThat(region.text(By.cssSelector("#oefenkaarten .oefenkaart")))
        .contains("De burgemeester belt", "OEFENING");
    assertThat(region.stillMarked(untouched)).as("the inbox was not reloaded").isTrue();
    region.screenshot(SCREENSHOTS, "oefening-inject-telefoon");

    // the region confirms GRIP 3 on the simulated police's manhunt, in its own inbox
    region.click(By.cssSelector("[data-element-id='Opschaling_Bevestigen'] a"));
    new org.openqa.selenium.support.ui.Select(region.find(By.name("gripNiveau")))
        .selectByValue("GRIP_3");
    region.click(By.id("afronden"));
    region.until(d -> d.getCurrentUrl().endsWith("/taken"));

    // the live view and then the report show the region's step against its norm
    director.find(step("Opschaling_Bevestigen", "OP_TIJD"));
    director.screenshot(SCREENSHOTS, "oefening-live");
    director.click(By.id("beeindigen"));
    director.until(d -> d.getCurrentUrl().endsWith("/rapport"));
    assertThat(director.text(step("Opschaling_Bevestigen", "OP_TIJD")))
        .contains("regio-VR09 (live)");
    director.find(By.id("lessen-invoer")).sendKeys("De regio schaalde direct op naar GRIP 3.");
    director.click(By.cssSelector("form[action$='/lessen'] button"));
    assertThat(director.text(By.id("lessen"))).contains("direct op naar GRIP 3");
    director.screenshot(SCREENSHOTS, "oefening-rapport");
  }
}
