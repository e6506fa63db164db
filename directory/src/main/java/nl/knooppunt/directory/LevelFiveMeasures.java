package nl.knooppunt.directory;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One version of the measures that threat level 5 asks of each role ({@link MeasureRole}): the list
 * a notice of declaration or extension carries for its recipient. Versions are numbered from 1; an
 * administrator's edit makes the next one, and every notice records the version it carried. Version
 * 1 is written from the seed documents ({@code maatregelen-dreigingsniveau-5-v1.csv}, sources in
 * docs/processes.md).
 *
 * @param version 1, 2, …
 * @param perRole the measures per role, in the order a recipient reads them; every role present
 */
public record LevelFiveMeasures(int version, Map<MeasureRole, List<String>> perRole) {

  /** The resource of version 1, beside this class. */
  static final String FIRST_VERSION = "maatregelen-dreigingsniveau-5-v1.csv";

  /** The most measures one role may have: a notice stays readable on a phone. */
  public static final int MAX_PER_ROLE = 12;

  /** The longest one measure may be, in characters. */
  public static final int MAX_LENGTH = 300;

  public LevelFiveMeasures {
    if (version < 1) {
      throw new IllegalArgumentException("version starts at 1: " + version);
    }
    Map<MeasureRole, List<String>> copy = new EnumMap<>(MeasureRole.class);
    for (MeasureRole role : MeasureRole.values()) {
      List<String> clean = new ArrayList<>();
      for (String m : perRole == null ? List.<String>of() : perRole.getOrDefault(role, List.of())) {
        if (m != null && !m.isBlank()) {
          clean.add(m.strip());
        }
      }
      copy.put(role, List.copyOf(clean));
    }
    perRole = Collections.unmodifiableMap(copy);
  }

  /** The measures of one role; empty when it has none. */
  public List<String> forRole(MeasureRole role) {
    return perRole.getOrDefault(role, List.of());
  }

  /** The measures for an authority of the directory. */
  public List<String> forAuthority(Authority authority) {
    return forRole(MeasureRole.of(authority == null ? null : authority.role()));
  }

  /** Version 1, read once. */
  private static final LevelFiveMeasures FIRST = readFirst();

  /** Version 1, as written from the seed documents. */
  public static LevelFiveMeasures first() {
    return FIRST;
  }

  private static LevelFiveMeasures readFirst() {
    Map<MeasureRole, List<String>> perRole = new EnumMap<>(MeasureRole.class);
    for (Map<String, String> row : Csv.read(FIRST_VERSION)) {
      perRole
          .computeIfAbsent(MeasureRole.valueOf(row.get("rol")), r -> new ArrayList<>())
          .add(row.get("maatregel"));
    }
    return new LevelFiveMeasures(1, perRole);
  }

  /**
   * Why a proposed list cannot be the next version, in Dutch for the page; empty when it can. Each
   * role needs at least one measure, at most {@value #MAX_PER_ROLE}, each at most {@value
   * #MAX_LENGTH} characters.
   */
  public static Map<MeasureRole, String> problems(Map<MeasureRole, List<String>> proposed) {
    Map<MeasureRole, String> out = new EnumMap<>(MeasureRole.class);
    for (MeasureRole role : MeasureRole.values()) {
      List<String> list =
          proposed == null
              ? List.of()
              : proposed.getOrDefault(role, List.of()).stream()
                  .filter(m -> m != null && !m.isBlank())
                  .toList();
      if (list.isEmpty()) {
        out.put(role, "Geef voor de rol " + role.label() + " ten minste één maatregel.");
      } else if (list.size() > MAX_PER_ROLE) {
        out.put(
            role,
            "Geef voor de rol " + role.label() + " hooguit " + MAX_PER_ROLE + " maatregelen.");
      } else if (list.stream().anyMatch(m -> m.strip().length() > MAX_LENGTH)) {
        out.put(
            role,
            "Een maatregel voor de rol "
                + role.label()
                + " is langer dan "
                + MAX_LENGTH
                + " tekens; maak hem korter.");
      }
    }
    return out;
  }
}
