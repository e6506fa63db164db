package nl.knooppunt.gateway.threatlevel;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import nl.knooppunt.api.model.Municipality;
import nl.knooppunt.api.model.Region;
import nl.knooppunt.api.model.ThreatLevel;
import nl.knooppunt.gateway.directory.DirectoryAdapter;
import org.springframework.stereotype.Component;

/**
 * What the map fragment ({@code fragments/kaart :: kaart(niveaus, gebied)}) draws: per region its
 * path, name (from the directory), level and whether it is in the crisis' area, with the classes
 * and the accessible text. The fragment calls {@code @mapView.of(...)}; pages call {@link
 * #levels(boolean)} or {@link #levels(Collection)} for the {@code niveaus} parameter.
 */
@Component("mapView")
public class MapView {

  /** Text for regions in the area when the page does not set {@code kaartGebiedLabel}. */
  public static final String DEFAULT_AREA_LABEL = "In het gebied van deze crisis";

  /** One region as drawn and as listed in the text alternative. */
  public record RegionView(
      String code,
      String name,
      String d,
      Integer level,
      boolean inArea,
      String cssClass,
      String levelText,
      String state,
      double labelX,
      double labelY) {}

  /** One legend entry: the swatch class and the text. */
  public record LegendItem(String swatch, String text) {}

  /** The whole map: regions in drawing order and by code, the legend. */
  public record Model(
      String viewBox,
      List<RegionView> drawOrder,
      List<RegionView> byCode,
      List<LegendItem> legend,
      String areaLabel,
      boolean anyInArea) {}

  private final MapRegions regions;
  private final DirectoryAdapter directory;
  private final ThreatLevelQueries levels;
  private volatile Map<String, String> names;
  private volatile MapLevels.AreaIndex index;

  public MapView(MapRegions regions, DirectoryAdapter directory, ThreatLevelQueries levels) {
    this.levels = levels;
    this.regions = regions;
    this.directory = directory;
  }

  /** The level per region of one world (real or exercise). */
  public Map<String, Integer> levels(boolean exercise) {
    return levels(levels.threatLevels(exercise, null));
  }

  /** The level per region of the given area levels (e.g. those of one crisis). */
  public Map<String, Integer> levels(Collection<ThreatLevel> levels) {
    return MapLevels.perRegion(levels, index());
  }

  /** The regions an area touches (kind as in {@code Area.KindEnum}, codes as given). */
  public Set<String> regionsOf(String kind, Collection<String> codes) {
    Set<String> out = new TreeSet<>();
    if (codes != null) {
      codes.forEach(c -> out.addAll(index().regionsOf(kind, c)));
    }
    return out;
  }

  /** The region name from the directory (falls back to the name in the map file, then the code). */
  public String name(String vrCode) {
    String n = names().get(vrCode);
    if (n != null) {
      return n;
    }
    MapRegions.Shape s = regions.shapes().get(vrCode);
    return s == null ? vrCode : s.svgName();
  }

  /**
   * The map model for the fragment.
   *
   * @param levels VR code → threat level (null or missing: no level)
   * @param area VR codes in the crisis' area (null: none)
   * @param areaLabel the legend text for {@code in-gebied} (null: {@link #DEFAULT_AREA_LABEL})
   */
  public Model of(Map<String, ?> levels, Collection<?> area, String areaLabel) {
    String label = areaLabel == null || areaLabel.isBlank() ? DEFAULT_AREA_LABEL : areaLabel;
    Set<String> inArea = new TreeSet<>();
    if (area != null) {
      area.forEach(a -> inArea.add(String.valueOf(a)));
    }
    List<RegionView> byCode = new ArrayList<>();
    for (MapRegions.Shape s : regions.shapes().values()) {
      Integer level = level(levels == null ? null : levels.get(s.code()));
      boolean in = inArea.contains(s.code());
      String name = name(s.code());
      String levelText = level == null ? "geen niveau vastgelegd" : "dreigingsniveau " + level;
      String state = name + " (" + s.code() + "): " + levelText + (in ? "; " + lower(label) : "");
      String css = (level == null ? "geen-niveau" : "niveau-" + level) + (in ? " in-gebied" : "");
      byCode.add(
          new RegionView(
              s.code(), name, s.d(), level, in, css, levelText, state, s.labelX(), s.labelY()));
    }
    byCode.sort(Comparator.comparing(RegionView::code));
    List<RegionView> drawOrder = new ArrayList<>(byCode);
    // regions in the area last, so their outline is drawn on top of their neighbours
    drawOrder.sort(Comparator.comparing(RegionView::inArea));
    List<LegendItem> legend =
        List.of(
            new LegendItem("niveau-5", "Dreigingsniveau 5 (rood, cijfer 5)"),
            new LegendItem("niveau-4", "Dreigingsniveau 4 (oranje, cijfer 4)"),
            new LegendItem("niveau-3", "Niveau 1 tot 3 (geel, met cijfer)"),
            new LegendItem("geen-niveau", "Geen niveau vastgelegd (grijs)"),
            new LegendItem("in-gebied", label + " (dikke donkerblauwe rand)"));
    return new Model(regions.viewBox(), drawOrder, byCode, legend, label, !inArea.isEmpty());
  }

  private static String lower(String s) {
    return s.isEmpty() ? s : s.substring(0, 1).toLowerCase(Locale.ROOT) + s.substring(1);
  }

  private static Integer level(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Number n) {
      return n.intValue();
    }
    try {
      return Integer.valueOf(String.valueOf(value).trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private Map<String, String> names() {
    Map<String, String> n = names;
    if (n == null) {
      n = new LinkedHashMap<>();
      for (Region r : directory.regions()) {
        n.put(r.getCode(), r.getName());
      }
      names = n;
    }
    return n;
  }

  /** The directory as an index; reference data (Flyway), read once. */
  private MapLevels.AreaIndex index() {
    MapLevels.AreaIndex i = index;
    if (i == null) {
      Map<String, String> gm = new HashMap<>();
      for (Municipality m : directory.municipalities(null, null)) {
        gm.put(m.getCode(), m.getVrCode());
      }
      Map<String, List<String>> provinces = new HashMap<>();
      for (Region r : directory.regions()) {
        if (r.getProvince() != null) {
          provinces
              .computeIfAbsent(r.getProvince().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
              .add(r.getCode());
        }
      }
      i = new MapLevels.AreaIndex(Map.copyOf(gm), Map.copyOf(provinces));
      index = i;
    }
    return i;
  }
}
