package nl.knooppunt.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Status;

class HubStartupTest {

  @Test
  void theHubIsOutOfServiceUntilTheGatewayAndTheWorkersHaveBothStarted() {
    HubStartup startup = new HubStartup();

    assertThat(startup.health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
    assertThat(startup.health().getDetails()).containsEntry("reden", "het knooppunt start nog");

    startup.started();

    assertThat(startup.health().getStatus()).isEqualTo(Status.UP);
  }
}
