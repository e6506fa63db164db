package nl.knooppunt.engine;

import java.nio.file.Path;
import nl.knooppunt.engine.journal.JournalStorage;

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
 * @param journalStorage where the journal's segments are written: {@link JournalStorage#FILES}
 *     (tests give a disk that fills up)
 */
public record EngineSettings(
    Path dataDirectory,
    int grpcPort,
    int restPort,
    boolean clockControlEnabled,
    String bindAddress,
    JournalStorage journalStorage) {

  /** Only this machine reaches the engine: the default. */
  public static final String LOOPBACK = "127.0.0.1";

  public EngineSettings {
    if (bindAddress == null || bindAddress.isBlank()) {
      bindAddress = LOOPBACK;
    }
    if (journalStorage == null) {
      journalStorage = JournalStorage.FILES;
    }
  }

  /** An engine whose journal is written to the file system. */
  public EngineSettings(
      Path dataDirectory,
      int grpcPort,
      int restPort,
      boolean clockControlEnabled,
      String bindAddress) {
    this(dataDirectory, grpcPort, restPort, clockControlEnabled, bindAddress, JournalStorage.FILES);
  }

  /** The same settings with the journal written to {@code storage}. */
  public EngineSettings withJournalStorage(JournalStorage storage) {
    return new EngineSettings(
        dataDirectory, grpcPort, restPort, clockControlEnabled, bindAddress, storage);
  }

  /** An engine reachable from this machine only. */
  public EngineSettings(
      Path dataDirectory, int grpcPort, int restPort, boolean clockControlEnabled) {
    this(dataDirectory, grpcPort, restPort, clockControlEnabled, LOOPBACK);
  }

  public static final int DEFAULT_GRPC_PORT = 26500;
  public static final int DEFAULT_REST_PORT = 8088;
}
