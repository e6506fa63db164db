package nl.knooppunt.standalone.pages;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One person's browser: Debian's headless Chromium driven by chromedriver, with its own profile
 * (cookies, session). Waits are explicit (WebDriverWait), never sleeps.
 */
public final class Browser implements AutoCloseable {

  /**
   * Where Debian puts the browser and its driver ({@code apt-get install chromium
   * chromium-driver}).
   */
  static final String CHROMIUM = System.getProperty("knooppunt.chromium", "/usr/bin/chromium");

  static final String CHROMEDRIVER =
      System.getProperty("knooppunt.chromedriver", "/usr/bin/chromedriver");

  /** A desktop screen and a phone screen. */
  public static final Dimension DESKTOP = new Dimension(1366, 900);

  public static final Dimension PHONE = new Dimension(390, 844);

  private final ChromeDriver driver;
  private final String baseUrl;
  private final Path profile;
  private final Dimension size;

  /** The WCAG 2.x A/AA (and 2.2 AA) rules of axe-core every page must pass. */
  static final List<String> WCAG = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

  /**
   * What the audit of every opened page found: axe-core violations (rule, page, element) and, on a
   * phone, a page wider than the screen.
   */
  private final List<String> findings = new java.util.concurrent.CopyOnWriteArrayList<>();

  public Browser(String baseUrl, Dimension size) {
    this.baseUrl = baseUrl;
    this.size = size;
    try {
      this.profile = Files.createTempDirectory("knooppunt-chromium-");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--lang=nl-NL",
        "--user-data-dir=" + profile,
        "--window-size=" + size.getWidth() + "," + size.getHeight());
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(Path.of(CHROMEDRIVER).toFile())
            .build();
    driver = new ChromeDriver(service, options);
    driver.manage().window().setSize(size);
  }

  /** True when this machine has the browser and its driver. */
  public static boolean available() {
    return Files.isExecutable(Path.of(CHROMIUM)) && Files.isExecutable(Path.of(CHROMEDRIVER));
  }

  /** Opens a page of the hub and audits it (axe-core; reflow on a phone). */
  public Browser open(String path) {
    driver.get(baseUrl + path);
    audit();
    return this;
  }

  /**
   * Audits the page as it is now: every axe-core violation of the WCAG 2.x A/AA rules, and on a
   * phone a page that scrolls sideways, is kept as a finding ({@link #findings}). The script checks
   * of {@link #accessibilityProblems} and the reflow run on every view; axe-core (seconds per page
   * on two cores) runs once per page structure and screen: a view whose elements (tag, id without
   * numbers, classes, role, type, ARIA attributes) and screen were all analysed before, in this
   * test JVM, brings no new rule to check — rows and texts differ, the markup does not.
   */
  public Browser audit() {
    String page = pagePath();
    long start = System.nanoTime();
    if (EVERY_VIEW || ANALYSED.add(size.getWidth() + " " + structure())) {
      for (String v : axeViolations()) {
        findings.add(page + ": " + v);
      }
      AXE_RUNS.incrementAndGet();
    } else {
      AXE_SKIPPED.incrementAndGet();
    }
    AUDIT_NANOS.addAndGet(System.nanoTime() - start);
    for (String v : accessibilityProblems()) {
      findings.add(page + ": " + v);
    }
    if (size.getWidth() <= PHONE.getWidth() && scrollsSideways()) {
      findings.add(
          page
              + ": reflow: the page is "
              + script("return document.documentElement.scrollWidth;")
              + " px wide on a "
              + size.getWidth()
              + " px screen");
    }
    return this;
  }

  /** {@code -Dknooppunt.axe.every-view=true}: axe-core analyses every view, as before. */
  private static final boolean EVERY_VIEW = Boolean.getBoolean("knooppunt.axe.every-view");

  /** The page structures (and screens) axe-core analysed in this JVM. */
  private static final java.util.Set<String> ANALYSED =
      java.util.concurrent.ConcurrentHashMap.newKeySet();

  private static final java.util.concurrent.atomic.AtomicInteger AXE_RUNS =
      new java.util.concurrent.atomic.AtomicInteger();
  private static final java.util.concurrent.atomic.AtomicInteger AXE_SKIPPED =
      new java.util.concurrent.atomic.AtomicInteger();
  private static final java.util.concurrent.atomic.AtomicLong AUDIT_NANOS =
      new java.util.concurrent.atomic.AtomicLong();

  /** How many views axe-core analysed and skipped so far, and the time it took. */
  public static String auditFigures() {
    return "axe-core analysed "
        + AXE_RUNS.get()
        + " page structures, skipped "
        + AXE_SKIPPED.get()
        + " views of a structure analysed before, "
        + AUDIT_NANOS.get() / 1_000_000
        + " ms";
  }

  /**
   * The page's structure: its path with the ids in it left out, and every distinct element as tag,
   * id without digits, classes, role, type and its ARIA attributes (names and values without
   * digits); hashed.
   */
  private String structure() {
    String markup =
        (String)
            script(
                """
                const seen = new Set();
                const strip = v => String(v || '').replace(/[0-9]+/g, '#');
                document.querySelectorAll('html, body, body *').forEach(el => {
                  let aria = '';
                  for (const a of el.attributes) {
                    if (a.name.startsWith('aria-') || a.name === 'tabindex' || a.name === 'hidden'
                        || a.name === 'open' || a.name === 'disabled' || a.name === 'lang') {
                      aria += ' ' + a.name + '=' + strip(a.value);
                    }
                  }
                  const cls = el.getAttribute('class') || '';
                  seen.add(el.tagName + '#' + strip(el.getAttribute('id')) + '.' + cls + '['
                      + (el.getAttribute('role') || '') + ',' + (el.getAttribute('type') || '')
                      + aria + ']');
                });
                const path = location.pathname.split('/')
                    .map(p => /[0-9]/.test(p) ? '{id}' : p).join('/');
                return path + '\\n' + [...seen].sort().join('\\n');
                """);
    try {
      byte[] hash =
          java.security.MessageDigest.getInstance("SHA-256")
              .digest(markup.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return java.util.HexFormat.of().formatHex(hash);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The axe-core violations of the current page, one line per element: rule, impact, target. */
  public List<String> axeViolations() {
    com.deque.html.axecore.results.Results results =
        new com.deque.html.axecore.selenium.AxeBuilder().withTags(WCAG).analyze(driver);
    List<String> out = new java.util.ArrayList<>();
    for (com.deque.html.axecore.results.Rule rule : results.getViolations()) {
      for (com.deque.html.axecore.results.CheckedNode node : rule.getNodes()) {
        out.add(rule.getId() + " (" + rule.getImpact() + "): " + node.getTarget());
      }
    }
    return out;
  }

  /** Everything the audits of this browser found so far. */
  public List<String> findings() {
    return List.copyOf(findings);
  }

  /** Logs in on the login page with the demo password of the account. */
  public Browser login(String user) {
    open("/login");
    driver.findElement(By.id("username")).sendKeys(user);
    driver.findElement(By.id("password")).sendKeys(user + "-demo");
    driver.findElement(By.cssSelector("button[type=submit]")).click();
    until(d -> !d.getCurrentUrl().contains("/login"));
    return this;
  }

  /** Logs out (the button in the header). */
  public Browser logout() {
    driver.findElement(By.xpath("//button[normalize-space()='Uitloggen']")).click();
    until(d -> d.getCurrentUrl().contains("/login"));
    return this;
  }

  /** Switches between real crises and exercises with the header switch. */
  public Browser world(boolean exercise) {
    driver
        .findElement(
            By.cssSelector(".wereld button[value='" + (exercise ? "true" : "false") + "']"))
        .click();
    until(d -> !d.findElements(By.id("oefening-banner")).isEmpty() == exercise);
    return this;
  }

  public WebElement find(By by) {
    return until(d -> d.findElement(by));
  }

  /**
   * Clicks the element, finding it again if a live update replaced it meanwhile (htmx swaps the
   * parts of a page that changed).
   */
  public Browser click(By by) {
    until(
        d -> {
          d.findElement(by).click();
          return true;
        });
    return this;
  }

  /** The text of the element, read again if a live update replaced it meanwhile. */
  public String text(By by) {
    return until(d -> d.findElement(by).getText());
  }

  /** Every element that matches, as the page is now. */
  public List<WebElement> findAll(By by) {
    return driver.findElements(by);
  }

  public boolean present(By by) {
    return !driver.findElements(by).isEmpty();
  }

  /** Waits (up to two minutes: the hub works in the background) until the condition holds. */
  public <T> T until(Function<WebDriver, T> condition) {
    return new WebDriverWait(driver, Duration.ofMinutes(2))
        .ignoring(org.openqa.selenium.NoSuchElementException.class)
        .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .until(condition::apply);
  }

  public Object script(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(script, args);
  }

  // --- the keyboard, as a person without a mouse uses it

  /**
   * Presses Tab (or Shift+Tab going back) until the element has the focus, as a keyboard user moves
   * through the page; fails, naming what the focus passed, when it cannot be reached within the
   * page's focus order. Every stop on the way must show a focus indicator that stands out ({@link
   * #focusIndicatorProblem()}), which is kept as a finding when it does not.
   */
  public Browser tabTo(By target) {
    return tabTo(target, false);
  }

  public Browser shiftTabTo(By target) {
    return tabTo(target, true);
  }

  private Browser tabTo(By target, boolean back) {
    WebElement wanted = find(target);
    List<String> passed = new java.util.ArrayList<>();
    for (int i = 0; i < 400; i++) {
      WebElement active = driver.switchTo().activeElement();
      if (active.equals(wanted)) {
        return this;
      }
      if (back) {
        new Actions(driver).keyDown(Keys.SHIFT).sendKeys(Keys.TAB).keyUp(Keys.SHIFT).perform();
      } else {
        new Actions(driver).sendKeys(Keys.TAB).perform();
      }
      String stop = describeFocus();
      passed.add(stop);
      String problem = focusIndicatorProblem();
      if (problem != null) {
        findings.add(pagePath() + ": focus indicator of " + stop + ": " + problem);
      }
    }
    throw new AssertionError(
        "cannot reach " + target + " with the keyboard; the focus went " + passed);
  }

  /** Presses keys on the element that has the focus (Enter, Space, arrows, or text). */
  public Browser press(CharSequence... keys) {
    new Actions(driver).sendKeys(keys).perform();
    return this;
  }

  /** The element that has the focus now, as tag#id (or its text when it has no id). */
  public String describeFocus() {
    return (String)
        script(
            """
            const el = document.activeElement;
            if (!el || el === document.body) return 'body';
            const text = (el.textContent || '').trim().slice(0, 30);
            return el.tagName.toLowerCase() + (el.id ? '#' + el.id : '')
                + (el.getAttribute('href') ? '[' + el.getAttribute('href') + ']' : '')
                + (text && !el.id ? ' "' + text + '"' : '');
            """);
  }

  /**
   * Whether the focused element shows a focus indicator that stands out (WCAG 1.4.11 and 2.4.13):
   * from the computed styles, an outline of at least 2 px whose colour has a contrast of at least
   * 3:1 against the background it is drawn on (the parent's, or the element's own for an outline
   * drawn inside it). Returns what is wrong, or null.
   */
  public String focusIndicatorProblem() {
    return (String)
        script(
            """
            const el = document.activeElement;
            if (!el || el === document.body) return null;
            const cs = getComputedStyle(el);
            const width = parseFloat(cs.outlineWidth);
            if (cs.outlineStyle === 'none' || !(width >= 2)) {
              return 'no outline (' + cs.outlineStyle + ' ' + cs.outlineWidth + ')';
            }
            const rgb = c => (c.match(/[\\d.]+/g) || []).map(Number);
            const lum = c => {
              const [r, g, b] = rgb(c).map(v => v / 255)
                  .map(v => v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4));
              return 0.2126 * r + 0.7152 * g + 0.0722 * b;
            };
            let bgEl = parseFloat(cs.outlineOffset) < 0 ? el : el.parentElement;
            let bg = 'rgb(255, 255, 255)';
            for (let n = bgEl; n; n = n.parentElement) {
              const c = getComputedStyle(n).backgroundColor;
              const parts = rgb(c);
              if (parts.length === 3 || (parts.length === 4 && parts[3] > 0)) { bg = c; break; }
            }
            const [a, b] = [lum(cs.outlineColor), lum(bg)];
            const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
            return ratio >= 3 ? null
                : 'outline ' + cs.outlineColor + ' on ' + bg + ' is ' + ratio.toFixed(2) + ':1';
            """);
  }

  /** The text of the page's polite live region: what a screen reader was last told. */
  public String announced() {
    return (String) script("return document.getElementById('aankondigingen').textContent;");
  }

  private String pagePath() {
    return driver.getCurrentUrl().replace(baseUrl, "");
  }

  /**
   * The page's accessibility basics (WCAG 2.1 A/AA, the parts a script can check): Dutch as the
   * page language, one h1, a label for every form control, a text alternative for every image and
   * region of the map, a caption or name for every table, no empty links or buttons. Returns what
   * is wrong, empty when nothing is.
   */
  @SuppressWarnings("unchecked")
  public List<String> accessibilityProblems() {
    return (List<String>)
        script(
            """
            const problems = [];
            if (document.documentElement.lang !== 'nl') problems.push('html lang is not nl');
            const h1 = document.querySelectorAll('h1').length;
            if (h1 !== 1) problems.push(h1 + ' h1 elements');
            document.querySelectorAll('input:not([type=hidden]), select, textarea').forEach(el => {
              const named = (el.labels && el.labels.length > 0) || el.getAttribute('aria-label')
                  || el.getAttribute('aria-labelledby') || el.closest('label');
              if (!named) problems.push('no label: ' + (el.id || el.name));
            });
            document.querySelectorAll('img').forEach(img => {
              if (!img.hasAttribute('alt')) problems.push('img without alt: ' + img.src);
            });
            document.querySelectorAll('svg path[data-vr]').forEach(path => {
              if (!path.querySelector('title')) problems.push('map region without title');
            });
            document.querySelectorAll('table').forEach(t => {
              if (!t.querySelector('caption') && !t.getAttribute('aria-label')
                  && !t.getAttribute('aria-labelledby')) problems.push('table without caption');
            });
            document.querySelectorAll('a, button').forEach(el => {
              const name = (el.textContent || '').trim() || el.getAttribute('aria-label')
                  || el.getAttribute('title');
              if (!name) problems.push('nameless ' + el.tagName.toLowerCase() + ' ' + el.outerHTML.slice(0, 80));
            });
            const ids = {};
            document.querySelectorAll('[id]').forEach(el => {
              if (ids[el.id]) problems.push('duplicate id ' + el.id);
              ids[el.id] = true;
            });
            return problems;
            """);
  }

  /** Whether the page is wider than the window (a phone user would have to scroll sideways). */
  public boolean scrollsSideways() {
    Object wider =
        script(
            "return document.documentElement.scrollWidth > document.documentElement.clientWidth;");
    return Boolean.TRUE.equals(wider);
  }

  /**
   * Shows the page as printed on A4 portrait: the print stylesheet applies and the page is as wide
   * as an A4 sheet within the print margins (182 mm, 688 CSS pixels); {@link #scrollsSideways()}
   * then says whether something would be cut off on paper.
   */
  public Browser printedOnA4() {
    driver.executeCdpCommand("Emulation.setEmulatedMedia", java.util.Map.of("media", "print"));
    driver.executeCdpCommand(
        "Emulation.setDeviceMetricsOverride",
        java.util.Map.of("width", 688, "height", 1040, "deviceScaleFactor", 1, "mobile", false));
    return this;
  }

  /** Marks the page so a test can prove that it was not reloaded. */
  public String markPage() {
    String mark = UUID.randomUUID().toString();
    script("window.knooppuntTestMark = arguments[0];", mark);
    return mark;
  }

  /** True when the page still carries the mark, i.e. it was not reloaded since. */
  public boolean stillMarked(String mark) {
    return mark.equals(script("return window.knooppuntTestMark;"));
  }

  /** Saves a PNG of the whole page (full height) into the directory. */
  public Path screenshot(Path directory, String name) {
    try {
      Files.createDirectories(directory);
      Path file = directory.resolve(name + ".png");
      script("window.scrollTo(0, 0);");
      Object height =
          script(
              "return Math.max(document.body.scrollHeight, document.documentElement.scrollHeight);");
      Dimension before = driver.manage().window().getSize();
      int h = Math.min(4000, Math.max(before.getHeight(), ((Number) height).intValue() + 20));
      driver.manage().window().setSize(new Dimension(before.getWidth(), h));
      byte[] png = driver.getScreenshotAs(OutputType.BYTES);
      driver.manage().window().setSize(before);
      Files.write(file, png);
      return file;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Saves the page source beside a screenshot (for failures). */
  public void source(Path directory, String name) {
    try {
      Files.createDirectories(directory);
      Files.writeString(directory.resolve(name + ".html"), driver.getPageSource());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    driver.quit();
    try (var files = Files.walk(profile)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // a temporary profile left behind is harmless
    }
  }
}
