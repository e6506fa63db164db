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
  void utrecht_asks_its_neighbours_first_then_the_rest_of_the_country() {
    List<String> candidates = rule.candidates("VR09", false);

    assertThat(candidates.subList(0, 6))
        .containsExactly("VR07", "VR08", "VR13", "VR14", "VR16", "VR18");
    assertThat(candidates).hasSize(24).doesNotContain("VR09");
  }

  @Test
  void after_the_neighbours_come_the_regions_of_the_same_province() {
    // Haaglanden (VR15) borders VR16 and VR17 only; VR18 is in Zuid-Holland too
    List<String> candidates = rule.candidates("VR15", false);

    assertThat(candidates.subList(0, 3)).containsExactly("VR16", "VR17", "VR18");
  }

  @Test
  void the_urgent_neighbour_route_asks_the_neighbours_only() {
    assertThat(rule.candidates("VR09", true))
        .containsExactly("VR07", "VR08", "VR13", "VR14", "VR16", "VR18");
  }

  @Test
  void the_earliest_arrivals_are_taken_until_the_request_is_covered() {
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
  void equal_arrival_goes_to_the_nearer_candidate() {
    var allocation =
        rule.allocate(
            3,
            List.of(new Offer("VR13", 3, T0), new Offer("VR07", 3, T0)),
            rule.candidates("VR09", false));

    assertThat(allocation.shares()).containsExactly(new Share("VR07", 3));
  }

  @Test
  void too_few_offers_leave_a_shortfall() {
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
