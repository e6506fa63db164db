package nl.knooppunt.processes.events;

import java.time.Instant;

/**
 * One attempt to deliver a notice to one person of the recipient's contact chain over one channel
 * (e-mail, SMS; the hub inbox is the {@link Notice} itself). Produced by the workers on {@link
 * Topic#EVENTS} (key = crisis id, id {@link #eventId}) as {@link EventType#MELDING_AFLEVERPOGING};
 * the gateway shows it in the notification table and on {@code /berichten}, the logbook keeps it.
 *
 * @param notificationId the notice this attempt delivers
 * @param crisisId the crisis (a reachability test has its own id, {@code BT-…})
 * @param recipientCode the authority's directory code
 * @param recipientName the authority's name
 * @param chainOrder the person's place in the contact chain (1 = holder)
 * @param person the person's name as the register has it
 * @param channel {@code EMAIL} or {@code SMS}
 * @param address the address or number it went to
 * @param demoContact whether the address is a demo one
 * @param status what the channel said
 * @param detail the channel's reason when not accepted (SMTP reply, gateway error); may be null
 * @param subject the subject as sent (the first words of an SMS)
 * @param text the text as sent, with the personal acknowledgement link
 * @param at when the channel answered
 * @param origin the job that sent it
 */
public record DeliveryAttempt(
    String notificationId,
    String crisisId,
    String recipientCode,
    String recipientName,
    int chainOrder,
    String person,
    String channel,
    String address,
    boolean demoContact,
    Status status,
    String detail,
    String subject,
    String text,
    Instant at,
    Origin origin)
    implements EventPayload {

  public DeliveryAttempt {
    Required.text(notificationId, "notificationId");
    Required.text(channel, "channel");
    Required.value(status, "status");
  }

  /** What the channel answered. */
  public enum Status {
    /** The mail server or SMS gateway took the message. */
    GEACCEPTEERD,
    /**
     * The channel could not be reached or refused for a technical reason: the next one is tried.
     */
    MISLUKT,
    /** The address does not exist (a bounce, an unknown number): the next channel is tried. */
    ONBESTELBAAR
  }

  /** The event id: one per notice, person and channel, so a retried job writes the same event. */
  public static String eventId(String notificationId, int chainOrder, String channel) {
    return notificationId + "#aflevering/" + chainOrder + "/" + channel;
  }
}
