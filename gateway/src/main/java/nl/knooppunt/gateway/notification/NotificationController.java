package nl.knooppunt.gateway.notification;

import java.util.List;
import nl.knooppunt.api.NotificatiesApi;
import nl.knooppunt.api.model.Notification;
import nl.knooppunt.api.model.NotificationAcknowledgement;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/**
 * Notifications over REST: the generated {@link NotificatiesApi} on {@link NotificationService}.
 */
@RestController
class NotificationController implements NotificatiesApi {

  private final NotificationService notifications;

  NotificationController(NotificationService notifications) {
    this.notifications = notifications;
  }

  @Override
  public ResponseEntity<List<Notification>> listMyNotifications(Boolean exercise, Boolean open) {
    return ResponseEntity.ok(notifications.mine(exercise, open));
  }

  @Override
  public ResponseEntity<List<Notification>> listCrisisNotifications(String crisisId) {
    return ResponseEntity.ok(notifications.ofCrisis(crisisId));
  }

  @Override
  public ResponseEntity<Notification> acknowledgeNotification(NotificationAcknowledgement body) {
    return ResponseEntity.ok(notifications.acknowledge(body.getNotificationId()));
  }
}
