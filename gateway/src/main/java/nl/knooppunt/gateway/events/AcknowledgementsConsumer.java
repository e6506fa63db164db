package nl.knooppunt.gateway.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import nl.knooppunt.processes.events.EventType;
import nl.knooppunt.processes.events.Topic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Acknowledgements from regional systems (and from this API) on {@code
 * knooppunt.acknowledgements.v1}: each becomes the event {@code nl.knooppunt.melding.bevestigd} on
 * {@code knooppunt.events.v1} with id {@code melding-bevestigd:<notification id>}, so it shows in
 * the read model and the logbook once, and a replay of the events topic rebuilds it. The workers
 * correlate the same record with the waiting process; this consumer only records it.
 */
@Component
class AcknowledgementsConsumer {

  private static final Logger LOG = LoggerFactory.getLogger(AcknowledgementsConsumer.class);

  private final EventPublisher publisher;
  private final JdbcTemplate jdbc;
  private final ObjectMapper json;

  AcknowledgementsConsumer(EventPublisher publisher, JdbcTemplate jdbc, ObjectMapper json) {
    this.publisher = publisher;
    this.jdbc = jdbc;
    this.json = json;
  }

  @KafkaListener(
      id = "knooppunt-gateway-acknowledgements",
      topics = Topic.Names.ACKNOWLEDGEMENTS,
      groupId = "${knooppunt.gateway.acknowledgements-group:knooppunt-gateway-acknowledgements}",
      autoStartup = "${knooppunt.gateway.events-consumer-enabled:true}")
  void onAcknowledgement(ConsumerRecord<String, String> record) {
    Envelope ack;
    try {
      ack = Envelope.parse(json, record.value());
    } catch (IllegalArgumentException e) {
      LOG.warn("Skipped an acknowledgement record that is not an envelope: {}", e.getMessage());
      return;
    }
    if (!EventType.BEVESTIGING.type().equals(ack.type())) {
      return;
    }
    String notificationId = ack.text("notificatieId");
    if (notificationId == null || notificationId.isBlank()) {
      LOG.warn("Skipped acknowledgement {} without data.notificatieId", ack.id());
      return;
    }
    List<String> crisis =
        jdbc.queryForList(
            "select crisis_id from notification where notification_id = ?",
            String.class,
            notificationId);
    String crisisId =
        crisis.isEmpty() || crisis.get(0) == null ? ack.text("crisisId") : crisis.get(0);
    ObjectNode data = json.createObjectNode();
    data.put("notificationId", notificationId);
    data.put("crisisId", crisisId);
    data.put(
        "acknowledgedAt",
        ack.text("bevestigdOp") != null ? ack.text("bevestigdOp") : ack.time().toString());
    data.put("acknowledgedBy", ack.text("bevestigdDoor"));
    data.put("route", ack.text("route") != null ? ack.text("route") : "KANAAL");
    publisher.publish(
        new Envelope(
            EventTypes.acknowledgementEventId(notificationId),
            EventTypes.MELDING_BEVESTIGD,
            Envelope.GATEWAY_SOURCE,
            ack.time(),
            crisisId,
            ack.text("bevestigdDoor"),
            ack.exercise(),
            data));
  }
}
