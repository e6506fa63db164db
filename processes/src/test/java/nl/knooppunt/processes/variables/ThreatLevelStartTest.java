package nl.knooppunt.processes.variables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ThreatLevelStartTest {

  @Test
  void anUnsetLocalMessageSettingLeavesTheTermToTheSlaTable() {
    assertThat(ThreatLevelStart.setting(null)).isNull();
    assertThat(ThreatLevelStart.setting(" ")).isNull();
  }

  @Test
  void aSetTermIsReadAsIsoOrAsSpringsShortForm() {
    assertThat(ThreatLevelStart.setting("PT5S")).isEqualTo(Duration.ofSeconds(5));
    assertThat(ThreatLevelStart.setting("45m")).isEqualTo(Duration.ofMinutes(45));
    assertThat(ThreatLevelStart.setting("2h")).isEqualTo(Duration.ofHours(2));
    assertThatThrownBy(() -> ThreatLevelStart.setting("een half uur"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
