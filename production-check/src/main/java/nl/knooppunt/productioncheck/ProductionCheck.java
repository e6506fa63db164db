package nl.knooppunt.productioncheck;

import java.util.List;

/**
 * The production check of one application: its name (for the message) and its rules. {@link
 * #problems} lists every offending setting; {@link #verify} throws them all at once. Register it at
 * start with {@link ProductionCheckPostProcessor} in the application's {@code production} profile.
 */
public final class ProductionCheck {

  /**
   * Explicit opt-in for tests and single-machine rehearsals: addresses on this machine are
   * accepted. Everything else is still checked, authentication too.
   */
  public static final String ALLOW_LOOPBACK = "knooppunt.production.allow-loopback";

  private final String application;
  private final List<Rule> rules;

  /**
   * @param application how the message names the application, e.g. {@code "the gateway"}
   * @param rules the application's rules, checked in this order
   */
  public ProductionCheck(String application, List<Rule> rules) {
    this.application = application;
    this.rules = List.copyOf(rules);
  }

  public String application() {
    return application;
  }

  /** The problems of these settings; empty when the application may start in production. */
  public List<String> problems(Settings settings) {
    Inspection inspection = new Inspection(settings);
    rules.forEach(r -> r.check(inspection));
    return inspection.problems();
  }

  /** Throws {@link ProductionSettingsException} naming every offending setting. */
  public void verify(Settings settings) {
    List<String> problems = problems(settings);
    if (!problems.isEmpty()) {
      throw new ProductionSettingsException(application, problems);
    }
  }
}
