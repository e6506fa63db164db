package nl.knooppunt.processes.events;

import nl.knooppunt.processes.variables.AssistanceCosts;

/**
 * {@link EventType#BIJSTAND_KOSTEN_GEREGISTREERD}: the costs of a deployment were registered.
 * Produced by the workers. Id {@code <job key>#<type>}.
 *
 * @param requestId the request
 * @param costs the costs (process variable {@code kosten})
 * @param origin the job
 */
public record CostsRegistered(String requestId, AssistanceCosts costs, Origin origin)
    implements EventPayload {}
