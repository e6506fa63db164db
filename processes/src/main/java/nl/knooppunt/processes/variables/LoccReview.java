package nl.knooppunt.processes.variables;

/** The LOCC review of a request. */
public record LoccReview(
    Outcome uitkomst, String gevraagdeInformatie, String motivering, String beoordeeldDoor) {
  public enum Outcome {
    ACCEPTEREN,
    AFWIJZEN,
    MEER_INFORMATIE
  }
}
