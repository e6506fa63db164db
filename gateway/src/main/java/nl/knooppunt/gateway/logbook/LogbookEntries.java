package nl.knooppunt.gateway.logbook;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import nl.knooppunt.api.model.LogbookEntry;
import nl.knooppunt.gateway.readmodel.Queries;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** Logbook entries in the API's form. */
@Component
public class LogbookEntries {

  private final NamedParameterJdbcTemplate jdbc;
  private final Queries queries;

  LogbookEntries(NamedParameterJdbcTemplate jdbc, Queries queries) {
    this.jdbc = jdbc;
    this.queries = queries;
  }

  /** One entry of the chain as the API shows it (its data as a map). */
  public LogbookEntry entry(Logbook.Entry e) {
    LogbookEntry out =
        new LogbookEntry(
                e.sequence(),
                e.eventId(),
                e.type(),
                OffsetDateTime.ofInstant(e.occurredAt(), ZoneOffset.UTC))
            .crisisId(e.crisisId())
            .recordedAt(OffsetDateTime.ofInstant(e.recordedAt(), ZoneOffset.UTC))
            .actor(e.actor())
            .summary(e.summary())
            .exercise(e.exercise())
            .previousHash(e.previousHash())
            .hash(e.hash());
    out.setData(queries.jsonMap(e.data()));
    return out;
  }
}
