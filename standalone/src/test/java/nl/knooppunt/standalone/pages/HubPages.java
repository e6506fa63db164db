package nl.knooppunt.standalone.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import nl.knooppunt.standalone.HubApi;
import nl.knooppunt.standalone.StandaloneHub;
import nl.knooppunt.standalone.TestHubs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Dimension;

/**
 * The whole hub (engine, workers, Kafka, PostgreSQL, gateway, everything real) for the tests of one
 * class, and the browsers they open (headless Chromium), closed after each test; a failing test
 * leaves a screenshot and the page source of every browser under {@code target/browser-failures}.
 * Screenshots a test takes go to {@code target/screenshots} (or {@code -Dknooppunt.screenshots}).
 */
abstract class HubPages {

  @TempDir static Path dataDir;

  static final Path SCREENSHOTS =
      Path.of(System.getProperty("knooppunt.screenshots", "target/screenshots"));

  static TestHubs settings;
  static StandaloneHub hub;
  static HubApi api;

  @RegisterExtension final FailureScreenshots failures = new FailureScreenshots();
  private final List<Browser> opened = new ArrayList<>();

  @BeforeAll
  static void startHub(org.junit.jupiter.api.TestInfo test) {
    assertThat(Browser.available())
        .as("the browser tests need Debian's Chromium: apt-get install chromium chromium-driver")
        .isTrue();
    settings = TestHubs.in(dataDir);
    List<String> args = new ArrayList<>(List.of(settings.args()));
    test.getTestClass()
        .map(c -> c.getAnnotation(HubArgs.class))
        .ifPresent(extra -> args.addAll(List.of(extra.value())));
    hub = StandaloneHub.start(args.toArray(String[]::new));
    api = new HubApi(settings);
  }

  @AfterAll
  static void stopHub() {
    System.out.println(Browser.auditFigures());
    if (hub != null) {
      hub.close();
      hub = null;
    }
  }

  /**
   * After each test: every page a browser opened passed the audit (axe-core WCAG 2.x A/AA, no
   * sideways scroll on a phone); then the browsers close.
   */
  @AfterEach
  void auditedAndClosed() {
    List<String> findings = new ArrayList<>();
    opened.forEach(b -> findings.addAll(b.findings()));
    opened.forEach(Browser::close);
    opened.clear();
    assertThat(findings).as("accessibility of every page opened").isEmpty();
  }

  /** A new browser (its own profile and session) on a desk or a phone. */
  Browser browser(Dimension size) {
    return opened(new Browser(settings.url(""), size));
  }

  /** A browser this test opened: audited, closed and screenshot on failure like the others. */
  Browser opened(Browser b) {
    opened.add(b);
    return failures.watch(b);
  }

  /** The crisis id in a crisis page's address, or null. */
  static String crisisIdIn(String url) {
    int i = url.indexOf("/crises/");
    return i < 0 ? null : url.substring(i + "/crises/".length());
  }
}
