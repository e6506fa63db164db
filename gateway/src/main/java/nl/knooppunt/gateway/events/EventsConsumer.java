package nl.knooppunt.gateway.events;

import nl.knooppunt.gateway.readmodel.Projector;
import nl.knooppunt.processes.events.CloudEvent;
import nl.knooppunt.processes.events.CloudEventJson;
import nl.knooppunt.processes.events.EventPayload;
import nl.knooppunt.processes.events.Topic;
import nl.knooppunt.processes.events.UnreadableEventException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Projects {@link Topic#EVENTS} into the read model and the logbook. A record that is not an event
 * of the contract is logged and skipped (it never blocks the partition); projection is idempotent
 * by event id.
 */
@Component
class EventsConsumer {

  private static final Logger LOG = LoggerFactory.getLogger(EventsConsumer.class);

  private final Projector projector;

  EventsConsumer(Projector projector) {
    this.projector = projector;
  }

  @KafkaListener(
      id = "knooppunt-gateway-read-model",
      topics = Topic.Names.EVENTS,
      groupId = "${knooppunt.gateway.events-group:knooppunt-gateway-read-model}",
      autoStartup = "${knooppunt.gateway.events-consumer-enabled:true}")
  void onEvent(ConsumerRecord<String, String> record) {
    CloudEvent<EventPayload> event;
    try {
      event = CloudEventJson.read(record.value());
    } catch (UnreadableEventException e) {
      LOG.warn(
          "Skipped a record that is not an event ({}-{}@{}): {}",
          record.topic(),
          record.partition(),
          record.offset(),
          e.getMessage());
      return;
    }
    projector.apply(event);
  }
}
