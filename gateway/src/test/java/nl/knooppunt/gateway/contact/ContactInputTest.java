package nl.knooppunt.gateway.contact;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.knooppunt.directory.ChainContact;
import org.junit.jupiter.api.Test;

class ContactInputTest {

  private static String number(String raw) {
    Map<String, String> errors = new LinkedHashMap<>();
    String n = ContactInput.number(raw, "sms", errors);
    return errors.isEmpty() ? n : "FOUT";
  }

  @Test
  void numbersBecomeE164AndADutchNationalNumberIsConvertedOnlyWhenUnambiguous() {
    assertThat(number("+31612345678")).isEqualTo("+31612345678");
    assertThat(number("06 12345678")).isEqualTo("+31612345678");
    assertThat(number("06-1234 5678")).isEqualTo("+31612345678");
    assertThat(number("070 000 1234")).isEqualTo("+31700001234");
    assertThat(number("0031 6 12345678")).isEqualTo("+31612345678");
    assertThat(number("+44 20 7946 0958")).isEqualTo("+442079460958");
    assertThat(number("0612")).isEqualTo("FOUT");
    assertThat(number("612345678")).as("no prefix: which country?").isEqualTo("FOUT");
    assertThat(number("+0612345678")).as("no 0 after +").isEqualTo("FOUT");
    assertThat(number("+3161234567890123")).as("more than 15 digits").isEqualTo("FOUT");
    assertThat(number("+3161234")).as("fewer than 8 digits").isEqualTo("FOUT");
    assertThat(number("06 1234567a")).isEqualTo("FOUT");
    assertThat(number("  ")).isNull();
  }

  @Test
  void emailSyntaxIsCheckedSanely() {
    assertThat(ContactInput.validEmail("burgemeester@utrecht.nl")).isTrue();
    assertThat(ContactInput.validEmail("p.de-vries+piket@vr-utrecht.example")).isTrue();
    assertThat(ContactInput.validEmail("burgemeester@@utrecht.nl")).isFalse();
    assertThat(ContactInput.validEmail("burgemeester@utrecht")).isFalse();
    assertThat(ContactInput.validEmail("burge meester@utrecht.nl")).isFalse();
    assertThat(ContactInput.validEmail(".piket@utrecht.nl")).isFalse();
    assertThat(ContactInput.validEmail("piket@-utrecht.nl")).isFalse();
    assertThat(ContactInput.validEmail("piket@utrecht..nl")).isFalse();
    assertThat(ContactInput.validEmail("a".repeat(65) + "@utrecht.nl")).isFalse();
  }

  @Test
  void everyFieldIsCheckedAndAValidPersonComesOut() {
    ContactInput.Result bad =
        new ContactInput(
                "0", "BAAS", " ", "f".repeat(201), "x@", "0612", "abc", "morgen/overmorgen")
            .validate(false);
    assertThat(bad.errors())
        .containsOnlyKeys(
            "volgorde", "positie", "naam", "functie", "email", "sms", "telefoon", "piket");
    assertThat(
            new ContactInput("1", "HOUDER", "Alleen naam", "", "", "", "", "")
                .validate(false)
                .errors())
        .containsOnlyKeys("email");
    assertThat(
            new ContactInput(
                    "1",
                    "HOUDER",
                    "Piket omgekeerd",
                    "",
                    "a@b.example",
                    "",
                    "",
                    "2026-12-14T08:00/2026-12-07T08:00")
                .validate(false)
                .errors())
        .containsOnlyKeys("piket");

    ContactInput.Result good =
        new ContactInput(
                "2",
                "plaatsvervanger",
                "  Rosa Veen ",
                "loco-burgemeester",
                "rosa@amersfoort.example",
                "06 87654321",
                "",
                "2026-12-07T08:00/2026-12-14T08:00\n2026-12-21T08:00+01:00/2026-12-28T07:00Z")
            .validate(true);
    assertThat(good.valid()).isTrue();
    ContactPerson p = good.person();
    assertThat(p.order()).isEqualTo(2);
    assertThat(p.position()).isEqualTo(ChainContact.Position.PLAATSVERVANGER);
    assertThat(p.name()).isEqualTo("Rosa Veen");
    assertThat(p.sms()).isEqualTo("+31687654321");
    assertThat(p.phone()).isNull();
    assertThat(p.demo()).isTrue();
    assertThat(p.piket())
        .containsExactly(
            new ContactPerson.Duty(
                Instant.parse("2026-12-07T07:00:00Z"), Instant.parse("2026-12-14T07:00:00Z")),
            new ContactPerson.Duty(
                Instant.parse("2026-12-21T07:00:00Z"), Instant.parse("2026-12-28T07:00:00Z")));
    assertThat(ContactInput.of(p).piket())
        .isEqualTo(
            "2026-12-07T08:00+01:00/2026-12-14T08:00+01:00\n"
                + "2026-12-21T08:00+01:00/2026-12-28T08:00+01:00");
  }

  @Test
  void csvFieldsWithSemicolonsQuotesAndLineBreaksAreQuoted() {
    var rows = ContactCsv.rows("a;\"b;c\";\"d \"\"e\"\"\"\r\nx;y;z\n");
    assertThat(rows)
        .containsExactly(
            java.util.List.of("a", "b;c", "d \"e\""), java.util.List.of("x", "y", "z"));
  }
}
