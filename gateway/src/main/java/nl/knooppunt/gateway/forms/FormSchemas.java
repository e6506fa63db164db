package nl.knooppunt.gateway.forms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.knooppunt.api.model.FieldError;
import nl.knooppunt.gateway.security.KnooppuntUser;
import nl.knooppunt.gateway.web.DateWindow;
import nl.knooppunt.gateway.web.Problems;
import nl.knooppunt.processes.Form;
import org.springframework.stereotype.Component;

/**
 * The JSON Schemas (draft 2020-12) of the task forms, from the process catalogue. A completion is
 * validated against its form; the fields that say who did it are set from the signed-in user,
 * always: every {@code readOnly} field (the decider, {@code beslisser}, four-eyes principle) and
 * every string field whose name ends in {@code Door} ("by"); a client's value is ignored.
 */
@Component
public class FormSchemas {

  private final ObjectMapper json;
  private final java.time.Clock clock = java.time.Clock.systemUTC();
  private final Map<Form, JsonNode> raw = new EnumMap<>(Form.class);
  private final Map<Form, JsonSchema> compiled = new EnumMap<>(Form.class);

  public FormSchemas(ObjectMapper json) {
    this.json = json;
    JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    SchemaValidatorsConfig config =
        SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true)
            .locale(Locale.forLanguageTag("nl"))
            .build();
    for (Form f : Form.values()) {
      try (InputStream in = getClass().getClassLoader().getResourceAsStream(f.schemaResource())) {
        if (in == null) {
          throw new IllegalStateException(
              "form schema missing on the classpath: " + f.schemaResource());
        }
        JsonNode schema = json.readTree(in);
        raw.put(f, schema);
        compiled.put(f, factory.getSchema(withoutOwnKeywords(schema), config));
      } catch (IOException e) {
        throw new IllegalStateException("form schema unreadable: " + f.schemaResource(), e);
      }
    }
  }

  /**
   * The schema without the hub's own keywords ({@code x-prefill}, {@code x-time}, {@code x-sum}):
   * they are annotations for the page and the checks below, not JSON Schema vocabulary.
   */
  static JsonNode withoutOwnKeywords(JsonNode node) {
    JsonNode copy = node.deepCopy();
    strip(copy);
    return copy;
  }

  private static void strip(JsonNode node) {
    if (node instanceof ObjectNode o) {
      o.properties().removeIf(e -> e.getKey().startsWith("x-"));
      o.forEach(FormSchemas::strip);
    } else if (node != null && node.isArray()) {
      node.forEach(FormSchemas::strip);
    }
  }

  /**
   * The fields the hub fills with the signed-in user, always: every {@code readOnly} field (the
   * decider {@code beslisser}, the co-signer) and every string field whose name ends in {@code
   * Door} ("by"). A value the client sends for one of them is ignored (JSON Schema: a server
   * ignores a {@code readOnly} value).
   */
  public java.util.Set<String> filledByTheHub(Form form) {
    java.util.Set<String> out = new java.util.LinkedHashSet<>();
    raw.get(form)
        .path("properties")
        .properties()
        .forEach(
            p -> {
              if (isFilledByTheHub(p.getKey(), p.getValue())) {
                out.add(p.getKey());
              }
            });
    return out;
  }

  /** Whether the hub fills a form field with the signed-in user: readOnly, or a "…Door" text. */
  public static boolean isFilledByTheHub(String name, JsonNode property) {
    return property.path("readOnly").asBoolean(false)
        || ("beslisser".equals(name) || name.endsWith("Door"))
            && "string".equals(property.path("type").asText());
  }

  /** The schema as a map (for the API). */
  @SuppressWarnings("unchecked")
  public Map<String, Object> schema(Form form) {
    return json.convertValue(raw.get(form), LinkedHashMap.class);
  }

  /** The form's title: the task's display name. */
  public String title(Form form) {
    return raw.get(form).path("title").asText(form.formName());
  }

  /**
   * Validates a completion; returns the variables to complete the task with (hub-filled fields
   * set), or throws a 400 naming every wrong field.
   */
  public Map<String, Object> validate(Form form, Map<String, Object> payload, KnooppuntUser user) {
    return validate(form, payload, user, Map.of());
  }

  /**
   * Validates a completion of a task whose process variables are known (for the rules that compare
   * with them, {@code x-required-below}); returns the variables to complete the task with.
   */
  public Map<String, Object> validate(
      Form form,
      Map<String, Object> payload,
      KnooppuntUser user,
      Map<String, Object> taskVariables) {
    ObjectNode values = json.valueToTree(payload == null ? Map.of() : payload);
    JsonNode props = raw.get(form).path("properties");
    List<String> required = new ArrayList<>();
    raw.get(form).path("required").forEach(r -> required.add(r.asText()));
    // who did it is the signed-in user, whatever the client sent (docs/adr/0015, issue #20 §5)
    for (String field : filledByTheHub(form)) {
      values.put(field, user.username());
    }
    List<FieldError> errors = new ArrayList<>();
    for (ValidationMessage m : compiled.get(form).validate(values)) {
      errors.add(new FieldError(field(m), message(m)));
    }
    ownRules(raw.get(form), values, errors, clock.instant());
    dateWindow(raw.get(form), values, "", errors, clock.instant());
    requiredBelow(raw.get(form), values, errors, taskVariables == null ? Map.of() : taskVariables);
    if (!errors.isEmpty()) {
      errors.sort((a, b) -> a.getField().compareTo(b.getField()));
      throw new Problems.Invalid(
          "Het formulier '"
              + title(form)
              + "' is niet goed ingevuld: "
              + String.join(", ", errors.stream().map(FieldError::getField).distinct().toList())
              + ".",
          errors);
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> out = json.convertValue(values, LinkedHashMap.class);
    return out;
  }

  /** How far a time "not in the future" may lie ahead (clocks of phones and servers differ). */
  static final java.time.Duration CLOCK_SKEW = java.time.Duration.ofMinutes(5);

  /**
   * The rules JSON Schema cannot say: a time filled in with "now" ({@code x-prefill: "nu"}) that is
   * left out is now, {@code x-time: "future"} (an end time after now), {@code x-time: "past"} (a
   * time that happened, not later than now), and {@code x-sum: "regels.bedrag"} (a total that, left
   * empty, is the sum of the lines, and otherwise must equal it).
   */
  static void ownRules(
      JsonNode schema, ObjectNode values, List<FieldError> errors, java.time.Instant now) {
    for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields();
        it.hasNext(); ) {
      Map.Entry<String, JsonNode> p = it.next();
      String name = p.getKey();
      JsonNode rule = p.getValue();
      JsonNode value = values.get(name);
      if ((value == null || value.isNull()) && "nu".equals(rule.path("x-prefill").asText())) {
        // a time the page fills with "now" is now when it was left out (a call just made)
        values.put(
            name, java.time.OffsetDateTime.ofInstant(now, java.time.ZoneOffset.UTC).toString());
        value = values.get(name);
      }
      String time = rule.path("x-time").asText("");
      if (!time.isEmpty() && value != null && value.isTextual()) {
        java.time.Instant t = instant(value.asText());
        if (t != null && "future".equals(time) && !t.isAfter(now)) {
          errors.add(new FieldError(name, "Kies een tijdstip in de toekomst."));
        }
        if (t != null && "past".equals(time) && t.isAfter(now.plus(CLOCK_SKEW))) {
          errors.add(new FieldError(name, "Dit tijdstip ligt in de toekomst."));
        }
      }
      if (rule.hasNonNull("x-sum")) {
        String[] path = rule.get("x-sum").asText().split("\\.");
        java.math.BigDecimal sum = java.math.BigDecimal.ZERO;
        for (JsonNode line : values.path(path[0])) {
          if (line.path(path[1]).isNumber()) {
            sum = sum.add(line.path(path[1]).decimalValue());
          }
        }
        if (value == null || value.isNull()) {
          if (values.path(path[0]).isArray()) {
            values.put(name, sum);
          }
        } else if (value.isNumber() && value.decimalValue().compareTo(sum) != 0) {
          errors.add(
              new FieldError(
                  name,
                  "Het totaal klopt niet met de regels: die tellen op tot "
                      + sum.stripTrailingZeros().toPlainString()
                      + ". Laat het totaal leeg om het te laten uitrekenen."));
        }
      }
    }
  }

  /**
   * {@code x-required-below: {field: "gripNiveau", variable: "gripAdvies"}}: this field is required
   * when the choice in {@code field} ranks below the process variable (a number, or a choice of the
   * same list); the rank of a choice is its place in the field's {@code enum}, from 1. Used for the
   * reason of a GRIP level lower than the advice ("verschillen moeten kunnen worden uitgelegd").
   */
  static void requiredBelow(
      JsonNode schema, ObjectNode values, List<FieldError> errors, Map<String, Object> variables) {
    JsonNode props = schema.path("properties");
    for (Iterator<Map.Entry<String, JsonNode>> it = props.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> p = it.next();
      JsonNode rule = p.getValue().path("x-required-below");
      if (rule.isMissingNode()) {
        continue;
      }
      JsonNode value = values.get(p.getKey());
      if (value != null && value.isTextual() && !value.asText().isBlank()) {
        continue;
      }
      String field = rule.path("field").asText();
      List<String> choices = new ArrayList<>();
      props.path(field).path("enum").forEach(c -> choices.add(c.asText()));
      int chosen = choices.indexOf(values.path(field).asText()) + 1;
      Object bound = variables.get(rule.path("variable").asText());
      int floor =
          bound instanceof Number n
              ? n.intValue()
              : bound == null ? 0 : choices.indexOf(String.valueOf(bound)) + 1;
      if (chosen > 0 && chosen < floor) {
        errors.add(
            new FieldError(
                p.getKey(),
                "Het gekozen niveau is lager dan het advies ("
                    + (floor <= choices.size()
                        ? nl.knooppunt.processes.Labels.value(choices.get(floor - 1))
                        : floor)
                    + "): leg uit waarom de regio afwijkt."));
      }
    }
  }

  /**
   * Every date and date-time of a form, nested ones too, lies in the sane window (issue #20 §3):
   * not before 2000, not more than a year ahead — unless the field says how far ({@code
   * x-max-ahead}, an ISO period such as {@code P5Y}).
   */
  static void dateWindow(
      JsonNode schema,
      JsonNode value,
      String path,
      List<FieldError> errors,
      java.time.Instant now) {
    if (value == null || value.isNull() || schema == null) {
      return;
    }
    String format = schema.path("format").asText("");
    if (value.isTextual() && (format.equals("date-time") || format.equals("date"))) {
      java.time.LocalDate date = date(value.asText(), format);
      java.time.Period ahead =
          schema.hasNonNull("x-max-ahead")
              ? java.time.Period.parse(schema.get("x-max-ahead").asText())
              : DateWindow.MAX_AHEAD;
      if (date != null && !DateWindow.contains(date, now, ahead)) {
        errors.add(new FieldError(path.isEmpty() ? "body" : path, DateWindow.message(ahead)));
      }
    }
    if (value.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields();
          it.hasNext(); ) {
        Map.Entry<String, JsonNode> p = it.next();
        dateWindow(
            p.getValue(),
            value.get(p.getKey()),
            path.isEmpty() ? p.getKey() : path + "." + p.getKey(),
            errors,
            now);
      }
    } else if (value.isArray()) {
      for (int i = 0; i < value.size(); i++) {
        dateWindow(schema.path("items"), value.get(i), path + "[" + i + "]", errors, now);
      }
    }
  }

  private static java.time.LocalDate date(String text, String format) {
    try {
      return format.equals("date")
          ? java.time.LocalDate.parse(text)
          : java.time.OffsetDateTime.parse(text).toLocalDate();
    } catch (java.time.DateTimeException e) {
      return null;
    }
  }

  private static java.time.Instant instant(String text) {
    try {
      return java.time.OffsetDateTime.parse(text).toInstant();
    } catch (java.time.DateTimeException e) {
      return null;
    }
  }

  private static String field(ValidationMessage m) {
    String location = m.getInstanceLocation() == null ? "" : m.getInstanceLocation().toString();
    String path = readable(location);
    if (("required".equals(m.getType()) || "additionalProperties".equals(m.getType()))
        && m.getProperty() != null) {
      path = path.isEmpty() ? m.getProperty() : path + "." + m.getProperty();
    }
    return path.isEmpty() ? "body" : path;
  }

  /** {@code /regels/0/bedrag} or {@code $.regels[0].bedrag} → {@code regels[0].bedrag}. */
  static String readable(String location) {
    if (location.startsWith("$")) {
      String p = location.substring(1);
      return p.startsWith(".") ? p.substring(1) : p;
    }
    StringBuilder out = new StringBuilder();
    for (String part : location.split("/")) {
      if (part.isEmpty()) {
        continue;
      }
      String name = part.replace("~1", "/").replace("~0", "~");
      if (name.chars().allMatch(Character::isDigit)) {
        out.append('[').append(name).append(']');
      } else {
        if (!out.isEmpty()) {
          out.append('.');
        }
        out.append(name);
      }
    }
    return out.toString();
  }

  private static String message(ValidationMessage m) {
    String error = m.getError();
    if (error != null && !error.isBlank()) {
      return error;
    }
    String message = m.getMessage();
    int colon = message.indexOf(": ");
    return colon > 0 ? message.substring(colon + 2) : message;
  }
}
