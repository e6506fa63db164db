package nl.knooppunt.processes.events;

/**
 * {@link EventType#GRIP_ADVIES_GEGEVEN}: the hub advised a region to scale up (manhunt). Produced
 * by the workers. Id {@code <job key>#<type>}.
 *
 * @param vrCode the region advised
 * @param gripLevel the GRIP level advised
 * @param reason {@code MANHUNT} or {@code MOGELIJK_TERRORISTISCH_MOTIEF}
 * @param origin the job
 */
public record GripAdviceGiven(String vrCode, Integer gripLevel, String reason, Origin origin)
    implements EventPayload {}
