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
import nl.knooppunt.processes.Formulier;
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
  @EnumSource(Formulier.class)
  void everyFormOfTheCatalogueLoadsWithATitle(Formulier f) {
    assertThat(FORMS.title(f)).isNotBlank();
    assertThat(FORMS.schema(f)).containsKey("properties");
  }

  @Test
  void missingWrongAndUnknownFieldsAreNamed() {
    assertThat(fields(() -> FORMS.validate(Formulier.BESLUIT_DREIGINGSNIVEAU, Map.of(), NCTV)))
        .contains("uitkomst", "motivering")
        .doesNotContain("beslisser");
    assertThat(
            fields(
                () ->
                    FORMS.validate(
                        Formulier.BESLUIT_DREIGINGSNIVEAU,
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
            Formulier.BESLUIT_DREIGINGSNIVEAU,
            Map.of("uitkomst", "AFKONDIGEN", "motivering", "Concreet", "beslisser", "operator"),
            NCTV);
    assertThat(vars).containsEntry("beslisser", "nctv").containsEntry("uitkomst", "AFKONDIGEN");
  }

  @Test
  void nestedFieldsAreNamedWithTheirPath() {
    assertThat(FormSchemas.readable("/regels/0/bedrag")).isEqualTo("regels[0].bedrag");
    assertThat(FormSchemas.readable("$.regels[0].bedrag")).isEqualTo("regels[0].bedrag");
    assertThatThrownBy(
            () -> FORMS.validate(Formulier.KOSTENREGISTRATIE, Map.of("regels", "geen lijst"), NCTV))
        .isInstanceOf(Problems.Invalid.class);
  }
}
