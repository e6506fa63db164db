package nl.knooppunt.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import nl.knooppunt.api.model.FieldError;
import org.junit.jupiter.api.Test;

class PageFormTest {

  @Test
  void anEmptyRequiredFieldAndATooLongTextAreNamedInDutch() {
    PageForm form = new PageForm(Map.of("reden", " ", "naam", "x".repeat(11)));
    assertThat(form.text("reden", 100)).isNull();
    assertThat(form.text("naam", 10)).isNull();
    assertThat(form.errors())
        .containsEntry("reden", "Vul dit veld in.")
        .containsEntry("naam", "Maximaal 10 tekens (nu 11).");
    assertThat(form.valid()).isFalse();
  }

  @Test
  void aLocalTimeIsReadAsAmsterdamTime() {
    PageForm form = new PageForm(Map.of("eindtijd", "2019-03-18T22:00", "fout", "morgen"));
    assertThat(form.time("eindtijd").toString()).isEqualTo("2019-03-18T22:00+01:00");
    assertThat(form.time("fout")).isNull();
    assertThat(form.errors()).containsOnlyKeys("fout");
  }

  @Test
  void aTimeBefore2000OrMoreThanAYearAheadIsRefusedInDutch() {
    java.time.OffsetDateTime now = java.time.OffsetDateTime.now();
    PageForm form =
        new PageForm(
            Map.of(
                "oud", "1999-12-31T12:00",
                "ver", Times.inputValue(now.plusYears(1).plusDays(2)),
                "binnen", Times.inputValue(now.plusMonths(11)),
                "ruim", Times.inputValue(now.plusYears(2))));
    assertThat(form.time("oud")).isNull();
    assertThat(form.time("ver")).isNull();
    assertThat(form.time("binnen")).isNotNull();
    assertThat(form.time("ruim", java.time.Period.ofYears(3)))
        .as("the field's own reach")
        .isNotNull();
    assertThat(form.errors())
        .containsOnlyKeys("oud", "ver")
        .containsEntry("oud", "Kies een datum vanaf 2000 en niet meer dan een jaar vooruit.")
        .containsEntry("ver", "Kies een datum vanaf 2000 en niet meer dan een jaar vooruit.");
  }

  @Test
  void numbersOutsideTheRangeAreRefused() {
    PageForm form = new PageForm(Map.of("a", "0", "b", "drie", "c", "7"));
    assertThat(form.number("a", 1, 10)).isNull();
    assertThat(form.number("b", 1, 10)).isNull();
    assertThat(form.number("c", 1, 10)).isEqualTo(7);
    assertThat(form.errors()).containsOnlyKeys("a", "b");
  }

  @Test
  void theApisFieldErrorsLandBesideTheirFormFields() {
    PageForm form = new PageForm(Map.of());
    form.take(
        new Problems.Invalid(
            "ongeldig",
            List.of(
                new FieldError("area.codes[0]", "onbekende code 'PV99'"),
                new FieldError("x", "y"))),
        f -> f.startsWith("area") ? "gebied" : null);
    assertThat(form.errors())
        .containsEntry("gebied", "onbekende code 'PV99'")
        .containsEntry("formulier", "y");
  }
}
