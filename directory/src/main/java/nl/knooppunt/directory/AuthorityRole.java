package nl.knooppunt.directory;

/**
 * What an authority is in a crisis, with the Dutch titles the pages and notices use: the holder's
 * and the stand-in's.
 */
public enum AuthorityRole {
  BURGEMEESTER("burgemeester", "loco-burgemeester", Kind.BESTUURLIJK_GEZAG),
  VOORZITTER_VEILIGHEIDSREGIO(
      "voorzitter veiligheidsregio",
      "plaatsvervangend voorzitter veiligheidsregio",
      Kind.BESTUURLIJK_GEZAG),
  VEILIGHEIDSREGIO(
      "crisisorganisatie veiligheidsregio",
      "plaatsvervangend directeur veiligheidsregio",
      Kind.PARTNER),
  POLITIECHEF("politiechef", "plaatsvervangend politiechef", Kind.PARTNER),
  /**
   * The OM: the parket and its officieren van justitie, led by the hoofdofficier. The OM holds the
   * justitieel gezag (it leads the criminal investigation), so it is no partner.
   */
  HOOFDOFFICIER_VAN_JUSTITIE(
      "hoofdofficier van justitie",
      "plaatsvervangend hoofdofficier van justitie",
      Kind.JUSTITIEEL_GEZAG),
  KMAR(
      "commandant Koninklijke Marechaussee",
      "plaatsvervangend commandant Koninklijke Marechaussee",
      Kind.PARTNER),
  NCC("Nationaal Crisiscentrum", "plaatsvervangend hoofd Nationaal Crisiscentrum", Kind.PARTNER),
  NCTV(
      "Nationaal Coördinator Terrorismebestrijding en Veiligheid",
      "plaatsvervangend Nationaal Coördinator Terrorismebestrijding en Veiligheid",
      Kind.PARTNER),
  LOCC(
      "Landelijk Operationeel Coördinatiecentrum",
      "plaatsvervangend hoofd Landelijk Operationeel Coördinatiecentrum",
      Kind.PARTNER);

  /**
   * A bestuurlijk gezag (burgemeester, voorzitter veiligheidsregio) holds public authority over
   * public order and the crisis organisation; the justitieel gezag (the OM, parket and officier van
   * justitie) over criminal investigation and prosecution; a partner acts in the crisis structure.
   */
  public enum Kind {
    BESTUURLIJK_GEZAG,
    JUSTITIEEL_GEZAG,
    PARTNER
  }

  private final String title;
  private final String deputyTitle;
  private final Kind kind;

  AuthorityRole(String title, String deputyTitle, Kind kind) {
    this.title = title;
    this.deputyTitle = deputyTitle;
    this.kind = kind;
  }

  public String title() {
    return title;
  }

  /** The title of the holder's stand-in, e.g. "loco-burgemeester". */
  public String deputyTitle() {
    return deputyTitle;
  }

  public Kind kind() {
    return kind;
  }
}
