package nl.knooppunt.directory;

import java.util.List;

/**
 * Part of the country: provinces, veiligheidsregio's or gemeenten, by code.
 *
 * @param level what the codes are
 * @param codes PV codes (or province names), VR codes or GM codes
 */
public record Area(Level level, List<String> codes) {

  public enum Level {
    PROVINCE,
    REGION,
    MUNICIPALITY
  }

  public Area {
    codes = List.copyOf(codes);
  }

  public static Area provinces(String... codes) {
    return new Area(Level.PROVINCE, List.of(codes));
  }

  public static Area regions(String... codes) {
    return new Area(Level.REGION, List.of(codes));
  }

  public static Area municipalities(String... codes) {
    return new Area(Level.MUNICIPALITY, List.of(codes));
  }
}
