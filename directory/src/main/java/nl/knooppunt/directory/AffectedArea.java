package nl.knooppunt.directory;

import java.util.List;

/**
 * What an {@link Area} touches: its gemeenten, veiligheidsregio's, provinces and police units, and
 * the gezagen and partners to notify, each once, in a stable order.
 */
public record AffectedArea(
    List<Municipality> municipalities,
    List<SafetyRegion> regions,
    List<Province> provinces,
    List<PoliceUnit> policeUnits,
    List<Authority> recipients) {

  public List<String> regionCodes() {
    return regions.stream().map(SafetyRegion::code).toList();
  }

  public List<Authority> gezagen() {
    return recipients.stream().filter(Authority::isGezag).toList();
  }

  /** The OM parketten of the area and the Landelijk Parket. */
  public List<Authority> justitieelGezag() {
    return recipients.stream().filter(Authority::isJustitieelGezag).toList();
  }

  public List<Authority> partners() {
    return recipients.stream().filter(a -> a.role().kind() == AuthorityRole.Kind.PARTNER).toList();
  }
}
