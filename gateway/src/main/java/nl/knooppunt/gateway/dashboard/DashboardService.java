package nl.knooppunt.gateway.dashboard;

import nl.knooppunt.api.model.Dashboard;
import org.springframework.stereotype.Service;

/** The national picture of one world (real or exercise), for the API and the dashboard page. */
@Service
class DashboardService {

  private final DashboardQueries dashboardQueries;

  DashboardService(DashboardQueries dashboardQueries) {
    this.dashboardQueries = dashboardQueries;
  }

  Dashboard dashboard(boolean exercise) {
    return dashboardQueries.dashboard(exercise);
  }
}
