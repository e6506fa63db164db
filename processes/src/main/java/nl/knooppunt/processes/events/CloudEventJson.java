package nl.knooppunt.processes.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * The one reader and writer of {@link CloudEvent}s as JSON, used by every producer and consumer:
 *
 * <pre>{"specversion":"1.0","id":…,"type":…,"source":…,"time":"2026-03-18T16:00:00Z",
 *  "subject":"DN5-…","exercise":false,"actor":…,"actorname":…,"data":{…the type's record…}}</pre>
 *
 * {@link #read} turns the JSON into the record of its type; anything else is an {@link
 * UnreadableEventException} that says why. Unknown fields inside {@code data} are ignored (a newer
 * producer may add one); a missing required one is refused by the record.
 */
public final class CloudEventJson {

  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
          // amounts keep their scale (1200.50 stays 1200.50)
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
          .build();

  private CloudEventJson() {}

  /** The event as it goes on a topic. */
  public static String write(CloudEvent<?> event) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("specversion", CloudEvent.SPEC_VERSION);
    root.put("id", event.id());
    root.put("type", event.type().type());
    root.put("source", event.source());
    root.put("time", event.time().toString());
    if (event.subject() != null) {
      root.put("subject", event.subject());
    }
    root.put("exercise", event.exercise());
    if (event.actor() != null) {
      root.put("actor", event.actor());
    }
    if (event.actorname() != null) {
      root.put("actorname", event.actorname());
    }
    root.set("data", MAPPER.valueToTree(event.data()));
    return text(root);
  }

  /** The data alone, as JSON (the logbook keeps it so). */
  public static String writeData(EventPayload data) {
    return text(MAPPER.valueToTree(data));
  }

  /**
   * Any value in the contract's JSON form (e.g. a process variable record kept in the read model).
   */
  public static String writeValue(Object value) {
    return text(MAPPER.valueToTree(value));
  }

  /** Reads one event; throws {@link UnreadableEventException} saying why it is not one. */
  public static CloudEvent<EventPayload> read(String json) {
    JsonNode root;
    try {
      root = json == null ? null : MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new UnreadableEventException("not JSON: " + e.getOriginalMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new UnreadableEventException("not a JSON object");
    }
    String specversion = root.path("specversion").asText(null);
    if (!CloudEvent.SPEC_VERSION.equals(specversion)) {
      throw new UnreadableEventException("specversion is '" + specversion + "', expected 1.0");
    }
    String id = attribute(root, "id");
    String typeName = attribute(root, "type");
    EventType type =
        EventType.of(typeName)
            .orElseThrow(
                () -> new UnreadableEventException("event " + id + ": unknown type " + typeName));
    String source = attribute(root, "source");
    Instant time = time(id, attribute(root, "time"));
    JsonNode data = root.get("data");
    if (data == null || !data.isObject()) {
      throw new UnreadableEventException("event " + id + " (" + typeName + "): data is no object");
    }
    EventPayload payload;
    try {
      payload = MAPPER.treeToValue(data, type.payload());
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new UnreadableEventException(
          "event "
              + id
              + " ("
              + typeName
              + "): data is no "
              + type.payload().getSimpleName()
              + ": "
              + rootCause(e),
          e);
    }
    return new CloudEvent<>(
        id,
        type,
        source,
        time,
        root.path("subject").asText(null),
        root.path("exercise").asBoolean(false),
        root.path("actor").asText(null),
        root.path("actorname").asText(null),
        payload);
  }

  private static String attribute(JsonNode root, String name) {
    JsonNode value = root.get(name);
    if (value == null || !value.isTextual() || value.asText().isBlank()) {
      throw new UnreadableEventException("attribute " + name + " is missing");
    }
    return value.asText();
  }

  private static Instant time(String id, String text) {
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      throw new UnreadableEventException("event " + id + ": time is no ISO 8601 time: " + text, e);
    }
  }

  private static String rootCause(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause.getMessage();
  }

  private static String text(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON", e);
    }
  }
}
