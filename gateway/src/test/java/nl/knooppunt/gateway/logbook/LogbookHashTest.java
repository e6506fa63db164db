package nl.knooppunt.gateway.logbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class LogbookHashTest {

  static String hash(String previous, String summary) {
    Instant t = Instant.parse("2026-11-23T09:00:00.123456Z");
    return Logbook.hash(
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
}
