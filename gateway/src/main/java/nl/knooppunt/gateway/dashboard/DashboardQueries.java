package nl.knooppunt.gateway.dashboard;

import static nl.knooppunt.gateway.readmodel.Queries.time;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.knooppunt.api.model.AcknowledgementLag;
import nl.knooppunt.api.model.CrisisType;
import nl.knooppunt.api.model.Dashboard;
import nl.knooppunt.api.model.OpenAssistance;
import nl.knooppunt.api.model.TypeCount;
import nl.knooppunt.processes.ProcessId;
import nl.knooppunt.processes.Task;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** The national picture of one world, counted in the read model. */
@Component
class DashboardQueries {

  private final NamedParameterJdbcTemplate jdbc;
  private final Clock clock = Clock.systemUTC();

  DashboardQueries(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * One region's answer to a GRIP advice of an open manhunt: the task's process variables (with
   * {@code gripAdvies}) and, once confirmed, the form (with {@code gripNiveau}, {@code
   * toelichting}).
   */
  record ScaleUp(
      String crisisId, String title, String vrCode, String variables, String completion) {}

  /** The region's confirmation tasks of every open manhunt of this world, oldest first. */
  List<ScaleUp> scaleUps(boolean exercise) {
    List<ScaleUp> out = new ArrayList<>();
    jdbc.query(
        "select c.crisis_id, c.title, t.vr_code, t.variables, t.completion_data from crisis c join"
            + " task t on t.crisis_id = c.crisis_id and t.element_id = :element where c.process_id"
            + " = :process and not c.closed and c.exercise = :exercise and t.state <> 'CANCELED'"
            + " order by c.started_at desc, c.crisis_id, t.created_at, t.task_key",
        Map.of(
            "exercise",
            exercise,
            "element",
            Task.OPSCHALING_BEVESTIGEN.elementId(),
            "process",
            ProcessId.MANHUNT.id()),
        rs -> {
          out.add(
              new ScaleUp(
                  rs.getString("crisis_id"),
                  rs.getString("title"),
                  rs.getString("vr_code"),
                  rs.getString("variables"),
                  rs.getString("completion_data")));
        });
    return out;
  }

  public Dashboard dashboard(boolean exercise) {
    Map<String, Object> p = Map.of("exercise", exercise);
    Dashboard d = new Dashboard(exercise, OffsetDateTime.now(clock));
    Map<String, Integer> byType = new LinkedHashMap<>();
    for (CrisisType t : CrisisType.values()) {
      byType.put(t.getValue(), 0);
    }
    jdbc.query(
        "select process_id, count(*) from crisis where exercise = :exercise and not closed group by"
            + " process_id",
        p,
        rs -> {
          int count = (int) rs.getLong(2);
          byType.computeIfPresent(rs.getString(1), (k, v) -> v + count);
        });
    byType.forEach((k, v) -> d.addOpenCrisesByTypeItem(new TypeCount(CrisisType.fromValue(k), v)));
    d.openTasks(
        jdbc.queryForObject(
            "select count(*) from task where exercise = :exercise and state = 'OPEN'",
            p,
            Integer.class));
    d.slaBreachesOpen(
        jdbc.queryForObject(
            "select count(*) from task where exercise = :exercise and state = 'OPEN' and due_at <"
                + " now()",
            p,
            Integer.class));
    d.slaBreachesTotal(
        jdbc.queryForObject(
            "select count(*) from task where exercise = :exercise and due_at < coalesce(ended_at,"
                + " now()) and state <> 'CANCELED'",
            p,
            Integer.class));
    d.decisionToLastAcknowledgement(
        jdbc.query(
            "select c.crisis_id, c.title, c.decided_at, max(n.acknowledged_at) as last_ack,"
                + " count(distinct n.recipient_code) filter (where n.requires_ack and"
                + " n.acknowledged_at is null) as outstanding from crisis c left join notification n on n.crisis_id ="
                + " c.crisis_id and n.sent_at >= c.decided_at where c.exercise = :exercise and"
                + " c.decided_at is not null group by c.crisis_id, c.title, c.decided_at order by"
                + " c.decided_at desc limit 50",
            p,
            (rs, i) -> {
              OffsetDateTime decided = time(rs, "decided_at");
              OffsetDateTime last = time(rs, "last_ack");
              return new AcknowledgementLag(rs.getString("crisis_id"))
                  .title(rs.getString("title"))
                  .decidedAt(decided)
                  .lastAcknowledgedAt(last)
                  .seconds(last == null ? null : Duration.between(decided, last).toSeconds())
                  .outstanding(rs.getInt("outstanding"));
            }));
    d.openAssistance(
        jdbc.query(
            "select a.* from assistance a join crisis c on c.crisis_id = a.crisis_id where"
                + " a.exercise = :exercise and not c.closed and a.status <> 'BEEINDIGD' order by"
                + " a.crisis_id",
            p,
            (rs, i) ->
                new OpenAssistance(rs.getString("crisis_id"))
                    .requestingRegion(rs.getString("requesting_region"))
                    .capacity(rs.getString("capacity"))
                    .requested((Integer) rs.getObject("requested"))
                    .allocated(rs.getInt("allocated"))
                    .status(rs.getString("status"))));
    d.stuckProcesses(
        jdbc.queryForObject(
            "select count(distinct i.crisis_id) from incident i join crisis c on c.crisis_id ="
                + " i.crisis_id where c.exercise = :exercise and not c.closed and i.resolved_at is"
                + " null",
            p,
            Integer.class));
    d.level5Areas(
        jdbc.queryForObject(
            "select count(*) from threat_level where exercise = :exercise and level = 5 and"
                + " area_kind = 'VEILIGHEIDSREGIO'",
            p,
            Integer.class));
    return d;
  }
}
