package nl.knooppunt.gateway.events;

import java.util.List;
import nl.knooppunt.processes.events.Acknowledgement;
import nl.knooppunt.processes.events.CloudEvent;
import nl.knooppunt.processes.events.CloudEventJson;
import nl.knooppunt.processes.events.EventPayload;
import nl.knooppunt.processes.events.EventType;
import nl.knooppunt.processes.events.Topic;
import nl.knooppunt.processes.events.UnreadableEventException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Acknowledgements from regional systems (and from this API) on {@link Topic#ACKNOWLEDGEMENTS}:
 * each becomes the event {@link EventType#MELDING_BEVESTIGD} on {@link Topic#EVENTS} with id {@code
 * melding-bevestigd:<notification id>}, so it shows in the read model and the logbook once, and a
 * replay of the events topic rebuilds it. The gateway is that event's one producer; the workers
 * correlate the same record with the waiting process.
 */
@Component
class AcknowledgementsConsumer {

  private static final Logger LOG = LoggerFactory.getLogger(AcknowledgementsConsumer.class);

  private final OutboxPublisher publisher;
  private final JdbcTemplate jdbc;

  AcknowledgementsConsumer(OutboxPublisher publisher, JdbcTemplate jdbc) {
    this.publisher = publisher;
    this.jdbc = jdbc;
  }

  @KafkaListener(
      id = "knooppunt-gateway-acknowledgements",
      topics = Topic.Names.ACKNOWLEDGEMENTS,
      groupId = "${knooppunt.gateway.acknowledgements-group:knooppunt-gateway-acknowledgements}",
      autoStartup = "${knooppunt.gateway.events-consumer-enabled:true}")
  void onAcknowledgement(ConsumerRecord<String, String> record) {
    CloudEvent<EventPayload> event;
    try {
      event = CloudEventJson.read(record.value());
    } catch (UnreadableEventException e) {
      LOG.warn("Skipped an acknowledgement record that is not an event: {}", e.getMessage());
      return;
    }
    if (event.type() != EventType.BEVESTIGING || !(event.data() instanceof Acknowledgement ack)) {
      return;
    }
    List<String> crisis =
        jdbc.queryForList(
            "select crisis_id from notification where notification_id = ?",
            String.class,
            ack.notificationId());
    String crisisId = crisis.isEmpty() || crisis.get(0) == null ? ack.crisisId() : crisis.get(0);
    publisher.publish(
        CloudEvent.of(
                Acknowledgement.eventId(ack.notificationId()),
                EventType.MELDING_BEVESTIGD,
                Sources.GATEWAY,
                event.time(),
                crisisId,
                event.exercise(),
                new Acknowledgement(
                    ack.notificationId(),
                    crisisId,
                    ack.acknowledgedBy(),
                    ack.acknowledgedAt() != null ? ack.acknowledgedAt() : event.time(),
                    ack.route() != null ? ack.route() : Acknowledgement.ROUTE_KANAAL))
            .by(ack.acknowledgedBy(), null));
  }
}
