package nl.knooppunt.productioncheck;

import java.util.List;
import java.util.Locale;

/** Thrown when the production settings are incomplete; names every offending setting. */
public class ProductionSettingsException extends IllegalStateException {

  private final transient List<String> problems;

  public ProductionSettingsException(String application, List<String> problems) {
    super(
        application.substring(0, 1).toUpperCase(Locale.ROOT)
            + application.substring(1)
            + " will not start in profile 'production' ("
            + problems.size()
            + " setting(s), see docs/operations.md):\n - "
            + String.join("\n - ", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
