package nl.knooppunt.processes.events;

import java.time.Instant;

/**
 * An acknowledgement of one notice. Shared by {@link EventType#BEVESTIGING} (on {@link
 * Topic#ACKNOWLEDGEMENTS}, key = notification id: from regional systems and from the gateway's API;
 * the workers correlate it with the waiting process) and {@link EventType#MELDING_BEVESTIGD} (on
 * {@link Topic#EVENTS}: the same fact in the read model and the logbook, produced by the gateway
 * only, id {@code melding-bevestigd:<notification id>}).
 *
 * @param notificationId the notice acknowledged
 * @param crisisId its crisis; may be null on the acknowledgements topic
 * @param acknowledgedBy who acknowledged
 * @param acknowledgedAt when; null: the event's time
 * @param route {@code KNOOPPUNT} (in the hub's pages or API), {@code KANAAL} (a regional system) or
 *     {@code LINK} (the personal link in an e-mail or SMS); may be null
 */
public record Acknowledgement(
    String notificationId,
    String crisisId,
    String acknowledgedBy,
    Instant acknowledgedAt,
    String route)
    implements EventPayload {

  public Acknowledgement {
    Required.text(notificationId, "notificationId");
    Required.text(acknowledgedBy, "acknowledgedBy");
  }

  /** Route of an acknowledgement made in the hub (its pages or API). */
  public static final String ROUTE_KNOOPPUNT = "KNOOPPUNT";

  /** Route of an acknowledgement from a regional system. */
  public static final String ROUTE_KANAAL = "KANAAL";

  /** Route of an acknowledgement from the personal link in an e-mail or SMS (no login). */
  public static final String ROUTE_LINK = "LINK";

  /** Event id of {@link EventType#MELDING_BEVESTIGD}: the same for every path it takes. */
  public static String eventId(String notificationId) {
    return "melding-bevestigd:" + notificationId;
  }
}
