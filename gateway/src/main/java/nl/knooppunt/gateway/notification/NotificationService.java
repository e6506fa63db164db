package nl.knooppunt.gateway.notification;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import nl.knooppunt.api.model.Notification;
import nl.knooppunt.gateway.directory.DirectoryAdapter;
import nl.knooppunt.gateway.events.OutboxPublisher;
import nl.knooppunt.gateway.events.Sources;
import nl.knooppunt.gateway.scope.CrisisScope;
import nl.knooppunt.gateway.security.CurrentUsers;
import nl.knooppunt.gateway.security.KnooppuntUser;
import nl.knooppunt.gateway.security.Rol;
import nl.knooppunt.gateway.web.Problems;
import nl.knooppunt.processes.events.Acknowledgement;
import nl.knooppunt.processes.events.CloudEvent;
import nl.knooppunt.processes.events.EventType;
import org.springframework.stereotype.Service;

/**
 * Notifications per crisis, for the API and the pages alike, with their acknowledgement status, and
 * acknowledging one (a gezag for its municipality, a region for a notice to the region). The
 * acknowledgement goes to the acknowledgements topic, where the workers correlate it with the
 * waiting process, and is the fact {@code melding.bevestigd} in the read model: both through the
 * outbox, in one transaction.
 */
@Service
public class NotificationService {

  private final CrisisScope scope;
  private final OutboxPublisher events;
  private final DirectoryAdapter directory;
  private final NotificationQueries notices;

  NotificationService(
      CrisisScope scope,
      OutboxPublisher events,
      DirectoryAdapter directory,
      NotificationQueries notices) {
    this.notices = notices;
    this.scope = scope;
    this.events = events;
    this.directory = directory;
  }

  /** Whether the notice is addressed to an authority the user answers for. */
  private boolean isRecipient(KnooppuntUser user, Notification n) {
    return n.getRecipientCode() != null
        && directory.recipientCodesOf(user).contains(n.getRecipientCode());
  }

  /** The notices addressed to the user's authorities. */
  List<Notification> mine(Boolean exercise, Boolean open) {
    KnooppuntUser user = CurrentUsers.current();
    return notices.notificationsFor(
        directory.recipientCodesOf(user), exercise, Boolean.TRUE.equals(open));
  }

  /** The notices of a crisis the user may read (404 otherwise); a gezag sees only its own. */
  public List<Notification> ofCrisis(String crisisId) {
    KnooppuntUser user = CurrentUsers.current();
    scope.crisis(crisisId);
    List<Notification> all = notices.notificationsOf(crisisId);
    boolean onlyOwn = user.roles().stream().allMatch(r -> r == Rol.GEZAG);
    return onlyOwn ? all.stream().filter(n -> isRecipient(user, n)).toList() : all;
  }

  /** Acknowledges a notice addressed to the user; returns it as it is now. */
  Notification acknowledge(String notificationId) {
    KnooppuntUser user = CurrentUsers.current();
    Notification n =
        notices
            .notification(notificationId)
            .orElseThrow(
                () -> new Problems.NotFound("Melding " + notificationId + " is onbekend."));
    if (!isRecipient(user, n)) {
      throw new Problems.OutOfScope("Deze melding is niet aan u gericht.");
    }
    if (n.getAcknowledgedAt() != null) {
      throw new Problems.Conflict(
          "Melding " + notificationId + " is al bevestigd door " + n.getAcknowledgedBy() + ".");
    }
    if (Boolean.FALSE.equals(n.getRequiresAck())) {
      throw new Problems.Conflict("Melding " + notificationId + " vraagt geen bevestiging.");
    }
    Instant now = Instant.now();
    boolean exercise = Boolean.TRUE.equals(n.getExercise());
    Acknowledgement ack =
        new Acknowledgement(
            notificationId, n.getCrisisId(), user.username(), now, Acknowledgement.ROUTE_KNOOPPUNT);
    // in one transaction: the record the workers correlate, and the fact in the read model
    events.acknowledge(
        CloudEvent.of(
            "bevestiging:" + notificationId,
            EventType.BEVESTIGING,
            Sources.GATEWAY,
            now,
            notificationId,
            exercise,
            ack),
        CloudEvent.of(
                Acknowledgement.eventId(notificationId),
                EventType.MELDING_BEVESTIGD,
                Sources.GATEWAY,
                now,
                n.getCrisisId(),
                exercise,
                ack)
            .by(user.username(), null));
    return notices.notification(notificationId).filter(Objects::nonNull).orElse(n);
  }
}
