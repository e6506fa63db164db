package nl.knooppunt.processes.variabelen;

/** The LOCC review of a request. */
public record Beoordeling(
    Uitkomst uitkomst, String gevraagdeInformatie, String motivering, String beoordeeldDoor) {
  public enum Uitkomst {
    ACCEPTEREN,
    AFWIJZEN,
    MEER_INFORMATIE
  }
}
