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
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
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

  public Browser(String baseUrl, Dimension size) {
    this.baseUrl = baseUrl;
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

  public Browser open(String path) {
    driver.get(baseUrl + path);
    return this;
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
