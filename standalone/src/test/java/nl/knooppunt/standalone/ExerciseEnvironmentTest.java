package nl.knooppunt.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExerciseEnvironmentTest {

  private static StandaloneProperties.Engine engine(boolean clockControl) {
    return new StandaloneProperties.Engine(true, 0, 0, clockControl, "127.0.0.1");
  }

  @Test
  void theExerciseEnvironmentOpensTheEngineClockAndANormalHubKeepsItShut() {
    assertThat(StandaloneInfrastructure.clockControl(engine(false), true)).isTrue();
    assertThat(StandaloneInfrastructure.clockControl(engine(false), false)).isFalse();
  }
}
