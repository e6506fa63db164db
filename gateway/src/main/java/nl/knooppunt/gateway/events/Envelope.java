package nl.knooppunt.gateway.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * One event on {@code knooppunt.events.v1} (CloudEvents-style JSON envelope). {@code subject} is
 * the crisis id; {@code actor} and {@code exercise} are extension attributes (also accepted inside
 * {@code data}).
 */
public record Envelope(
    String id,
    String type,
    String source,
    Instant time,
    String subject,
    String actor,
    boolean exercise,
    ObjectNode data) {

  /** Source of the events the gateway itself produces. */
  public static final String GATEWAY_SOURCE = "/knooppunt/gateway";

  public Envelope {
    time = time == null ? null : time.truncatedTo(ChronoUnit.MICROS);
    data = data == null ? JsonNodeFactory.instance.objectNode() : data;
  }

  /** A gateway event with the current time. */
  public static Envelope ofGateway(
      String id, String type, String crisisId, String actor, boolean exercise, ObjectNode data) {
    return new Envelope(id, type, GATEWAY_SOURCE, Instant.now(), crisisId, actor, exercise, data);
  }

  /** Text of a data field, or null. */
  public String text(String field) {
    JsonNode n = data.get(field);
    return n == null || n.isNull() ? null : n.asText();
  }

  /** The crisis id: the subject, else {@code data.crisisId}. */
  public String crisisId() {
    return subject != null && !subject.isBlank() ? subject : text("crisisId");
  }

  /** Parses an envelope; throws {@link IllegalArgumentException} when it is not one. */
  public static Envelope parse(ObjectMapper json, String text) {
    JsonNode root;
    try {
      root = json.readTree(text);
    } catch (Exception e) {
      throw new IllegalArgumentException("geen JSON: " + e.getMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException("geen JSON-object");
    }
    String id = root.path("id").asText(null);
    String type = root.path("type").asText(null);
    if (id == null || id.isBlank() || type == null || type.isBlank()) {
      throw new IllegalArgumentException("id en type zijn verplicht");
    }
    ObjectNode data =
        root.path("data").isObject()
            ? (ObjectNode) root.get("data")
            : JsonNodeFactory.instance.objectNode();
    Instant time;
    try {
      time = root.hasNonNull("time") ? Instant.parse(root.get("time").asText()) : null;
    } catch (Exception e) {
      time = parseOffset(root.get("time").asText());
    }
    String actor = root.path("actor").asText(data.path("actor").asText(null));
    boolean exercise =
        root.has("exercise")
            ? root.path("exercise").asBoolean(false)
            : data.path("exercise").asBoolean(false);
    return new Envelope(
        id,
        type,
        root.path("source").asText(null),
        time == null ? Instant.EPOCH : time,
        root.path("subject").asText(data.path("crisisId").asText(null)),
        actor,
        exercise,
        data);
  }

  private static Instant parseOffset(String text) {
    try {
      return java.time.OffsetDateTime.parse(text).toInstant();
    } catch (Exception e) {
      throw new IllegalArgumentException("time is geen ISO 8601-tijd: " + text, e);
    }
  }

  /**
   * The JSON form written to Kafka: exactly the attributes of the catalogue's {@code CloudEvent}
   * (specversion, id, type, source, time, subject, exercise, data); the actor travels as {@code
   * data.actor}.
   */
  public String toJson(ObjectMapper json) {
    ObjectNode root = json.createObjectNode();
    root.put("specversion", "1.0");
    root.put("id", id);
    root.put("type", type);
    root.put("source", source);
    root.put("time", time.toString());
    if (subject != null) {
      root.put("subject", subject);
    }
    root.put("exercise", exercise);
    ObjectNode body = data.deepCopy();
    if (actor != null && !body.has("actor")) {
      body.put("actor", actor);
    }
    root.set("data", body);
    try {
      return json.writeValueAsString(root);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
