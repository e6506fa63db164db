package nl.knooppunt.gateway.dashboard;

import nl.knooppunt.api.model.Dashboard;
import nl.knooppunt.gateway.readmodel.Queries;
import org.springframework.stereotype.Service;

/** The national picture of one world (real or exercise), for the API and the dashboard page. */
@Service
class DashboardService {

  private final Queries queries;

  DashboardService(Queries queries) {
    this.queries = queries;
  }

  Dashboard dashboard(boolean exercise) {
    return queries.dashboard(exercise);
  }
}
