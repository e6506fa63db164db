package nl.knooppunt.processes.events;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A new version of the measures that threat level 5 asks of each role, set by the beheerder in the
 * gateway (docs/adr/0023). Notices of declaring and extending level 5 carry the version in force
 * when they are sent.
 *
 * @param version 2, 3, … (version 1 is written from the seed documents and never an event)
 * @param measures per role ({@code GEMEENTE}, {@code VEILIGHEIDSREGIO}, {@code POLITIE_EENHEID},
 *     {@code OM}, {@code PARTNER}) the measures, in the order a recipient reads them
 */
public record MeasuresSet(int version, Map<String, List<String>> measures) implements EventPayload {

  public MeasuresSet {
    if (version < 2) {
      throw new IllegalArgumentException("version 1 comes from the seeds; an event sets 2 or more");
    }
    Required.value(measures, "measures");
    Map<String, List<String>> copy = new LinkedHashMap<>();
    measures.forEach((role, list) -> copy.put(role, list == null ? List.of() : List.copyOf(list)));
    measures = java.util.Collections.unmodifiableMap(copy);
  }
}
