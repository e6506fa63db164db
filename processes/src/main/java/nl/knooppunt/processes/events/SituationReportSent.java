package nl.knooppunt.processes.events;

import java.time.Instant;

/**
 * {@link EventType#SITUATIERAPPORT_VERSPREID}: a situation report went out (manhunt). Produced by
 * the workers. Id {@code <job key>#<type>}.
 *
 * @param recipients how many recipients
 * @param preparedAt when it was drawn up
 * @param origin the job
 */
public record SituationReportSent(int recipients, Instant preparedAt, Origin origin)
    implements EventPayload {}
