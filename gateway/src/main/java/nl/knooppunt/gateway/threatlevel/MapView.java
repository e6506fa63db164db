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
import java.util.TreeMap;
import java.util.TreeSet;
import nl.knooppunt.api.model.Municipality;
import nl.knooppunt.api.model.Region;
import nl.knooppunt.api.model.ThreatLevel;
import nl.knooppunt.gateway.directory.DirectoryAdapter;
import org.springframework.stereotype.Component;

/**
 * What the map fragment ({@code fragments/kaart :: kaart(niveaus, gebied)}) draws: every gemeente
 * filled with its own level, and over them the outline of every region with its name (from the
 * directory), its highest level and whether it is in the crisis' area, with the classes and the
 * accessible text. A level for one municipality colours that municipality, not its whole region.
 * The fragment calls {@code @mapView.of(...)}; pages call {@link #levels(boolean)} or {@link
 * #levels(Collection)} for the {@code niveaus} parameter.
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

  /** One municipality as drawn: filled with its own level. */
  public record MunicipalityView(
      String code,
      String vrCode,
      String name,
      String d,
      Integer level,
      String cssClass,
      String state) {}

  /** A level as a number on the map, so colour is not the only cue. */
  public record Label(double x, double y, int level) {}

  /**
   * The levels of one world or one crisis: per region the highest level in it (VR code → level),
   * per municipality its own (GM code → level).
   */
  public record Levels(Map<String, Integer> perRegion, Map<String, Integer> perMunicipality) {}

  /** One legend entry: the swatch class and the text. */
  public record LegendItem(String swatch, String text) {}

  /** The whole map: regions in drawing order and by code, the legend. */
  public record Model(
      String viewBox,
      List<MunicipalityView> municipalities,
      List<RegionView> drawOrder,
      List<RegionView> byCode,
      List<Label> labels,
      List<LegendItem> legend,
      String areaLabel,
      boolean anyInArea) {}

  private final MapRegions regions;
  private final MapMunicipalities municipalities;
  private final DirectoryAdapter directory;
  private final ThreatLevelQueries levels;
  private volatile Map<String, String> names;
  private volatile Map<String, String> municipalityNames;
  private volatile MapLevels.AreaIndex index;

  public MapView(
      MapRegions regions,
      MapMunicipalities municipalities,
      DirectoryAdapter directory,
      ThreatLevelQueries levels) {
    this.levels = levels;
    this.regions = regions;
    this.municipalities = municipalities;
    this.directory = directory;
  }

  /** The levels of one world (real or exercise). */
  public Levels levels(boolean exercise) {
    return levels(levels.threatLevels(exercise, null));
  }

  /** The levels of the given area levels (e.g. those of one crisis). */
  public Levels levels(Collection<ThreatLevel> levels) {
    return new Levels(
        MapLevels.perRegion(levels, index()), MapLevels.perMunicipality(levels, index()));
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
    Map<String, Integer> perRegion = new TreeMap<>();
    if (levels != null) {
      levels.forEach(
          (code, value) -> {
            Integer l = level(value);
            if (l != null) {
              perRegion.put(code, l);
            }
          });
    }
    // only region levels given: every municipality shows the level of its region
    Map<String, Integer> perMunicipality = new TreeMap<>();
    municipalities
        .shapes()
        .values()
        .forEach(
            m -> {
              Integer l = perRegion.get(m.vrCode());
              if (l != null) {
                perMunicipality.put(m.code(), l);
              }
            });
    return of(new Levels(perRegion, perMunicipality), area, areaLabel);
  }

  /**
   * The map model for the fragment.
   *
   * @param levels per region and per municipality (null: none)
   * @param area VR codes in the crisis' area (null: none)
   * @param areaLabel the legend text for {@code in-gebied} (null: {@link #DEFAULT_AREA_LABEL})
   */
  public Model of(Levels levels, Collection<?> area, String areaLabel) {
    Map<String, Integer> regionLevels = levels == null ? Map.of() : levels.perRegion();
    Map<String, Integer> gmLevels = levels == null ? Map.of() : levels.perMunicipality();
    String label = areaLabel == null || areaLabel.isBlank() ? DEFAULT_AREA_LABEL : areaLabel;
    List<MunicipalityView> gms = new ArrayList<>();
    Map<String, List<MunicipalityView>> gmsOfRegion = new TreeMap<>();
    for (MapMunicipalities.Shape m : municipalities.shapes().values()) {
      Integer level = gmLevels.get(m.code());
      String name = municipalityNames().getOrDefault(m.code(), m.code());
      MunicipalityView view =
          new MunicipalityView(
              m.code(),
              m.vrCode(),
              name,
              m.d(),
              level,
              level == null ? "geen-niveau" : "niveau-" + level,
              name
                  + ": "
                  + (level == null ? "geen niveau vastgelegd" : "dreigingsniveau " + level));
      gms.add(view);
      gmsOfRegion.computeIfAbsent(m.vrCode(), k -> new ArrayList<>()).add(view);
    }
    Set<String> inArea = new TreeSet<>();
    if (area != null) {
      area.forEach(a -> inArea.add(String.valueOf(a)));
    }
    List<RegionView> byCode = new ArrayList<>();
    List<Label> labels = new ArrayList<>();
    for (MapRegions.Shape s : regions.shapes().values()) {
      Integer level = regionLevels.get(s.code());
      boolean in = inArea.contains(s.code());
      String name = name(s.code());
      List<MunicipalityView> own = gmsOfRegion.getOrDefault(s.code(), List.of());
      boolean uniform = own.stream().map(MunicipalityView::level).distinct().count() <= 1;
      String levelText =
          uniform || own.isEmpty()
              ? level == null ? "geen niveau vastgelegd" : "dreigingsniveau " + level
              : partly(own);
      if (level != null && (uniform || own.isEmpty())) {
        labels.add(new Label(s.labelX(), s.labelY(), level));
      } else if (!uniform) {
        own.stream()
            .filter(g -> g.level() != null)
            .forEach(
                g -> {
                  MapMunicipalities.Shape shape = municipalities.shapes().get(g.code());
                  labels.add(new Label(shape.labelX(), shape.labelY(), g.level()));
                });
      }
      String state = name + " (" + s.code() + "): " + levelText + (in ? "; " + lower(label) : "");
      String css =
          "regio " + (level == null ? "geen-niveau" : "niveau-" + level) + (in ? " in-gebied" : "");
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
            new LegendItem("in-gebied", label + " (dikke donkerblauwe rand om de regio)"));
    return new Model(
        regions.viewBox(), gms, drawOrder, byCode, labels, legend, label, !inArea.isEmpty());
  }

  /**
   * A region whose municipalities differ: "dreigingsniveau 5 in Utrecht; geen niveau in 25 andere
   * gemeenten", highest level first.
   */
  private static String partly(List<MunicipalityView> own) {
    Map<Integer, List<String>> byLevel = new TreeMap<>(Comparator.reverseOrder());
    List<String> none = new ArrayList<>();
    for (MunicipalityView g : own) {
      if (g.level() == null) {
        none.add(g.name());
      } else {
        byLevel.computeIfAbsent(g.level(), k -> new ArrayList<>()).add(g.name());
      }
    }
    List<String> parts = new ArrayList<>();
    byLevel.forEach((level, names) -> parts.add("dreigingsniveau " + level + " in " + some(names)));
    if (!none.isEmpty()) {
      parts.add(
          "geen niveau in "
              + (none.size() == 1 ? "1 andere gemeente" : none.size() + " andere gemeenten"));
    }
    return String.join("; ", parts);
  }

  private static String some(List<String> names) {
    return names.size() <= 3 ? String.join(", ", names) : names.size() + " gemeenten";
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

  private Map<String, String> municipalityNames() {
    Map<String, String> n = municipalityNames;
    if (n == null) {
      n = new HashMap<>();
      for (Municipality m : directory.municipalities(null, null)) {
        n.put(m.getCode(), m.getName());
      }
      municipalityNames = n;
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
