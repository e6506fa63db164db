package nl.knooppunt.gateway.threatlevel;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import nl.knooppunt.api.model.ThreatLevel;
import nl.knooppunt.gateway.directory.DirectoryAdapter;

/**
 * The threat level per veiligheidsregio, derived from the levels in the read model, which are kept
 * per area code (a region {@code VR09}, a municipality {@code GM0344}, a province {@code PV26} or
 * its name): the level of a region is the highest level of any of its areas. A municipality counts
 * for the region it belongs to, a province for all its regions.
 */
final class MapLevels {

  private MapLevels() {}

  /** How area codes map to regions: municipality → region, province name → regions. */
  public record AreaIndex(
      Map<String, String> regionOfMunicipality, Map<String, List<String>> regionsOfProvince) {

    /** The regions an area code covers; empty when the code is unknown. */
    public List<String> regionsOf(String kind, String code) {
      if (code == null || code.isBlank()) {
        return List.of();
      }
      String c = code.trim();
      String k = kind == null ? "" : kind;
      if ("VEILIGHEIDSREGIO".equals(k) || c.matches("VR\\d{2}")) {
        return List.of(c);
      }
      if ("GEMEENTE".equals(k) || c.matches("GM\\d{4}")) {
        String vr = regionOfMunicipality.get(c);
        return vr == null ? List.of() : List.of(vr);
      }
      String province = DirectoryAdapter.PROVINCE_CODES.getOrDefault(c.toUpperCase(Locale.ROOT), c);
      return regionsOfProvince.getOrDefault(province.toLowerCase(Locale.ROOT), List.of());
    }
  }

  /** Highest level per region (VR code → level), sorted by code; regions without a level absent. */
  public static Map<String, Integer> perRegion(
      Collection<ThreatLevel> levels, Function<ThreatLevel, Collection<String>> regionsOf) {
    Map<String, Integer> out = new TreeMap<>();
    for (ThreatLevel t : levels) {
      if (t.getLevel() == null) {
        continue;
      }
      for (String vr : regionsOf.apply(t)) {
        out.merge(vr, t.getLevel(), Math::max);
      }
    }
    return out;
  }

  /** Highest level per region, resolving area codes through the index. */
  public static Map<String, Integer> perRegion(Collection<ThreatLevel> levels, AreaIndex index) {
    return perRegion(levels, t -> index.regionsOf(t.getAreaKind(), t.getAreaCode()));
  }
}
