package nl.knooppunt.gateway.threatlevel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import nl.knooppunt.api.model.ThreatLevel;
import org.junit.jupiter.api.Test;

class MapLevelsTest {

  private final MapLevels.AreaIndex index =
      new MapLevels.AreaIndex(
          Map.of("GM0344", "VR09", "GM0307", "VR09", "GM0363", "VR13"),
          Map.of("utrecht", List.of("VR09"), "noord-holland", List.of("VR10", "VR11", "VR12")));

  private static ThreatLevel level(String code, String kind, int level) {
    return new ThreatLevel().areaCode(code).areaKind(kind).level(level);
  }

  @Test
  void aMunicipalityRaisesTheLevelOfItsRegionAndTheHighestLevelWins() {
    Map<String, Integer> levels =
        MapLevels.perRegion(
            List.of(
                level("GM0344", "GEMEENTE", 5),
                level("GM0307", "GEMEENTE", 4),
                level("VR09", "VEILIGHEIDSREGIO", 3),
                level("GM0363", null, 4)),
            index);
    assertThat(levels).containsExactly(Map.entry("VR09", 5), Map.entry("VR13", 4));
  }

  @Test
  void aProvinceByCodeOrNameCountsForAllItsRegions() {
    assertThat(MapLevels.perRegion(List.of(level("PV27", "PROVINCIE", 5)), index))
        .containsOnlyKeys("VR10", "VR11", "VR12");
    assertThat(MapLevels.perRegion(List.of(level("Utrecht", "PROVINCIE", 5)), index))
        .containsExactly(Map.entry("VR09", 5));
    assertThat(index.regionsOf(null, "PV26")).containsExactly("VR09");
  }

  @Test
  void aLevelForOneMunicipalityStaysWithThatMunicipalityAndARegionLevelCoversAllOfIt() {
    assertThat(MapLevels.perMunicipality(List.of(level("GM0344", "GEMEENTE", 5)), index))
        .containsExactly(Map.entry("GM0344", 5));
    assertThat(
            MapLevels.perMunicipality(
                List.of(level("GM0344", "GEMEENTE", 5), level("VR09", "VEILIGHEIDSREGIO", 3)),
                index))
        .containsExactly(Map.entry("GM0307", 3), Map.entry("GM0344", 5));
    assertThat(MapLevels.perMunicipality(List.of(level("PV26", "PROVINCIE", 5)), index))
        .containsOnlyKeys("GM0307", "GM0344");
    assertThat(MapLevels.perMunicipality(List.of(level("GM9999", "GEMEENTE", 5)), index)).isEmpty();
  }

  @Test
  void unknownAreasAndMissingLevelsAreLeftOut() {
    assertThat(
            MapLevels.perRegion(
                List.of(
                    level("GM9999", "GEMEENTE", 5),
                    level("Atlantis", "PROVINCIE", 5),
                    new ThreatLevel().areaCode("VR09")),
                index))
        .isEmpty();
  }
}
