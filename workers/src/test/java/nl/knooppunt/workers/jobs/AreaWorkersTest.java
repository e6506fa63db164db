package nl.knooppunt.workers.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Who shares information before a level-5 decision: police and OM always, each on their own. */
class AreaWorkersTest {

  @Test
  void policeAndOmAreAlwaysAskedEachForTheirOwnInformation() {
    assertThat(AreaWorkers.informationPartners(List.of())).containsExactly("politie", "om");
    assertThat(AreaWorkers.informationPartners(null)).containsExactly("politie", "om");
  }

  @Test
  void aConfiguredPartnerIsAskedAfterPoliceAndOmAndNoneTwice() {
    assertThat(AreaWorkers.informationPartners(List.of(" landelijk-operator", "om", "")))
        .containsExactly("politie", "om", "landelijk-operator");
  }

  @Test
  void aPartnerThatIsNoRoleOfTheHubIsRefusedAtStart() {
    assertThatThrownBy(() -> AreaWorkers.informationPartners(List.of("aivd")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("aivd");
  }
}
