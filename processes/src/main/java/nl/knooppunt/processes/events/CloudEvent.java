package nl.knooppunt.processes.events;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * The envelope of every Kafka record: CloudEvents 1.0 attributes plus three extension attributes,
 * in JSON ({@link CloudEventJson}). The consumer deduplicates on {@code id}, so a producer that
 * retries sends the same id.
 *
 * @param id stable idempotency key of this event
 * @param type what happened; decides the record of {@code data}
 * @param source who produced it: {@code /knooppunt/workers}, {@code /knooppunt/gateway}, a regional
 *     system
 * @param time when it happened (kept to the microsecond, as PostgreSQL keeps it)
 * @param subject what it is about: the crisis id (the notification id on the acknowledgements
 *     topic)
 * @param exercise extension: true = OEFENING; exercise data never mixes with real data
 * @param actor extension: the account of the person who caused it; null for the processes
 * @param actorname extension: that person's display name, as the gateway knew it then; may be null
 * @param data the event's own fields, the record of {@code type}
 * @param <T> the record of {@code type}
 */
public record CloudEvent<T extends EventPayload>(
    String id,
    EventType type,
    String source,
    Instant time,
    String subject,
    boolean exercise,
    String actor,
    String actorname,
    T data) {

  public static final String SPEC_VERSION = "1.0";

  public CloudEvent {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(data, "data");
    if (!type.payload().isInstance(data)) {
      throw new IllegalArgumentException(
          "the data of "
              + type.type()
              + " is a "
              + type.payload().getSimpleName()
              + ", not a "
              + data.getClass().getSimpleName());
    }
    time = time.truncatedTo(ChronoUnit.MICROS);
  }

  /** An event of the processes (no person acted). */
  public static <T extends EventPayload> CloudEvent<T> of(
      String id,
      EventType type,
      String source,
      Instant time,
      String subject,
      boolean exercise,
      T data) {
    return new CloudEvent<>(id, type, source, time, subject, exercise, null, null, data);
  }

  /** The same event, caused by a person. */
  public CloudEvent<T> by(String account, String displayName) {
    return new CloudEvent<>(id, type, source, time, subject, exercise, account, displayName, data);
  }

  /** The crisis the event is about: its subject. */
  public String crisisId() {
    return subject;
  }
}
