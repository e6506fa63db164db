package nl.knooppunt.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class TimesTest {

  private final Times times = new Times();

  @Test
  void timesAreShownInAmsterdamInDutch() {
    OffsetDateTime attack = OffsetDateTime.parse("2019-03-18T09:45:00Z");
    assertThat(times.kort(attack)).isEqualTo("ma 18 mrt. 2019 10:45");
    assertThat(times.klok(attack)).isEqualTo("10:45:00");
    assertThat(Times.inputValue(attack)).isEqualTo("2019-03-18T10:45");
    assertThat(Times.fromInput("2019-03-18T10:45"))
        .isEqualTo(attack.atZoneSameInstant(Times.AMSTERDAM).toOffsetDateTime());
    assertThat(times.kort(null)).isEmpty();
  }
}
