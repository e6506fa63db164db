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
import nl.knooppunt.processes.Formulier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every form is a valid JSON Schema (draft 2020-12) with Dutch titles, fields and required. */
class FormSchemaTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonSchemaFactory FACTORY =
      JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

  static JsonNode schema(Formulier f) throws IOException {
    try (InputStream in =
        FormSchemaTest.class.getClassLoader().getResourceAsStream(f.schemaResource())) {
      assertThat(in).as(f.schemaResource()).isNotNull();
      return JSON.readTree(in);
    }
  }

  static JsonSchema compiled(Formulier f) throws IOException {
    return FACTORY.getSchema(schema(f), SchemaValidatorsConfig.builder().build());
  }

  @ParameterizedTest
  @EnumSource(Formulier.class)
  void everyFormIsAValidDraft202012Schema(Formulier f) throws IOException {
    JsonNode schema = schema(f);
    JsonSchema metaSchema =
        FACTORY.getSchema(
            com.networknt.schema.SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"),
            SchemaValidatorsConfig.builder().build());
    Set<ValidationMessage> errors = metaSchema.validate(schema);
    assertThat(errors).as(f.naam()).isEmpty();
    assertThat(schema.path("$schema").asText())
        .isEqualTo("https://json-schema.org/draft/2020-12/schema");
  }

  @ParameterizedTest
  @EnumSource(Formulier.class)
  void everyFormHasATitleDescriptionFieldsAndRequiredFieldsThatExist(Formulier f)
      throws IOException {
    JsonNode schema = schema(f);
    assertThat(schema.path("title").asText()).isNotBlank();
    assertThat(schema.path("description").asText()).isNotBlank();
    assertThat(schema.path("type").asText()).isEqualTo("object");
    JsonNode props = schema.path("properties");
    assertThat(props.size()).isPositive();
    for (Iterator<String> it = props.fieldNames(); it.hasNext(); ) {
      String field = it.next();
      assertThat(props.path(field).path("title").asText()).as(f.naam() + "." + field).isNotBlank();
    }
    assertThat(schema.path("required").size()).isPositive();
    schema.path("required").forEach(r -> assertThat(props.has(r.asText())).as(r.asText()).isTrue());
  }

  @Test
  void aDecisionWithoutMotivationIsRefusedByTheSchema() throws IOException {
    var errors =
        compiled(Formulier.BESLUIT_DREIGINGSNIVEAU)
            .validate(JSON.readTree("{\"uitkomst\":\"AFKONDIGEN\",\"beslisser\":\"nctv-2\"}"));
    assertThat(errors).isNotEmpty();
  }

  @Test
  void publicCommunicationNeedsAllThreeAims() throws IOException {
    JsonSchema schema = compiled(Formulier.PUBLIEKSCOMMUNICATIE);
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
            compiled(Formulier.BEOORDELING_LOCC)
                .validate(
                    JSON.readTree(
                        "{\"uitkomst\":\"MISSCHIEN\",\"motivering\":\"x\",\"beoordeeldDoor\":\"y\"}")))
        .isNotEmpty();
  }
}
