package nl.knooppunt.processes.variables;

/** Start variables of bijstandsaanvraag. */
public record AssistanceStart(
    String crisisId,
    String aanvraagId,
    boolean exercise,
    AssistanceRequest aanvraag,
    String aangevraagdDoor) {}
