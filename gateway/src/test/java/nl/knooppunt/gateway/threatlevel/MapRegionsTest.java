package nl.knooppunt.gateway.threatlevel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class MapRegionsTest {

  private final MapRegions map = new MapRegions();

  @Test
  void theMapFileHoldsThe25VeiligheidsregiosWithTheirPaths() {
    assertThat(map.viewBox()).isEqualTo("0 0 820 966");
    assertThat(map.shapes().keySet())
        .containsExactlyElementsOf(
            IntStream.rangeClosed(1, 25).mapToObj(i -> String.format("VR%02d", i)).toList());
    assertThat(map.shapes().values())
        .allSatisfy(
            s -> {
              assertThat(s.d()).startsWith("M").endsWith("Z");
              assertThat(s.labelX()).isBetween(0.0, 820.0);
              assertThat(s.labelY()).isBetween(0.0, 966.0);
            });
    assertThat(map.shapes().get("VR09").svgName()).isEqualTo("Utrecht");
  }

  @Test
  void theLabelOfARegionLiesInItsLargestRing() {
    // a small square far away and a big square: the label is the centre of the big one
    double[] p = MapRegions.labelPoint("M0,0 1,0 1,1 0,1ZM10,10 30,10 30,30 10,30Z");
    assertThat(p[0]).isEqualTo(20.0);
    assertThat(p[1]).isEqualTo(20.0);
  }

  @Test
  void utrechtIsLabelledInTheMiddleOfTheCountry() {
    MapRegions.Shape utrecht = map.shapes().get("VR09");
    MapRegions.Shape groningen = map.shapes().get("VR01");
    assertThat(utrecht.labelY()).isGreaterThan(groningen.labelY());
    assertThat(utrecht.labelX()).isLessThan(groningen.labelX());
  }
}
