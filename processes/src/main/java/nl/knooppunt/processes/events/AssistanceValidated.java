package nl.knooppunt.processes.events;

import java.util.List;
import nl.knooppunt.processes.variables.AssistanceRequest;

/**
 * {@link EventType#BIJSTAND_GEVALIDEERD}: an assistance request was checked and its candidate
 * regions found. Produced by the workers. Id {@code <job key>#<type>}.
 *
 * @param requestId the request
 * @param request the request (process variable {@code aanvraag})
 * @param candidateRegions the regions asked to offer, nearest first
 * @param origin the job
 */
public record AssistanceValidated(
    String requestId, AssistanceRequest request, List<String> candidateRegions, Origin origin)
    implements EventPayload {

  public AssistanceValidated {
    candidateRegions = candidateRegions == null ? List.of() : List.copyOf(candidateRegions);
  }
}
