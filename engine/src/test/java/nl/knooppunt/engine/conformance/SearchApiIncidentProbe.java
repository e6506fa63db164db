package nl.knooppunt.engine.conformance;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.enums.IncidentState;
import io.camunda.client.api.search.response.Incident;
import java.util.List;

/**
 * {@link IncidentProbe} through the client's incident search request ({@code POST
 * /v2/incidents/search}), the same call against a cluster and the embedded engine.
 */
final class SearchApiIncidentProbe implements IncidentProbe {

  private final CamundaClient client;

  SearchApiIncidentProbe(final CamundaClient client) {
    this.client = client;
  }

  @Override
  public List<IncidentView> activeIncidents(final long processInstanceKey) {
    final List<Incident> items =
        client
            .newIncidentSearchRequest()
            .filter(f -> f.processInstanceKey(processInstanceKey).state(IncidentState.ACTIVE))
            .sort(s -> s.creationTime().asc())
            .send()
            .join()
            .items();
    return items.stream()
        .map(
            i ->
                new IncidentView(
                    i.getIncidentKey(),
                    i.getErrorType() == null ? null : i.getErrorType().name(),
                    i.getErrorMessage(),
                    i.getElementId(),
                    i.getJobKey()))
        .toList();
  }
}
