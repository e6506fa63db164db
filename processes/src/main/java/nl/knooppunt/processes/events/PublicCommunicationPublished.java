package nl.knooppunt.processes.events;

import java.util.List;
import nl.knooppunt.processes.variables.PublicCommunication;

/**
 * {@link EventType#COMMUNICATIE_GEPUBLICEERD}: public communication went out; the channels
 * themselves consume this event. Produced by the workers. Id {@code <job key>#<type>}.
 *
 * @param phase {@code AFKONDIGING}, {@code VERLENGING} or {@code AFSCHALING}
 * @param inform what society is told (informeren)
 * @param courseOfAction what people can do (handelingsperspectief)
 * @param meaning what it means (duiding)
 * @param channels where it is published
 * @param localMessages the affected municipalities' own messages published with it (in the order
 *     given; none when every municipality stayed silent within the SLA)
 * @param origin the job
 */
public record PublicCommunicationPublished(
    String phase,
    String inform,
    String courseOfAction,
    String meaning,
    List<PublicCommunication.Channel> channels,
    List<LocalMessage> localMessages,
    Origin origin)
    implements EventPayload {

  public PublicCommunicationPublished {
    channels = channels == null ? List.of() : List.copyOf(channels);
    localMessages = localMessages == null ? List.of() : List.copyOf(localMessages);
  }

  /**
   * One municipality's local message as published.
   *
   * @param municipality its code (GM…)
   * @param message the text
   * @param by who wrote it
   */
  public record LocalMessage(String municipality, String message, String by) {}
}
