package nl.knooppunt.gateway.logbook;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import nl.knooppunt.api.model.LogbookEntry;
import nl.knooppunt.gateway.readmodel.Queries;
import nl.knooppunt.gateway.scope.Clearance;
import nl.knooppunt.gateway.scope.CrisisScope;
import nl.knooppunt.gateway.security.CurrentUsers;
import nl.knooppunt.gateway.security.KnooppuntUser;
import org.springframework.stereotype.Component;

/**
 * Logbook entries in the API's form, as the signed-in user may read them: the one way the timeline,
 * the evaluation report, the exports and a task's history read the logbook (docs/adr/0031). A
 * crisis out of the user's scope is unknown (404); an entry with classified content keeps who and
 * when, without the content, for a role not cleared for it.
 */
@Component
public class LogbookEntries {

  private final Logbook logbook;
  private final Queries queries;
  private final CrisisScope scope;

  LogbookEntries(Logbook logbook, Queries queries, CrisisScope scope) {
    this.logbook = logbook;
    this.queries = queries;
    this.scope = scope;
  }

  /** The entries of a crisis in order; 404 when the user may not read the crisis. */
  public List<LogbookEntry> ofCrisis(String crisisId) {
    scope.crisis(crisisId);
    return read(crisisId);
  }

  /**
   * The entries of the crisis of a task the user may see (tasks are shown per candidate group, so
   * the task grants its history), cleared as ever.
   */
  public List<LogbookEntry> ofTaskCrisis(String crisisId) {
    return read(crisisId);
  }

  private List<LogbookEntry> read(String crisisId) {
    KnooppuntUser user = CurrentUsers.signedIn().orElse(null);
    return logbook.ofCrisis(crisisId).stream().map(e -> entry(e, user)).toList();
  }

  /** One entry of the chain as the user may read it (its data as a map). */
  static LogbookEntry entry(Logbook.Entry e, Map<String, Object> data, KnooppuntUser user) {
    boolean withheld = Clearance.withholds(data, user);
    LogbookEntry out =
        new LogbookEntry(
                e.sequence(),
                e.eventId(),
                e.type(),
                OffsetDateTime.ofInstant(e.occurredAt(), ZoneOffset.UTC))
            .crisisId(e.crisisId())
            .recordedAt(OffsetDateTime.ofInstant(e.recordedAt(), ZoneOffset.UTC))
            .actor(e.actor())
            .summary(
                withheld && e.summary() != null
                    ? e.summary() + Clearance.WITHHELD_NOTE
                    : e.summary())
            .exercise(e.exercise())
            .previousHash(e.previousHash())
            .hash(e.hash());
    out.setData(Clearance.clear(data, user));
    return out;
  }

  private LogbookEntry entry(Logbook.Entry e, KnooppuntUser user) {
    return entry(e, queries.jsonMap(e.data()), user);
  }
}
