package nl.knooppunt.directory;

/** The scheme of authority codes: role prefix + the code of the area it acts for. */
public final class AuthorityCodes {

  private AuthorityCodes() {}

  /** The burgemeester of a gemeente: {@code BM-GM0344}. */
  public static String mayor(String municipalityCode) {
    return "BM-" + municipalityCode;
  }

  /** The voorzitter of a veiligheidsregio: {@code VZ-VR09}. */
  public static String regionChair(String regionCode) {
    return "VZ-" + regionCode;
  }

  /** The politiechef of a unit: {@code PC-MIDDEN-NEDERLAND}. */
  public static String policeChief(String unitCode) {
    return "PC-" + unitCode;
  }

  /** The hoofdofficier van justitie of an arrondissementsparket: {@code HOVJ-MIDDEN-NEDERLAND}. */
  public static String chiefProsecutor(String prosecutorOfficeCode) {
    return "HOVJ-" + prosecutorOfficeCode;
  }
}
