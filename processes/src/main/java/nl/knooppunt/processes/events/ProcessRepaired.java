package nl.knooppunt.processes.events;

/**
 * {@link EventType#PROCES_OPNIEUW_GEPROBEERD} and {@link EventType#PROCES_GEANNULEERD}: the
 * beheerder repaired a process that stood still, on the beheer page: retried the step of an
 * incident (retries back and the incident resolved), or cancelled the whole instance with a reason.
 * The actor of the event is the beheerder. Produced by the gateway. Ids {@code
 * opnieuw-geprobeerd:<incident key>} and {@code geannuleerd:<process instance key>}, so a repeated
 * click records the repair once.
 *
 * @param processInstanceKey the instance repaired
 * @param processId its BPMN process id
 * @param incidentKey the incident retried; {@code null} for a cancellation without one
 * @param elementId the step retried or where the instance stood still; {@code null} when unknown
 * @param reason why the beheerder cancelled (required for a cancellation); {@code null} for a retry
 */
public record ProcessRepaired(
    Long processInstanceKey, String processId, Long incidentKey, String elementId, String reason)
    implements EventPayload {

  public ProcessRepaired {
    Required.value(processInstanceKey, "processInstanceKey");
  }
}
