package nl.knooppunt.processes.events;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The envelope of every Kafka record (CloudEvents 1.0 attributes, JSON): the consumer deduplicates
 * on {@code id}, so a producer that retries sends the same id.
 *
 * @param specversion always {@code 1.0}
 * @param id stable idempotency key of this event
 * @param type what happened, one of {@link EventType}
 * @param source who produced it, e.g. {@code /knooppunt/workers}
 * @param time when it happened
 * @param subject what it is about: the crisis id (or the notification id for acknowledgements)
 * @param exercise true = OEFENING; exercise data never mixes with real data
 * @param data the event's own fields, in the order the producer put them; a field may be absent
 *     ({@code null}, e.g. no end time after lowering): it is written as JSON {@code null}, and
 *     readers treat a null field and a missing one the same
 */
public record CloudEvent(
    String specversion,
    String id,
    String type,
    String source,
    Instant time,
    String subject,
    boolean exercise,
    Map<String, Object> data) {

  public static final String SPEC_VERSION = "1.0";

  public CloudEvent {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(time, "time");
    data = data == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(data));
  }

  public static CloudEvent of(
      String id,
      EventType type,
      String source,
      Instant time,
      String subject,
      boolean exercise,
      Map<String, Object> data) {
    return new CloudEvent(SPEC_VERSION, id, type.type(), source, time, subject, exercise, data);
  }
}
