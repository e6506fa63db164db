package nl.knooppunt.processes.variabelen;

/** Start variables of bijstandsaanvraag. */
public record BijstandStart(
    String crisisId,
    String aanvraagId,
    boolean exercise,
    Aanvraag aanvraag,
    String aangevraagdDoor) {}
