package nl.knooppunt.gateway.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import nl.knooppunt.api.NotificatiesApi;
import nl.knooppunt.api.model.Notification;
import nl.knooppunt.api.model.NotificationAcknowledgement;
import nl.knooppunt.gateway.directory.Directory;
import nl.knooppunt.gateway.events.Envelope;
import nl.knooppunt.gateway.events.EventPublisher;
import nl.knooppunt.gateway.events.EventTypes;
import nl.knooppunt.gateway.readmodel.Queries;
import nl.knooppunt.gateway.security.CurrentUsers;
import nl.knooppunt.gateway.security.KnooppuntUser;
import nl.knooppunt.gateway.security.Rol;
import nl.knooppunt.gateway.web.Problems;
import nl.knooppunt.processes.events.EventType;
import nl.knooppunt.processes.events.Topic;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/**
 * Notifications per crisis with their acknowledgement status, and acknowledging one (a gezag for
 * its municipality, a region for a notice to the region). The acknowledgement goes to {@code
 * knooppunt.acknowledgements.v1}, where the workers correlate it with the waiting process.
 */
@RestController
public class NotificationController implements NotificatiesApi {

  /** Type of the record on {@code knooppunt.acknowledgements.v1} (catalogue). */
  static final String ACK_RECORD_TYPE = EventType.BEVESTIGING.type();

  private final Queries queries;
  private final EventPublisher events;
  private final Directory directory;
  private final ObjectMapper json;

  NotificationController(
      Queries queries, EventPublisher events, Directory directory, ObjectMapper json) {
    this.queries = queries;
    this.events = events;
    this.directory = directory;
    this.json = json;
  }

  /** Whether the notice is addressed to an authority the user answers for. */
  private boolean isRecipient(KnooppuntUser user, Notification n) {
    return n.getRecipientCode() != null
        && directory.recipientCodesOf(user).contains(n.getRecipientCode());
  }

  @Override
  public ResponseEntity<List<Notification>> listMyNotifications(Boolean exercise, Boolean open) {
    KnooppuntUser user = CurrentUsers.current();
    return ResponseEntity.ok(
        queries.notificationsFor(
            directory.recipientCodesOf(user), exercise, Boolean.TRUE.equals(open)));
  }

  @Override
  public ResponseEntity<List<Notification>> listCrisisNotifications(String crisisId) {
    KnooppuntUser user = CurrentUsers.current();
    if (queries.crisis(crisisId).isEmpty()) {
      throw new Problems.NotFound("Crisis " + crisisId + " is onbekend.");
    }
    List<Notification> all = queries.notificationsOf(crisisId);
    boolean onlyOwn = user.roles().stream().allMatch(r -> r == Rol.GEZAG);
    return ResponseEntity.ok(
        onlyOwn ? all.stream().filter(n -> isRecipient(user, n)).toList() : all);
  }

  @Override
  public ResponseEntity<Notification> acknowledgeNotification(NotificationAcknowledgement body) {
    KnooppuntUser user = CurrentUsers.current();
    String notificationId = body.getNotificationId();
    Notification n =
        queries
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
    ObjectNode data = json.createObjectNode();
    data.put("notificationId", notificationId);
    data.put("crisisId", n.getCrisisId());
    data.put("acknowledgedAt", now.toString());
    data.put("acknowledgedBy", user.username());
    data.put("route", "KNOOPPUNT");
    boolean exercise = Boolean.TRUE.equals(n.getExercise());
    ObjectNode ack = json.createObjectNode();
    ack.put("notificatieId", notificationId);
    ack.put("bevestigdDoor", user.username());
    ack.put("bevestigdOp", now.toString());
    ack.put("crisisId", n.getCrisisId());
    ack.put("route", "KNOOPPUNT");
    Envelope record =
        new Envelope(
            "bevestiging:" + notificationId,
            ACK_RECORD_TYPE,
            Envelope.GATEWAY_SOURCE,
            now,
            notificationId,
            null,
            exercise,
            ack);
    events.send(Topic.Names.ACKNOWLEDGEMENTS, notificationId, record.toJson(json));
    events.publish(
        new Envelope(
            EventTypes.acknowledgementEventId(notificationId),
            EventTypes.MELDING_BEVESTIGD,
            Envelope.GATEWAY_SOURCE,
            now,
            n.getCrisisId(),
            user.username(),
            exercise,
            data));
    return ResponseEntity.ok(
        queries.notification(notificationId).filter(Objects::nonNull).orElse(n));
  }
}
