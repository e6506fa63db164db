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
 * The threat level per veiligheidsregio and per gemeente, derived from the levels in the read
 * model, which are kept per area code (a region {@code VR09}, a municipality {@code GM0344}, a
 * province {@code PV26} or its name). The level of a region is the highest level of any of its
 * areas (a municipality counts for the region it belongs to, a province for all its regions); the
 * level of a municipality is the highest level of the areas that contain it.
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

    /**
     * The municipalities an area code covers: a municipality itself, every municipality of a region
     * or of a province's regions; empty when the code is unknown.
     */
    public List<String> municipalitiesOf(String kind, String code) {
      if (code == null || code.isBlank()) {
        return List.of();
      }
      String c = code.trim();
      if ("GEMEENTE".equals(kind) || c.matches("GM\\d{4}")) {
        return regionOfMunicipality.containsKey(c) ? List.of(c) : List.of();
      }
      List<String> regions = regionsOf(kind, c);
      return regionOfMunicipality.entrySet().stream()
          .filter(e -> regions.contains(e.getValue()))
          .map(Map.Entry::getKey)
          .sorted()
          .toList();
    }
  }

  /**
   * Highest level per municipality (GM code → level), sorted by code; a level of a region or a
   * province counts for each of its municipalities, so a level for one municipality stays with that
   * municipality.
   */
  public static Map<String, Integer> perMunicipality(
      Collection<ThreatLevel> levels, AreaIndex index) {
    return perRegion(levels, t -> index.municipalitiesOf(t.getAreaKind(), t.getAreaCode()));
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
