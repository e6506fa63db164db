package nl.knooppunt.gateway.database;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.HashSet;
import java.util.Set;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Tells PostgreSQL being away (stopped, restarting, unreachable) from a mistake in a query or in
 * the data: the first is waited out (a 503 with {@code Retry-After}, a projection that tries the
 * same event again), the second is not (docs/adr/0039).
 */
public final class DatabaseUnreachable {

  private DatabaseUnreachable() {}

  /**
   * Whether the failure, or one of its causes, is a connection that cannot be had or broke, or a
   * server shutting down or starting up.
   */
  public static boolean isCause(Throwable failure) {
    Set<Throwable> seen = new HashSet<>();
    for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
      if (t instanceof DataAccessResourceFailureException
          || t instanceof TransientDataAccessResourceException
          || t instanceof CannotCreateTransactionException
          || t instanceof SQLTransientConnectionException
          || t instanceof SQLNonTransientConnectionException) {
        return true;
      }
      if (t instanceof SQLException sql && sql.getSQLState() != null) {
        String state = sql.getSQLState();
        // 08: connection exception; 57P01-57P03: admin or crash shutdown, cannot connect now
        if (state.startsWith("08") || state.startsWith("57P")) {
          return true;
        }
      }
    }
    return false;
  }
}
