package nl.knooppunt.gateway.logbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class LogbookHashTest {

  static final LogbookSeal SEAL =
      new LogbookSeal("sleutel-van-het-logboek-voor-deze-test-0123456789".getBytes());

  static String hash(String previous, String summary) {
    Instant t = Instant.parse("2026-11-23T09:00:00.123456Z");
    return Logbook.hash(
        SEAL,
        previous,
        7,
        "e-7",
        "DN5-1",
        "nl.knooppunt.besluit.genomen",
        t,
        t,
        "nctv",
        summary,
        false,
        "{}");
  }

  @Test
  void theHashIsStableAndDependsOnEveryFieldAndThePreviousHash() {
    assertThat(hash(Logbook.GENESIS, "Besluit AFKONDIGEN"))
        .hasSize(64)
        .isEqualTo(hash(Logbook.GENESIS, "Besluit AFKONDIGEN"));
    assertThat(hash(Logbook.GENESIS, "Besluit AFKONDIGEN"))
        .isNotEqualTo(hash(Logbook.GENESIS, "Besluit NIET_AFKONDIGEN"));
    assertThat(hash(Logbook.GENESIS, "x")).isNotEqualTo(hash("1".repeat(64), "x"));
  }

  @Test
  void theHashIsKeyedAnotherKeyOrPlainSha256GivesAnotherHash() throws Exception {
    String keyed = hash(Logbook.GENESIS, "Besluit AFKONDIGEN");
    LogbookSeal other =
        new LogbookSeal("een-andere-sleutel-die-de-beheerder-niet-heeft-000".getBytes());
    Instant t = Instant.parse("2026-11-23T09:00:00.123456Z");
    assertThat(
            Logbook.hash(
                other,
                Logbook.GENESIS,
                7,
                "e-7",
                "DN5-1",
                "nl.knooppunt.besluit.genomen",
                t,
                t,
                "nctv",
                "Besluit AFKONDIGEN",
                false,
                "{}"))
        .isNotEqualTo(keyed);
    String canonical =
        String.join(
                "\n",
                Logbook.GENESIS,
                "7",
                "e-7",
                "DN5-1",
                "nl.knooppunt.besluit.genomen",
                t.toString(),
                t.toString(),
                "nctv",
                "Besluit AFKONDIGEN",
                "false",
                "{}")
            + "\n";
    String plain =
        java.util.HexFormat.of()
            .formatHex(
                java.security.MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    assertThat(plain).isNotEqualTo(keyed);
  }

  @Test
  void aKeyShorterThan32BytesIsRefused() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new LogbookSeal("kort".getBytes()))
        .hasMessageContaining("32");
  }
}
