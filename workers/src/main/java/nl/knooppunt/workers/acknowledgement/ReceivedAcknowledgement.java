package nl.knooppunt.workers.acknowledgement;

import java.time.Instant;
import nl.knooppunt.processes.events.Acknowledgement;
import nl.knooppunt.processes.events.CloudEvent;
import nl.knooppunt.processes.events.CloudEventJson;
import nl.knooppunt.processes.events.EventPayload;
import nl.knooppunt.processes.events.EventType;
import nl.knooppunt.processes.events.UnreadableEventException;

/**
 * An acknowledgement of one notice as the workers pass it on: a record on the acknowledgements
 * topic of type {@link EventType#BEVESTIGING} with an {@link Acknowledgement} ({@code
 * notificationId}, {@code acknowledgedBy}, {@code acknowledgedAt}: the event time when absent).
 */
record ReceivedAcknowledgement(
    String eventId, String notificationId, String acknowledgedBy, Instant acknowledgedAt) {

  static ReceivedAcknowledgement from(String record) {
    CloudEvent<EventPayload> event;
    try {
      event = CloudEventJson.read(record);
    } catch (UnreadableEventException e) {
      throw new MalformedAcknowledgementException(e.getMessage());
    }
    if (event.type() != EventType.BEVESTIGING || !(event.data() instanceof Acknowledgement ack)) {
      throw new MalformedAcknowledgementException(
          "type is '" + event.type().type() + "', expected '" + EventType.BEVESTIGING.type() + "'");
    }
    return new ReceivedAcknowledgement(
        event.id(),
        ack.notificationId(),
        ack.acknowledgedBy(),
        ack.acknowledgedAt() != null ? ack.acknowledgedAt() : event.time());
  }

  /** The record can never be processed: it goes to the dead-letter topic, not back in line. */
  static final class MalformedAcknowledgementException extends IllegalArgumentException {
    MalformedAcknowledgementException(String reason) {
      super("malformed acknowledgement: " + reason);
    }
  }
}
