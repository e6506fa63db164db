package nl.knooppunt.processes.events;

/**
 * Where the job that produced an event ran.
 *
 * @param process the BPMN process id (also a called one, e.g. {@code informeer-gezagen})
 * @param elementId the BPMN element of the job
 * @param processInstanceKey the instance the job belongs to
 */
public record Origin(String process, String elementId, Long processInstanceKey) {}
