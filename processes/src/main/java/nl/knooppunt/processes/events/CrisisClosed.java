package nl.knooppunt.processes.events;

import nl.knooppunt.processes.variables.Evaluation;

/**
 * {@link EventType#CRISIS_AFGESLOTEN}: the crisis was closed after its evaluation. Produced by the
 * workers (job {@code knooppunt.crisis.afsluiten}). Id {@code <crisis id>#afgesloten}.
 *
 * @param evaluation the evaluation as the process recorded it; may be null
 * @param origin the job
 */
public record CrisisClosed(Evaluation evaluation, Origin origin) implements EventPayload {}
