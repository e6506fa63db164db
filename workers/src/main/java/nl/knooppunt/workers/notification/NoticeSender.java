package nl.knooppunt.workers.notification;

import java.time.Clock;
import java.util.List;
import nl.knooppunt.processes.events.CloudEvent;
import nl.knooppunt.processes.events.EventType;
import nl.knooppunt.processes.events.Notice;
import nl.knooppunt.processes.events.Topic;
import nl.knooppunt.workers.kafka.KafkaPublisher;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Writes a notice to {@link Topic#NOTIFICATIONS} (key = recipient code) and logs that it was sent
 * on {@link Topic#EVENTS} (key = crisis id), both with the same {@link Notice} record. Both records
 * carry ids derived from the notification id, so a retried job writes the same records and the
 * consumers keep one. The text that goes out ends with the hub's 24/7 contact line ({@value
 * #HUB_CONTACT}); the record carries the parts of the notice as their own fields too ({@code area},
 * {@code validUntil}, {@code level}, {@code expectation}, {@code contact}, the measures and their
 * version), so a page can show them separately.
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

  private final KafkaPublisher publisher;
  private final Clock clock;
  private final String hubContact;

  public NoticeSender(
      KafkaPublisher publisher, Clock clock, @Value("${" + HUB_CONTACT + "}") String hubContact) {
    this.publisher = publisher;
    this.clock = clock;
    this.hubContact = hubContact;
  }

  public void send(OutgoingNotice notice, EventType loggedAs) {
    var now = clock.instant();
    Notice data =
        new Notice(
            notice.notificationId(),
            notice.crisisId(),
            notice.recipient().code(),
            notice.recipient().name(),
            notice.recipient().role().name(),
            notice.contact().channel().name(),
            notice.contact().address(),
            notice.contact().demo(),
            notice.kind(),
            notice.markedSubject(),
            notice.markedText(hubContact),
            notice.area(),
            notice.validUntilInstant(),
            notice.level(),
            notice.expectation(),
            hubContact,
            notice.measures() == null ? null : notice.measures().version(),
            notice.measures() == null ? null : notice.measures().role(),
            notice.measures() == null ? null : notice.measures().items(),
            notice.requiresAck());
    // the notice and its logbook event go out side by side; the job completes once both are in
    publisher.publish(
        List.of(
            new KafkaPublisher.Outgoing(
                Topic.NOTIFICATIONS,
                notice.recipient().code(),
                CloudEvent.of(
                    notice.notificationId(),
                    EventType.NOTIFICATIE,
                    SOURCE,
                    now,
                    notice.crisisId(),
                    notice.exercise(),
                    data)),
            new KafkaPublisher.Outgoing(
                Topic.EVENTS,
                notice.crisisId(),
                CloudEvent.of(
                    notice.notificationId() + "#" + loggedAs.type(),
                    loggedAs,
                    SOURCE,
                    now,
                    notice.crisisId(),
                    notice.exercise(),
                    data))));
  }
}
