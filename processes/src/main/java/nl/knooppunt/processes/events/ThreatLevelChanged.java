package nl.knooppunt.processes.events;

import java.time.Instant;
import java.util.List;

/**
 * {@link EventType#DREIGINGSNIVEAU_GEWIJZIGD}: the threat level of an area changed. Produced by the
 * workers (job {@code knooppunt.dreigingsniveau.registreren}). Id {@code <job key>#<type>}.
 *
 * @param action {@code AFKONDIGEN}, {@code VERLENGEN}, {@code AFSCHALEN} (or {@code REGISTREREN})
 * @param level 1 to 5
 * @param area the area of the decision
 * @param validUntil until when level 5 holds; null for a lowered level (it holds until the next
 *     change)
 * @param regions the veiligheidsregio's of the area
 * @param municipalities the municipalities of the area (one level each)
 * @param origin the job
 */
public record ThreatLevelChanged(
    String action,
    Integer level,
    Area area,
    Instant validUntil,
    List<String> regions,
    List<String> municipalities,
    Origin origin)
    implements EventPayload {

  public ThreatLevelChanged {
    Required.value(level, "level");
    regions = regions == null ? List.of() : List.copyOf(regions);
    municipalities = municipalities == null ? List.of() : List.copyOf(municipalities);
  }
}
