package nl.knooppunt.standalone.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camunda.client.CamundaClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.knooppunt.directory.DemoContactBook;
import nl.knooppunt.processes.links.AcknowledgementLinks;
import nl.knooppunt.standalone.HubMail;
import nl.knooppunt.standalone.infra.EmbeddedMailServer;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;

/**
 * The stories of the hub as people finish them, each walked through the pages in a real browser
 * (headless Chromium) against the whole hub, every role in their own browser, entering only what a
 * person must and leaving optional fields empty. Nothing here posts to the API behind a page's
 * back: the API is used only to look (HubApi), and once to break a step on purpose.
 */
class StoriesIT extends HubPages {

  /** A person signed in with their demo account, in the chosen world, on a desk or a phone. */
  private Person person(String account, Dimension screen, boolean exercise) {
    Browser b = browser(screen);
    b.login(account).world(exercise);
    return new Person(account, b);
  }

  // ------------------------------------------------------------------------------------------------

  @Test
  void level5ForTheProvinceOfUtrechtIsDeclaredAcknowledgedExtendedLoweredAndClosed()
      throws Exception {
    boolean exercise = true;
    Person operator = person("operator", Browser.DESKTOP, exercise);
    Person politie = person("politie", Browser.DESKTOP, exercise);
    Person om = person("om", Browser.DESKTOP, exercise);
    Person utrecht = person("regio-utrecht", Browser.PHONE, exercise);
    Person nctv = person("nctv", Browser.DESKTOP, exercise);
    Person nctv2 = person("nctv2", Browser.DESKTOP, exercise);
    Person communicatie = person("communicatie", Browser.DESKTOP, exercise);
    Person mayor = person("gezag-utrecht", Browser.PHONE, exercise);
    Person management = person("management", Browser.DESKTOP, exercise);

    // the duty officer proposes level 5 for the province: area and reason, the end as offered
    String crisis = proposesLevelFive(operator, "provincie-PV26", "Aanslag in een tram in Utrecht");

    // police and OM share what they know; the region aligns with its mayors
    sharesInformation(politie, om, crisis, "Informatie_Delen", "Eén dader voortvluchtig");
    utrecht.opensTask(crisis, "Afstemmen_Lokaal_Gezag").chooses("standpuntGezag", "STEUNT");
    utrecht.completes();

    // the NCTV declares: the end time comes filled in from the proposal; the decider moves it to
    // one hour and a minute from now, so the review before the end comes within the story
    nctv.opensTask(crisis, "Besluit_Afkondiging");
    assertThat(nctv.browser().accessibilityProblems()).as("decision page").isEmpty();
    assertThat(nctv.reads(By.id("standpunten"))).contains("Utrecht").contains("Steunt");
    nctv.chooses("uitkomst", "AFKONDIGEN");
    assertThat(nctv.valueOf("eindtijd")).as("filled in from the proposal").isNotBlank();
    nctv.setsTime("eindtijd", OffsetDateTime.now().plusMinutes(61))
        .types("motivering", "Dader voortvluchtig; vervolgaanslag niet uit te sluiten")
        .completes();
    // four eyes: the other decider co-signs; only then is the level registered and told
    coSigns(nctv2, crisis, "Medeondertekenen_Afkondiging", "Dader voortvluchtig");

    // every gezag is told before the public: the mayor reads the notice on her phone and confirms
    String notice = mayor.readsNoticeOf(crisis);
    assertThat(mayor.browser().accessibilityProblems()).as("notice page").isEmpty();
    mayor.browser().screenshot(SCREENSHOTS, "melding");
    mayor.confirmsReceipt();
    assertThat(notice)
        .contains("Burgemeester van Utrecht")
        .contains("provincie Utrecht")
        .contains("Geldig tot")
        .contains("Wat wordt van u verwacht")
        .contains("Maatregelen voor u als gemeente (versie ")
        .contains("24/7")
        .doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}T");

    // the mayor of Amersfoort is not signed in at 3 a.m.: she opens the link in the e-mail the hub
    // sent her, on her phone, and confirms with the one button there
    String link = linkInTheMailTo("houder.bm-gm0307@" + DemoContactBook.DOMAIN, crisis);
    Browser amersfoort = browser(Browser.PHONE);
    amersfoort.open(link.substring(link.indexOf(AcknowledgementLinks.PATH)));
    assertThat(amersfoort.text(By.id("berichttekst"))).contains("provincie Utrecht");
    amersfoort.screenshot(SCREENSHOTS, "bevestigen-via-link");
    amersfoort.click(By.id("ontvangst-bevestigen"));
    assertThat(amersfoort.text(By.tagName("h1"))).startsWith("Bevestigd om");

    // the communication adviser informs the public with its three aims
    publicCommunication(communicatie, crisis, "Communicatie_Afkondiging");

    // management sees the province at level 5; the duty officer sees the mayor's confirmation
    management.seesLevelOnTheMap("VR09", 5);
    operator.goesTo("/crises/" + crisis);
    operator
        .browser()
        .until(
            d -> d.findElement(By.id("erkenning-samenvatting")).getText().startsWith("2 van 34"));
    // the beheerder sees the mail and SMS the hub sent: De Bilt's mail bounced, an SMS went at once
    Person beheerder = person("beheerder", Browser.DESKTOP, exercise);
    beheerder.goesTo("/berichten?crisis=" + crisis);
    beheerder
        .browser()
        .until(d -> d.findElement(By.cssSelector("table.berichten")).getText().contains("Sms"));
    assertThat(beheerder.reads(By.cssSelector("table.berichten")))
        .contains("onbestelbaar")
        .contains("afgeleverd")
        .contains("E-mail");
    beheerder.browser().screenshot(SCREENSHOTS, "berichten");
    // and the mayor's contact chain in the register: nobody entered one yet, so the demo chain
    beheerder.goesTo("/contacten/autoriteit/BM-GM0307");
    assertThat(beheerder.reads(By.tagName("main"))).contains("Amersfoort").contains("demo");
    beheerder.browser().screenshot(SCREENSHOTS, "contacten");
    // no mayor added a local message: the public communication went out after their short SLA
    operator
        .browser()
        .until(
            d ->
                !d.findElements(By.id("publiekscommunicatie")).isEmpty()
                    && d.findElement(By.id("publiekscommunicatie"))
                        .getText()
                        .contains("Het dreigingsniveau is gewijzigd"));
    assertThat(operator.reads(By.id("fase"))).isEqualTo("Niveau 5 van kracht");

    // two hours before the end (at once here), the same care as before declaring: fresh
    // information from the police and the region aligned with its mayors, then the NCTV extends
    sharesInformation(politie, om, crisis, "Informatie_Herbeoordeling", "Nog steeds voortvluchtig");
    utrecht
        .opensTask(crisis, "Afstemmen_Lokaal_Gezag_Herbeoordeling")
        .chooses("standpuntGezag", "STEUNT");
    utrecht.completes();
    nctv.opensTask(crisis, "Herbeoordelen")
        .chooses("uitkomst", "VERLENGEN")
        .setsTime("nieuweEindtijd", OffsetDateTime.now().plusHours(24))
        .types("motivering", "De dreiging houdt aan")
        .completes();
    coSigns(nctv2, crisis, "Medeondertekenen_Verlenging", "De dreiging houdt aan");
    operator.seesPhase(crisis, "Niveau 5 verlengd");
    // the extension, too, is told to the public with its three aims once every notice is out
    publicCommunication(communicatie, crisis, "Communicatie_Verlenging");

    // the region's officer follows it on a phone: the crisis page fits the screen
    utrecht.goesTo("/crises/" + crisis);
    assertThat(utrecht.browser().scrollsSideways()).as("crisis page at 390 px").isFalse();
    assertThat(utrecht.browser().accessibilityProblems()).as("crisis page").isEmpty();
    utrecht.goesTo("/taken");
    assertThat(utrecht.browser().scrollsSideways()).as("inbox at 390 px").isFalse();

    // the dader is caught: the duty officer proposes lowering on the crisis page; before the
    // decision the police share what they know and the region aligns with its mayors again
    operator
        .actsOnCrisis(crisis, "VERLAGING", "De dader is aangehouden")
        .seesPhase(crisis, "Afschaling in behandeling");
    sharesInformation(
        politie, om, crisis, "Informatie_Afschaling", "Dader aangehouden, geen handlangers");
    utrecht
        .opensTask(crisis, "Afstemmen_Lokaal_Gezag_Afschaling")
        .chooses("standpuntGezag", "STEUNT");
    utrecht.completes();

    // a second decider (the proposer may not decide) lowers to the national level, filled in
    nctv2.opensTask(crisis, "Besluit_Afschaling");
    assertThat(nctv2.reads(By.cssSelector(".waarover"))).contains("De dader is aangehouden");
    nctv2.chooses("uitkomst", "AFSCHALEN");
    assertThat(nctv2.valueOf("nieuwNiveau")).isEqualTo("3");
    nctv2.types("motivering", "Geen aanwijzingen meer voor een vervolgaanslag").completes();
    coSigns(nctv, crisis, "Medeondertekenen_Afschaling", "Geen aanwijzingen meer");
    publicCommunication(communicatie, crisis, "Communicatie_Afschaling");

    // the evaluation closes the crisis; the map follows the level
    operator
        .opensTask(crisis, "Evalueren")
        .types("watGingGoed", "Besluit binnen een uur; burgemeesters vóór het publiek geïnformeerd")
        .types("verbeterpunten", "Afstemming met de regio's eerder starten")
        .answers("delenMetRegios", true)
        .completes();
    operator.seesPhase(crisis, "Afgesloten");
    management.seesLevelOnTheMap("VR09", 3);

    // the loop closes: an improvement action with its owner and due date stays open until done;
    // the evaluation is shared with the region involved, which can read it from then on
    operator.addsImprovementAction(
        crisis,
        "Afstemming met de regio's starten bij het voorstel",
        "NCC en Veiligheidsregio Utrecht",
        java.time.LocalDate.now().plusMonths(2));
    assertThat(operator.reads(By.id("verbeteracties")))
        .contains("Afstemming met de regio's starten bij het voorstel")
        .contains("Open");
    operator.sharesEvaluation(crisis);
    assertThat(operator.reads(By.id("gedeeld"))).contains("VR09");
    utrecht.goesTo("/crises/" + crisis + "/evaluatie");
    assertThat(utrecht.reads(By.tagName("h1"))).contains("Evaluatierapport");
  }

  @Test
  void aManhuntStartedFromThePageReachesEveryoneAndItsArrestLowersTheLinkedLevel5()
      throws Exception {
    boolean exercise = false;
    Person operator = person("operator", Browser.DESKTOP, exercise);
    Person om = person("om", Browser.DESKTOP, exercise);
    Person utrecht = person("regio-utrecht", Browser.PHONE, exercise);
    Person nctv = person("nctv", Browser.DESKTOP, exercise);
    Person nctv2 = person("nctv2", Browser.DESKTOP, exercise);
    Person dg = person("dg", Browser.DESKTOP, exercise);
    Person politie = person("politie", Browser.DESKTOP, exercise);
    Person communicatie = person("communicatie", Browser.DESKTOP, exercise);
    Person mayor = person("gezag-utrecht", Browser.PHONE, exercise);

    // the duty officer starts the manhunt: the municipality, the place, a possible terrorist motive
    operator.goesTo("/operator");
    new org.openqa.selenium.support.ui.Select(operator.browser().find(By.id("veld-mhGemeente")))
        .selectByVisibleText("Utrecht");
    operator.browser().find(By.id("veld-mhPlaats")).sendKeys("24 Oktoberplein, in de tram");
    operator.browser().click(By.cssSelector("input[name='mhTerroristisch']"));
    operator.browser().click(By.id("manhunt-starten"));
    String manhunt = operator.browser().until(d -> crisisIdIn(d.getCurrentUrl()));
    operator.browser().screenshot(SCREENSHOTS, "manhunt");

    // the region is advised GRIP 3 at once and confirms it (at the advice: no explanation needed);
    // the OvJ confirms the lead and decides on the opsporingsbericht, the mayor on NL-Alert and
    // Burgernet
    utrecht.opensTask(manhunt, "Opschaling_Bevestigen").chooses("gripNiveau", "GRIP_3");
    assertThat(utrecht.valueOf("opgeschaaldOp")).as("now, filled in").isNotBlank();
    utrecht.completes();
    om.opensTask(manhunt, "Leiding_Bevestigen")
        .answers("leidingBevestigd", true)
        .answers("opsporingsberichtMetFotoNaam", false)
        .completes();
    mayor
        .opensTask(manhunt, "Alarmering_Besluiten")
        .answers("nlAlert", false)
        .answers("burgernet", true)
        .completes();

    // the neighbours, police units, KMar and OM were alerted: the notices are on the crisis page
    assertThat(api.notifications(manhunt))
        .extracting(n -> n.path("kind").asText())
        .contains("MANHUNT");

    // with a possible terrorist motive the NCTV considers level 5 and proposes it (area left empty:
    // the province of the attack)
    nctv.opensTask(manhunt, "Niveau5_Overwegen")
        .answers("voorstellen", true)
        .types("reden", "Mogelijk terroristisch motief; dader voortvluchtig")
        .completes();
    String level5 = manhunt + "-DN5";
    sharesInformation(politie, om, level5, "Informatie_Delen", "Dader voortvluchtig, vuurwapen");
    utrecht.opensTask(level5, "Afstemmen_Lokaal_Gezag").chooses("standpuntGezag", "STEUNT");
    utrecht.completes();
    nctv2.opensTask(level5, "Besluit_Afkondiging").chooses("uitkomst", "AFKONDIGEN");
    assertThat(nctv2.valueOf("eindtijd")).as("the proposed end, filled in").isNotBlank();
    nctv2.types("motivering", "Dader voortvluchtig").completes();
    // the NCTV's decider proposed it from the manhunt, the other decided: the head of the NCTV
    // co-signs (the proposer may not)
    coSigns(dg, level5, "Medeondertekenen_Afkondiging", "Dader voortvluchtig");
    publicCommunication(communicatie, level5, "Communicatie_Afkondiging");
    operator.seesPhase(level5, "Niveau 5 van kracht");

    // the police report the arrest on the manhunt's page: stand-down, and the linked level 5 gets
    // its lowering proposal at once
    politie.actsOnCrisis(manhunt, "AANHOUDING", "Dader aangehouden in Utrecht-Oost");
    assertThat(politie.reads(By.cssSelector(".melding.goed"))).contains("doorgegeven");
    sharesInformation(politie, om, level5, "Informatie_Afschaling", "Dader aangehouden");
    utrecht
        .opensTask(level5, "Afstemmen_Lokaal_Gezag_Afschaling")
        .chooses("standpuntGezag", "STEUNT");
    utrecht.completes();
    nctv.opensTask(level5, "Besluit_Afschaling")
        .chooses("uitkomst", "AFSCHALEN")
        .types("motivering", "Dader aangehouden")
        .completes();
    coSigns(nctv2, level5, "Medeondertekenen_Afschaling", "Dader aangehouden");
    publicCommunication(communicatie, level5, "Communicatie_Afschaling");
    operator.seesPhase(level5, "Evaluatie");
    operator.goesTo("/crises/" + manhunt);
    assertThat(operator.reads(By.id("fase"))).isEqualTo("Dader(s) aangehouden");
  }

  @Test
  void aRegionRequestsBijstandOnItsPageAndItIsGrantedDeployedPaidAndClosed() throws Exception {
    boolean exercise = false;
    Person utrecht = person("regio-utrecht", Browser.PHONE, exercise);
    Person amsterdam = person("regio-amsterdam", Browser.PHONE, exercise);
    Person locc = person("locc", Browser.DESKTOP, exercise);
    Person head = person("hoofd-locc", Browser.DESKTOP, exercise);

    // region Utrecht asks for two fire units, on its own start page
    utrecht.goesTo("/operator");
    assertThat(utrecht.reads(By.tagName("h1"))).isEqualTo("Bijstand aanvragen");
    assertThat(utrecht.browser().scrollsSideways()).as("start page at 390 px").isFalse();
    utrecht.browser().find(By.id("veld-bsAantal")).clear();
    utrecht.browser().find(By.id("veld-bsAantal")).sendKeys("2");
    utrecht.browser().find(By.id("veld-bsLocatie")).sendKeys("Utrecht Centraal");
    utrecht.browser().click(By.id("bijstand-aanvragen"));
    String request = utrecht.browser().until(d -> crisisIdIn(d.getCurrentUrl()));

    locc.opensTask(request, "Aanvraag_Beoordelen")
        .chooses("uitkomst", "ACCEPTEREN")
        .types("motivering", "Grondslag en omvang kloppen")
        .completes();
    // the offer says what comes and how long it lasts on its own
    amsterdam
        .opensTask(request, "Bijstand_Aanbieden")
        .answers("aangeboden", true)
        .types("aantal", "2")
        .types("uitrusting", "Twee tankautospuiten")
        .chooses("beschermingsniveau", "STANDAARD")
        .types("zelfvoorzienendUren", "8");
    amsterdam.completes();

    // the allocation comes filled in with the hub's proposal; the head of LOCC sees it
    locc.opensTask(request, "Toewijzing_Opstellen");
    assertThat(locc.reads(By.id("aanbiedingen")))
        .contains("Amsterdam-Amstelland", "Twee tankautospuiten", "Standaard persoonlijke");
    assertThat(locc.valueOf("regels-0-vrCode")).isEqualTo("VR13");
    assertThat(locc.valueOf("regels-0-aantal")).isEqualTo("2");
    locc.completes();
    head.opensTask(request, "Besluit_Bijstand");
    assertThat(head.reads(By.id("toewijzing"))).contains("Amsterdam-Amstelland");
    head.chooses("uitkomst", "TOEGEKEND").types("motivering", "Namens de minister").completes();

    // both regions read and confirm the grant on their phones; the deployment runs meanwhile
    assertThat(utrecht.acknowledgesNoticeOf(request)).contains("Bijstand toegekend");
    assertThat(amsterdam.acknowledgesNoticeOf(request)).contains("Bijstand toegekend");
    utrecht.seesPhase(request, "Inzet loopt");

    // the region ends the deployment; the LOCC registers the costs (the total is added up) and
    // evaluates
    utrecht.actsOnCrisis(request, "EINDE_INZET", "Brand onder controle");
    locc.opensTask(request, "Kosten_Opgeven")
        .types("regels-0-vrCode", "VR13")
        .types("regels-0-bedrag", "1200.50")
        .types("regels-0-omschrijving", "Twee tankautospuiten, zes uur")
        .completes();
    locc.opensTask(request, "Evalueren")
        .types("watGingGoed", "Aanbod binnen twintig minuten")
        .types("verbeterpunten", "Kosten eerder ramen")
        .answers("delenMetRegios", true)
        .completes();
    locc.seesPhase(request, "Afgesloten");

    // the evaluation counts what was done: the offers no longer needed were cancelled, not done
    // within the norm
    locc.goesTo("/crises/" + request + "/evaluatie");
    assertThat(locc.reads(By.tagName("main"))).contains("Vervallen");
    assertThat(
            api.send("locc", "GET", "/api/v1/crises/" + request + "/evaluation", null, 200)
                .path("steps"))
        .filteredOn(s -> "CANCELED".equals(s.path("state").asText()))
        .isNotEmpty()
        .allSatisfy(s -> assertThat(s.has("withinSla")).isFalse());
  }

  @Test
  void aStepThatFailsForGoodShowsInRedOnTheCrisisPageTheBoardAndTheBeheerder() throws Exception {
    boolean exercise = false;
    Person operator = person("operator", Browser.DESKTOP, exercise);
    Person politie = person("politie", Browser.DESKTOP, exercise);
    Person om = person("om", Browser.DESKTOP, exercise);
    Person amsterdam = person("regio-amsterdam", Browser.PHONE, exercise);
    Person nctv = person("nctv", Browser.DESKTOP, exercise);
    Person nctv2 = person("nctv2", Browser.DESKTOP, exercise);
    Person beheerder = person("beheerder", Browser.DESKTOP, exercise);

    String crisis = proposesLevelFive(operator, "regio-VR13", "Dreiging tegen Amsterdam Centraal");
    sharesInformation(politie, om, crisis, "Informatie_Delen", "Concrete dreiging");
    amsterdam.opensTask(crisis, "Afstemmen_Lokaal_Gezag").chooses("standpuntGezag", "STEUNT");
    amsterdam.completes();

    // the area of the running instance is damaged (as a faulty integration would): the worker
    // that registers the level cannot read it, retries, and gives up
    long instance =
        hub.gateway()
            .getBean(nl.knooppunt.gateway.readmodel.Queries.class)
            .crisis(crisis)
            .orElseThrow()
            .processInstanceKey();
    hub.workers()
        .getBean(CamundaClient.class)
        .newSetVariablesCommand(instance)
        .variables(Map.of("gebied", Map.of("soort", "ONBEKEND", "codes", List.of(), "naam", "?")))
        .send()
        .join();
    nctv.opensTask(crisis, "Besluit_Afkondiging")
        .chooses("uitkomst", "AFKONDIGEN")
        .types("motivering", "Concrete dreiging")
        .completes();
    coSigns(nctv2, crisis, "Medeondertekenen_Afkondiging", "Concrete dreiging");

    // nobody is left guessing: the crisis page says in red where it stands still and why
    operator.goesTo("/crises/" + crisis);
    String banner = operator.browser().until(d -> d.findElement(By.id("stilstand")).getText());
    assertThat(banner).contains("Proces staat stil").contains("Dreigingsniveau 5 registreren");
    assertThat(operator.browser().accessibilityProblems()).as("crisis page, stuck").isEmpty();
    operator.browser().screenshot(SCREENSHOTS, "proces-staat-stil");
    operator.goesTo("/operator");
    assertThat(operator.reads(By.cssSelector("[data-crisis='" + crisis + "']")))
        .contains("Proces staat stil");
    beheerder.goesTo("/taken");
    assertThat(beheerder.reads(By.id("stilstand"))).contains("Dreigingsniveau 5 registreren");

    // the beheerder repairs it on the beheer page: the step, the error, the crisis, the age; the
    // area cannot be read, so trying again would not help: she cancels the instance with a reason
    beheerder.goesTo("/beheer");
    By incident = By.cssSelector("[data-crisis='" + crisis + "'].incident");
    String stuck = beheerder.reads(incident);
    assertThat(stuck).contains("Dreigingsniveau 5 registreren").contains("Staat stil sinds");
    assertThat(beheerder.reads(By.id("lopend"))).contains("dreigingsniveau-5");
    assertThat(beheerder.browser().accessibilityProblems()).as("beheer page").isEmpty();
    beheerder.browser().screenshot(SCREENSHOTS, "beheer");
    String key = beheerder.browser().find(incident).getAttribute("data-incident");
    beheerder.browser().click(By.id("annuleer-open-" + key));
    beheerder.browser().click(By.id("annuleren-" + key));
    assertThat(beheerder.reads(By.id("fout-reden-" + key))).contains("Geef een reden");
    beheerder
        .browser()
        .find(By.id("reden-" + key))
        .sendKeys("Gebied beschadigd, crisis wordt opnieuw gestart");
    beheerder.browser().click(By.id("annuleren-" + key));
    assertThat(beheerder.reads(By.id("melding"))).contains("is geannuleerd");
    assertThat(beheerder.sees(incident)).isFalse();
    await()
        .atMost(Duration.ofMinutes(1))
        .untilAsserted(
            () ->
                assertThat(
                        api.send(
                                "operator",
                                "GET",
                                "/api/v1/crises/" + crisis + "/timeline",
                                null,
                                200)
                            .toString())
                    .contains("Gebied beschadigd, crisis wordt opnieuw gestart"));
  }

  // --- steps that recur in the stories

  /**
   * A second NCTV decider reads the decision ({@code motivation} among what it is about) and
   * co-signs it (four eyes).
   */
  /** The personal link in the hub's e-mail of this crisis to this address (embedded SMTP). */
  private static String linkInTheMailTo(String address, String crisis) {
    EmbeddedMailServer mail = hub.infrastructure().getBean(EmbeddedMailServer.class);
    Pattern linkPattern = Pattern.compile("https?://\\S+" + AcknowledgementLinks.PATH + "\\S+");
    return await()
        .atMost(Duration.ofMinutes(1))
        .until(
            () ->
                mail.received().stream()
                    .filter(m -> HubMail.addressedTo(m, address))
                    .map(HubMail::body)
                    .map(linkPattern::matcher)
                    .filter(Matcher::find)
                    .map(Matcher::group)
                    .filter(l -> forCrisis(l, crisis))
                    .findFirst(),
            Optional::isPresent)
        .orElseThrow();
  }

  /** Whether a link is for a notice of this crisis (the token starts with the notice's id). */
  private static boolean forCrisis(String link, String crisis) {
    String token = link.substring(link.indexOf(AcknowledgementLinks.PATH) + 12);
    String payload = token.substring(0, Math.max(0, token.indexOf('.')));
    return new String(java.util.Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8)
        .startsWith(crisis + "/");
  }

  private static void coSigns(Person decider, String crisis, String task, String motivation) {
    decider.opensTask(crisis, task);
    assertThat(decider.reads(By.cssSelector(".waarover"))).contains(motivation);
    decider.chooses("goedkeuring", "GOEDGEKEURD").completes();
  }

  /** The duty officer proposes level 5 for one area (checkbox id) with a reason; returns the id. */
  private static String proposesLevelFive(Person operator, String area, String reason) {
    operator.goesTo("/operator");
    Browser b = operator.browser();
    if (area.startsWith("regio-")) {
      b.click(By.id("soort-VEILIGHEIDSREGIO"));
    }
    b.click(By.id(area));
    b.find(By.id("veld-reden")).sendKeys(reason);
    b.click(By.id("voorstel-indienen"));
    return b.until(d -> crisisIdIn(d.getCurrentUrl()));
  }

  /**
   * Police and OM each share what they know in their own task (before deciding, extending or
   * lowering): the decision waits for both.
   */
  private static void sharesInformation(
      Person politie, Person om, String crisis, String step, String what) {
    politie
        .opensTask(crisis, step)
        .types("samenvatting", what)
        .chooses("dreigingsinschatting", "VERVOLGDREIGING_MOGELIJK")
        .chooses("vertrouwelijkheid", "OPENBAAR")
        .completes();
    om.opensTask(crisis, step)
        .types(
            "samenvatting", "OvJ leidt het onderzoek; " + what.toLowerCase(java.util.Locale.ROOT))
        .chooses("dreigingsinschatting", "VERVOLGDREIGING_MOGELIJK")
        .chooses("vertrouwelijkheid", "DEPARTEMENTAAL_VERTROUWELIJK")
        .completes();
  }

  /** The communication adviser writes the public communication with its three aims. */
  private static void publicCommunication(Person adviser, String crisis, String step) {
    adviser
        .opensTask(crisis, step)
        .types("informeren", "Het dreigingsniveau is gewijzigd")
        .types("handelingsperspectief", "Volg de aanwijzingen van de gemeente")
        .types("duiding", "De politie zoekt naar de dader")
        .chooses("kanalen", "PERSBERICHT")
        .completes();
  }
}
