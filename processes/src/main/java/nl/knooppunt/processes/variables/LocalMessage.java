package nl.knooppunt.processes.variables;

/**
 * The local message one affected municipality's gezag adds to the public communication before it is
 * published (e.g. "blijf binnen"); a municipality that stays silent within the SLA has none.
 *
 * @param gemeente the municipality code (GM…)
 * @param boodschap the local message
 * @param opgesteldDoor who wrote it (set by the hub from the signed-in user)
 */
public record LocalMessage(String gemeente, String boodschap, String opgesteldDoor) {}
