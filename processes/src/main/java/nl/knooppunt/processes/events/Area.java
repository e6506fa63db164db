package nl.knooppunt.processes.events;

import java.util.List;
import nl.knooppunt.processes.variabelen.Gebied;

/**
 * An area as events carry it.
 *
 * @param kind what the codes are: {@code PROVINCIE}, {@code VEILIGHEIDSREGIO} or {@code GEMEENTE}
 * @param codes province, region or municipality codes ({@code PV26}, {@code VR09}, {@code GM0344})
 * @param name readable name, e.g. "provincie Utrecht"
 */
public record Area(Gebied.Soort kind, List<String> codes, String name) {

  public Area {
    codes = codes == null ? List.of() : List.copyOf(codes);
  }

  /** The area of a process variable {@code gebied}; null stays null. */
  public static Area of(Gebied gebied) {
    return gebied == null ? null : new Area(gebied.soort(), gebied.codes(), gebied.naam());
  }
}
