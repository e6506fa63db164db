package nl.knooppunt.standalone.pages;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Saves a screenshot and the page source of every open browser when a test fails, under {@code
 * target/browser-failures/<test>-<n>.png}.
 */
public final class FailureScreenshots implements AfterTestExecutionCallback {

  static final Path DIRECTORY = Path.of("target", "browser-failures");

  private final List<Browser> browsers = new CopyOnWriteArrayList<>();

  public Browser watch(Browser browser) {
    browsers.add(browser);
    return browser;
  }

  /**
   * Runs right after the test method, before {@code @AfterEach} closes the browsers (a {@code
   * TestWatcher} would come too late: the browsers are gone by then).
   */
  @Override
  public void afterTestExecution(ExtensionContext context) {
    if (context.getExecutionException().isEmpty()) {
      return;
    }
    Throwable cause = context.getExecutionException().get();
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
