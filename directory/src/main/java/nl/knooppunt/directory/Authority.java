package nl.knooppunt.directory;

import java.util.List;

/**
 * Someone the hub notifies: a bestuurlijk gezag (burgemeester, voorzitter veiligheidsregio), the
 * justitieel gezag (the OM: parket, officier van justitie) or a partner (crisis organisation of a
 * region, police, KMar, national desks).
 *
 * @param code stable directory code, e.g. {@code BM-GM0344} (burgemeester of Utrecht)
 * @param name readable name, e.g. "Burgemeester van Utrecht"
 * @param role what the authority is
 * @param areaCode the municipality, region or police unit it acts for; {@code NL} for national
 *     partners
 * @param primary the contact tried first
 * @param fallback the contact used when the primary stays silent
 * @param chain the people to call, in order, when the notice stays unacknowledged after the
 *     fallback contact (empty when the register has none)
 */
public record Authority(
    String code,
    String name,
    AuthorityRole role,
    String areaCode,
    Contact primary,
    Contact fallback,
    List<ChainContact> chain) {

  public Authority {
    chain = chain == null ? List.of() : List.copyOf(chain);
  }

  /** The area code of national partners. */
  public static final String NATIONAL = "NL";

  /** A burgemeester or a voorzitter veiligheidsregio. */
  public boolean isGezag() {
    return role.kind() == AuthorityRole.Kind.BESTUURLIJK_GEZAG;
  }

  /** The OM (a parket or the Landelijk Parket). */
  public boolean isJustitieelGezag() {
    return role.kind() == AuthorityRole.Kind.JUSTITIEEL_GEZAG;
  }
}
