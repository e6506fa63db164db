package nl.knooppunt.directory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Resolves an area to the gezagen and partners a level-5 declaration or a crisis notifies: for
 * every gemeente its burgemeester; for every region touched its voorzitter and crisis organisation;
 * for every police unit touched its politiechef and the hoofdofficier of its parket; nationally the
 * Landelijke Eenheid, the Landelijk Parket, the KMar and the NCC.
 */
public final class AreaResolver {

  /** National partners notified for every area. */
  public static final List<String> NATIONAL_RECIPIENTS =
      List.of("LANDELIJKE-EENHEID", "LANDELIJK-PARKET", "KMAR", "NCC");

  private final Directory directory;

  public AreaResolver(Directory directory) {
    this.directory = directory;
  }

  /**
   * @throws UnknownAreaException when the area is empty or names a code the directory does not know
   */
  public AffectedArea resolve(Area area) {
    List<Municipality> municipalities = municipalitiesOf(area);
    Map<String, SafetyRegion> regions = new java.util.TreeMap<>();
    for (Municipality m : municipalities) {
      regions.computeIfAbsent(m.regionCode(), code -> directory.region(code).orElseThrow());
    }
    Set<String> provinceCodes = new LinkedHashSet<>();
    Set<String> unitCodes = new LinkedHashSet<>();
    for (SafetyRegion r : regions.values()) {
      provinceCodes.add(r.provinceCode());
      unitCodes.add(r.policeUnitCode());
    }
    List<Authority> recipients = new ArrayList<>();
    municipalities.forEach(m -> recipients.add(authority(AuthorityCodes.mayor(m.code()))));
    for (SafetyRegion r : regions.values()) {
      recipients.add(authority(AuthorityCodes.regionChair(r.code())));
      recipients.add(authority(r.code()));
    }
    List<PoliceUnit> units =
        unitCodes.stream().map(c -> directory.policeUnit(c).orElseThrow()).toList();
    for (PoliceUnit u : units) {
      recipients.add(authority(AuthorityCodes.policeChief(u.code())));
      recipients.add(authority(AuthorityCodes.chiefProsecutor(u.prosecutorOfficeCode())));
    }
    NATIONAL_RECIPIENTS.forEach(code -> recipients.add(authority(code)));
    return new AffectedArea(
        municipalities,
        List.copyOf(regions.values()),
        provinceCodes.stream().map(c -> directory.province(c).orElseThrow()).toList(),
        units,
        List.copyOf(recipients));
  }

  /**
   * The area's recipients plus, for every region that borders it, that region's voorzitter, crisis
   * organisation and politiechef: a manhunt alerts the neighbours of the region where it started.
   */
  public AffectedArea resolveWithNeighbours(Area area) {
    AffectedArea core = resolve(area);
    Set<String> inArea = new LinkedHashSet<>(core.regionCodes());
    List<Authority> recipients = new ArrayList<>(core.recipients());
    Set<String> known = new LinkedHashSet<>();
    recipients.forEach(a -> known.add(a.code()));
    for (String region : core.regionCodes()) {
      for (String neighbour : directory.neighboursOf(region)) {
        if (inArea.contains(neighbour)) {
          continue;
        }
        SafetyRegion r = directory.region(neighbour).orElseThrow();
        for (String code :
            List.of(
                AuthorityCodes.regionChair(r.code()),
                r.code(),
                AuthorityCodes.policeChief(r.policeUnitCode()))) {
          if (known.add(code)) {
            recipients.add(authority(code));
          }
        }
      }
    }
    return new AffectedArea(
        core.municipalities(),
        core.regions(),
        core.provinces(),
        core.policeUnits(),
        List.copyOf(recipients));
  }

  private List<Municipality> municipalitiesOf(Area area) {
    Function<String, List<Municipality>> expand =
        switch (area.level()) {
          case PROVINCE ->
              code ->
                  directory
                      .provinceByCodeOrName(code)
                      .map(
                          p ->
                              directory.regionsOf(p.code()).stream()
                                  .flatMap(r -> directory.municipalitiesOf(r.code()).stream())
                                  .toList())
                      .orElse(null);
          case REGION ->
              code -> directory.region(code).isEmpty() ? null : directory.municipalitiesOf(code);
          case MUNICIPALITY -> code -> directory.municipality(code).map(List::of).orElse(null);
        };
    List<String> unknown = new ArrayList<>();
    Map<String, Municipality> result = new LinkedHashMap<>();
    for (String code : area.codes()) {
      List<Municipality> found = code == null ? null : expand.apply(code.trim());
      if (found == null) {
        unknown.add(String.valueOf(code));
      } else {
        found.forEach(m -> result.putIfAbsent(m.code(), m));
      }
    }
    if (!unknown.isEmpty() || result.isEmpty()) {
      throw new UnknownAreaException(area.level(), unknown);
    }
    return result.values().stream().sorted(Comparator.comparing(Municipality::code)).toList();
  }

  private Authority authority(String code) {
    return directory
        .authority(code)
        .orElseThrow(() -> new IllegalStateException("directory lacks authority " + code));
  }
}
