package nl.knooppunt.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChartBarsTest {

  @Test
  void barsAreScaledToTheLargestValueAndKeepTheirValueAsText() {
    List<ChartBars.Bar> bars =
        ChartBars.scale(
            List.of(
                new ChartBars.Item("Manhunt", 4),
                new ChartBars.Item("Bijstand", 1),
                new ChartBars.Item("Dreigingsniveau 5", 0),
                new ChartBars.Item("Heel weinig", 1, "1", false)));
    assertThat(bars).extracting(ChartBars.Bar::percent).containsExactly(100, 25, 0, 25);
    assertThat(bars.get(0).valueText()).isEqualTo("4");
    assertThat(ChartBars.scale(List.of(new ChartBars.Item("a", 0))).get(0).percent()).isZero();
    assertThat(ChartBars.share(3, 4)).isEqualTo(75);
    assertThat(ChartBars.share(3, null)).isZero();
  }

  @Test
  void timesAreDutchTimeAndDurationsDutchText() {
    assertThat(ChartBars.time(OffsetDateTime.parse("2026-11-23T09:15:00Z")))
        .isEqualTo("ma 23 nov. 2026 10:15");
    assertThat(ChartBars.time(OffsetDateTime.parse("2026-07-01T09:15:00Z")))
        .isEqualTo("wo 1 jul. 2026 11:15");
    assertThat(ChartBars.duration(45L)).isEqualTo("45 s");
    assertThat(ChartBars.duration(750L)).isEqualTo("12 min 30 s");
    assertThat(ChartBars.duration(3900L)).isEqualTo("1 u 05 min");
    assertThat(ChartBars.norm("PT1H")).isEqualTo("1 u");
    assertThat(ChartBars.norm("P14D")).isEqualTo("14 d");
    assertThat(ChartBars.duration(2 * 86400L + 4 * 3600L)).isEqualTo("2 d 4 u");
    assertThat(ChartBars.norm("onzin")).isEqualTo("onzin");
  }
}
