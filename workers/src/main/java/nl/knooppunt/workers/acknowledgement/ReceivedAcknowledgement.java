package nl.knooppunt.workers.acknowledgement;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.knooppunt.processes.events.CloudEvent;
import nl.knooppunt.processes.events.EventType;

/**
 * An acknowledgement of one notice, read from a {@link CloudEvent} of type {@link
 * EventType#BEVESTIGING}: {@code data.notificatieId}, {@code data.bevestigdDoor}, {@code
 * data.bevestigdOp} (ISO 8601; the event time when absent).
 */
record Acknowledgement(
    String eventId, String notificationId, String acknowledgedBy, Instant acknowledgedAt) {

  static Acknowledgement from(CloudEvent event) {
    List<String> problems = new ArrayList<>();
    if (!EventType.BEVESTIGING.type().equals(event.type())) {
      problems.add(
          "type is '" + event.type() + "', expected '" + EventType.BEVESTIGING.type() + "'");
    }
    Map<String, Object> data = event.data();
    String notificationId = text(data, "notificatieId", problems);
    String by = text(data, "bevestigdDoor", problems);
    Instant at = event.time();
    Object atValue = data.get("bevestigdOp");
    if (atValue != null) {
      try {
        at = Instant.parse(atValue.toString());
      } catch (RuntimeException e) {
        problems.add("data.bevestigdOp is not an ISO 8601 instant: " + atValue);
      }
    }
    if (!problems.isEmpty()) {
      throw new MalformedAcknowledgementException(String.join("; ", problems));
    }
    return new Acknowledgement(event.id(), notificationId, by, at);
  }

  private static String text(Map<String, Object> data, String field, List<String> problems) {
    Object value = data.get(field);
    if (value == null || value.toString().isBlank()) {
      problems.add("data." + field + " is missing");
      return null;
    }
    return value.toString();
  }

  /** The record can never be processed: it goes to the dead-letter topic, not back in line. */
  static final class MalformedAcknowledgementException extends IllegalArgumentException {
    MalformedAcknowledgementException(String reason) {
      super("malformed acknowledgement: " + reason);
    }
  }
}
