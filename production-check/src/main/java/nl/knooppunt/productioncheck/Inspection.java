package nl.knooppunt.productioncheck;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One pass of the rules over the settings: rules read values here and report problems. Each setting
 * is named at most once (the first rule that finds it wrong wins), so the operator gets one line
 * per setting to fix.
 */
public final class Inspection {

  private final Settings settings;
  private final Map<String, String> problems = new LinkedHashMap<>();

  Inspection(Settings settings) {
    this.settings = settings;
  }

  /** The trimmed value of a setting; {@code null} when it is not set or blank. */
  public String value(String name) {
    String v = settings.get(name);
    return v == null || v.isBlank() ? null : v.trim();
  }

  /** The value in lower case, or {@code null}. */
  public String lowerCaseValue(String name) {
    String v = value(name);
    return v == null ? null : v.toLowerCase(Locale.ROOT);
  }

  /** Whether a setting is {@code true}. */
  public boolean isTrue(String name) {
    return "true".equalsIgnoreCase(value(name));
  }

  /**
   * Whether addresses on this machine are accepted ({@value ProductionCheck#ALLOW_LOOPBACK}): tests
   * and single-machine rehearsals only.
   */
  public boolean allowLoopback() {
    return isTrue(ProductionCheck.ALLOW_LOOPBACK);
  }

  /** The names directly below {@code prefix} (e.g. the accounts below a map of accounts). */
  public Set<String> children(String prefix) {
    return settings.children(prefix);
  }

  /**
   * Reports a problem with a setting: {@code text} follows the setting's name and environment
   * variable, e.g. {@code "is not set: the brokers"}. Ignored when the setting was named already.
   */
  public void problem(String name, String text) {
    problems.putIfAbsent(name, describe(name) + " " + text);
  }

  /** Whether a problem was reported for this setting. */
  public boolean hasProblem(String name) {
    return problems.containsKey(name);
  }

  List<String> problems() {
    return new ArrayList<>(problems.values());
  }

  /** The property with the environment variable that sets it: {@code a.b-c (A_BC)}. */
  public static String describe(String property) {
    return property + " (" + environmentVariable(property) + ")";
  }

  /**
   * Spring's relaxed form of a property as an environment variable: {@code a.b-c} → {@code A_BC}.
   */
  public static String environmentVariable(String property) {
    return property.replace("-", "").replace('.', '_').toUpperCase(Locale.ROOT);
  }
}
