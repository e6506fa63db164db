package nl.knooppunt.gateway.notification;

import java.util.List;
import nl.knooppunt.api.NotificatiesApi;
import nl.knooppunt.api.model.MeasuresOverview;
import nl.knooppunt.api.model.MeasuresProposal;
import nl.knooppunt.api.model.MeasuresVersion;
import nl.knooppunt.api.model.Notification;
import nl.knooppunt.api.model.NotificationAcknowledgement;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/**
 * Notifications over REST: the generated {@link NotificatiesApi} on {@link NotificationService},
 * and the level-5 measures per role that notices carry on {@link MeasuresService}.
 */
@RestController
class NotificationController implements NotificatiesApi {

  private final NotificationService notifications;
  private final MeasuresService measures;

  NotificationController(NotificationService notifications, MeasuresService measures) {
    this.notifications = notifications;
    this.measures = measures;
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

  @Override
  public ResponseEntity<MeasuresOverview> getMeasures() {
    return ResponseEntity.ok(measures.overview());
  }

  @Override
  public ResponseEntity<MeasuresVersion> publishMeasures(MeasuresProposal body) {
    var version =
        measures.publish(body.getBasedOnVersion(), MeasuresService.perRole(body.getMeasures()));
    return ResponseEntity.status(HttpStatus.CREATED).body(MeasuresService.view(version));
  }
}
