package nl.knooppunt.engine.conformance;

import java.util.List;

/**
 * How the suite sees incidents. The gateway protocol has no call that lists incidents (Operate
 * does, from secondary storage), yet {@code ResolveIncident} needs the incident key. This seam is
 * the only read the suite does besides the client's commands and job activations.
 *
 * <p>Against a Camunda 8 cluster it uses the Orchestration Cluster search API. Against the embedded
 * engine it uses the same client call; the engine answers {@code POST /v2/incidents/search} for
 * active incidents of one process instance (see README.md).
 */
public interface IncidentProbe {

  /** The active incidents of one process instance, oldest first (may lag on a real cluster). */
  List<IncidentView> activeIncidents(long processInstanceKey);

  /** What the suite asserts about an incident. */
  record IncidentView(
      long incidentKey, String errorType, String errorMessage, String elementId, Long jobKey) {}
}
