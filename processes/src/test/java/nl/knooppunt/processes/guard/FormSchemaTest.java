package nl.knooppunt.processes.guard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.Set;
import nl.knooppunt.processes.Form;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every form is a valid JSON Schema (draft 2020-12) with Dutch titles, fields and required. */
class FormSchemaTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonSchemaFactory FACTORY =
      JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

  static JsonNode schema(Form f) throws IOException {
    try (InputStream in =
        FormSchemaTest.class.getClassLoader().getResourceAsStream(f.schemaResource())) {
      assertThat(in).as(f.schemaResource()).isNotNull();
      return JSON.readTree(in);
    }
  }

  static JsonSchema compiled(Form f) throws IOException {
    return FACTORY.getSchema(schema(f), SchemaValidatorsConfig.builder().build());
  }

  @ParameterizedTest
  @EnumSource(Form.class)
  void everyFormIsAValidDraft202012Schema(Form f) throws IOException {
    JsonNode schema = schema(f);
    JsonSchema metaSchema =
        FACTORY.getSchema(
            com.networknt.schema.SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"),
            SchemaValidatorsConfig.builder().build());
    Set<ValidationMessage> errors = metaSchema.validate(schema);
    assertThat(errors).as(f.formName()).isEmpty();
    assertThat(schema.path("$schema").asText())
        .isEqualTo("https://json-schema.org/draft/2020-12/schema");
  }

  @ParameterizedTest
  @EnumSource(Form.class)
  void everyFormHasATitleDescriptionFieldsAndRequiredFieldsThatExist(Form f) throws IOException {
    JsonNode schema = schema(f);
    assertThat(schema.path("title").asText()).isNotBlank();
    assertThat(schema.path("description").asText()).isNotBlank();
    assertThat(schema.path("type").asText()).isEqualTo("object");
    JsonNode props = schema.path("properties");
    assertThat(props.size()).isPositive();
    for (Iterator<String> it = props.fieldNames(); it.hasNext(); ) {
      String field = it.next();
      assertThat(props.path(field).path("title").asText())
          .as(f.formName() + "." + field)
          .isNotBlank();
    }
    assertThat(schema.path("required").size()).isPositive();
    schema.path("required").forEach(r -> assertThat(props.has(r.asText())).as(r.asText()).isTrue());
  }

  /**
   * "Fields ending in Door and beslisser are always filled by the server from the signed-in user"
   * (issue #20 §5): every field that says who did it is {@code readOnly}, so the page shows it as
   * filled in and the gateway sets it, whatever a client sends.
   */
  @ParameterizedTest
  @EnumSource(Form.class)
  void everyFieldThatSaysWhoDidItIsFilledByTheHub(Form f) throws IOException {
    JsonNode props = schema(f).path("properties");
    for (Iterator<String> it = props.fieldNames(); it.hasNext(); ) {
      String field = it.next();
      if (field.endsWith("Door")
          || field.equals("beslisser")
          || field.equals("medeondertekenaar")) {
        assertThat(props.path(field).path("readOnly").asBoolean(false))
            .as(f.formName() + "." + field + " is readOnly")
            .isTrue();
        assertThat(props.path(field).path("description").asText())
            .as(f.formName() + "." + field)
            .startsWith("Wordt door het knooppunt ingevuld met de ingelogde gebruiker");
      }
    }
  }

  /**
   * "Every free-text field has a maximum length in the contract and the form schemas" (issue #20
   * §3): every text a person types — nested ones and list items too — says how long it may be, so
   * too long is a 400 naming the field (the contract's texts: the Spectral rule
   * knooppunt-text-has-a-maximum-length).
   */
  @ParameterizedTest
  @EnumSource(Form.class)
  void everyTextFieldHasAMaximumLength(Form f) throws IOException {
    java.util.List<String> without = new java.util.ArrayList<>();
    textsWithoutMaximum(schema(f), f.formName(), without);
    assertThat(without).as("text fields without maxLength").isEmpty();
  }

  private static void textsWithoutMaximum(JsonNode node, String path, java.util.List<String> out) {
    if (node.isObject()) {
      if ("string".equals(node.path("type").asText())
          && !node.has("enum")
          && !node.has("const")
          && !node.has("oneOf")
          && !Set.of("date", "date-time").contains(node.path("format").asText())
          && !node.has("maxLength")) {
        out.add(path);
      }
      node.fields()
          .forEachRemaining(e -> textsWithoutMaximum(e.getValue(), path + "." + e.getKey(), out));
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        textsWithoutMaximum(node.get(i), path + "[" + i + "]", out);
      }
    }
  }

  @Test
  void aDecisionWithoutMotivationIsRefusedByTheSchema() throws IOException {
    var errors =
        compiled(Form.BESLUIT_DREIGINGSNIVEAU)
            .validate(JSON.readTree("{\"uitkomst\":\"AFKONDIGEN\",\"beslisser\":\"nctv-2\"}"));
    assertThat(errors).isNotEmpty();
  }

  @Test
  void publicCommunicationNeedsAllThreeAims() throws IOException {
    JsonSchema schema = compiled(Form.PUBLIEKSCOMMUNICATIE);
    assertThat(
            schema.validate(
                JSON.readTree(
                    "{\"informeren\":\"Niveau 5 in Utrecht\",\"handelingsperspectief\":\"Blijf"
                        + " binnen\",\"duiding\":\"Mogelijke vervolgdreiging\",\"kanalen\":[\"NL_ALERT\"]}")))
        .isEmpty();
    assertThat(
            schema.validate(
                JSON.readTree(
                    "{\"informeren\":\"Niveau 5 in Utrecht\",\"handelingsperspectief\":\"Blijf"
                        + " binnen\",\"kanalen\":[\"NL_ALERT\"]}")))
        .isNotEmpty();
  }

  @Test
  void anUnknownEnumValueIsRefused() throws IOException {
    assertThat(
            compiled(Form.BEOORDELING_LOCC)
                .validate(
                    JSON.readTree(
                        "{\"uitkomst\":\"MISSCHIEN\",\"motivering\":\"x\",\"beoordeeldDoor\":\"y\"}")))
        .isNotEmpty();
  }

  /**
   * The hub's own keywords name what exists: a prefill names a process variable of the catalogue
   * (or "nu"), a time rule sits on a date-time field, a sum names a list field and its number
   * field, a conditional requirement names fields of the form, and a field required below a process
   * variable names a choice field and a catalogue variable.
   */
  @ParameterizedTest
  @EnumSource(Form.class)
  void theHubsOwnKeywordsNameRealVariablesAndFields(Form f) throws IOException {
    JsonNode schema = schema(f);
    JsonNode props = schema.path("properties");
    for (Iterator<java.util.Map.Entry<String, JsonNode>> it = props.fields(); it.hasNext(); ) {
      java.util.Map.Entry<String, JsonNode> p = it.next();
      JsonNode prop = p.getValue();
      String where = f.formName() + "." + p.getKey();
      if (prop.has("x-prefill")) {
        String path = prop.get("x-prefill").asText();
        assertThat(
                "nu".equals(path)
                    || nl.knooppunt.processes.Variable.of(path.split("\\.")[0]).isPresent())
            .as(where + " x-prefill " + path + " names a catalogue variable")
            .isTrue();
      }
      if (prop.has("x-time")) {
        assertThat(prop.path("format").asText()).as(where).isEqualTo("date-time");
        assertThat(prop.get("x-time").asText()).as(where).isIn("future", "past");
      }
      if (prop.has("x-required-below")) {
        JsonNode below = prop.get("x-required-below");
        assertThat(props.path(below.path("field").asText()).path("enum").isArray())
            .as(where + " x-required-below names a choice field of the form")
            .isTrue();
        assertThat(nl.knooppunt.processes.Variable.of(below.path("variable").asText()))
            .as(where + " x-required-below names a catalogue variable")
            .isPresent();
      }
      if (prop.has("x-sum")) {
        String[] sum = prop.get("x-sum").asText().split("\\.");
        assertThat(
                props
                    .path(sum[0])
                    .path("items")
                    .path("properties")
                    .path(sum[1])
                    .path("type")
                    .asText())
            .as(where + " x-sum")
            .isEqualTo("number");
      }
    }
    for (JsonNode rule : schema.path("allOf")) {
      rule.path("if")
          .path("properties")
          .fieldNames()
          .forEachRemaining(
              name -> assertThat(props.has(name)).as(f.formName() + " if " + name).isTrue());
      rule.path("then")
          .path("required")
          .forEach(r -> assertThat(props.has(r.asText())).as(f.formName() + " then " + r).isTrue());
    }
  }
}
