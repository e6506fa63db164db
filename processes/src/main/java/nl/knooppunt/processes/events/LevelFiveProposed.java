package nl.knooppunt.processes.events;

/**
 * {@link EventType#DREIGINGSNIVEAU_VOORGESTELD}: a manhunt proposed a linked level 5 (on the
 * manhunt; the level 5 itself starts with its own {@link CrisisStarted}). Produced by the workers.
 * Id {@code <job key>#<type>}.
 *
 * @param linkedCrisisId the proposed level 5
 * @param area its area
 * @param origin the job
 */
public record LevelFiveProposed(String linkedCrisisId, Area area, Origin origin)
    implements EventPayload {}
