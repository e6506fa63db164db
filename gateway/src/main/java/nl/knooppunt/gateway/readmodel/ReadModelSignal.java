package nl.knooppunt.gateway.readmodel;

import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Tells every gateway replica that the read model changed (docs/adr/0038): a PostgreSQL {@code
 * NOTIFY} on {@link #CHANNEL}, issued inside the projecting transaction, so PostgreSQL delivers it
 * only when that transaction commits (and never when it rolls back), in commit order. Each replica
 * listens ({@link ReadModelListener}) and passes on what another replica projected as a {@link
 * ReadModelChanged} of its own; a replica hears of its own changes in its own JVM already.
 *
 * <p>The payload is {@code replica \n type \n crisisId} (the crisis empty when the change belongs
 * to none); ids and types are short, far below PostgreSQL's limit of 8000 bytes.
 */
@Component
public class ReadModelSignal {

  /** The channel every replica listens on. */
  public static final String CHANNEL = "knooppunt_leesmodel";

  private final String replica = UUID.randomUUID().toString();

  /** This replica's id in the payloads (random per start). */
  public String replica() {
    return replica;
  }

  /** Signals the change inside the caller's transaction (on its connection). */
  void signal(JdbcTemplate jdbc, ReadModelChanged change) {
    jdbc.query("select pg_notify(?, ?)", rs -> null, CHANNEL, payload(change));
  }

  String payload(ReadModelChanged change) {
    return replica
        + "\n"
        + change.type()
        + "\n"
        + (change.crisisId() == null ? "" : change.crisisId());
  }

  /**
   * The change another replica signalled, or null for a payload of this replica (or one that is not
   * a change).
   */
  ReadModelChanged fromOtherReplica(String payload) {
    String[] parts = payload == null ? new String[0] : payload.split("\n", -1);
    if (parts.length != 3 || parts[0].equals(replica)) {
      return null;
    }
    return new ReadModelChanged(parts[1], parts[2].isEmpty() ? null : parts[2]);
  }
}
