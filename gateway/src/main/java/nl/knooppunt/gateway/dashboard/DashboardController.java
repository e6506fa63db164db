package nl.knooppunt.gateway.dashboard;

import nl.knooppunt.api.DashboardsApi;
import nl.knooppunt.api.model.Dashboard;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/** The dashboard over REST: the generated {@link DashboardsApi} on {@link DashboardService}. */
@RestController
class DashboardController implements DashboardsApi {

  private final DashboardService dashboards;

  DashboardController(DashboardService dashboards) {
    this.dashboards = dashboards;
  }

  @Override
  public ResponseEntity<Dashboard> getDashboard(Boolean exercise) {
    return ResponseEntity.ok(dashboards.dashboard(Boolean.TRUE.equals(exercise)));
  }
}
