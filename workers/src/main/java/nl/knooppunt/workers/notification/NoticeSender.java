package nl.knooppunt.workers.notification;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.knooppunt.processes.events.CloudEvent;
import nl.knooppunt.processes.events.EventType;
import nl.knooppunt.processes.events.Topic;
import nl.knooppunt.workers.kafka.EventPublisher;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Writes a notice to {@code knooppunt.notifications.v1} (key = recipient code) and logs that it was
 * sent on {@code knooppunt.events.v1} (key = crisis id). Both records carry ids derived from the
 * notification id, so a retried job writes the same records and the consumers keep one. The text
 * that goes out ends with the hub's 24/7 contact line ({@value #HUB_CONTACT}); the data carries the
 * parts of the notice as their own fields too ({@code gebied}, {@code geldigTot}, {@code niveau},
 * {@code verwachting}, {@code contact}), so a page can show them separately.
 */
@Component
public class NoticeSender {

  static final String SOURCE = "/knooppunt/workers";

  /** The setting with the hub's 24/7 contact line under every notice. */
  public static final String HUB_CONTACT = "knooppunt.workers.hub-contact";

  /**
   * The default of {@value #HUB_CONTACT} in {@code workers.yaml}: a fictional number for
   * development, demos and exercises; production must give the real one.
   */
  public static final String DEMO_HUB_CONTACT =
      "Landelijk Knooppunt (NCC), 24/7 bereikbaar: 070 000 0000 (demonummer)";

  private final EventPublisher publisher;
  private final Clock clock;
  private final String hubContact;

  public NoticeSender(
      EventPublisher publisher, Clock clock, @Value("${" + HUB_CONTACT + "}") String hubContact) {
    this.publisher = publisher;
    this.clock = clock;
    this.hubContact = hubContact;
  }

  public void send(Notice notice, EventType loggedAs) {
    var now = clock.instant();
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("notificatieId", notice.notificationId());
    data.put("crisisId", notice.crisisId());
    data.put("ontvanger", notice.recipient().code());
    data.put("ontvangerNaam", notice.recipient().name());
    data.put("rol", notice.recipient().role().name());
    data.put("kanaal", notice.contact().channel().name());
    data.put("adres", notice.contact().address());
    data.put("demoContact", notice.contact().demo());
    data.put("soort", notice.kind());
    data.put("onderwerp", notice.markedSubject());
    data.put("tekst", notice.markedText(hubContact));
    data.put("gebied", notice.area());
    data.put("geldigTot", notice.validUntilInstant());
    data.put("niveau", notice.level());
    data.put("verwachting", notice.expectation());
    data.put("contact", hubContact);
    data.put("bevestigingVereist", notice.requiresAck());
    data.put("oefening", notice.exercise());
    publisher.publish(
        Topic.NOTIFICATIONS,
        notice.recipient().code(),
        CloudEvent.of(
            notice.notificationId(),
            EventType.NOTIFICATIE,
            SOURCE,
            now,
            notice.crisisId(),
            notice.exercise(),
            data));
    publisher.publish(
        Topic.EVENTS,
        notice.crisisId(),
        CloudEvent.of(
            notice.notificationId() + "#" + loggedAs.type(),
            loggedAs,
            SOURCE,
            now,
            notice.crisisId(),
            notice.exercise(),
            data));
  }
}
