package nl.knooppunt.standalone.pages;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * Saves a screenshot and the page source of every open browser when a test fails, under {@code
 * target/browser-failures/<test>-<n>.png}.
 */
public final class FailureScreenshots implements TestWatcher {

  static final Path DIRECTORY = Path.of("target", "browser-failures");

  private final List<Browser> browsers = new CopyOnWriteArrayList<>();

  public Browser watch(Browser browser) {
    browsers.add(browser);
    return browser;
  }

  @Override
  public void testFailed(ExtensionContext context, Throwable cause) {
    String name = context.getRequiredTestMethod().getName();
    int n = 0;
    for (Browser b : browsers) {
      n++;
      try {
        b.screenshot(DIRECTORY, name + "-" + n);
        b.source(DIRECTORY, name + "-" + n);
      } catch (RuntimeException e) {
        cause.addSuppressed(e);
      }
    }
  }
}
