package nl.knooppunt.gateway.beheer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class BeheerServiceTest {

  private static final Instant NOW = Instant.parse("2026-12-03T22:00:00Z");

  private static OffsetDateTime ago(long seconds) {
    return OffsetDateTime.ofInstant(NOW.minusSeconds(seconds), ZoneOffset.UTC);
  }

  @Test
  void howLongAStepStandsStillIsSaidAsAPersonWouldSayIt() {
    assertThat(BeheerService.age(ago(12), NOW)).isEqualTo("12 s");
    assertThat(BeheerService.age(ago(3 * 60 + 5), NOW)).isEqualTo("3 min");
    assertThat(BeheerService.age(ago(2 * 3600 + 5 * 60), NOW)).isEqualTo("2 u 5 min");
    assertThat(BeheerService.age(ago(26 * 3600), NOW)).isEqualTo("1 d 2 u");
  }

  @Test
  void anIncidentFromAClockAheadOrWithoutATimeHasNoNegativeAge() {
    assertThat(BeheerService.age(ago(-30), NOW)).isEqualTo("0 s");
    assertThat(BeheerService.age(null, NOW)).isEqualTo("onbekend");
  }
}
