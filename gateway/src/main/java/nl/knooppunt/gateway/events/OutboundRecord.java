package nl.knooppunt.gateway.events;

import nl.knooppunt.processes.events.CloudEvent;
import nl.knooppunt.processes.events.CloudEventJson;
import nl.knooppunt.processes.events.Topic;

/**
 * A record the gateway owes Kafka, kept in the outbox (Spring Modulith's event publication
 * registry) in the transaction that produced it, and sent after commit ({@link Outbox}).
 *
 * @param topic where it goes
 * @param key its Kafka key (crisis id on the events topic, notification id for acknowledgements)
 * @param eventId the event's id, for the logs
 * @param value the CloudEvent as JSON ({@link CloudEventJson})
 */
public record OutboundRecord(String topic, String key, String eventId, String value) {

  public static OutboundRecord of(Topic topic, String key, CloudEvent<?> event) {
    return new OutboundRecord(topic.topicName(), key, event.id(), CloudEventJson.write(event));
  }
}
