package nl.knooppunt.processes.events;

/**
 * {@link EventType#PROCES_HERSTELD}: the incident was resolved (retried, or the instance
 * cancelled): the process goes on. Produced by the gateway's incident watcher. Id {@code
 * incident-hersteld:<incident key>}.
 *
 * @param incidentKey the incident
 */
public record ProcessResumed(Long incidentKey) implements EventPayload {

  public ProcessResumed {
    Required.value(incidentKey, "incidentKey");
  }
}
