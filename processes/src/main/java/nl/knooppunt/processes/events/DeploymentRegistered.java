package nl.knooppunt.processes.events;

import java.time.Instant;
import nl.knooppunt.processes.variables.AssistanceAllocation;

/**
 * {@link EventType#BIJSTAND_INZET_GEREGISTREERD}: a deployment was registered or extended. Produced
 * by the workers. Id {@code <job key>#<type>}.
 *
 * @param action {@code START} or {@code VERLENGEN}
 * @param requestId the request
 * @param until when the deployment ends
 * @param allocation the allocation (process variable {@code toewijzing}); may be null
 * @param origin the job
 */
public record DeploymentRegistered(
    String action, String requestId, Instant until, AssistanceAllocation allocation, Origin origin)
    implements EventPayload {

  /** The units allocated: the sum of the allocation's lines; null without lines. */
  public Integer allocated() {
    if (allocation == null || allocation.regels() == null || allocation.regels().isEmpty()) {
      return null;
    }
    return allocation.regels().stream().mapToInt(AssistanceAllocation.Line::aantal).sum();
  }
}
