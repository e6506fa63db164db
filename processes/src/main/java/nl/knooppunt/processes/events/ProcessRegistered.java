package nl.knooppunt.processes.events;

/**
 * {@link EventType#PROCES_GEREGISTREERD}: the process of a crisis registered itself (its first
 * job): the instance key of the crisis, also when a message started it. Produced by the workers'
 * registration job of every crisis process. Id {@code <crisis id>#geregistreerd}.
 *
 * @param process the kind of crisis (the job's header {@code proces}, else the process id)
 * @param origin the job, with the crisis' process instance key
 */
public record ProcessRegistered(String process, Origin origin) implements EventPayload {

  public ProcessRegistered {
    Required.text(process, "process");
    Required.value(origin, "origin");
  }
}
