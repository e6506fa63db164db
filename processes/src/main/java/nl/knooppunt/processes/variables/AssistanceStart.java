package nl.knooppunt.processes.variables;

/**
 * Start variables of bijstandsaanvraag.
 *
 * @param gekoppeldeCrisisId the crisis the request serves (a level 5 or a manhunt); may be null. A
 *     linked request is a deployment under threat: it starts only after a joint risk assessment.
 */
public record AssistanceStart(
    String crisisId,
    String aanvraagId,
    boolean exercise,
    AssistanceRequest aanvraag,
    String aangevraagdDoor,
    String gekoppeldeCrisisId) {}
