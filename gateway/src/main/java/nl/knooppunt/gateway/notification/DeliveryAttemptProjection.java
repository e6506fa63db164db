package nl.knooppunt.gateway.notification;

import static nl.knooppunt.gateway.readmodel.Columns.ts;

import nl.knooppunt.gateway.readmodel.Projection;
import nl.knooppunt.processes.events.CloudEvent;
import nl.knooppunt.processes.events.DeliveryAttempt;
import nl.knooppunt.processes.events.EventPayload;
import nl.knooppunt.processes.events.EventType;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Every attempt of the workers to deliver a notice by e-mail or SMS ({@code delivery_attempt}): one
 * row per event id (a retried job writes the same event, so the same row). Whether it is an
 * exercise comes from the event, like every other fact of the read model.
 */
@Component
@Order(55)
class DeliveryAttemptProjection implements Projection {

  private final JdbcTemplate jdbc;

  DeliveryAttemptProjection(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void project(CloudEvent<? extends EventPayload> e) {
    if (e.type() != EventType.MELDING_AFLEVERPOGING) {
      return;
    }
    DeliveryAttempt a = (DeliveryAttempt) e.data();
    jdbc.update(
        "insert into delivery_attempt (event_id, notification_id, crisis_id, recipient_code,"
            + " recipient_name, chain_order, person, channel, address, demo_contact, status,"
            + " detail, subject, body, exercise, attempted_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?,"
            + " ?, ?, ?, ?, ?, ?, ?) on conflict (event_id) do nothing",
        e.id(),
        NoticeIds.primary(a.notificationId()),
        a.crisisId() != null ? a.crisisId() : e.crisisId(),
        a.recipientCode(),
        a.recipientName(),
        a.chainOrder(),
        a.person(),
        a.channel(),
        a.address(),
        a.demoContact(),
        a.status().name(),
        a.detail(),
        a.subject(),
        a.text(),
        e.exercise(),
        ts(a.at() != null ? a.at() : e.time()));
  }
}
