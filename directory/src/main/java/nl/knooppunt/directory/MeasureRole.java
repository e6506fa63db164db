package nl.knooppunt.directory;

/**
 * The roles the list of level-5 measures speaks to ({@link LevelFiveMeasures}): what a notice asks
 * of a gemeente, a veiligheidsregio, a politie-eenheid, the OM or another partner. Several
 * directory roles share one list: the mayor speaks for the gemeente, the chair and the crisis
 * organisation for the region.
 */
public enum MeasureRole {
  GEMEENTE("gemeente"),
  VEILIGHEIDSREGIO("veiligheidsregio"),
  POLITIE_EENHEID("politie-eenheid"),
  OM("Openbaar Ministerie"),
  PARTNER("partner");

  private final String label;

  MeasureRole(String label) {
    this.label = label;
  }

  /** The Dutch name a page and a notice use. */
  public String label() {
    return label;
  }

  /** The list that applies to an authority of the directory; anyone else is a partner. */
  public static MeasureRole of(AuthorityRole role) {
    if (role == null) {
      return PARTNER;
    }
    return switch (role) {
      case BURGEMEESTER -> GEMEENTE;
      case VOORZITTER_VEILIGHEIDSREGIO, VEILIGHEIDSREGIO -> VEILIGHEIDSREGIO;
      case POLITIECHEF -> POLITIE_EENHEID;
      case HOOFDOFFICIER_VAN_JUSTITIE -> OM;
      default -> PARTNER;
    };
  }
}
