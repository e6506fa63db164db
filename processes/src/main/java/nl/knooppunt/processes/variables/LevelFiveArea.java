package nl.knooppunt.processes.variables;

import java.util.List;

/**
 * An area for threat level 5: part of the country, given as provinces, veiligheidsregio's or
 * municipalities.
 *
 * @param soort what the codes are
 * @param codes province codes (e.g. {@code PV26}), VR codes ({@code VR09}) or CBS municipality
 *     codes ({@code GM0344})
 * @param naam readable name, e.g. "provincie Utrecht"
 */
public record LevelFiveArea(Kind soort, List<String> codes, String naam) {
  public enum Kind {
    PROVINCIE,
    VEILIGHEIDSREGIO,
    GEMEENTE
  }
}
