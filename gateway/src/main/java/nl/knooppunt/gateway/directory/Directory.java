package nl.knooppunt.gateway.directory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import nl.knooppunt.api.model.Municipality;
import nl.knooppunt.api.model.Region;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The reference data (Flyway {@code V3__directory.sql}): regions, their neighbours and
 * municipalities. Also resolves an area (provinces, regions, municipalities) to its regions.
 */
@Component
public class Directory {

  /** CBS province codes. */
  public static final Map<String, String> PROVINCE_CODES = new LinkedHashMap<>();

  static {
    PROVINCE_CODES.put("PV20", "Groningen");
    PROVINCE_CODES.put("PV21", "Fryslân");
    PROVINCE_CODES.put("PV22", "Drenthe");
    PROVINCE_CODES.put("PV23", "Overijssel");
    PROVINCE_CODES.put("PV24", "Flevoland");
    PROVINCE_CODES.put("PV25", "Gelderland");
    PROVINCE_CODES.put("PV26", "Utrecht");
    PROVINCE_CODES.put("PV27", "Noord-Holland");
    PROVINCE_CODES.put("PV28", "Zuid-Holland");
    PROVINCE_CODES.put("PV29", "Zeeland");
    PROVINCE_CODES.put("PV30", "Noord-Brabant");
    PROVINCE_CODES.put("PV31", "Limburg");
  }

  private final JdbcTemplate jdbc;

  public Directory(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public List<Region> regions() {
    Map<String, Region> byCode = new LinkedHashMap<>();
    jdbc.query(
        "select vr_code, name, province, police_unit from directory_region order by vr_code",
        rs -> {
          Region r = new Region(rs.getString(1), rs.getString(2));
          r.setProvince(rs.getString(3));
          r.setPoliceUnit(rs.getString(4));
          r.setNeighbours(new ArrayList<>());
          byCode.put(r.getCode(), r);
        });
    jdbc.query(
        "select vr_code, neighbour_vr_code from directory_region_neighbour order by 1, 2",
        rs -> {
          Region r = byCode.get(rs.getString(1));
          if (r != null) {
            r.getNeighbours().add(rs.getString(2));
          }
        });
    return new ArrayList<>(byCode.values());
  }

  public List<Municipality> municipalities(String vrCode, String province) {
    return jdbc.query(
        "select m.gm_code, m.name, m.vr_code from directory_municipality m join directory_region r"
            + " on r.vr_code = m.vr_code where (?::text is null or m.vr_code = ?) and (?::text is"
            + " null or lower(r.province) = lower(?)) order by m.gm_code",
        (rs, i) -> new Municipality(rs.getString(1), rs.getString(2), rs.getString(3)),
        vrCode,
        vrCode,
        province,
        province);
  }

  public boolean regionExists(String vrCode) {
    return vrCode != null
        && Boolean.TRUE.equals(
            jdbc.queryForObject(
                "select exists(select 1 from directory_region where vr_code = ?)",
                Boolean.class,
                vrCode));
  }

  public Optional<String> regionName(String vrCode) {
    return jdbc
        .query(
            "select name from directory_region where vr_code = ?",
            (rs, i) -> rs.getString(1),
            vrCode)
        .stream()
        .findFirst();
  }

  public Optional<String> regionOfMunicipality(String gmCode) {
    return jdbc
        .query(
            "select vr_code from directory_municipality where gm_code = ?",
            (rs, i) -> rs.getString(1),
            gmCode)
        .stream()
        .findFirst();
  }

  /** A province code (PV26) or name (Utrecht) as its canonical PV code, if known. */
  public Optional<String> provinceCode(String codeOrName) {
    String n = codeOrName.trim();
    if (PROVINCE_CODES.containsKey(n.toUpperCase(Locale.ROOT))) {
      return Optional.of(n.toUpperCase(Locale.ROOT));
    }
    return PROVINCE_CODES.entrySet().stream()
        .filter(e -> e.getValue().equalsIgnoreCase(n))
        .map(Map.Entry::getKey)
        .findFirst();
  }

  /** The regions of a province (by PV code). */
  public List<String> regionsOfProvince(String pvCode) {
    return jdbc.queryForList(
        "select vr_code from directory_region where province = ? order by vr_code",
        String.class,
        PROVINCE_CODES.get(pvCode));
  }

  /** Every region an area touches, sorted. */
  public List<String> regionsOf(String kind, List<String> codes) {
    TreeSet<String> out = new TreeSet<>();
    for (String c : codes) {
      switch (kind) {
        case "PROVINCIE" -> provinceCode(c).ifPresent(pv -> out.addAll(regionsOfProvince(pv)));
        case "VEILIGHEIDSREGIO" -> out.add(c);
        case "GEMEENTE" -> regionOfMunicipality(c).ifPresent(out::add);
        default -> {}
      }
    }
    return new ArrayList<>(out);
  }
}
