package nl.knooppunt.processes.variables;

/**
 * Start variables of dreigingsniveau-5 (create instance, or message {@code
 * knooppunt.dreigingsniveau.voorstel}).
 *
 * @param voorgesteldEinde ISO 8601 date-time
 * @param gekoppeldeManhuntId crisisId of the manhunt that proposed it; null otherwise
 */
public record ThreatLevelStart(
    String crisisId,
    boolean exercise,
    LevelFiveArea gebied,
    String reden,
    String voorgesteldDoor,
    String voorgesteldEinde,
    String gekoppeldeManhuntId) {}
