package nl.knooppunt.directory;

/** What an authority is in a crisis, with the Dutch title the pages and notices use. */
public enum AuthorityRole {
  BURGEMEESTER("burgemeester", Kind.GEZAG),
  VOORZITTER_VEILIGHEIDSREGIO("voorzitter veiligheidsregio", Kind.GEZAG),
  VEILIGHEIDSREGIO("crisisorganisatie veiligheidsregio", Kind.PARTNER),
  POLITIECHEF("politiechef", Kind.PARTNER),
  HOOFDOFFICIER_VAN_JUSTITIE("hoofdofficier van justitie", Kind.PARTNER),
  KMAR("commandant Koninklijke Marechaussee", Kind.PARTNER),
  NCC("Nationaal Crisiscentrum", Kind.PARTNER),
  NCTV("Nationaal Coördinator Terrorismebestrijding en Veiligheid", Kind.PARTNER),
  LOCC("Landelijk Operationeel Coördinatiecentrum", Kind.PARTNER);

  /** A gezag holds public authority; a partner acts in the crisis structure. */
  public enum Kind {
    GEZAG,
    PARTNER
  }

  private final String title;
  private final Kind kind;

  AuthorityRole(String title, Kind kind) {
    this.title = title;
    this.kind = kind;
  }

  public String title() {
    return title;
  }

  public Kind kind() {
    return kind;
  }
}
