package nl.knooppunt.gateway.directory;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import nl.knooppunt.api.model.Municipality;
import nl.knooppunt.api.model.Region;
import nl.knooppunt.directory.PoliceUnit;
import nl.knooppunt.directory.Province;
import nl.knooppunt.directory.SafetyRegion;
import org.springframework.stereotype.Component;

/**
 * The gateway's adapter to the {@code directory} module (ADR 0004; its {@link
 * nl.knooppunt.directory.Directory} holds the data): regions, gemeenten and provinces in the API's
 * types, and the area lookups the API and the pages need. The data is read once from the module's
 * versioned CSV files; nothing is copied into the database.
 */
@Component
public class DirectoryAdapter {

  /** CBS province codes with their names, in code order. */
  public static final Map<String, String> PROVINCE_CODES;

  private static final nl.knooppunt.directory.Directory DATA =
      nl.knooppunt.directory.Directory.referenceData();

  /**
   * Contacts of the authorities: the demo contact book in the embedded default (every number
   * fictional and marked demo); a real contact register is needed before going live.
   */
  private final nl.knooppunt.directory.Directory contacts;

  public DirectoryAdapter() {
    this(new nl.knooppunt.directory.DemoContactBook());
  }

  DirectoryAdapter(nl.knooppunt.directory.ContactBook book) {
    this.contacts = nl.knooppunt.directory.Directory.load(book);
  }

  static {
    Map<String, String> codes = new LinkedHashMap<>();
    DATA.provinces().stream()
        .sorted(java.util.Comparator.comparing(Province::code))
        .forEach(p -> codes.put(p.code(), p.name()));
    PROVINCE_CODES = Collections.unmodifiableMap(codes);
  }

  /** The 25 regions with province name, police unit name and neighbours. */
  public List<Region> regions() {
    List<Region> out = new ArrayList<>();
    DATA.regions().stream()
        .sorted(java.util.Comparator.comparing(SafetyRegion::code))
        .forEach(
            r -> {
              Region region = new Region(r.code(), r.name());
              region.setProvince(PROVINCE_CODES.get(r.provinceCode()));
              region.setPoliceUnit(
                  DATA.policeUnit(r.policeUnitCode())
                      .map(PoliceUnit::name)
                      .orElse(r.policeUnitCode()));
              region.setNeighbours(new ArrayList<>(new TreeSet<>(DATA.neighboursOf(r.code()))));
              out.add(region);
            });
    return out;
  }

  /** Gemeenten, optionally of one region (VR code) or one province (name, any case). */
  public List<Municipality> municipalities(String vrCode, String province) {
    return DATA.municipalities().stream()
        .filter(m -> vrCode == null || m.regionCode().equals(vrCode))
        .filter(
            m ->
                province == null
                    || DATA.region(m.regionCode())
                        .map(r -> PROVINCE_CODES.get(r.provinceCode()))
                        .filter(name -> name.equalsIgnoreCase(province))
                        .isPresent())
        .sorted(java.util.Comparator.comparing(nl.knooppunt.directory.Municipality::code))
        .map(m -> new Municipality(m.code(), m.name(), m.regionCode()))
        .toList();
  }

  public boolean regionExists(String vrCode) {
    return vrCode != null && DATA.region(vrCode).isPresent();
  }

  public Optional<String> regionName(String vrCode) {
    return vrCode == null ? Optional.empty() : DATA.region(vrCode).map(SafetyRegion::name);
  }

  /** The name of a gemeente. */
  public Optional<String> municipalityName(String gmCode) {
    return gmCode == null
        ? Optional.empty()
        : DATA.municipality(gmCode).map(nl.knooppunt.directory.Municipality::name);
  }

  public Optional<String> regionOfMunicipality(String gmCode) {
    return gmCode == null
        ? Optional.empty()
        : DATA.municipality(gmCode).map(nl.knooppunt.directory.Municipality::regionCode);
  }

  /** An authority the hub notifies ({@code BM-GM0344}, {@code VZ-VR09}, {@code KMAR}, ...). */
  public Optional<nl.knooppunt.directory.Authority> authority(String code) {
    return code == null ? Optional.empty() : DATA.authority(code);
  }

  /** Every authority the hub notifies, in code order. */
  public List<nl.knooppunt.directory.Authority> authorities() {
    return DATA.authorities().stream()
        .sorted(java.util.Comparator.comparing(nl.knooppunt.directory.Authority::code))
        .toList();
  }

  /**
   * The demo contact chain of an authority (the embedded default's fictional contacts, each marked
   * demo), as the workers fall back to it when the contact register has no chain; empty for an
   * unknown authority.
   */
  public List<nl.knooppunt.directory.ChainContact> demoChain(String authorityCode) {
    return authorityCode == null ? List.of() : contacts.chain(authorityCode);
  }

  /** The number to call an authority on ("070 000 1234 (demonummer)"), when there is one. */
  public Optional<String> phone(String authorityCode) {
    return authorityCode == null
        ? Optional.empty()
        : contacts.phone(authorityCode).map(c -> c.address() + (c.demo() ? " (demonummer)" : ""));
  }

  /**
   * The people of an authority's contact chain, in calling order, each as "name", "function" and
   * "number" ("070 000 1234 (demonummer)"); empty for an unknown authority.
   */
  public List<Map<String, String>> chain(String authorityCode) {
    return authorityCode == null
        ? List.of()
        : contacts.chain(authorityCode).stream()
            .map(
                c ->
                    Map.of(
                        "name",
                        c.name(),
                        "function",
                        c.function(),
                        "number",
                        c.phone()
                            .map(p -> p.address() + (p.demo() ? " (demonummer)" : ""))
                            .orElse("geen nummer in het contactregister")))
            .toList();
  }

  /**
   * The authorities a signed-in user answers for, by code: a gezag for its mayor, a region for the
   * region and its chair, the police for its unit's chief, the OM for its chief prosecutors and the
   * national office, the duty officer for the NCC.
   */
  public java.util.Set<String> recipientCodesOf(nl.knooppunt.gateway.security.KnooppuntUser user) {
    java.util.Set<String> codes = new java.util.TreeSet<>();
    if (user.has(nl.knooppunt.gateway.security.Rol.GEZAG) && user.municipalityCode() != null) {
      codes.add(nl.knooppunt.directory.AuthorityCodes.mayor(user.municipalityCode()));
    }
    if (user.has(nl.knooppunt.gateway.security.Rol.REGIO) && user.vrCode() != null) {
      codes.add(user.vrCode());
      codes.add(nl.knooppunt.directory.AuthorityCodes.regionChair(user.vrCode()));
    }
    if (user.has(nl.knooppunt.gateway.security.Rol.POLITIE) && user.policeUnit() != null) {
      DATA.policeUnits().stream()
          .filter(
              u ->
                  u.code().equalsIgnoreCase(user.policeUnit())
                      || u.name().equalsIgnoreCase(user.policeUnit()))
          .forEach(u -> codes.add(nl.knooppunt.directory.AuthorityCodes.policeChief(u.code())));
    }
    for (nl.knooppunt.directory.Authority a : DATA.authorities()) {
      boolean om =
          user.has(nl.knooppunt.gateway.security.Rol.OM)
              && a.role() == nl.knooppunt.directory.AuthorityRole.HOOFDOFFICIER_VAN_JUSTITIE;
      boolean ncc =
          user.has(nl.knooppunt.gateway.security.Rol.LANDELIJK_OPERATOR)
              && a.role() == nl.knooppunt.directory.AuthorityRole.NCC;
      if (om || ncc) {
        codes.add(a.code());
      }
    }
    return codes;
  }

  /** The neighbouring regions of a region, sorted; empty for an unknown region. */
  public List<String> neighboursOf(String vrCode) {
    return vrCode == null ? List.of() : new ArrayList<>(new TreeSet<>(DATA.neighboursOf(vrCode)));
  }

  /**
   * The regions of a police unit, by the unit's code ({@code MIDDEN-NEDERLAND}) or name ({@code
   * Midden-Nederland}), sorted; empty for an unknown unit.
   */
  public List<String> regionsOfPoliceUnit(String unit) {
    if (unit == null) {
      return List.of();
    }
    java.util.Set<String> codes = new java.util.HashSet<>();
    DATA.policeUnits().stream()
        .filter(u -> u.code().equalsIgnoreCase(unit) || u.name().equalsIgnoreCase(unit))
        .forEach(u -> codes.add(u.code()));
    return DATA.regions().stream()
        .filter(r -> codes.contains(r.policeUnitCode()))
        .map(SafetyRegion::code)
        .sorted()
        .toList();
  }

  /** A province code (PV26) or name (Utrecht) as its canonical PV code, if known. */
  public Optional<String> provinceCode(String codeOrName) {
    return codeOrName == null
        ? Optional.empty()
        : DATA.provinceByCodeOrName(codeOrName.trim()).map(Province::code);
  }

  /** The regions of a province (by PV code), sorted. */
  public List<String> regionsOfProvince(String pvCode) {
    return DATA.regionsOf(pvCode).stream().map(SafetyRegion::code).sorted().toList();
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
