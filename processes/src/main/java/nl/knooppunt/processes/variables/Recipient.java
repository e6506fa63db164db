package nl.knooppunt.processes.variables;

/**
 * One recipient of a notification (a gezag, region, police unit, KMar, OM or other partner).
 *
 * @param code directory code (gemeentecode, VR code, eenheid, ...)
 * @param naam readable name; may be null (the worker resolves it from the directory)
 * @param soort kind of recipient
 */
public record Recipient(String code, String naam, Kind soort) {
  public enum Kind {
    GEZAG,
    VEILIGHEIDSREGIO,
    POLITIE_EENHEID,
    KMAR,
    OM,
    PARTNER
  }
}
