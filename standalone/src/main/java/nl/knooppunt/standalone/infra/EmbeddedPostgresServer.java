package nl.knooppunt.standalone.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server for the embedded default, its data kept in a directory so a restart
 * keeps every row. After a hard kill of the hub the old server may still run on the same data
 * directory; it is stopped first, as PostgreSQL itself would refuse a second postmaster.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

  public static final String DATABASE = "knooppunt";

  /** The owner of the hub's database: Flyway runs as this user. */
  public static final String USER = "postgres";

  /**
   * The user the gateway connects as: not the owner, not a superuser, so it cannot alter the
   * logbook's table or triggers nor change its rows (the grants: the gateway's migration V15).
   */
  public static final String APP_USER = "knooppunt_app";

  private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
  private static final Duration STALE_STOP_TIMEOUT = Duration.ofSeconds(30);

  private final Path dataDirectory;
  private final int port;
  private EmbeddedPostgres postgres;

  private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path dataDirectory, int port) {
    this.postgres = postgres;
    this.dataDirectory = dataDirectory;
    this.port = port;
  }

  public static EmbeddedPostgresServer start(Path dataDirectory, int port) {
    try {
      Files.createDirectories(dataDirectory);
      stopStalePostmaster(dataDirectory);
      EmbeddedPostgresServer server =
          new EmbeddedPostgresServer(startServer(dataDirectory, port), dataDirectory, port);
      server.createDatabaseIfMissing();
      log.info("PostgreSQL runs on port {} with data in {}", port, dataDirectory);
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException("PostgreSQL did not start in " + dataDirectory, e);
    }
  }

  private static EmbeddedPostgres startServer(Path dataDirectory, int port) throws IOException {
    return EmbeddedPostgres.builder()
        .setDataDirectory(dataDirectory)
        .setCleanDataDirectory(false)
        .setPort(port)
        // the library starts PostgreSQL with -F (no fsync) for tests; the hub's data must
        // survive a power cut, so durability is switched back on
        .setServerConfig("fsync", "on")
        .setServerConfig("synchronous_commit", "on")
        .setPGStartupWait(Duration.ofSeconds(60))
        .start();
  }

  /**
   * Stops the server and keeps its data: a database outage (tests, docs/adr/0039). {@link
   * #restart()} brings it back on the same data directory and port.
   */
  public synchronized void stop() {
    if (postgres != null) {
      try {
        postgres.close();
      } catch (IOException e) {
        throw new UncheckedIOException("PostgreSQL did not stop", e);
      }
      postgres = null;
      log.info("PostgreSQL on port {} stopped", port);
    }
  }

  /** Starts a stopped server again on its data directory and port. */
  public synchronized void restart() {
    if (postgres == null) {
      try {
        postgres = startServer(dataDirectory, port);
      } catch (IOException e) {
        throw new UncheckedIOException("PostgreSQL did not start again in " + dataDirectory, e);
      }
      log.info("PostgreSQL runs again on port {}", port);
    }
  }

  public String jdbcUrl() {
    return "jdbc:postgresql://localhost:" + port + "/" + DATABASE;
  }

  /** Creates the database and the application user when missing. */
  private void createDatabaseIfMissing() {
    try (Connection connection = postgres.getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement()) {
      var exists =
          statement.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'");
      if (!exists.next()) {
        statement.execute("create database " + DATABASE);
      }
      var role =
          statement.executeQuery("select 1 from pg_roles where rolname = '" + APP_USER + "'");
      if (!role.next()) {
        statement.execute("create role " + APP_USER + " login nosuperuser nocreatedb nocreaterole");
      }
    } catch (SQLException e) {
      throw new IllegalStateException("could not create database " + DATABASE, e);
    }
  }

  /** A postmaster left running by a killed hub still holds the data directory: stop it. */
  private static void stopStalePostmaster(Path dataDirectory) throws IOException {
    Path pidFile = dataDirectory.resolve("postmaster.pid");
    if (!Files.exists(pidFile)) {
      return;
    }
    List<String> lines = Files.readAllLines(pidFile);
    Optional<ProcessHandle> stale =
        lines.isEmpty() ? Optional.empty() : parsePid(lines.get(0)).flatMap(ProcessHandle::of);
    if (stale.isEmpty() || !stale.get().isAlive()) {
      return;
    }
    ProcessHandle postmaster = stale.get();
    log.warn(
        "A PostgreSQL server (pid {}) from an earlier run still holds {}: stopping it",
        postmaster.pid(),
        dataDirectory);
    postmaster.destroy(); // SIGTERM: PostgreSQL's "smart" shutdown, no data lost
    try {
      postmaster.onExit().get(STALE_STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      throw new IllegalStateException(
          "PostgreSQL pid " + postmaster.pid() + " still holds " + dataDirectory + "; stop it", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while stopping a stale PostgreSQL", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("could not wait for a stale PostgreSQL", e);
    }
  }

  private static Optional<Long> parsePid(String line) {
    try {
      return Optional.of(Long.parseLong(line.trim()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  @Override
  public synchronized void close() {
    if (postgres == null) {
      return;
    }
    try {
      postgres.close();
    } catch (IOException e) {
      log.warn("PostgreSQL did not stop cleanly", e);
    }
    postgres = null;
  }
}
