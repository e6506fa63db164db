package nl.knooppunt.directory;

/**
 * Someone the hub notifies: a gezag (burgemeester, voorzitter veiligheidsregio) or a partner
 * (crisis organisation of a region, police, OM, KMar, national desks).
 *
 * @param code stable directory code, e.g. {@code BM-GM0344} (burgemeester of Utrecht)
 * @param name readable name, e.g. "Burgemeester van Utrecht"
 * @param role what the authority is
 * @param areaCode the municipality, region or police unit it acts for; {@code NL} for national
 *     partners
 * @param primary the contact tried first
 * @param fallback the contact used when the primary stays silent
 */
public record Authority(
    String code,
    String name,
    AuthorityRole role,
    String areaCode,
    Contact primary,
    Contact fallback) {

  /** The area code of national partners. */
  public static final String NATIONAL = "NL";

  public boolean isGezag() {
    return role.kind() == AuthorityRole.Kind.GEZAG;
  }
}
