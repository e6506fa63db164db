package nl.knooppunt.gateway.readmodel;

import static nl.knooppunt.gateway.readmodel.Columns.ts;

import java.util.List;
import nl.knooppunt.processes.events.CloudEvent;
import nl.knooppunt.processes.events.EventPayload;
import nl.knooppunt.processes.events.EventType;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies events to the read model and the logbook, idempotently by event id: an event applied
 * twice (a replay, a redelivery, the gateway's own events coming back from Kafka) changes nothing
 * the second time. Every event's data is the record of its type ({@link EventType#payload()}). What
 * an event changes is up to the features' {@link Projection}s, called in their order, all in this
 * one transaction. Every gateway replica hears of the change once it is committed ({@link
 * ReadModelSignal}).
 */
@Component
public class Projector {

  private final ApplicationEventPublisher changes;
  private final JdbcTemplate jdbc;
  private final List<Projection> projections;
  private final ReadModelSignal signal;

  Projector(
      JdbcTemplate jdbc,
      List<Projection> projections,
      ApplicationEventPublisher changes,
      ReadModelSignal signal) {
    this.changes = changes;
    this.signal = signal;
    this.jdbc = jdbc;
    this.projections = List.copyOf(projections);
  }

  /** Applies one event; returns false when it was applied before. */
  @Transactional
  public boolean apply(CloudEvent<? extends EventPayload> e) {
    int fresh =
        jdbc.update(
            "insert into processed_event (event_id, type, processed_at) values (?, ?, now()) on"
                + " conflict do nothing",
            e.id(),
            e.type().type());
    projections.forEach(p -> p.delivered(e));
    if (fresh == 0) {
      return false;
    }
    projections.forEach(p -> p.project(e));
    processInstance(e);
    person(e);
    ReadModelChanged change = new ReadModelChanged(e.type().type(), e.crisisId());
    // this replica's pages after the commit; the other replicas' through PostgreSQL, also only
    // after the commit (docs/adr/0038)
    changes.publishEvent(change);
    signal.signal(jdbc, change);
    return true;
  }

  /** Remembers which crisis a process instance (also a called one) belongs to. */
  private void processInstance(CloudEvent<? extends EventPayload> e) {
    Long key = e.data().processInstanceKey();
    if (key == null || e.crisisId() == null) {
      return;
    }
    jdbc.update(
        "insert into process_instance (process_instance_key, crisis_id) values (?, ?) on conflict"
            + " do nothing",
        key,
        e.crisisId());
  }

  /** The name of the person who acted, as the gateway knew it when the event was written. */
  private void person(CloudEvent<? extends EventPayload> e) {
    String name = e.actorname();
    if (e.actor() == null || name == null || name.isBlank()) {
      return;
    }
    jdbc.update(
        "insert into person (username, display_name, updated_at) values (?, ?, ?) on conflict"
            + " (username) do update set display_name = excluded.display_name, updated_at ="
            + " excluded.updated_at where person.updated_at <= excluded.updated_at",
        e.actor(),
        name,
        ts(e.time()));
  }
}
