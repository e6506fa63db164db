package nl.knooppunt.processes.events;

/**
 * {@link EventType#LOGBOEK_FEIT}: a fact for the logbook, named by the BPMN task's header {@code
 * gebeurtenis}. Produced by the workers (job {@code knooppunt.logboek.vastleggen}). Id {@code <job
 * key>#<type>}.
 *
 * @param fact what happened: {@code STILZWIJGEN_REGIO}, {@code STILZWIJGEN_AANBOD} (silences, in
 *     the evaluation), {@code VIER_OGEN_GEWEIGERD}, …
 * @param decision the decision concerned (header {@code besluit}); may be null
 * @param vrCode the region concerned; may be null
 * @param origin the job
 */
public record FactRecorded(String fact, String decision, String vrCode, Origin origin)
    implements EventPayload {}
