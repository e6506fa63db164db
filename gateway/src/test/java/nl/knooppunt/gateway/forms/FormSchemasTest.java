package nl.knooppunt.gateway.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import nl.knooppunt.api.model.FieldError;
import nl.knooppunt.gateway.security.KnooppuntUser;
import nl.knooppunt.gateway.security.Rol;
import nl.knooppunt.gateway.web.Problems;
import nl.knooppunt.processes.Form;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class FormSchemasTest {

  static final FormSchemas FORMS = new FormSchemas(new ObjectMapper());
  static final KnooppuntUser NCTV =
      new KnooppuntUser(
          "nctv",
          "NCTV",
          EnumSet.of(Rol.NCTV_BESLUITVORMER),
          null,
          null,
          null,
          KnooppuntUser.Source.LOCAL);

  static List<String> fields(Runnable r) {
    try {
      r.run();
      throw new AssertionError("expected a 400");
    } catch (Problems.Invalid e) {
      return e.errors().stream().map(FieldError::getField).toList();
    }
  }

  @ParameterizedTest
  @EnumSource(Form.class)
  void everyFormOfTheCatalogueLoadsWithATitle(Form f) {
    assertThat(FORMS.title(f)).isNotBlank();
    assertThat(FORMS.schema(f)).containsKey("properties");
  }

  @Test
  void aGripLevelBelowTheAdviceNeedsAnExplanationAndGripFiveIsOffered() {
    String earlier = java.time.OffsetDateTime.now().minusMinutes(5).toString();
    Map<String, Object> advice = Map.of("gripAdvies", 3);
    assertThat(
            fields(
                () ->
                    FORMS.validate(
                        Form.BEVESTIGING_OPSCHALING,
                        Map.of("gripNiveau", "GRIP_2", "opgeschaaldOp", earlier),
                        NCTV,
                        advice)))
        .containsExactly("toelichting");
    FORMS.validate(
        Form.BEVESTIGING_OPSCHALING,
        Map.of("gripNiveau", "GRIP_2", "opgeschaaldOp", earlier, "toelichting", "CoPI volstaat"),
        NCTV,
        advice);
    FORMS.validate(
        Form.BEVESTIGING_OPSCHALING,
        Map.of("gripNiveau", "GRIP_3", "opgeschaaldOp", earlier),
        NCTV,
        advice);
    FORMS.validate(
        Form.BEVESTIGING_OPSCHALING,
        Map.of("gripNiveau", "GRIP_5", "opgeschaaldOp", earlier),
        NCTV,
        advice);
    FORMS.validate(
        Form.BEVESTIGING_OPSCHALING,
        Map.of("gripNiveau", "GRIP_RIJK", "opgeschaaldOp", earlier),
        NCTV,
        advice);
  }

  @Test
  void missingWrongAndUnknownFieldsAreNamed() {
    assertThat(fields(() -> FORMS.validate(Form.BESLUIT_DREIGINGSNIVEAU, Map.of(), NCTV)))
        .contains("uitkomst", "motivering")
        .doesNotContain("beslisser");
    assertThat(
            fields(
                () ->
                    FORMS.validate(
                        Form.BESLUIT_DREIGINGSNIVEAU,
                        Map.of(
                            "uitkomst",
                            "MISSCHIEN",
                            "motivering",
                            "x",
                            "eindtijd",
                            "morgen",
                            "extra",
                            1),
                        NCTV)))
        .containsExactlyInAnyOrder("uitkomst", "eindtijd", "extra");
  }

  @Test
  void theDeciderIsAlwaysTheSignedInUser() {
    Map<String, Object> vars =
        FORMS.validate(
            Form.BESLUIT_DREIGINGSNIVEAU,
            Map.of(
                "uitkomst",
                "AFKONDIGEN",
                "eindtijd",
                java.time.OffsetDateTime.now().plusHours(6).toString(),
                "motivering",
                "Concreet",
                "beslisser",
                "operator"),
            NCTV);
    assertThat(vars).containsEntry("beslisser", "nctv").containsEntry("uitkomst", "AFKONDIGEN");
  }

  private static List<String> wrongFields(Form form, Map<String, Object> values) {
    try {
      FORMS.validate(form, values, NCTV);
      return List.of();
    } catch (Problems.Invalid e) {
      return e.errors().stream().map(FieldError::getField).toList();
    }
  }

  @Test
  void aDeclarationNeedsAnEndTimeInTheFuture() {
    assertThat(
            wrongFields(
                Form.BESLUIT_DREIGINGSNIVEAU, Map.of("uitkomst", "AFKONDIGEN", "motivering", "m")))
        .containsExactly("eindtijd");
    assertThat(
            wrongFields(
                Form.BESLUIT_DREIGINGSNIVEAU,
                Map.of(
                    "uitkomst",
                    "AFKONDIGEN",
                    "motivering",
                    "m",
                    "eindtijd",
                    "2020-01-01T00:00:00Z")))
        .containsExactly("eindtijd");
    assertThat(
            wrongFields(
                Form.BESLUIT_DREIGINGSNIVEAU,
                Map.of("uitkomst", "NIET_AFKONDIGEN", "motivering", "m")))
        .as("not declaring needs no end")
        .isEmpty();
  }

  @Test
  void anExtensionNeedsANewEndTimeInTheFutureAndALoweringNone() {
    assertThat(wrongFields(Form.HERBEOORDELING, Map.of("uitkomst", "VERLENGEN", "motivering", "m")))
        .containsExactly("nieuweEindtijd");
    assertThat(
            wrongFields(
                Form.HERBEOORDELING,
                Map.of(
                    "uitkomst",
                    "VERLENGEN",
                    "motivering",
                    "m",
                    "nieuweEindtijd",
                    "2020-01-01T00:00:00Z")))
        .containsExactly("nieuweEindtijd");
    assertThat(wrongFields(Form.HERBEOORDELING, Map.of("uitkomst", "AFSCHALEN", "motivering", "m")))
        .isEmpty();
  }

  @Test
  void loweringNeedsALevelAndMoreInformationNeedsTheQuestion() {
    assertThat(
            wrongFields(
                Form.BESLUIT_AFSCHALING, Map.of("uitkomst", "AFSCHALEN", "motivering", "m")))
        .containsExactly("nieuwNiveau");
    assertThat(
            wrongFields(
                Form.BESLUIT_AFSCHALING, Map.of("uitkomst", "HANDHAVEN", "motivering", "m")))
        .isEmpty();
    assertThat(
            wrongFields(
                Form.BEOORDELING_LOCC, Map.of("uitkomst", "MEER_INFORMATIE", "motivering", "m")))
        .containsExactly("gevraagdeInformatie");
    assertThat(wrongFields(Form.HERBEOORDELING, Map.of("uitkomst", "VERLENGEN", "motivering", "m")))
        .containsExactly("nieuweEindtijd");
  }

  /**
   * "Dates within a sane window (not before 2000, not more than a year ahead unless the field says
   * so)" (issue #20 §3), nested dates too; and every text has a maximum length, so too long is a
   * 400 naming the field, not the engine's message.
   */
  @Test
  void datesLieBetween2000AndAYearAheadAndTextsHaveAMaximumLength() {
    String windowMessage = "Kies een datum vanaf 2000 en niet meer dan een jaar vooruit.";
    Map<String, Object> decision =
        new java.util.HashMap<>(
            Map.of("uitkomst", "AFKONDIGEN", "motivering", "Concreet", "eindtijd", ""));
    decision.put("eindtijd", java.time.OffsetDateTime.now().plusYears(2).toString());
    assertThat(errors(Form.BESLUIT_DREIGINGSNIVEAU, decision))
        .containsExactly(new FieldError("eindtijd", windowMessage));
    decision.put("eindtijd", java.time.OffsetDateTime.now().plusMonths(11).toString());
    FORMS.validate(Form.BESLUIT_DREIGINGSNIVEAU, decision, NCTV);

    Map<String, Object> call = Map.of("bereikt", false, "gesprokenOp", "1999-12-31T23:00:00Z");
    assertThat(errors(Form.TELEFONISCH_BENADEREN, call))
        .containsExactly(new FieldError("gesprokenOp", windowMessage));

    Map<String, Object> evaluation =
        Map.of(
            "watGingGoed",
            "Snel besluit",
            "verbeterpunten",
            List.of("Eerder delen"),
            "delenMetRegios",
            true,
            "acties",
            List.of(Map.of("actie", "Oefenen", "eigenaar", "NCTV", "gereedOp", "2035-01-01")));
    assertThat(wrongFields(Form.EVALUATIE, evaluation)).contains("acties[0].gereedOp");

    // a field may say how far ahead it takes a date
    var schema =
        new ObjectMapper()
            .createObjectNode()
            .set(
                "properties",
                new ObjectMapper()
                    .createObjectNode()
                    .set(
                        "tot",
                        new ObjectMapper()
                            .createObjectNode()
                            .put("type", "string")
                            .put("format", "date")
                            .put("x-max-ahead", "P5Y")));
    java.time.Instant now = java.time.Instant.now();
    List<FieldError> found = new java.util.ArrayList<>();
    String threeYears = java.time.LocalDate.now().plusYears(3).toString();
    FormSchemas.dateWindow(
        schema, new ObjectMapper().createObjectNode().put("tot", threeYears), "", found, now);
    assertThat(found).isEmpty();
    String sixYears = java.time.LocalDate.now().plusYears(6).toString();
    FormSchemas.dateWindow(
        schema, new ObjectMapper().createObjectNode().put("tot", sixYears), "", found, now);
    assertThat(found)
        .containsExactly(
            new FieldError("tot", "Kies een datum vanaf 2000 en niet meer dan 5 jaar vooruit."));

    decision.put("eindtijd", java.time.OffsetDateTime.now().plusHours(6).toString());
    decision.put("motivering", "x".repeat(4001));
    assertThat(wrongFields(Form.BESLUIT_DREIGINGSNIVEAU, decision)).containsExactly("motivering");
  }

  private static List<FieldError> errors(Form form, Map<String, Object> values) {
    try {
      FORMS.validate(form, values, NCTV);
      throw new AssertionError("expected a 400");
    } catch (Problems.Invalid e) {
      return e.errors();
    }
  }

  @Test
  void aCallCannotHaveHappenedInTheFutureAndAReachedPersonIsNamed() {
    assertThat(
            wrongFields(
                Form.TELEFONISCH_BENADEREN,
                Map.of(
                    "bereikt",
                    false,
                    "gesprokenOp",
                    java.time.OffsetDateTime.now().plusDays(1).toString())))
        .containsExactly("gesprokenOp");
    assertThat(wrongFields(Form.TELEFONISCH_BENADEREN, Map.of("bereikt", true)))
        .containsExactly("gesprokenMet");
    assertThat(wrongFields(Form.TELEFONISCH_BENADEREN, Map.of())).containsExactly("bereikt");
  }

  @Test
  void costLinesAddUpToTheTotalOrTheTotalIsComputed() {
    Map<String, Object> lines =
        Map.of(
            "regels",
            List.of(
                Map.of("vrCode", "VR13", "bedrag", 1200.50, "omschrijving", "brandweer"),
                Map.of("vrCode", "VR14", "bedrag", 800, "omschrijving", "brandweer")));
    Map<String, Object> computed = FORMS.validate(Form.KOSTENREGISTRATIE, lines, NCTV);
    assertThat(((Number) computed.get("totaal")).doubleValue()).isEqualTo(2000.50);

    Map<String, Object> wrong = new java.util.HashMap<>(lines);
    wrong.put("totaal", 2500);
    assertThat(wrongFields(Form.KOSTENREGISTRATIE, wrong)).containsExactly("totaal");
  }

  @Test
  void nestedFieldsAreNamedWithTheirPath() {
    assertThat(FormSchemas.readable("/regels/0/bedrag")).isEqualTo("regels[0].bedrag");
    assertThat(FormSchemas.readable("$.regels[0].bedrag")).isEqualTo("regels[0].bedrag");
    assertThatThrownBy(
            () -> FORMS.validate(Form.KOSTENREGISTRATIE, Map.of("regels", "geen lijst"), NCTV))
        .isInstanceOf(Problems.Invalid.class);
  }
}
