package nl.knooppunt.processes.events;

import java.util.List;
import nl.knooppunt.processes.variables.AssistanceStart;
import nl.knooppunt.processes.variables.ManhuntStart;
import nl.knooppunt.processes.variables.ThreatLevelStart;

/**
 * {@link EventType#CRISIS_GESTART}: this crisis was started. Produced by whoever starts it: the
 * gateway for a start through the API, the manhunt worker for the linked level 5 it proposes. Id
 * {@code crisis-gestart:<crisis id>}.
 *
 * @param process the process id ({@code dreigingsniveau-5}, {@code manhunt}, {@code
 *     bijstandsaanvraag})
 * @param title what the crisis is called on the pages
 * @param area the area it concerns
 * @param regions the affected veiligheidsregio's (empty: the read model derives them from the area)
 * @param processInstanceKey the started instance; {@code null} when it was started by a message
 *     (the registration job's {@link ProcessRegistered} names it then)
 * @param startedBy who started it (account, or "manhunt MH-…")
 * @param linkedCrisisId the manhunt of a linked level 5, or the level 5 of a manhunt
 * @param threatLevelStart the start variables of a level 5 (else null)
 * @param manhuntStart the start variables of a manhunt (else null)
 * @param assistanceStart the start variables of an assistance request (else null)
 */
public record CrisisStarted(
    String process,
    String title,
    Area area,
    List<String> regions,
    Long processInstanceKey,
    String startedBy,
    String linkedCrisisId,
    ThreatLevelStart threatLevelStart,
    ManhuntStart manhuntStart,
    AssistanceStart assistanceStart)
    implements EventPayload {

  public CrisisStarted {
    Required.text(process, "process");
    regions = regions == null ? List.of() : List.copyOf(regions);
  }

  /** The start variables the process got, whichever process it is; null when none. */
  public Object startVariables() {
    return threatLevelStart != null
        ? threatLevelStart
        : manhuntStart != null ? manhuntStart : assistanceStart;
  }
}
