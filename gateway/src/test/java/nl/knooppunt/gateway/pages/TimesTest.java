package nl.knooppunt.gateway.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class TimesTest {

  private final Times times = new Times();

  @Test
  void times_are_shown_in_amsterdam_in_dutch() {
    OffsetDateTime attack = OffsetDateTime.parse("2019-03-18T09:45:00Z");
    assertThat(times.kort(attack)).isEqualTo("ma 18 mrt. 10:45");
    assertThat(times.klok(attack)).isEqualTo("10:45:00");
    assertThat(Times.inputValue(attack)).isEqualTo("2019-03-18T10:45");
    assertThat(times.kort(null)).isEmpty();
  }

  @Test
  void durations_read_as_hours_and_minutes() {
    assertThat(times.duur(Duration.ofMinutes(125))).isEqualTo("2 u 05 min");
    assertThat(times.duur(Duration.ofMinutes(14))).isEqualTo("14 min");
    assertThat(times.duur(Duration.ofSeconds(40))).isEqualTo("40 s");
    assertThat(times.seconden(-900)).isEqualTo("-15 min");
  }
}
