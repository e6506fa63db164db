package nl.knooppunt.gateway.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import nl.knooppunt.gateway.readmodel.Projector;
import nl.knooppunt.processes.events.Topic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Projects {@code knooppunt.events.v1} into the read model and the logbook. A record that is not an
 * envelope is logged and skipped (it never blocks the partition); projection is idempotent by event
 * id.
 */
@Component
class EventsConsumer {

  private static final Logger LOG = LoggerFactory.getLogger(EventsConsumer.class);

  private final Projector projector;
  private final ObjectMapper json;

  EventsConsumer(Projector projector, ObjectMapper json) {
    this.projector = projector;
    this.json = json;
  }

  @KafkaListener(
      id = "knooppunt-gateway-read-model",
      topics = Topic.Names.EVENTS,
      groupId = "${knooppunt.gateway.events-group:knooppunt-gateway-read-model}",
      autoStartup = "${knooppunt.gateway.events-consumer-enabled:true}")
  void onEvent(ConsumerRecord<String, String> record) {
    Envelope event;
    try {
      event = Envelope.parse(json, record.value());
    } catch (IllegalArgumentException e) {
      LOG.warn(
          "Skipped a record that is not an event envelope ({}-{}@{}): {}",
          record.topic(),
          record.partition(),
          record.offset(),
          e.getMessage());
      return;
    }
    projector.apply(event);
  }
}
