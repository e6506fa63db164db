package nl.knooppunt.directory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The directory of authorities: provinces, veiligheidsregio's, gemeenten, police units, OM offices
 * and national partners, loaded from the versioned reference data beside this class (see its {@code
 * SOURCE.md}), with the gezagen and partners a crisis notifies. Immutable; safe to share.
 */
public final class Directory {

  private final Map<String, Province> provinces;
  private final Map<String, SafetyRegion> regions;
  private final Map<String, Municipality> municipalities;
  private final Map<String, PoliceUnit> policeUnits;
  private final Map<String, Set<String>> regionNeighbours;
  private final Map<String, Authority> authorities;
  private final ContactBook contacts;

  private Directory(
      Map<String, Province> provinces,
      Map<String, SafetyRegion> regions,
      Map<String, Municipality> municipalities,
      Map<String, PoliceUnit> policeUnits,
      Map<String, Set<String>> regionNeighbours,
      Map<String, Authority> authorities,
      ContactBook contacts) {
    this.contacts = contacts;
    this.provinces = provinces;
    this.regions = regions;
    this.municipalities = municipalities;
    this.policeUnits = policeUnits;
    this.regionNeighbours = regionNeighbours;
    this.authorities = authorities;
  }

  /**
   * The reference data without contact details, for readers of regions, gemeenten and provinces
   * (the gateway); authorities then have no contacts.
   */
  public static Directory referenceData() {
    return load(ContactBook.WITHOUT_CONTACTS);
  }

  /** Loads the reference data with the given contacts. */
  public static Directory load(ContactBook contacts) {
    Map<String, Province> provinces =
        index(
            Csv.read("provincies.csv").stream()
                .map(r -> new Province(r.get("province_code"), r.get("name"))),
            Province::code);
    Map<String, String> provinceCodeByName =
        provinces.values().stream().collect(Collectors.toMap(Province::name, Province::code));
    Map<String, PoliceUnit> units =
        index(
            Csv.read("politie-eenheden.csv").stream()
                .map(
                    r ->
                        new PoliceUnit(
                            r.get("unit_code"),
                            r.get("name"),
                            r.get("parket_code"),
                            r.get("parket_name"))),
            PoliceUnit::code);
    Map<String, String> unitCodeByName =
        units.values().stream().collect(Collectors.toMap(PoliceUnit::name, PoliceUnit::code));
    Map<String, SafetyRegion> regions =
        index(
            Csv.read("veiligheidsregios.csv").stream()
                .map(
                    r ->
                        new SafetyRegion(
                            r.get("vr_code"),
                            r.get("name"),
                            required(provinceCodeByName, r.get("province"), "province"),
                            required(unitCodeByName, r.get("police_unit"), "police unit"))),
            SafetyRegion::code);
    Map<String, Municipality> municipalities =
        index(
            Csv.read("gemeenten.csv").stream()
                .map(r -> new Municipality(r.get("gm_code"), r.get("name"), r.get("vr_code"))),
            Municipality::code);
    for (Municipality m : municipalities.values()) {
      required(regions, m.regionCode(), "region of " + m.code());
    }
    Map<String, Set<String>> neighbours = new LinkedHashMap<>();
    for (Map<String, String> r : Csv.read("veiligheidsregio-buren.csv")) {
      neighbours
          .computeIfAbsent(r.get("vr_code"), k -> new TreeSet<>())
          .add(r.get("neighbour_vr_code"));
    }
    Map<String, Authority> authorities =
        authorities(contacts, regions, municipalities, units, Csv.read("landelijke-partners.csv"));
    return new Directory(
        provinces,
        regions,
        municipalities,
        units,
        Collections.unmodifiableMap(neighbours),
        authorities,
        contacts);
  }

  private static Map<String, Authority> authorities(
      ContactBook contacts,
      Map<String, SafetyRegion> regions,
      Map<String, Municipality> municipalities,
      Map<String, PoliceUnit> units,
      List<Map<String, String>> nationalPartners) {
    List<Authority> all = new ArrayList<>();
    AuthorityFactory make = new AuthorityFactory(contacts);
    for (Municipality m : municipalities.values()) {
      all.add(
          make.of(
              AuthorityCodes.mayor(m.code()),
              "Burgemeester van " + m.name(),
              AuthorityRole.BURGEMEESTER,
              m.code(),
              regionDesk(regions.get(m.regionCode()))));
    }
    for (SafetyRegion r : regions.values()) {
      all.add(
          make.of(
              AuthorityCodes.regionChair(r.code()),
              "Voorzitter Veiligheidsregio " + r.name(),
              AuthorityRole.VOORZITTER_VEILIGHEIDSREGIO,
              r.code(),
              regionDesk(r)));
      all.add(
          make.of(
              r.code(),
              "Veiligheidsregio " + r.name(),
              AuthorityRole.VEILIGHEIDSREGIO,
              r.code(),
              regionDesk(r)));
    }
    for (PoliceUnit u : units.values()) {
      all.add(
          make.of(
              AuthorityCodes.policeChief(u.code()),
              "Politiechef eenheid " + u.name(),
              AuthorityRole.POLITIECHEF,
              u.code(),
              new DutyDesk(u.code(), "Politie eenheid " + u.name(), POLICE_OFFICER)));
      all.add(
          make.of(
              AuthorityCodes.chiefProsecutor(u.prosecutorOfficeCode()),
              "Hoofdofficier van justitie, " + u.prosecutorOfficeName(),
              AuthorityRole.HOOFDOFFICIER_VAN_JUSTITIE,
              u.code(),
              new DutyDesk(
                  u.prosecutorOfficeCode(), u.prosecutorOfficeName(), PROSECUTOR_OFFICER)));
    }
    for (Map<String, String> p : nationalPartners) {
      AuthorityRole role = AuthorityRole.valueOf(p.get("role"));
      all.add(
          make.of(
              p.get("code"),
              p.get("name"),
              role,
              Authority.NATIONAL,
              new DutyDesk(p.get("code"), p.get("name"), nationalOfficer(role))));
    }
    return index(all.stream(), Authority::code);
  }

  /** The officer on duty of a veiligheidsregio, who closes the chain of its gezagen. */
  static final String REGION_OFFICER = "officier van dienst";

  /** The officer on duty of a police unit. */
  static final String POLICE_OFFICER = "officier van dienst politie";

  /** The officer on duty of a parket: the OM's own, not the region's. */
  static final String PROSECUTOR_OFFICER = "officier van justitie van dienst";

  private static DutyDesk regionDesk(SafetyRegion r) {
    return new DutyDesk(r.code(), "Veiligheidsregio " + r.name(), REGION_OFFICER);
  }

  private static String nationalOfficer(AuthorityRole role) {
    return switch (role) {
      case POLITIECHEF -> POLICE_OFFICER;
      case HOOFDOFFICIER_VAN_JUSTITIE -> PROSECUTOR_OFFICER;
      default -> "piketfunctionaris";
    };
  }

  private record AuthorityFactory(ContactBook contacts) {
    Authority of(String code, String name, AuthorityRole role, String area, DutyDesk desk) {
      return new Authority(
          code,
          name,
          role,
          area,
          contacts.primary(code, role),
          contacts.fallback(code, role),
          contacts.chain(code, name, role, desk));
    }
  }

  public Collection<Province> provinces() {
    return provinces.values();
  }

  public Collection<SafetyRegion> regions() {
    return regions.values();
  }

  public Collection<Municipality> municipalities() {
    return municipalities.values();
  }

  public Collection<PoliceUnit> policeUnits() {
    return policeUnits.values();
  }

  public Collection<Authority> authorities() {
    return authorities.values();
  }

  public Optional<Province> province(String code) {
    return Optional.ofNullable(provinces.get(code));
  }

  /** A province by its CBS code ({@code PV26}) or its name ({@code Utrecht}, any case). */
  public Optional<Province> provinceByCodeOrName(String codeOrName) {
    Province byCode = provinces.get(codeOrName);
    if (byCode != null) {
      return Optional.of(byCode);
    }
    return provinces.values().stream()
        .filter(p -> p.name().equalsIgnoreCase(codeOrName.trim()))
        .findFirst();
  }

  public Optional<SafetyRegion> region(String code) {
    return Optional.ofNullable(regions.get(code));
  }

  public Optional<Municipality> municipality(String code) {
    return Optional.ofNullable(municipalities.get(code));
  }

  public Optional<PoliceUnit> policeUnit(String code) {
    return Optional.ofNullable(policeUnits.get(code));
  }

  public Optional<Authority> authority(String code) {
    return Optional.ofNullable(authorities.get(code));
  }

  /**
   * The people to call for an authority, in order (holder, stand-in, officer on duty); empty when
   * the authority is unknown or the register has no chain.
   */
  public List<ChainContact> chain(String authorityCode) {
    return authority(authorityCode).map(Authority::chain).orElse(List.of());
  }

  /** The number of the first person in an authority's chain, when the register has one. */
  public Optional<Contact> phone(String authorityCode) {
    return chain(authorityCode).stream().findFirst().flatMap(ChainContact::phone);
  }

  /** The regions that share a border with {@code regionCode}, in code order. */
  public Set<String> neighboursOf(String regionCode) {
    return regionNeighbours.getOrDefault(regionCode, Set.of());
  }

  public List<Municipality> municipalitiesOf(String regionCode) {
    return municipalities.values().stream().filter(m -> m.regionCode().equals(regionCode)).toList();
  }

  public List<SafetyRegion> regionsOf(String provinceCode) {
    return regions.values().stream().filter(r -> r.provinceCode().equals(provinceCode)).toList();
  }

  private static <T> Map<String, T> index(
      java.util.stream.Stream<T> items, Function<T, String> key) {
    Map<String, T> map = new LinkedHashMap<>();
    items.forEach(
        item -> {
          if (map.put(key.apply(item), item) != null) {
            throw new IllegalStateException("duplicate code in reference data: " + key.apply(item));
          }
        });
    return Collections.unmodifiableMap(map);
  }

  private static <T> T required(Map<String, T> map, String key, String what) {
    T value = map.get(key);
    if (value == null) {
      throw new IllegalStateException("reference data names an unknown " + what + ": " + key);
    }
    return value;
  }
}
