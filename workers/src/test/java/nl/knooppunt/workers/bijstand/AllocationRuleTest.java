package nl.knooppunt.workers.bijstand;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import nl.knooppunt.directory.DemoContactBook;
import nl.knooppunt.directory.Directory;
import nl.knooppunt.workers.bijstand.AllocationRule.Offer;
import nl.knooppunt.workers.bijstand.AllocationRule.Share;
import org.junit.jupiter.api.Test;

class AllocationRuleTest {

  private static final Instant T0 = Instant.parse("2026-03-18T10:45:00Z");
  private final AllocationRule rule = new AllocationRule(Directory.load(new DemoContactBook()));

  @Test
  void utrechtAsksItsNeighboursFirstThenTheRestOfTheCountry() {
    List<String> candidates = rule.candidates("VR09", false);

    assertThat(candidates.subList(0, 6))
        .containsExactly("VR07", "VR08", "VR13", "VR14", "VR16", "VR18");
    assertThat(candidates).hasSize(24).doesNotContain("VR09");
  }

  @Test
  void afterTheNeighboursComeTheRegionsOfTheSameProvince() {
    // Haaglanden (VR15) borders VR16 and VR17 only; VR18 is in Zuid-Holland too
    List<String> candidates = rule.candidates("VR15", false);

    assertThat(candidates.subList(0, 3)).containsExactly("VR16", "VR17", "VR18");
  }

  @Test
  void theUrgentNeighbourRouteAsksTheNeighboursOnly() {
    assertThat(rule.candidates("VR09", true))
        .containsExactly("VR07", "VR08", "VR13", "VR14", "VR16", "VR18");
  }

  @Test
  void policeAssistanceAsksTheOtherPoliceUnitsNearestFirst() {
    // Politiewet 2012 art. 56: "bijstand van andere eenheden"; Utrecht is Midden-Nederland
    List<String> candidates = rule.policeCandidates("VR09");

    assertThat(candidates.subList(0, 4))
        .containsExactly("OOST-NEDERLAND", "AMSTERDAM", "DEN-HAAG", "ROTTERDAM");
    assertThat(candidates)
        .hasSize(9)
        .doesNotContain("MIDDEN-NEDERLAND")
        .contains("NOORD-NEDERLAND", "LIMBURG");
  }

  @Test
  void theEarliestArrivalsAreTakenUntilTheRequestIsCovered() {
    var allocation =
        rule.allocate(
            10,
            List.of(
                new Offer("VR13", 6, T0.plusSeconds(3600)),
                new Offer("VR14", 4, T0.plusSeconds(600)),
                new Offer("VR16", 8, T0.plusSeconds(1800))),
            rule.candidates("VR09", false));

    assertThat(allocation.shares()).containsExactly(new Share("VR14", 4), new Share("VR16", 6));
    assertThat(allocation.covered()).isTrue();
  }

  @Test
  void equalArrivalGoesToTheNearerCandidate() {
    var allocation =
        rule.allocate(
            3,
            List.of(new Offer("VR13", 3, T0), new Offer("VR07", 3, T0)),
            rule.candidates("VR09", false));

    assertThat(allocation.shares()).containsExactly(new Share("VR07", 3));
  }

  @Test
  void tooFewOffersLeaveAShortfall() {
    var allocation =
        rule.allocate(
            10,
            List.of(new Offer("VR14", 4, T0), new Offer("VR13", 0, T0)),
            rule.candidates("VR09", false));

    assertThat(allocation.shares()).containsExactly(new Share("VR14", 4));
    assertThat(allocation.shortfall()).isEqualTo(6);
    assertThat(allocation.covered()).isFalse();
  }
}
