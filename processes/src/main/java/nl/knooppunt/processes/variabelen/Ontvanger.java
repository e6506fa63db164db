package nl.knooppunt.processes.variabelen;

/**
 * One recipient of a notification (a gezag, region, police unit, KMar, OM or other partner).
 *
 * @param code directory code (gemeentecode, VR code, eenheid, ...)
 * @param naam readable name; may be null (the worker resolves it from the directory)
 * @param soort kind of recipient
 */
public record Ontvanger(String code, String naam, Soort soort) {
  public enum Soort {
    GEZAG,
    VEILIGHEIDSREGIO,
    POLITIE_EENHEID,
    KMAR,
    OM,
    PARTNER
  }
}
