package nl.knooppunt.processes.events;

/**
 * A task's term passed. Shared by {@link EventType#SLA_HERINNERING} (a reminder) and {@link
 * EventType#SLA_ESCALATIE} (an escalation, counted in the evaluation). Produced by the workers. Id
 * {@code <job key>#<type>}.
 *
 * @param task the BPMN element id of the task (header {@code taak})
 * @param sla the term, ISO 8601 duration (header {@code sla})
 * @param escalateTo the candidate group escalated to (header {@code escalerenNaar}); may be null
 * @param vrCode the region concerned; may be null
 * @param origin the job
 */
public record SlaPassed(String task, String sla, String escalateTo, String vrCode, Origin origin)
    implements EventPayload {}
