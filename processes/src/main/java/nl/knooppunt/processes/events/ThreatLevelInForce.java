package nl.knooppunt.processes.events;

import java.time.Instant;

/**
 * {@link EventType#DREIGINGSNIVEAU_VAN_KRACHT}: the level in force in one municipality, the record
 * of the compacted topic {@link Topic#THREAT_LEVELS} (key = GM code, {@code OEFENING/GM…} for an
 * exercise). Produced by the workers with every {@link ThreatLevelChanged}. Id {@code <job key>#<GM
 * code>}.
 *
 * @param municipalityCode GM code
 * @param municipalityName its name
 * @param vrCode its veiligheidsregio
 * @param level 1 to 5
 * @param validUntil until when; null for a lowered level
 * @param action the action that set it ({@code AFKONDIGEN}, {@code VERLENGEN}, {@code AFSCHALEN})
 * @param crisisId the crisis that set it
 */
public record ThreatLevelInForce(
    String municipalityCode,
    String municipalityName,
    String vrCode,
    Integer level,
    Instant validUntil,
    String action,
    String crisisId)
    implements EventPayload {

  public ThreatLevelInForce {
    Required.text(municipalityCode, "municipalityCode");
    Required.value(level, "level");
  }
}
