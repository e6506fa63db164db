package nl.knooppunt.processes.events;

/**
 * {@link EventType#AFSCHALING_VOORGESTELD}: a manhunt that ended proposed to lower its linked level
 * 5. Produced by the workers. Id {@code <job key>#<type>}.
 *
 * @param linkedCrisisId the level 5
 * @param origin the job
 */
public record LoweringProposed(String linkedCrisisId, Origin origin) implements EventPayload {}
