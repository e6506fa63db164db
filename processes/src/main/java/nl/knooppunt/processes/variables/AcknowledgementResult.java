package nl.knooppunt.processes.variables;

/**
 * Outcome per recipient of informeer-gezagen ({@code bevestigingen} is a list of these).
 *
 * @param ontvanger recipient code
 * @param notificatieId correlation key: {@code referentie + "/" + ontvanger.code}
 * @param status BEVESTIGD, TELEFONISCH_BEVESTIGD or NIET_BEREIKT
 * @param route how it was acknowledged
 * @param bevestigdOp ISO 8601 date-time
 * @param bevestigdDoor who acknowledged
 * @param toelichting note of the duty officer (phone route only)
 */
public record AcknowledgementResult(
    String ontvanger,
    String notificatieId,
    Status status,
    Route route,
    String bevestigdOp,
    String bevestigdDoor,
    String toelichting) {
  public enum Status {
    BEVESTIGD,
    TELEFONISCH_BEVESTIGD,
    NIET_BEREIKT
  }

  public enum Route {
    KANAAL,
    FALLBACK,
    TELEFOON,
    NA_ESCALATIE
  }
}
