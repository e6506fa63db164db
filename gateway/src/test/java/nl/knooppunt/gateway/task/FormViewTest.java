package nl.knooppunt.gateway.task;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import nl.knooppunt.gateway.forms.FormSchemas;
import nl.knooppunt.gateway.security.KnooppuntUser;
import nl.knooppunt.gateway.security.Rol;
import nl.knooppunt.gateway.task.FormView.Field;
import nl.knooppunt.gateway.task.FormView.Kind;
import nl.knooppunt.gateway.task.FormView.Option;
import nl.knooppunt.processes.Form;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** The task form as rendered from its JSON Schema, and the submitted form back to variables. */
class FormViewTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final FormSchemas FORMS = new FormSchemas(JSON);
  static final KnooppuntUser UTRECHT =
      new KnooppuntUser(
          "regio-utrecht",
          "Veiligheidsregio Utrecht",
          EnumSet.of(Rol.REGIO),
          "VR09",
          null,
          null,
          KnooppuntUser.Source.LOCAL);

  static JsonNode schema(Form f) {
    return JSON.valueToTree(FORMS.schema(f));
  }

  static JsonNode schema(String json) {
    try {
      return JSON.readTree(json.replace('\'', '"'));
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  static Field field(FormView form, String name) {
    return all(form.fields()).stream()
        .filter(f -> f.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no field " + name));
  }

  static List<Field> all(List<Field> fields) {
    List<Field> out = new ArrayList<>();
    for (Field f : fields) {
      out.add(f);
      out.addAll(all(f.children()));
    }
    return out;
  }

  static MultiValueMap<String, String> form(String... pairs) {
    MultiValueMap<String, String> m = new LinkedMultiValueMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      m.add(pairs[i], pairs[i + 1]);
    }
    return m;
  }

  @Test
  void theAlignmentFormOfARegionHasRadiosWithDutchLabelsAndTextareas() {
    FormView form = FormView.of(schema(Form.AFSTEMMING_LOKAAL_GEZAG), "regio-utrecht");

    Field standpunt = field(form, "standpuntGezag");
    assertThat(standpunt.kind()).isEqualTo(Kind.RADIO);
    assertThat(standpunt.id()).isEqualTo("veld-standpuntGezag");
    assertThat(standpunt.label()).isEqualTo("Standpunt lokaal gezag");
    assertThat(standpunt.required()).isTrue();
    assertThat(standpunt.enforced()).isTrue();
    assertThat(standpunt.options())
        .extracting(Option::label)
        .containsExactly("Steunt", "Steunt met kanttekeningen", "Bezwaar");
    assertThat(standpunt.options())
        .extracting(Option::id)
        .containsExactly(
            "veld-standpuntGezag-STEUNT",
            "veld-standpuntGezag-STEUNT_MET_KANTTEKENINGEN",
            "veld-standpuntGezag-BEZWAAR");

    Field maatregelen = field(form, "maatregelen");
    assertThat(maatregelen.kind()).isEqualTo(Kind.TEXTAREA);
    assertThat(maatregelen.required()).isFalse();
    assertThat(maatregelen.hint()).startsWith("Bijvoorbeeld: binnenblijfadvies");
    assertThat(maatregelen.describedBy()).isEqualTo("hint-maatregelen");
    assertThat(form.hasProblems()).isFalse();
  }

  @Test
  void everyTypeOfTheSchemaHasItsInput() {
    FormView form =
        FormView.of(
            schema(
                """
                {'type': 'object', 'required': ['kort', 'keuze', 'aantal'], 'properties': {
                  'kort': {'type': 'string', 'title': 'Kort', 'maxLength': 80, 'minLength': 2},
                  'lang': {'type': 'string', 'title': 'Lang', 'maxLength': 2000},
                  'keuze': {'type': 'string', 'title': 'Keuze', 'enum': ['A', 'B', 'C', 'D', 'E', 'F']},
                  'benoemd': {'type': 'string', 'oneOf': [{'const': 'J', 'title': 'Jazeker'}, {'const': 'N', 'title': 'Nee hoor'}]},
                  'xnamen': {'type': 'string', 'enum': ['X1', 'X2'], 'x-enumNames': ['Eerste', 'Tweede']},
                  'vlag': {'type': 'boolean', 'title': 'Vlag'},
                  'aantal': {'type': 'integer', 'title': 'Aantal', 'minimum': 1, 'maximum': 4},
                  'bedrag': {'type': 'number', 'exclusiveMinimum': 0},
                  'wanneer': {'type': 'string', 'format': 'date-time', 'title': 'Wanneer'},
                  'dag': {'type': 'string', 'format': 'date'},
                  'code': {'type': 'string', 'pattern': '^VR[0-9]{2}$'},
                  'beslisser': {'type': 'string', 'readOnly': true, 'title': 'Beslisser'},
                  'gedeeldDoor': {'type': 'string', 'title': 'Gedeeld door', 'minLength': 1}
                }}
                """),
            "nctv");

    assertThat(field(form, "kort").kind()).isEqualTo(Kind.TEXT);
    assertThat(field(form, "kort").maxLength()).isEqualTo(80);
    assertThat(field(form, "kort").minLength()).isEqualTo(2);
    assertThat(field(form, "lang").kind()).isEqualTo(Kind.TEXTAREA);
    assertThat(field(form, "keuze").kind()).isEqualTo(Kind.SELECT);
    assertThat(field(form, "benoemd").kind()).isEqualTo(Kind.RADIO);
    assertThat(field(form, "benoemd").options())
        .extracting(Option::label)
        .containsExactly("Jazeker", "Nee hoor");
    assertThat(field(form, "xnamen").options())
        .extracting(Option::label)
        .containsExactly("Eerste", "Tweede");
    assertThat(field(form, "vlag").kind()).isEqualTo(Kind.CHECKBOX);
    Field aantal = field(form, "aantal");
    assertThat(aantal.kind()).isEqualTo(Kind.NUMBER);
    assertThat(aantal.min()).isEqualTo("1");
    assertThat(aantal.max()).isEqualTo("4");
    assertThat(aantal.step()).isEqualTo("1");
    assertThat(field(form, "bedrag").step()).isEqualTo("any");
    assertThat(field(form, "wanneer").kind()).isEqualTo(Kind.DATETIME);
    assertThat(field(form, "wanneer").hint()).isEqualTo("Nederlandse tijd.");
    assertThat(field(form, "dag").kind()).isEqualTo(Kind.DATE);
    assertThat(field(form, "code").pattern()).isEqualTo("VR[0-9]{2}");
    assertThat(field(form, "beslisser").kind()).isEqualTo(Kind.HUB);
    assertThat(field(form, "beslisser").value()).isEqualTo("nctv");
    Field door = field(form, "gedeeldDoor");
    assertThat(door.kind()).as("who did it is the signed-in user").isEqualTo(Kind.HUB);
    assertThat(door.required()).isFalse();
    assertThat(door.value()).isEqualTo("nctv");
  }

  @Test
  void listsAndNestedObjectsAreFieldsetsWithPathNames() {
    FormView toewijzing = FormView.of(schema(Form.TOEWIJZING), "locc");
    Field regels = field(toewijzing, "regels");
    assertThat(regels.kind()).isEqualTo(Kind.ROWS);
    assertThat(regels.children()).hasSize(1 + FormView.SPARE_ROWS);
    assertThat(regels.children().get(0).id()).isEqualTo("veld-regels-0");
    Field vr = field(toewijzing, "regels[0].vrCode");
    assertThat(vr.id()).isEqualTo("veld-regels-0-vrCode");
    assertThat(vr.errorId()).isEqualTo("fout-regels-0-vrCode");
    assertThat(vr.enforced()).as("spare rows may stay empty").isFalse();

    FormView overweging = FormView.of(schema(Form.OVERWEGING_DREIGINGSNIVEAU), "nctv");
    assertThat(field(overweging, "gebied").kind()).isEqualTo(Kind.GROUP);
    assertThat(field(overweging, "gebied.soort").kind()).isEqualTo(Kind.RADIO);
    assertThat(field(overweging, "gebied.soort").required()).isTrue();
    assertThat(field(overweging, "gebied.soort").enforced())
        .as("an optional group may stay empty")
        .isFalse();
    assertThat(field(overweging, "gebied.codes").kind()).isEqualTo(Kind.LINES);

    FormView communicatie = FormView.of(schema(Form.PUBLIEKSCOMMUNICATIE), "communicatie");
    Field kanalen = field(communicatie, "kanalen");
    assertThat(kanalen.kind()).isEqualTo(Kind.CHOICES);
    assertThat(kanalen.options()).extracting(Option::label).contains("NL-Alert", "Crisis.nl");
  }

  @ParameterizedTest
  @EnumSource(Form.class)
  void everyFormOfTheCatalogueRendersWithIdsAndLabels(Form f) {
    FormView form = FormView.of(schema(f), "gebruiker");
    assertThat(form.fields()).isNotEmpty();
    for (Field field : all(form.fields())) {
      assertThat(field.id()).startsWith("veld-").doesNotContain(".", "[", "]", " ");
      assertThat(field.label()).isNotBlank();
    }
  }

  @Test
  void theSubmittedFormBecomesTypedVariables() {
    JsonNode s =
        schema(
            """
            {'type': 'object', 'properties': {
              'tekst': {'type': 'string'}, 'leeg': {'type': 'string'},
              'vlag': {'type': 'boolean'}, 'uit': {'type': 'boolean'},
              'aantal': {'type': 'integer'}, 'fout': {'type': 'integer'}, 'bedrag': {'type': 'number'},
              'winter': {'type': 'string', 'format': 'date-time'},
              'zomer': {'type': 'string', 'format': 'date-time'},
              'kanalen': {'type': 'array', 'items': {'type': 'string', 'enum': ['A', 'B', 'C']}},
              'codes': {'type': 'array', 'items': {'type': 'string'}},
              'gebied': {'type': 'object', 'properties': {'naam': {'type': 'string'}}},
              'niets': {'type': 'object', 'properties': {'naam': {'type': 'string'}}},
              'regels': {'type': 'array', 'items': {'type': 'object', 'properties': {
                  'vrCode': {'type': 'string'}, 'aantal': {'type': 'integer'}}}},
              'beslisser': {'type': 'string', 'readOnly': true}
            }}
            """);
    Map<String, Object> vars =
        FormView.payload(
            s,
            form(
                "tekst", "  Binnenblijfadvies  ",
                "leeg", " ",
                "vlag", "true",
                "aantal", "4",
                "fout", "vier",
                "bedrag", "12,50",
                "winter", "2026-11-27T10:00",
                "zomer", "2026-07-01T10:00",
                "kanalen", "A",
                "kanalen", "C",
                "codes", "VR09\r\n\r\nVR13 ",
                "gebied.naam", "provincie Utrecht",
                "niets.naam", "",
                "regels[0].vrCode", "VR09",
                "regels[0].aantal", "2",
                "regels[1].vrCode", "",
                "regels[1].aantal", "",
                "regels[2].vrCode", "VR13",
                "regels[2].aantal", "1",
                "beslisser", "iemand anders",
                "_csrf", "token"));

    assertThat(vars)
        .containsEntry("tekst", "Binnenblijfadvies")
        .doesNotContainKeys("leeg", "niets", "beslisser", "_csrf")
        .containsEntry("vlag", true)
        .containsEntry("uit", false)
        .containsEntry("aantal", 4)
        .containsEntry("fout", "vier")
        .containsEntry("bedrag", 12.5)
        .containsEntry("winter", "2026-11-27T10:00:00+01:00")
        .containsEntry("zomer", "2026-07-01T10:00:00+02:00")
        .containsEntry("kanalen", List.of("A", "C"))
        .containsEntry("codes", List.of("VR09", "VR13"))
        .containsEntry("gebied", Map.of("naam", "provincie Utrecht"))
        .containsEntry(
            "regels",
            List.of(Map.of("vrCode", "VR09", "aantal", 2), Map.of("vrCode", "VR13", "aantal", 1)));
  }

  @Test
  void aFilledFormPassesTheApisValidation() {
    Map<String, Object> vars =
        FormView.payload(
            schema(Form.TOEWIJZING),
            form("regels[0].vrCode", "VR09", "regels[0].aantal", "3", "regels[1].vrCode", ""));
    assertThat(FORMS.validate(Form.TOEWIJZING, vars, UTRECHT))
        .containsEntry("regels", List.of(Map.of("vrCode", "VR09", "aantal", 3)));
  }

  @Test
  void serverErrorsSitAtTheirFieldsAndTheEnteredValuesStay() {
    MultiValueMap<String, String> entered =
        form(
            "maatregelen", "Binnenblijfadvies",
            "toelichting", "Burgemeester bereikt");
    FormView form =
        FormView.of(
            schema(Form.AFSTEMMING_LOKAAL_GEZAG),
            entered,
            Map.of("standpuntGezag", "is verplicht", "extra", "is niet toegestaan"),
            "regio-utrecht");

    Field standpunt = field(form, "standpuntGezag");
    assertThat(standpunt.error()).isEqualTo("is verplicht");
    assertThat(standpunt.describedBy()).isEqualTo("fout-standpuntGezag");
    assertThat(standpunt.options()).noneMatch(Option::chosen);
    assertThat(field(form, "maatregelen").value()).isEqualTo("Binnenblijfadvies");
    assertThat(field(form, "maatregelen").error()).isNull();
    assertThat(form.problems())
        .extracting(FormView.Problem::href)
        .containsExactly("#veld-standpuntGezag", "#afronden");
  }

  @Test
  void aRowErrorAddsTheRowAndKeepsItsValues() {
    FormView form =
        FormView.of(
            schema(Form.TOEWIJZING),
            form("regels[0].vrCode", "VR9", "regels[0].aantal", "3"),
            Map.of("regels[0].vrCode", "komt niet overeen met het patroon"),
            "locc");
    Field vr = field(form, "regels[0].vrCode");
    assertThat(vr.value()).isEqualTo("VR9");
    assertThat(vr.error()).contains("patroon");
    assertThat(form.problems())
        .extracting(FormView.Problem::href)
        .containsExactly("#veld-regels-0-vrCode");
  }

  @Test
  void theValidatorsMessagesAreSaidPlainly() {
    Map<String, String> errors = new java.util.TreeMap<>();
    try {
      FORMS.validate(
          Form.AANBOD_BIJSTAND, Map.of("aantal", -3, "beschikbaarVanaf", "morgen"), UTRECHT);
    } catch (nl.knooppunt.gateway.web.Problems.Invalid e) {
      e.errors().forEach(f -> errors.put(f.getField(), f.getMessage()));
    }
    FormView form =
        FormView.of(schema(Form.AANBOD_BIJSTAND), form("aantal", "-3"), errors, "utrecht");
    assertThat(field(form, "aangeboden").error()).isEqualTo("Maak een keuze.");
    assertThat(field(form, "aantal").error()).isEqualTo("Vul minimaal 0 in.");
    assertThat(field(form, "beschikbaarVanaf").error())
        .isEqualTo("Vul een geldige datum en tijd in.");
    assertThat(FormView.plain("vereiste eigenschap 'x' niet gevonden", Kind.RADIO))
        .isEqualTo("Maak een keuze.");
    assertThat(FormView.plain("vereiste eigenschap 'x' niet gevonden", Kind.TEXTAREA))
        .isEqualTo("Vul dit veld in.");
    assertThat(FormView.plain("iets onbekends", Kind.TEXT)).isEqualTo("iets onbekends");
  }

  @Test
  void aTooLongTextIsRefusedInPlainWords() {
    var schema =
        com.networknt.schema.JsonSchemaFactory.getInstance(
                com.networknt.schema.SpecVersion.VersionFlag.V202012)
            .getSchema(
                schema(
                    "{'type': 'object', 'properties': {'t': {'type': 'string', 'maxLength': 5}}}"),
                com.networknt.schema.SchemaValidatorsConfig.builder()
                    .locale(java.util.Locale.forLanguageTag("nl"))
                    .build());
    String message =
        schema.validate(JSON.valueToTree(Map.of("t", "veel te lang"))).iterator().next().getError();
    assertThat(FormView.plain(message, Kind.TEXT)).isEqualTo("Te lang: gebruik maximaal 5 tekens.");
  }

  @Test
  void localTimesAreAmsterdamTimes() {
    assertThat(FormView.fromLocalInput("2026-03-29T03:30")).isEqualTo("2026-03-29T03:30:00+02:00");
    assertThat(FormView.fromLocalInput("2026-11-27T10:00:00Z")).isEqualTo("2026-11-27T10:00:00Z");
    assertThat(FormView.fromLocalInput("morgen")).isEqualTo("morgen");
    assertThat(FormView.toLocalInput("2026-11-27T09:00:00Z")).isEqualTo("2026-11-27T10:00");
  }

  @Test
  void theDecisionOnLoweringOffersTheNationalLevelAndAsksItOnlyWhenLowering() {
    FormView form =
        FormView.prefilled(
            schema(Form.BESLUIT_AFSCHALING), Map.of(), "nctv2", java.time.Instant.now());

    Field level = field(form, "nieuwNiveau");
    assertThat(level.value()).isEqualTo("3");
    assertThat(level.condition()).isEqualTo("uitkomst=AFSCHALEN");
    assertThat(level.required()).isTrue();
    assertThat(level.enforced())
        .as("the browser requires it only once Afschalen is chosen")
        .isFalse();
    assertThat(level.hint()).startsWith("Verplicht bij Afschalen.");
  }

  @Test
  void theDeclarationIsPrefilledWithTheProposedEndAndRefusesAPastOne() {
    FormView form =
        FormView.prefilled(
            schema(Form.BESLUIT_DREIGINGSNIVEAU),
            Map.of("voorgesteldEinde", "2030-03-19T05:00:00Z"),
            "nctv",
            java.time.Instant.now());

    Field end = field(form, "eindtijd");
    assertThat(end.value()).isEqualTo("2030-03-19T06:00");
    assertThat(end.min()).as("the browser refuses a time before now").isNotNull();
    assertThat(end.condition()).isEqualTo("uitkomst=AFKONDIGEN");
  }

  @Test
  void aDeclarationSentWithoutAChoiceComesBackWithTheProposedEndStillFilledIn() {
    // the end time is hidden until Afkondigen is chosen, so the browser does not send it; the
    // form that comes back with "choose" keeps what was filled in for the decider
    Map<String, Object> variables = Map.of("voorgesteldEinde", "2030-03-19T05:00:00Z");
    var kept =
        FormView.withPrefill(
            schema(Form.BESLUIT_DREIGINGSNIVEAU),
            form("motivering", "Dader voortvluchtig"),
            variables,
            java.time.Instant.now());
    assertThat(kept.getFirst("eindtijd")).isEqualTo("2030-03-19T06:00");
    assertThat(kept.getFirst("motivering")).isEqualTo("Dader voortvluchtig");

    var cleared =
        FormView.withPrefill(
            schema(Form.BESLUIT_DREIGINGSNIVEAU),
            form("eindtijd", ""),
            variables,
            java.time.Instant.now());
    assertThat(cleared.getFirst("eindtijd")).as("emptied on purpose stays empty").isEmpty();
  }

  @Test
  void theAllocationIsPrefilledWithTheHubsProposalRowByRow() {
    FormView form =
        FormView.prefilled(
            schema(Form.TOEWIJZING),
            Map.of(
                "toewijzingsvoorstel",
                Map.of(
                    "regels",
                    List.of(
                        Map.of("vrCode", "VR13", "aantal", 2, "aankomst", "x"),
                        Map.of("vrCode", "VR14", "aantal", 1)))),
            "locc",
            java.time.Instant.now());

    assertThat(field(form, "regels[0].vrCode").value()).isEqualTo("VR13");
    assertThat(field(form, "regels[0].aantal").value()).isEqualTo("2");
    assertThat(field(form, "regels[1].vrCode").value()).isEqualTo("VR14");
    assertThat(field(form, "regels[2].vrCode").value()).as("a spare row").isNull();
  }

  @Test
  void aRequiredYesOrNoIsAChoiceNotAnUntickedBox() {
    FormView form =
        FormView.prefilled(
            schema(Form.TELEFONISCH_BENADEREN), Map.of(), "operator", java.time.Instant.now());

    Field reached = field(form, "bereikt");
    assertThat(reached.kind()).isEqualTo(Kind.YES_NO);
    assertThat(reached.options()).extracting(Option::label).containsExactly("Ja", "Nee");
    assertThat(reached.options()).noneMatch(Option::chosen);
    assertThat(field(form, "gesprokenOp").value()).as("the call time is now").isNotBlank();
    assertThat(field(form, "gesprokenMet").condition()).isEqualTo("bereikt=true");

    assertThat(FormView.payload(schema(Form.TELEFONISCH_BENADEREN), form()))
        .as("nothing chosen is nothing sent, so the server asks for a choice")
        .doesNotContainKey("bereikt");
    assertThat(FormView.payload(schema(Form.TELEFONISCH_BENADEREN), form("bereikt", "false")))
        .containsEntry("bereikt", false);
  }
}
