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
 */
public record EngineSettings(
    Path dataDirectory, int grpcPort, int restPort, boolean clockControlEnabled) {

  public static final int DEFAULT_GRPC_PORT = 26500;
  public static final int DEFAULT_REST_PORT = 8088;
}
