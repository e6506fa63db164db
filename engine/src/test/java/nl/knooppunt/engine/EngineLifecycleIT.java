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

  @Test
  void byDefaultOnlyThisMachineReachesTheEnginesPorts() throws Exception {
    java.net.InetAddress outward = nonLoopbackAddress();
    org.junit.jupiter.api.Assumptions.assumeTrue(
        outward != null, "this machine has no network address besides loopback to try");
    try (EmbeddedEngine engine = EmbeddedEngine.start(new EngineSettings(first, 0, 0, false))) {
      int rest = java.net.URI.create(engine.restAddress()).getPort();
      for (int port : new int[] {engine.grpcPort(), rest}) {
        assertThat(reachable(java.net.InetAddress.getLoopbackAddress(), port)).isTrue();
        assertThat(reachable(outward, port)).as("port %d on %s", port, outward).isFalse();
      }
    }
  }

  @Test
  void aBindAddressOfAllInterfacesLetsOtherMachinesIn() throws Exception {
    java.net.InetAddress outward = nonLoopbackAddress();
    org.junit.jupiter.api.Assumptions.assumeTrue(
        outward != null, "this machine has no network address besides loopback to try");
    try (EmbeddedEngine engine =
        EmbeddedEngine.start(new EngineSettings(first, 0, 0, false, "0.0.0.0"))) {
      assertThat(reachable(outward, engine.grpcPort())).isTrue();
    }
  }

  private static boolean reachable(java.net.InetAddress address, int port) {
    try (java.net.Socket s = new java.net.Socket()) {
      s.connect(new java.net.InetSocketAddress(address, port), 2_000);
      return true;
    } catch (java.io.IOException refused) {
      return false;
    }
  }

  private static java.net.InetAddress nonLoopbackAddress() throws java.net.SocketException {
    return java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces()).stream()
        .flatMap(i -> java.util.Collections.list(i.getInetAddresses()).stream())
        .filter(a -> a instanceof java.net.Inet4Address && !a.isLoopbackAddress())
        .findFirst()
        .orElse(null);
  }
}
