package nl.knooppunt.gateway.task;

import static nl.knooppunt.gateway.readmodel.Queries.array;
import static nl.knooppunt.gateway.readmodel.Queries.time;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.knooppunt.api.model.TaskState;
import nl.knooppunt.api.model.TaskSummary;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** The tasks of the read model: one, a page of an inbox, those of a crisis. */
@Component
public class TaskQueries {

  private final NamedParameterJdbcTemplate jdbc;
  private final Clock clock = Clock.systemUTC();

  TaskQueries(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  private static final String TASK_SELECT =
      "select t.*, c.title as crisis_title, c.started_at as crisis_started_at from task t left"
          + " join crisis c on c.crisis_id = t.crisis_id";

  /** A task row with its scope fields. */
  public record TaskRow(
      TaskSummary summary,
      List<String> candidateUsers,
      String completionData,
      String variables,
      String sla) {}

  private TaskRow task(ResultSet rs) throws SQLException {
    OffsetDateTime due = time(rs, "due_at");
    String state = rs.getString("state");
    TaskSummary s =
        new TaskSummary()
            .taskKey(String.valueOf(rs.getLong("task_key")))
            .name(rs.getString("name"))
            .process(rs.getString("process_id"))
            .elementId(rs.getString("element_id"))
            .crisisId(rs.getString("crisis_id"))
            .crisisTitle(rs.getString("crisis_title"))
            .crisisStartedAt(time(rs, "crisis_started_at"))
            .subject(rs.getString("subject"))
            .exercise(rs.getBoolean("exercise"))
            .state(TaskState.fromValue(state))
            .assignee(rs.getString("assignee"))
            .candidateGroups(array(rs, "candidate_groups"))
            .vrCode(rs.getString("vr_code"))
            .formKey(rs.getString("form_key"))
            .createdAt(time(rs, "created_at"))
            .dueAt(due)
            .overdue(
                due != null
                    && ("OPEN".equals(state)
                        ? due.isBefore(OffsetDateTime.now(clock))
                        : time(rs, "ended_at") != null && due.isBefore(time(rs, "ended_at"))))
            .completedAt(time(rs, "ended_at"))
            .completedBy(rs.getString("completed_by"));
    return new TaskRow(
        s,
        array(rs, "candidate_users"),
        rs.getString("completion_data"),
        rs.getString("variables"),
        rs.getString("sla"));
  }

  public Optional<TaskRow> task(long taskKey) {
    return jdbc
        .query(TASK_SELECT + " where t.task_key = :k", Map.of("k", taskKey), (rs, i) -> task(rs))
        .stream()
        .findFirst();
  }

  /** Tasks visible to a user: assigned to them or open to one of their groups. */
  public record TaskFilter(
      String username,
      List<String> groups,
      boolean everything,
      String assignment,
      String state,
      String crisisId,
      Boolean exercise,
      String sort,
      int page,
      int size) {}

  public record TaskPageResult(List<TaskSummary> items, long total) {}

  public TaskPageResult tasks(TaskFilter f) {
    MapSqlParameterSource p =
        new MapSqlParameterSource()
            .addValue("user", f.username())
            .addValue("groups", f.groups().toArray(String[]::new))
            .addValue("everything", f.everything())
            .addValue("state", f.state())
            .addValue("crisis", f.crisisId())
            .addValue("exercise", f.exercise())
            .addValue("limit", f.size())
            .addValue("offset", (long) f.page() * f.size());
    StringBuilder where =
        new StringBuilder(
            " where t.state = :state and (cast(:crisis as text) is null or t.crisis_id = :crisis)"
                + " and (cast(:exercise as boolean) is null or t.exercise = :exercise)");
    String visible =
        "(t.assignee = :user or t.candidate_groups && cast(:groups as text[]) or :user ="
            + " any(t.candidate_users))";
    switch (f.assignment()) {
      case "MINE" -> where.append(" and t.assignee = :user");
      case "UNASSIGNED" ->
          where.append(" and t.assignee is null").append(f.everything() ? "" : " and " + visible);
      default -> where.append(f.everything() ? "" : " and " + visible);
    }
    String order =
        switch (f.sort()) {
          case "DUE_DESC" -> " order by t.due_at desc nulls last, t.task_key";
          case "CREATED_DESC" -> " order by t.created_at desc, t.task_key";
          default -> " order by t.due_at asc nulls last, t.task_key";
        };
    List<TaskSummary> items =
        jdbc.query(
            TASK_SELECT + where + order + " limit :limit offset :offset",
            p,
            (rs, i) -> task(rs).summary());
    Long total = jdbc.queryForObject("select count(*) from task t" + where, p, Long.class);
    return new TaskPageResult(items, total == null ? 0 : total);
  }

  public List<TaskSummary> openTasksOf(String crisisId) {
    return jdbc.query(
        TASK_SELECT + " where t.crisis_id = :id and t.state = 'OPEN' order by t.due_at nulls last",
        Map.of("id", crisisId),
        (rs, i) -> task(rs).summary());
  }

  public List<TaskRow> tasksOf(String crisisId) {
    return jdbc.query(
        TASK_SELECT + " where t.crisis_id = :id order by t.created_at, t.task_key",
        Map.of("id", crisisId),
        (rs, i) -> task(rs));
  }
}
