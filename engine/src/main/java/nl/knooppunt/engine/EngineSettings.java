package nl.knooppunt.engine;

import java.nio.file.Path;

/**
 * Settings of one embedded engine.
 *
 * @param dataDirectory where the journal and snapshots live; created when missing
 * @param grpcPort gRPC gateway port (0 = pick a free port)
 * @param restPort REST port for the Orchestration Cluster API subset (0 = pick a free port)
 * @param clockControlEnabled whether {@code /v2/clock} may pin and reset the engine clock; never on
 *     in a normal run
 * @param bindAddress the address both ports listen on: {@link #LOOPBACK} (only this machine) unless
 *     the engine must be reached from elsewhere ({@code 0.0.0.0} for every interface)
 */
public record EngineSettings(
    Path dataDirectory,
    int grpcPort,
    int restPort,
    boolean clockControlEnabled,
    String bindAddress) {

  /** Only this machine reaches the engine: the default. */
  public static final String LOOPBACK = "127.0.0.1";

  public EngineSettings {
    if (bindAddress == null || bindAddress.isBlank()) {
      bindAddress = LOOPBACK;
    }
  }

  /** An engine reachable from this machine only. */
  public EngineSettings(
      Path dataDirectory, int grpcPort, int restPort, boolean clockControlEnabled) {
    this(dataDirectory, grpcPort, restPort, clockControlEnabled, LOOPBACK);
  }

  public static final int DEFAULT_GRPC_PORT = 26500;
  public static final int DEFAULT_REST_PORT = 8088;
}
