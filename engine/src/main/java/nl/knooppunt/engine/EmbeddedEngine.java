package nl.knooppunt.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.grpc.Server;
import io.grpc.netty.NettyServerBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;
import nl.knooppunt.engine.export.RecordListener;
import nl.knooppunt.engine.grpc.GatewayService;
import nl.knooppunt.engine.journal.Journal;
import nl.knooppunt.engine.journal.Json;
import nl.knooppunt.engine.journal.SnapshotStore;
import nl.knooppunt.engine.rest.RestServer;
import nl.knooppunt.engine.runtime.Engine;
import nl.knooppunt.engine.runtime.EngineLoop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded engine: a durable, in-process BPMN engine that speaks the Camunda 8 gateway
 * protocol. The Camunda Java client connects to {@link #grpcAddress()} and {@link #restAddress()}
 * exactly as it connects to a Camunda 8 cluster, with its defaults (REST preferred) or with {@code
 * prefer-rest-over-grpc: false}.
 *
 * <p>Starting recovers the state from the data directory: the latest snapshot plus the journal
 * after it. See engine/README.md for the design.
 */
public final class EmbeddedEngine implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedEngine.class);

  /** A snapshot is taken after this many journal entries (bounds the restart time). */
  public static final long SNAPSHOT_EVERY_ENTRIES = 50_000;

  private final EngineLoop loop;
  private final Server grpc;
  private final RestServer rest;
  private final FileChannel lockChannel;
  private final FileLock lock;
  private final long recoveredEntries;
  private final long recoveryMillis;
  private volatile boolean closed;

  private EmbeddedEngine(
      EngineLoop loop,
      Server grpc,
      RestServer rest,
      FileChannel lockChannel,
      FileLock lock,
      long recoveredEntries,
      long recoveryMillis) {
    this.loop = loop;
    this.grpc = grpc;
    this.rest = rest;
    this.lockChannel = lockChannel;
    this.lock = lock;
    this.recoveredEntries = recoveredEntries;
    this.recoveryMillis = recoveryMillis;
  }

  /** Recovers the journal in {@code settings.dataDirectory()} and starts both servers. */
  public static EmbeddedEngine start(EngineSettings settings) {
    long started = System.nanoTime();
    FileChannel lockChannel = null;
    try {
      Files.createDirectories(settings.dataDirectory());
      lockChannel =
          FileChannel.open(
              settings.dataDirectory().resolve("engine.lock"),
              StandardOpenOption.CREATE,
              StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = lockChannel.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null;
      }
      if (lock == null) {
        throw new IllegalStateException(
            "the data directory " + settings.dataDirectory() + " is in use by another engine");
      }
      ObjectMapper stateMapper = Json.stateMapper();
      ObjectMapper commandMapper = Json.commandMapper();
      SnapshotStore snapshots = new SnapshotStore(settings.dataDirectory(), stateMapper);
      SnapshotStore.Loaded loaded = snapshots.loadLatest();
      Engine engine = new Engine(loaded.state());
      engine.replaceState(loaded.state());
      Journal journal =
          new Journal(settings.dataDirectory(), commandMapper, settings.journalStorage());
      long replayed =
          journal.replay(
              loaded.fromSegment(),
              entry -> {
                engine.setNow(entry.time());
                try {
                  engine.process(entry.command());
                } catch (RuntimeException e) {
                  // the command was rejected when it was first processed, too
                }
                engine.drainRecords();
              });
      long segment = journal.openNewSegment();
      if (replayed > 0) {
        // compact right away: the next restart starts from this snapshot
        snapshots.write(engine.state(), segment);
        journal.deleteSegmentsBefore(segment);
      }
      EngineLoop loop = new EngineLoop(engine, journal, snapshots, SNAPSHOT_EVERY_ENTRIES);
      loop.start();
      int[] grpcPort = new int[1];
      Server grpc = null;
      RestServer rest;
      try {
        grpc =
            NettyServerBuilder.forAddress(
                    new InetSocketAddress(settings.bindAddress(), settings.grpcPort()))
                .directExecutor()
                .maxInboundMessageSize(Limits.MAX_MESSAGE_BYTES)
                .permitKeepAliveTime(1, TimeUnit.SECONDS)
                .permitKeepAliveWithoutCalls(true)
                .addService(new GatewayService(loop, () -> grpcPort[0]))
                .build()
                .start();
        grpcPort[0] = grpc.getPort();
        rest =
            new RestServer(
                new InetSocketAddress(settings.bindAddress(), settings.restPort()),
                loop,
                settings.clockControlEnabled(),
                grpc.getPort());
      } catch (IOException | RuntimeException e) {
        if (grpc != null) {
          grpc.shutdownNow();
        }
        loop.close();
        throw new UncheckedIOException(
            "could not open the engine's ports (gRPC "
                + settings.grpcPort()
                + ", REST "
                + settings.restPort()
                + ")",
            e instanceof IOException io ? io : new IOException(e));
      }
      long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
      LOG.info(
          "embedded engine started: gRPC {} REST {} data {} (recovered {} journal entries in {}"
              + " ms, clock control {})",
          grpc.getPort(),
          rest.port(),
          settings.dataDirectory(),
          replayed,
          millis,
          settings.clockControlEnabled() ? "ENABLED" : "disabled");
      return new EmbeddedEngine(loop, grpc, rest, lockChannel, lock, replayed, millis);
    } catch (IOException e) {
      closeQuietly(lockChannel);
      throw new UncheckedIOException("could not start the embedded engine", e);
    } catch (RuntimeException e) {
      closeQuietly(lockChannel);
      throw e;
    }
  }

  private static void closeQuietly(FileChannel c) {
    if (c != null) {
      try {
        c.close();
      } catch (IOException e) {
        // ignore
      }
    }
  }

  /** The address for {@code camunda.client.grpc-address}, e.g. {@code http://localhost:26500}. */
  public String grpcAddress() {
    return "http://localhost:" + grpc.getPort();
  }

  /** The address for {@code camunda.client.rest-address}, e.g. {@code http://localhost:8088}. */
  public String restAddress() {
    return "http://localhost:" + rest.port();
  }

  public int grpcPort() {
    return grpc.getPort();
  }

  public int restPort() {
    return rest.port();
  }

  /**
   * Whether the journal can be written; false while its disk is full: commands are refused until it
   * can again (docs/adr/0039).
   */
  public boolean journalWritable() {
    return loop.journalWritable();
  }

  /** Journal entries replayed at start (after the latest snapshot). */
  public long recoveredEntries() {
    return recoveredEntries;
  }

  /** How long recovery and start took. */
  public long startMillis() {
    return recoveryMillis;
  }

  /**
   * Registers an exporter: it sees every record, in order, after the state change is durable.
   * Called on the engine thread: keep it fast.
   */
  public void addRecordListener(RecordListener listener) {
    loop.addRecordListener(listener);
  }

  public void removeRecordListener(RecordListener listener) {
    loop.removeRecordListener(listener);
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    grpc.shutdown();
    rest.close();
    loop.close();
    try {
      if (!grpc.awaitTermination(2, TimeUnit.SECONDS)) {
        grpc.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      grpc.shutdownNow();
    }
    try {
      lock.release();
    } catch (IOException e) {
      // ignore
    }
    closeQuietly(lockChannel);
  }
}
