package nl.knooppunt.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starting and stopping: busy ports and a data directory in use are clear errors. */
class EngineLifecycleIT {

  @TempDir Path first;
  @TempDir Path second;

  @Test
  void aBusyPortFailsCleanlyAndReleasesTheDirectory() {
    try (EmbeddedEngine a = EmbeddedEngine.start(new EngineSettings(first, 0, 0, false))) {
      assertThatThrownBy(
              () -> EmbeddedEngine.start(new EngineSettings(second, a.grpcPort(), 0, false)))
          .isInstanceOf(UncheckedIOException.class)
          .hasMessageContaining(String.valueOf(a.grpcPort()));
      try (EmbeddedEngine b = EmbeddedEngine.start(new EngineSettings(second, 0, 0, false))) {
        assertThat(b.grpcAddress()).startsWith("http://localhost:");
      }
    }
  }

  @Test
  void aDataDirectoryServesOneEngineAtATime() {
    try (EmbeddedEngine a = EmbeddedEngine.start(new EngineSettings(first, 0, 0, false))) {
      assertThatThrownBy(() -> EmbeddedEngine.start(new EngineSettings(first, 0, 0, false)))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("in use");
    }
    try (EmbeddedEngine again = EmbeddedEngine.start(new EngineSettings(first, 0, 0, false))) {
      assertThat(again.restAddress()).startsWith("http://localhost:");
    }
  }
}
