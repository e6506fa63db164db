package nl.knooppunt.processes.events;

import java.util.List;
import nl.knooppunt.processes.variables.LevelFiveArea;

/**
 * An area as events carry it.
 *
 * @param kind what the codes are: {@code PROVINCIE}, {@code VEILIGHEIDSREGIO} or {@code GEMEENTE}
 * @param codes province, region or municipality codes ({@code PV26}, {@code VR09}, {@code GM0344})
 * @param name readable name, e.g. "provincie Utrecht"
 */
public record Area(LevelFiveArea.Kind kind, List<String> codes, String name) {

  public Area {
    codes = codes == null ? List.of() : List.copyOf(codes);
  }

  /** The area of a process variable {@code gebied}; null stays null. */
  public static Area of(LevelFiveArea area) {
    return area == null ? null : new Area(area.soort(), area.codes(), area.naam());
  }
}
