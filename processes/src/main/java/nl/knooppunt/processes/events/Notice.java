package nl.knooppunt.processes.events;

import java.time.Instant;
import java.util.List;

/**
 * One notice to one authority. Shared by {@link EventType#NOTIFICATIE} (the notice itself on {@link
 * Topic#NOTIFICATIONS}, key = recipient code, id = the notification id) and the logbook's {@link
 * EventType#MELDING_VERSTUURD} and {@link EventType#MELDING_FALLBACK_VERSTUURD} on {@link
 * Topic#EVENTS} (id {@code <notification id>#<type>}): the same facts. Produced by the workers.
 *
 * @param notificationId {@code <crisis>/<round>/<recipient code>}; a fallback notice ends in {@code
 *     /fallback}
 * @param crisisId the crisis
 * @param recipientCode the authority's directory code ({@code BM-GM0344}, {@code VZ-VR09}, {@code
 *     VR09}, …)
 * @param recipientName the authority's name
 * @param role the authority's role in the directory ({@code BURGEMEESTER}, …)
 * @param channel {@code EMAIL}, {@code SMS}, …
 * @param address where it went
 * @param demoContact whether the address is a demo one
 * @param kind {@code AFKONDIGING}, {@code GRIP_ADVIES}, {@code SITUATIERAPPORT}, …
 * @param subject the subject as sent (marked OEFENING in an exercise)
 * @param text the text as sent, one fact per line
 * @param area the area's name; may be null
 * @param validUntil until when the decision holds; may be null
 * @param level the level in force after the decision; may be null
 * @param expectation what the recipient is expected to do; may be null
 * @param contact the hub's 24/7 contact line under the notice
 * @param measuresVersion the version of the level-5 measures the notice carried; null when it
 *     carried none
 * @param measuresRole the role the measures were for ({@code gemeente}, …); null when none
 * @param measures the measures for the recipient's role as sent; empty when none
 * @param requiresAck whether the hub waits for an acknowledgement
 */
public record Notice(
    String notificationId,
    String crisisId,
    String recipientCode,
    String recipientName,
    String role,
    String channel,
    String address,
    boolean demoContact,
    String kind,
    String subject,
    String text,
    String area,
    Instant validUntil,
    Integer level,
    String expectation,
    String contact,
    Integer measuresVersion,
    String measuresRole,
    List<String> measures,
    boolean requiresAck)
    implements EventPayload {

  public Notice {
    Required.text(notificationId, "notificationId");
    measures = measures == null ? List.of() : List.copyOf(measures);
  }
}
