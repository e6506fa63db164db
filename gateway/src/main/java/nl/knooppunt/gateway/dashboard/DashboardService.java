package nl.knooppunt.gateway.dashboard;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.knooppunt.api.model.Dashboard;
import nl.knooppunt.gateway.readmodel.Queries;
import org.springframework.stereotype.Service;

/** The national picture of one world (real or exercise), for the API and the dashboard page. */
@Service
class DashboardService {

  private final DashboardQueries dashboardQueries;
  private final Queries queries;

  DashboardService(DashboardQueries dashboardQueries, Queries queries) {
    this.dashboardQueries = dashboardQueries;
    this.queries = queries;
  }

  Dashboard dashboard(boolean exercise) {
    return dashboardQueries.dashboard(exercise);
  }

  /**
   * Per open manhunt: the GRIP level the hub advised last, the level the region confirmed last and,
   * when that is lower, its explanation ("verschillen moeten kunnen worden uitgelegd").
   *
   * @param advice the last advice, 1–5 (null: none yet)
   * @param confirmed the last confirmed level, e.g. {@code GRIP_3} (null: not yet confirmed)
   * @param confirmedAgainst the advice that confirmation answered
   */
  record GripComparison(
      String crisisId,
      String title,
      String vrCode,
      Integer advice,
      String confirmed,
      Integer confirmedAgainst,
      String explanation) {

    /** The confirmed level ranks below the current advice. */
    boolean lower() {
      return confirmed != null && advice != null && rank(confirmed) < advice;
    }

    /** The confirmation answers an older, lower advice: the region has yet to confirm again. */
    boolean awaiting() {
      return advice != null && (confirmed == null || !advice.equals(confirmedAgainst));
    }

    /** GRIP_1 … GRIP_5 → 1 … 5, GRIP_RIJK above them all. */
    static int rank(String level) {
      if ("GRIP_RIJK".equals(level)) {
        return 6;
      }
      try {
        return Integer.parseInt(level.substring(level.lastIndexOf('_') + 1));
      } catch (RuntimeException e) {
        return 0;
      }
    }
  }

  List<GripComparison> grip(boolean exercise) {
    Map<String, GripComparison> byCrisis = new LinkedHashMap<>();
    for (DashboardQueries.ScaleUp s : dashboardQueries.scaleUps(exercise)) {
      GripComparison before = byCrisis.get(s.crisisId());
      Integer advice = number(queries.jsonMap(s.variables()).get("gripAdvies"));
      Map<String, Object> form = queries.jsonMap(s.completion());
      boolean done = form.get("gripNiveau") != null;
      byCrisis.put(
          s.crisisId(),
          new GripComparison(
              s.crisisId(),
              s.title(),
              s.vrCode(),
              advice != null ? advice : before == null ? null : before.advice(),
              done
                  ? String.valueOf(form.get("gripNiveau"))
                  : before == null ? null : before.confirmed(),
              done ? advice : before == null ? null : before.confirmedAgainst(),
              done
                  ? (String) form.get("toelichting")
                  : before == null ? null : before.explanation()));
    }
    return new ArrayList<>(byCrisis.values());
  }

  private static Integer number(Object value) {
    return value instanceof Number n ? n.intValue() : null;
  }
}
