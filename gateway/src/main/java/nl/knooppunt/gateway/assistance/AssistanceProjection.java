package nl.knooppunt.gateway.assistance;

import static nl.knooppunt.gateway.readmodel.Columns.ts;

import nl.knooppunt.gateway.readmodel.Projection;
import nl.knooppunt.processes.events.CloudEvent;
import nl.knooppunt.processes.events.CrisisStarted;
import nl.knooppunt.processes.events.DeploymentRegistered;
import nl.knooppunt.processes.events.EventPayload;
import nl.knooppunt.processes.variables.AssistanceRequest;
import nl.knooppunt.processes.variables.AssistanceStart;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** A request for assistance as the dashboard counts it: requested, then deployed. */
@Component
@Order(40)
class AssistanceProjection implements Projection {

  private final JdbcTemplate jdbc;

  AssistanceProjection(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void project(CloudEvent<? extends EventPayload> e) {
    EventPayload data = e.data();
    switch (e.type()) {
      case CRISIS_GESTART -> requested(e, (CrisisStarted) data);
      case BIJSTAND_INZET_GEREGISTREERD -> deploymentRegistered(e, (DeploymentRegistered) data);
      default -> {
        // not about assistance
      }
    }
  }

  private void requested(CloudEvent<?> e, CrisisStarted d) {
    AssistanceStart assistance = d.assistanceStart();
    if (assistance != null) {
      AssistanceRequest request = assistance.aanvraag();
      jdbc.update(
          "insert into assistance (crisis_id, requesting_region, capacity, requested, status,"
              + " exercise) values (?, ?, ?, ?, 'AANGEVRAAGD', ?) on conflict (crisis_id) do update"
              + " set requesting_region = coalesce(assistance.requesting_region,"
              + " excluded.requesting_region), capacity = coalesce(assistance.capacity,"
              + " excluded.capacity), requested = coalesce(assistance.requested,"
              + " excluded.requested)",
          e.crisisId(),
          request == null ? null : request.aanvragendeRegio(),
          request == null || request.capaciteit() == null ? null : request.capaciteit().name(),
          request == null ? null : request.aantal(),
          e.exercise());
    }
  }

  private void deploymentRegistered(CloudEvent<?> e, DeploymentRegistered d) {
    jdbc.update(
        "insert into assistance (crisis_id, status, exercise) values (?, 'INZET', ?) on"
            + " conflict do nothing",
        e.crisisId(),
        e.exercise());
    jdbc.update(
        "update assistance set status = 'INZET', allocated = coalesce(?, allocated),"
            + " deployment_until = coalesce(?, deployment_until) where crisis_id = ?",
        d.allocated(),
        ts(d.until()),
        e.crisisId());
  }
}
