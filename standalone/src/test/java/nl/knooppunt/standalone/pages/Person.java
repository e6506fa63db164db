package nl.knooppunt.standalone.pages;

import java.time.OffsetDateTime;
import nl.knooppunt.gateway.web.Times;
import org.openqa.selenium.By;

/**
 * One person at work in the hub, in the words of the stories: signed in with their own account in
 * their own browser, they find a task or a notice in their inbox (it arrives there by itself), open
 * it, choose, type, and complete it — entering only what the form asks of them. Every step goes
 * through the pages as that person would; nothing is posted behind the page's back.
 */
public final class Person {

  private final String account;
  private final Browser browser;

  Person(String account, Browser browser) {
    this.account = account;
    this.browser = browser;
  }

  public String account() {
    return account;
  }

  public Browser browser() {
    return browser;
  }

  /** Opens a page of the hub. */
  public Person goesTo(String path) {
    browser.open(path);
    return this;
  }

  /**
   * Waits in the inbox until the task (BPMN element id) of the crisis is there — it appears without
   * a reload — and opens it.
   */
  public Person opensTask(String crisisId, String elementId) {
    browser.open("/taken");
    By card =
        By.cssSelector(
            "li[data-crisis='" + crisisId + "'][data-element-id='" + elementId + "'] h2 a");
    browser.click(card);
    browser.until(d -> d.getCurrentUrl().contains("/taken/"));
    browser.audit();
    return this;
  }

  /**
   * Picks an option of a choice (radio button or select): {@code chooses("uitkomst",
   * "AFKONDIGEN")}.
   */
  public Person chooses(String field, String value) {
    if (browser.present(By.id("veld-" + field + "-" + value))) {
      browser.click(By.id("veld-" + field + "-" + value));
    } else {
      // more choices than radio buttons: a select
      new org.openqa.selenium.support.ui.Select(browser.find(By.id("veld-" + field)))
          .selectByValue(value);
    }
    return this;
  }

  /** Answers a yes/no question of a form. */
  public Person answers(String field, boolean yes) {
    return chooses(field, yes ? "ja" : "nee");
  }

  /** Types into a field of the form. */
  public Person types(String field, String text) {
    browser.find(By.id("veld-" + field)).clear();
    browser.find(By.id("veld-" + field)).sendKeys(text);
    return this;
  }

  /** Sets a date-and-time field (Amsterdam time), as the browser's date picker would. */
  public Person setsTime(String field, OffsetDateTime time) {
    browser.script(
        "const f = document.getElementById(arguments[0]); f.value = arguments[1];"
            + " f.dispatchEvent(new Event('change', {bubbles: true}));",
        "veld-" + field,
        Times.inputValue(time));
    return this;
  }

  /** What a field holds now (what the page filled in beforehand, or what was typed). */
  public String valueOf(String field) {
    return browser.find(By.id("veld-" + field)).getAttribute("value");
  }

  /** Completes the open task and is back in the inbox. */
  public Person completes() {
    browser.click(By.id("afronden"));
    browser.until(d -> d.getCurrentUrl().endsWith("/taken"));
    return this;
  }

  /** Reads the text of an element of the current page. */
  public String reads(By element) {
    return browser.text(element);
  }

  public boolean sees(By element) {
    return browser.present(element);
  }

  /**
   * Waits in the inbox for the notice of the crisis (it arrives there by itself) and opens it;
   * returns what it says: the kind, the facts (to whom, area, until when) and the text.
   */
  public String readsNoticeOf(String crisisId) {
    browser.open("/taken");
    browser.click(By.cssSelector(".melding-item[data-crisis='" + crisisId + "'] a"));
    browser.until(d -> d.getCurrentUrl().contains("/meldingen/melding"));
    browser.audit();
    String kind = browser.text(By.tagName("h1"));
    String facts = browser.text(By.id("melding-feiten"));
    String text = browser.text(By.id("berichttekst"));
    return kind + "\n" + facts + "\n" + text;
  }

  /** Confirms receipt of the open notice with its one button; back in the inbox. */
  public Person confirmsReceipt() {
    browser.click(By.id("bevestigen"));
    browser.until(d -> d.getCurrentUrl().endsWith("/taken"));
    return this;
  }

  /** Reads the notice of the crisis and confirms receipt; returns what it said. */
  public String acknowledgesNoticeOf(String crisisId) {
    String said = readsNoticeOf(crisisId);
    confirmsReceipt();
    return said;
  }

  /**
   * Takes an action on the crisis page (propose lowering, report the arrest, end the deployment).
   */
  public Person actsOnCrisis(String crisisId, String action, String explanation) {
    browser.open("/crises/" + crisisId);
    browser.find(By.id("toelichting-" + action)).sendKeys(explanation);
    browser.click(By.id("actie-" + action));
    browser.until(d -> !d.findElements(By.cssSelector(".melding.goed, .melding.fout")).isEmpty());
    browser.audit();
    return this;
  }

  /**
   * On the evaluation report of the crisis: records an improvement action with its owner and due
   * date, and is back on the report with it.
   */
  public Person addsImprovementAction(
      String crisisId, String text, String owner, java.time.LocalDate due) {
    browser.open("/crises/" + crisisId + "/evaluatie");
    browser.find(By.id("actie-tekst")).sendKeys(text);
    browser.find(By.id("actie-eigenaar")).sendKeys(owner);
    browser.script(
        "const f = document.getElementById('actie-gereedOp'); f.value = arguments[0];"
            + " f.dispatchEvent(new Event('change', {bubbles: true}));",
        due.toString());
    browser.click(By.cssSelector("#actie-formulier button[type=submit]"));
    browser.until(d -> !d.findElements(By.cssSelector(".melding.goed, .melding.fout")).isEmpty());
    browser.audit();
    return this;
  }

  /** On the evaluation report of the crisis: shares it with the regions involved. */
  public Person sharesEvaluation(String crisisId) {
    browser.open("/crises/" + crisisId + "/evaluatie");
    browser.click(By.id("evaluatie-delen"));
    browser.until(d -> !d.findElements(By.id("gedeeld")).isEmpty());
    return this;
  }

  /** Opens the crisis page and waits until it shows the phase (it updates by itself). */
  public Person seesPhase(String crisisId, String phase) {
    browser.open("/crises/" + crisisId);
    browser.until(d -> d.findElement(By.id("fase")).getText().equals(phase));
    return this;
  }

  /** Opens the dashboard and waits until the map shows the level for the region. */
  public Person seesLevelOnTheMap(String vrCode, int level) {
    browser.open("/dashboard");
    browser.until(
        d ->
            String.valueOf(level)
                .equals(
                    d.findElement(By.cssSelector("#kaart [data-vr='" + vrCode + "']"))
                        .getAttribute("data-niveau")));
    return this;
  }
}
