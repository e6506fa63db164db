package nl.knooppunt.engine.conformance;

import java.util.List;

/**
 * How the suite sees incidents. The gateway protocol has no call that lists incidents, yet {@code
 * ResolveIncident} needs the incident key, so the scenarios read them through the Orchestration
 * Cluster search API ({@code POST /v2/incidents/search}, {@link SearchApiIncidentProbe}) on both
 * sides: a Camunda 8 cluster answers from its secondary storage (may lag, the suite polls), the
 * embedded engine from its live state (see README.md).
 */
public interface IncidentProbe {

  /** The active incidents of one process instance, oldest first (may lag on a real cluster). */
  List<IncidentView> activeIncidents(long processInstanceKey);

  /** What the suite asserts about an incident. */
  record IncidentView(
      long incidentKey, String errorType, String errorMessage, String elementId, Long jobKey) {}
}
