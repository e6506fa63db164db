package nl.knooppunt.gateway.learning;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import nl.knooppunt.gateway.security.AccessPolicy;
import nl.knooppunt.gateway.security.KnooppuntUser;
import nl.knooppunt.gateway.web.ChartBars;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * "Eerder geleerd": when a crisis reaches a step (a region's task of that step is open), its page
 * shows the lessons learned earlier about that step, those the user may read, from other crises.
 * The loop closes where the work happens.
 */
@Component
public class EarlierLessons {

  /** At most this many lessons per step. */
  static final int PER_STEP = 3;

  /** The lessons of one step. */
  public record StepLessons(String step, List<Item> lessons) {}

  /** One earlier lesson, with the crisis it came from. */
  public record Item(
      String lesson, String finding, String crisisId, String crisisTitle, String recorded) {}

  private final JdbcTemplate jdbc;
  private final LessonSearch search;

  EarlierLessons(JdbcTemplate jdbc, LessonSearch search) {
    this.jdbc = jdbc;
    this.search = search;
  }

  /** The earlier lessons about the steps this crisis is at; empty for who reads no lessons. */
  public List<StepLessons> of(KnooppuntUser user, String crisisId) {
    if (user == null || !AccessPolicy.permits(user, "getEvaluationReport")) {
      return List.of();
    }
    Set<ProcedureStep> steps = new LinkedHashSet<>();
    jdbc.queryForList(
            "select distinct form_key from task where crisis_id = ? and state = 'OPEN' and"
                + " form_key is not null",
            String.class,
            crisisId)
        .forEach(f -> ProcedureStep.ofForm(f).ifPresent(steps::add));
    List<StepLessons> out = new ArrayList<>();
    for (ProcedureStep step : steps) {
      List<Item> items =
          search.earlier(user, step.name(), crisisId, PER_STEP).stream()
              .map(
                  l ->
                      new Item(
                          l.lesson(),
                          l.finding(),
                          l.crisisId(),
                          l.crisisTitle() == null ? l.crisisId() : l.crisisTitle(),
                          ChartBars.time(l.recordedAt())))
              .toList();
      if (!items.isEmpty()) {
        out.add(new StepLessons(step.label(), items));
      }
    }
    return out;
  }
}
