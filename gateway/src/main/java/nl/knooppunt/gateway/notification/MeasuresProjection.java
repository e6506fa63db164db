package nl.knooppunt.gateway.notification;

import static nl.knooppunt.gateway.readmodel.Columns.ts;

import nl.knooppunt.gateway.readmodel.Projection;
import nl.knooppunt.processes.events.CloudEvent;
import nl.knooppunt.processes.events.CloudEventJson;
import nl.knooppunt.processes.events.EventPayload;
import nl.knooppunt.processes.events.EventType;
import nl.knooppunt.processes.events.MeasuresSet;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The versions of the level-5 measures per role that the beheerder set. */
@Component
@Order(55)
class MeasuresProjection implements Projection {

  private final JdbcTemplate jdbc;

  MeasuresProjection(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void project(CloudEvent<? extends EventPayload> e) {
    if (e.type() == EventType.MAATREGELEN_VASTGESTELD && e.data() instanceof MeasuresSet set) {
      jdbc.update(
          "insert into measures_version (version, measures, set_by, set_by_name, set_at) values"
              + " (?, ?, ?, ?, ?) on conflict (version) do nothing",
          set.version(),
          CloudEventJson.writeValue(set.measures()),
          e.actor(),
          e.actorname(),
          ts(e.time()));
    }
  }
}
