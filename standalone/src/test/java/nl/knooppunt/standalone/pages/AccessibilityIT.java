package nl.knooppunt.standalone.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The hub for people who do not use a mouse or do not see the screen (WCAG 2.2 AA). Every page a
 * browser opens in these tests (and in the other browser tests) is audited by axe-core and, on a
 * phone, for sideways scrolling; {@link HubPages} fails the test on any finding. Here: a whole
 * level-5 story done with the keyboard only, with live updates arriving while the focus is in the
 * part of the page they replace; and a tour of every page each role reaches, in both worlds, on a
 * phone.
 */
class AccessibilityIT extends HubPages {

  @Test
  void level5IsProposedDecidedAndAcknowledgedWithTheKeyboardOnlyWhileThePageUpdates()
      throws Exception {
    // the duty officer signs in, switches to the exercise world and opens the start page: keys only
    Browser operator = keyboardLogin("operator", Browser.DESKTOP);
    operator.tabTo(By.cssSelector(".wereld button[value='true']")).press(Keys.ENTER);
    operator.until(d -> !d.findElements(By.id("oefening-banner")).isEmpty());
    operator.tabTo(By.cssSelector(".menu a[href='/operator']")).press(Keys.ENTER);
    operator.until(d -> d.getCurrentUrl().endsWith("/operator"));
    operator.audit();

    // the proposal: the reason first, then back (Shift+Tab) to tick the province, then submit
    operator.tabTo(By.id("veld-reden")).press("Aanslag in een tram in Utrecht");
    operator.shiftTabTo(By.id("provincie-PV26")).press(Keys.SPACE);
    assertThat(operator.find(By.id("provincie-PV26")).isSelected()).isTrue();
    operator.tabTo(By.id("voorstel-indienen")).press(Keys.ENTER);
    String crisis = operator.until(d -> crisisIdIn(d.getCurrentUrl()));
    operator.audit();

    // on the crisis page the officer opens the map as a table and rests the focus on it
    operator.tabTo(By.cssSelector("#kaart-tabel > summary")).press(Keys.ENTER);
    By mapTable = By.cssSelector("#kaart-tabel .tabel-scroll");
    operator.tabTo(mapTable);
    String focused = operator.describeFocus();

    // the police share what they know — keys only — and the crisis page updates meanwhile: the
    // officer's focus stays on the map table and the page says what is new
    Browser politie = keyboardLogin("politie", Browser.DESKTOP);
    exerciseWorld(politie);
    keyboardOpensTask(politie, crisis, "Informatie_Delen");
    politie.tabTo(By.id("veld-samenvatting")).press("Eén dader voortvluchtig");
    keyboardChooses(politie, "dreigingsinschatting", "VERVOLGDREIGING_MOGELIJK");
    keyboardChooses(politie, "vertrouwelijkheid", "OPENBAAR");
    keyboardCompletes(politie);

    String told = operator.until(d -> blankToNull(operator.announced()));
    assertThat(told).contains("Nieuwe taak");
    assertThat(operator.describeFocus()).as("focus after a live update").isEqualTo(focused);
    assertThat(operator.find(mapTable).isDisplayed()).as("the map table stays open").isTrue();
    // the OM shares its own information (through the API: not the subject of this test); one
    // more live update, after the checks above so they do not race it
    api.omSharesInformation(crisis);

    // the region aligns with its mayors on a phone
    Browser utrecht = keyboardLogin("regio-utrecht", Browser.PHONE);
    exerciseWorld(utrecht);
    keyboardOpensTask(utrecht, crisis, "Afstemmen_Lokaal_Gezag");
    keyboardChooses(utrecht, "standpuntGezag", "STEUNT");
    keyboardCompletes(utrecht);

    // the NCTV submits too early: the error summary gets the focus and leads to the field
    Browser nctv = keyboardLogin("nctv", Browser.DESKTOP);
    exerciseWorld(nctv);
    keyboardOpensTask(nctv, crisis, "Besluit_Afkondiging");
    nctv.tabTo(By.id("afronden")).press(Keys.ENTER);
    nctv.until(d -> nctv.describeFocus().equals("div#foutsamenvatting"));
    nctv.audit();
    nctv.tabTo(By.cssSelector("#foutsamenvatting a[href='#veld-uitkomst']")).press(Keys.ENTER);
    assertThat(nctv.describeFocus()).startsWith("input#veld-uitkomst-");
    keyboardChooses(nctv, "uitkomst", "AFKONDIGEN");
    nctv.tabTo(By.id("veld-motivering")).press("Dader voortvluchtig");
    keyboardCompletes(nctv);

    // four eyes: the other decider co-signs with the keyboard
    Browser nctv2 = keyboardLogin("nctv2", Browser.DESKTOP);
    exerciseWorld(nctv2);
    keyboardOpensTask(nctv2, crisis, "Medeondertekenen_Afkondiging");
    nctv2.audit();
    keyboardChooses(nctv2, "goedkeuring", "GOEDGEKEURD");
    keyboardCompletes(nctv2);

    // the mayor reads the notice on her phone and confirms receipt
    Browser mayor = keyboardLogin("gezag-utrecht", Browser.PHONE);
    exerciseWorld(mayor);
    mayor.tabTo(By.cssSelector(".menu a[href='/taken']")).press(Keys.ENTER);
    mayor.until(d -> d.getCurrentUrl().endsWith("/taken"));
    mayor.tabTo(By.cssSelector(".melding-item[data-crisis='" + crisis + "'] a")).press(Keys.ENTER);
    mayor.until(d -> d.getCurrentUrl().contains("/meldingen/melding"));
    mayor.audit();
    mayor.tabTo(By.id("bevestigen")).press(Keys.ENTER);
    mayor.until(d -> d.getCurrentUrl().endsWith("/taken"));
    mayor.audit();

    // the officer, focus still on the map table, hears the mayor's confirmation
    operator.until(d -> operator.announced().contains("Burgemeester van Utrecht heeft bevestigd"));
    assertThat(operator.describeFocus()).as("focus after more live updates").isEqualTo(focused);
  }

  @Test
  void everyPageEachRoleReachesPassesAxeAndFitsAPhone() throws Exception {
    // something to look at in both worlds: a level-5 proposal with its first tasks and notices
    for (boolean exercise : List.of(false, true)) {
      String crisis = api.proposeLevelFiveForUtrecht(exercise);
      api.policeSharesInformation(crisis);
      api.awaitTask("regio-utrecht", crisis, "Afstemmen_Lokaal_Gezag");
    }
    List<String> accounts =
        List.of(
            "operator",
            "nctv",
            "communicatie",
            "locc",
            "hoofd-locc",
            "regio-utrecht",
            "politie",
            "om",
            "gezag-utrecht",
            "management",
            "beheerder");
    // the exercise world has the same pages in its own colours: three roles see them there
    Set<String> alsoInTheExerciseWorld = Set.of("operator", "regio-utrecht", "management");
    int views = 0;
    for (String account : accounts) {
      Browser phone = browser(Browser.PHONE).login(account);
      for (boolean exercise : List.of(false, true)) {
        if (exercise && !alsoInTheExerciseWorld.contains(account)) {
          continue;
        }
        phone.world(exercise);
        for (String page : pagesOf(phone)) {
          phone.open(page);
          views++;
        }
      }
    }
    // the page a personal link in an e-mail or SMS opens, without login (here a link that is not
    // valid: the page says so in the hub's layout, without navigation)
    Browser stranger = browser(Browser.PHONE).open("/bevestigen/geen-geldige-link");
    assertThat(stranger.find(By.tagName("h1")).getText()).isEqualTo("Deze link is niet geldig");
    views++;
    assertThat(views).as("page views audited").isGreaterThan(accounts.size() * 3);
  }

  // --- the keyboard, as a person without a mouse works

  /** Signs in on the login page with keys only: Tab to each field, type, Enter. */
  private Browser keyboardLogin(String account, org.openqa.selenium.Dimension screen) {
    Browser b = browser(screen).open("/login");
    b.tabTo(By.id("username")).press(account);
    b.tabTo(By.id("password")).press(account + "-demo", Keys.ENTER);
    b.until(d -> !d.getCurrentUrl().contains("/login"));
    b.audit();
    return b;
  }

  /** Switches to the exercise world with the header switch (Tab to it, Enter). */
  private static void exerciseWorld(Browser b) {
    b.tabTo(By.cssSelector(".wereld button[value='true']")).press(Keys.ENTER);
    b.until(d -> !d.findElements(By.id("oefening-banner")).isEmpty());
  }

  /** From the menu to the inbox, Tab to the task's link (it arrives by itself), Enter. */
  private static void keyboardOpensTask(Browser b, String crisis, String elementId) {
    b.tabTo(By.cssSelector(".menu a[href='/taken']")).press(Keys.ENTER);
    b.until(d -> d.getCurrentUrl().endsWith("/taken"));
    b.audit();
    b.tabTo(
            By.cssSelector(
                "li[data-crisis='" + crisis + "'][data-element-id='" + elementId + "'] h2 a"))
        .press(Keys.ENTER);
    b.until(d -> d.getCurrentUrl().contains("/taken/"));
    b.audit();
  }

  /**
   * Picks an option of a choice the way a keyboard user does: Tab into the group (the focus lands
   * on its first option), then the arrow keys until the option is chosen, or Space for the first.
   */
  private static void keyboardChooses(Browser b, String field, String value) {
    WebElement first = b.find(By.cssSelector("#veld-" + field + " input[type=radio]"));
    b.tabTo(By.id(first.getAttribute("id")));
    WebElement wanted = b.find(By.id("veld-" + field + "-" + value));
    if (wanted.equals(first)) {
      b.press(Keys.SPACE);
    }
    for (int i = 0; i < 10 && !wanted.isSelected(); i++) {
      b.press(Keys.ARROW_DOWN);
    }
    assertThat(wanted.isSelected()).as(field + " = " + value + " by keyboard").isTrue();
  }

  /** Tab to the complete button, Enter: back in the inbox. */
  private static void keyboardCompletes(Browser b) {
    b.tabTo(By.id("afronden")).press(Keys.ENTER);
    b.until(d -> d.getCurrentUrl().endsWith("/taken"));
    b.audit();
  }

  /**
   * The pages a person reaches from where they are: the menu's pages, the accessibility statement,
   * and from those the first crisis (its page and its evaluation), the first task, the first notice
   * in the inbox and the first authority of the contact register (its chain and the form to add a
   * person).
   */
  private static List<String> pagesOf(Browser b) {
    Set<String> pages = new LinkedHashSet<>();
    b.open("/");
    List<String> menu = hrefs(b, ".menu a");
    pages.addAll(menu);
    pages.add("/toegankelijkheid");
    for (String page : menu) {
      b.open(page);
      for (String link : hrefs(b, "main a[href^='/crises/'], main a[href^='/taken/'], main a")) {
        if (link.matches("/crises/[^/?#]+")) {
          pages.add(link);
          pages.add(link + "/evaluatie");
        } else if (link.matches("/taken/\\d+") || link.startsWith("/meldingen/melding?")) {
          pages.add(link);
        } else if (link.matches("/contacten/autoriteit/[^/?#]+")
            && pages.stream().noneMatch(p -> p.startsWith("/contacten/autoriteit/"))) {
          // the contact register: one authority's chain and the form to add a person
          pages.add(link);
          pages.add(link + "/personen/nieuw");
        }
        if (pages.size() > 12) {
          break;
        }
      }
    }
    pages.removeAll(menu);
    return new ArrayList<>(pages);
  }

  private static List<String> hrefs(Browser b, String css) {
    List<String> out = new ArrayList<>();
    for (WebElement a : b.findAll(By.cssSelector(css))) {
      String href = a.getAttribute("href");
      java.net.URI uri = href == null ? null : java.net.URI.create(href);
      if (uri != null && "localhost".equals(uri.getHost()) && uri.getFragment() == null) {
        out.add(uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
      }
    }
    return out;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
