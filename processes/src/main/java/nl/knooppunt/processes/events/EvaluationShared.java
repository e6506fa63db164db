package nl.knooppunt.processes.events;

import java.util.List;

/**
 * The evaluation of a crisis was shared with the regions in scope (those involved in the crisis,
 * and for a manhunt those of its linked level 5): from then on they can read it. Made in the
 * gateway.
 *
 * @param regions the veiligheidsregio codes that may read it
 */
public record EvaluationShared(List<String> regions) implements EventPayload {

  public EvaluationShared {
    regions = List.copyOf(Required.value(regions, "regions"));
  }
}
