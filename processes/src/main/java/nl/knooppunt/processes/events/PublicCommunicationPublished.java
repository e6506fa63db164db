package nl.knooppunt.processes.events;

import java.util.List;
import nl.knooppunt.processes.variables.PublicCommunication;

/**
 * {@link EventType#COMMUNICATIE_GEPUBLICEERD}: public communication went out; the channels
 * themselves consume this event. Produced by the workers. Id {@code <job key>#<type>}.
 *
 * @param phase {@code AFKONDIGING} or {@code AFSCHALING}
 * @param inform what society is told (informeren)
 * @param courseOfAction what people can do (handelingsperspectief)
 * @param meaning what it means (duiding)
 * @param channels where it is published
 * @param origin the job
 */
public record PublicCommunicationPublished(
    String phase,
    String inform,
    String courseOfAction,
    String meaning,
    List<PublicCommunication.Channel> channels,
    Origin origin)
    implements EventPayload {

  public PublicCommunicationPublished {
    channels = channels == null ? List.of() : List.copyOf(channels);
  }
}
