package nl.knooppunt.gateway.scope;

import java.util.List;
import nl.knooppunt.gateway.directory.DirectoryAdapter;
import nl.knooppunt.gateway.readmodel.Projection;
import nl.knooppunt.processes.ProcessId;
import nl.knooppunt.processes.events.AssistanceValidated;
import nl.knooppunt.processes.events.CloudEvent;
import nl.knooppunt.processes.events.CrisisStarted;
import nl.knooppunt.processes.events.DeploymentRegistered;
import nl.knooppunt.processes.events.EventPayload;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The regions a crisis involves beyond its area (table {@code crisis_region}, read by {@link
 * ReadScope#condition}): the neighbours of a manhunt's region, the regions asked to offer
 * assistance and those allocated to supply it.
 */
@Component
@Order(60)
class CrisisRegionProjection implements Projection {

  static final String NEIGHBOUR = "BUUR";
  static final String CANDIDATE = "KANDIDAAT";
  static final String SUPPLIER = "LEVERANCIER";

  private final JdbcTemplate jdbc;
  private final DirectoryAdapter directory;

  CrisisRegionProjection(JdbcTemplate jdbc, DirectoryAdapter directory) {
    this.jdbc = jdbc;
    this.directory = directory;
  }

  @Override
  public void project(CloudEvent<? extends EventPayload> e) {
    if (e.crisisId() == null) {
      return;
    }
    switch (e.type()) {
      case CRISIS_GESTART -> {
        CrisisStarted d = (CrisisStarted) e.data();
        if (ProcessId.MANHUNT.id().equals(d.process())) {
          d.regions().forEach(vr -> add(e.crisisId(), directory.neighboursOf(vr), NEIGHBOUR));
        }
      }
      case BIJSTAND_GEVALIDEERD ->
          add(e.crisisId(), ((AssistanceValidated) e.data()).candidateRegions(), CANDIDATE);
      case BIJSTAND_INZET_GEREGISTREERD -> {
        DeploymentRegistered d = (DeploymentRegistered) e.data();
        if (d.allocation() != null && d.allocation().regels() != null) {
          add(
              e.crisisId(),
              d.allocation().regels().stream().map(l -> l.vrCode()).toList(),
              SUPPLIER);
        }
      }
      default -> {
        // involves no region beyond the area
      }
    }
  }

  private void add(String crisisId, List<String> regions, String reason) {
    for (String vr : regions) {
      if (vr != null) {
        jdbc.update(
            "insert into crisis_region (crisis_id, vr_code, reason) values (?, ?, ?) on conflict"
                + " do nothing",
            crisisId,
            vr,
            reason);
      }
    }
  }
}
