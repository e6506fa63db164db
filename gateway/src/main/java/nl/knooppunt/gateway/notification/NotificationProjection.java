package nl.knooppunt.gateway.notification;

import static nl.knooppunt.gateway.readmodel.Columns.ts;

import java.util.LinkedHashMap;
import java.util.Map;
import nl.knooppunt.gateway.directory.DirectoryAdapter;
import nl.knooppunt.gateway.readmodel.Projection;
import nl.knooppunt.processes.events.Acknowledgement;
import nl.knooppunt.processes.events.CloudEvent;
import nl.knooppunt.processes.events.CloudEventJson;
import nl.knooppunt.processes.events.EventPayload;
import nl.knooppunt.processes.events.Notice;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Notices sent (and sent again over the fallback contact) and their acknowledgements. */
@Component
@Order(50)
class NotificationProjection implements Projection {

  private final JdbcTemplate jdbc;
  private final DirectoryAdapter directory;

  NotificationProjection(JdbcTemplate jdbc, DirectoryAdapter directory) {
    this.jdbc = jdbc;
    this.directory = directory;
  }

  @Override
  public void project(CloudEvent<? extends EventPayload> e) {
    EventPayload data = e.data();
    switch (e.type()) {
      case MELDING_VERSTUURD -> notificationSent(e, (Notice) data);
      case MELDING_FALLBACK_VERSTUURD -> fallbackSent(e, (Notice) data);
      case MELDING_BEVESTIGD -> notificationAcknowledged(e, (Acknowledgement) data);
      default -> {
        // not about a notice
      }
    }
  }

  /**
   * The notice an event is about. A fallback notice ({@code <id>/fallback}) is the same notice sent
   * again over the reserve channel: it counts as the recipient's one notice of the round.
   */
  static String notificationId(String id) {
    return NoticeIds.primary(id);
  }

  private void fallbackSent(CloudEvent<?> e, Notice n) {
    ensureNotification(e, n.notificationId());
    jdbc.update(
        "update notification set fallback_at = coalesce(fallback_at, ?), fallback_channel ="
            + " coalesce(fallback_channel, ?), escalated_at = coalesce(escalated_at, ?) where"
            + " notification_id = ?",
        ts(e.time()),
        n.channel(),
        ts(e.time()),
        notificationId(n.notificationId()));
  }

  private void ensureNotification(CloudEvent<?> e, String notificationId) {
    jdbc.update(
        "insert into notification (notification_id, crisis_id, exercise) values (?, ?, ?) on"
            + " conflict do nothing",
        notificationId(notificationId),
        e.crisisId(),
        e.exercise());
  }

  private void notificationSent(CloudEvent<?> e, Notice n) {
    String recipient = n.recipientCode();
    String municipality = code(recipient, "GM\\d{4}");
    String region = code(recipient, "VR\\d{2}");
    if (region == null && municipality != null) {
      region = directory.regionOfMunicipality(municipality).orElse(null);
    }
    String id = notificationId(n.notificationId());
    String round =
        recipient != null && id != null && id.endsWith("/" + recipient)
            ? id.substring(0, id.length() - recipient.length() - 1)
            : null;
    jdbc.update(
        "insert into notification (notification_id, crisis_id, recipient_code, recipient_name,"
            + " municipality_code, vr_code, kind, channel, round, requires_ack, exercise, sent_at,"
            + " round_ref, subject, body, details)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict"
            + " (notification_id) do update"
            + " set crisis_id = coalesce(notification.crisis_id, excluded.crisis_id),"
            + " recipient_code = coalesce(excluded.recipient_code, notification.recipient_code),"
            + " recipient_name = coalesce(excluded.recipient_name, notification.recipient_name),"
            + " municipality_code = coalesce(excluded.municipality_code,"
            + " notification.municipality_code), vr_code = coalesce(excluded.vr_code,"
            + " notification.vr_code), kind = coalesce(excluded.kind, notification.kind), channel"
            + " = coalesce(excluded.channel, notification.channel), round ="
            + " greatest(notification.round, excluded.round), requires_ack = excluded.requires_ack,"
            + " sent_at = least(notification.sent_at, excluded.sent_at), round_ref ="
            + " coalesce(notification.round_ref, excluded.round_ref), subject ="
            + " coalesce(notification.subject, excluded.subject), body = coalesce(notification.body,"
            + " excluded.body), details = coalesce(notification.details, excluded.details)",
        id,
        e.crisisId(),
        recipient,
        n.recipientName(),
        municipality,
        region,
        n.kind(),
        n.channel(),
        null,
        n.requiresAck(),
        e.exercise(),
        ts(e.time()),
        round,
        n.subject(),
        n.text(),
        details(n));
  }

  /**
   * The parts of a notice a page shows apart from its text, as the read model keeps them (column
   * {@code details}, read by the notification queries); null when it has none.
   */
  static String details(Notice n) {
    Map<String, Object> parts = new LinkedHashMap<>();
    if (n.area() != null) {
      parts.put("gebied", n.area());
    }
    if (n.validUntil() != null) {
      parts.put("geldigTot", n.validUntil().toString());
    }
    if (n.level() != null) {
      parts.put("niveau", n.level());
    }
    if (n.expectation() != null) {
      parts.put("verwachting", n.expectation());
    }
    if (n.contact() != null) {
      parts.put("contact", n.contact());
    }
    if (n.measuresVersion() != null) {
      parts.put("maatregelenVersie", n.measuresVersion());
      parts.put("maatregelenRol", n.measuresRole());
      parts.put("maatregelen", n.measures());
    }
    return parts.isEmpty() ? null : CloudEventJson.writeValue(parts);
  }

  /** The first match of a code pattern in a recipient code ({@code BM-GM0344} → GM0344). */
  static String code(String text, String pattern) {
    if (text == null) {
      return null;
    }
    java.util.regex.Matcher m = java.util.regex.Pattern.compile(pattern).matcher(text);
    return m.find() ? m.group() : null;
  }

  private void notificationAcknowledged(CloudEvent<?> e, Acknowledgement a) {
    ensureNotification(e, a.notificationId());
    jdbc.update(
        "update notification set acknowledged_at = coalesce(acknowledged_at, ?), acknowledged_by ="
            + " coalesce(acknowledged_by, ?), ack_route = coalesce(ack_route, ?) where"
            + " notification_id = ?",
        a.acknowledgedAt() != null ? ts(a.acknowledgedAt()) : ts(e.time()),
        a.acknowledgedBy() != null ? a.acknowledgedBy() : e.actor(),
        a.route(),
        notificationId(a.notificationId()));
  }
}
