package nl.knooppunt.gateway.readmodel;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.knooppunt.api.model.Area;
import nl.knooppunt.api.model.CrisisSummary;
import nl.knooppunt.api.model.CrisisType;
import nl.knooppunt.api.model.Decision;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What the features share of the read model: a crisis by id with its decisions and its stuck steps
 * (incidents), which crisis a process instance or incident belongs to, people's names, and the
 * column helpers. Each feature reads its own tables with its own queries (e.g. {@code TaskQueries},
 * {@code NotificationQueries}).
 */
@Component
public class Queries {

  /** The crisis rows with their counts (open tasks, next due, silent recipients, stuck steps). */
  public static final String CRISIS_SELECT =
      "select c.*, (select count(*) from task t where t.crisis_id = c.crisis_id and t.state ="
          + " 'OPEN') as open_tasks, (select min(t.due_at) from task t where t.crisis_id ="
          + " c.crisis_id and t.state = 'OPEN') as next_due, (select count(distinct"
          + " coalesce(n.recipient_code, n.notification_id)) from notification n where n.crisis_id"
          + " = c.crisis_id and n.requires_ack and n.acknowledged_at is null) as silent, (select"
          + " count(*) from incident i where i.crisis_id = c.crisis_id and i.resolved_at is null)"
          + " as stuck from crisis c";

  private final NamedParameterJdbcTemplate jdbc;
  private final ObjectMapper json;

  public Queries(NamedParameterJdbcTemplate jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  // --- crises

  /** One crisis row with what the API needs beyond the summary. */
  public record CrisisRow(
      CrisisSummary summary,
      String processId,
      String linkedCrisisId,
      String startData,
      Long processInstanceKey) {}

  /** A text array column as a list (empty when null). */
  public static List<String> array(ResultSet rs, String column) throws SQLException {
    Array a = rs.getArray(column);
    return a == null ? new ArrayList<>() : new ArrayList<>(Arrays.asList((String[]) a.getArray()));
  }

  /** A timestamp column in UTC. */
  public static OffsetDateTime time(ResultSet rs, String column) throws SQLException {
    OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
    return t == null ? null : t.withOffsetSameInstant(ZoneOffset.UTC);
  }

  static CrisisType crisisType(String processId) {
    try {
      return CrisisType.fromValue(processId);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** One row of {@link #CRISIS_SELECT}. */
  public static CrisisRow crisisRow(ResultSet rs) throws SQLException {
    CrisisSummary s =
        new CrisisSummary()
            .crisisId(rs.getString("crisis_id"))
            .process(crisisType(rs.getString("process_id")))
            .title(rs.getString("title"))
            .status(rs.getString("status"))
            .closed(rs.getBoolean("closed"))
            .exercise(rs.getBoolean("exercise"))
            .regions(array(rs, "regions"))
            .startedAt(time(rs, "started_at"))
            .startedBy(rs.getString("started_by"))
            .closedAt(time(rs, "closed_at"))
            .openTasks(rs.getInt("open_tasks"))
            .nextDueAt(time(rs, "next_due"))
            .silentRecipients(rs.getInt("silent"))
            .stuckSteps(rs.getInt("stuck"));
    String kind = rs.getString("area_kind");
    if (kind != null) {
      try {
        s.area(
            new Area(Area.KindEnum.fromValue(kind), array(rs, "area_codes"))
                .name(rs.getString("area_name")));
      } catch (IllegalArgumentException ignored) {
        // an area kind the API does not know: leave it out
      }
    }
    Long pik = (Long) rs.getObject("process_instance_key");
    return new CrisisRow(
        s,
        rs.getString("process_id"),
        rs.getString("linked_crisis_id"),
        rs.getString("start_data"),
        pik);
  }

  public Optional<CrisisRow> crisis(String crisisId) {
    return jdbc
        .query(
            CRISIS_SELECT + " where c.crisis_id = :id",
            Map.of("id", crisisId),
            (rs, i) -> crisisRow(rs))
        .stream()
        .findFirst();
  }

  public List<Decision> decisions(String crisisId) {
    return jdbc.query(
        "select * from decision where crisis_id = :id order by decided_at, event_id",
        Map.of("id", crisisId),
        (rs, i) ->
            new Decision()
                .decision(rs.getString("decision"))
                .decidedBy(rs.getString("decided_by"))
                .decidedAt(time(rs, "decided_at"))
                .motivation(rs.getString("motivation"))
                .task(rs.getString("task_name")));
  }

  /** The open incidents of a crisis, oldest first. */
  public List<nl.knooppunt.api.model.ProcessIncident> incidentsOf(String crisisId) {
    return jdbc.query(
        "select * from incident where crisis_id = :id and resolved_at is null order by created_at",
        Map.of("id", crisisId),
        (rs, i) -> incident(rs));
  }

  /** A stuck step with the crisis it stops. */
  public record StuckStep(
      String crisisId, String crisisTitle, nl.knooppunt.api.model.ProcessIncident incident) {}

  /** Every open incident of the world, oldest first (for the duty officer and the beheerder). */
  public List<StuckStep> stuckSteps(boolean exercise) {
    return jdbc.query(
        "select i.*, c.title as crisis_title from incident i left join crisis c on c.crisis_id ="
            + " i.crisis_id where i.exercise = :exercise and i.resolved_at is null order by"
            + " i.created_at",
        Map.of("exercise", exercise),
        (rs, i) ->
            new StuckStep(rs.getString("crisis_id"), rs.getString("crisis_title"), incident(rs)));
  }

  private static nl.knooppunt.api.model.ProcessIncident incident(ResultSet rs) throws SQLException {
    Long pik = (Long) rs.getObject("process_instance_key");
    return new nl.knooppunt.api.model.ProcessIncident(
            String.valueOf(rs.getLong("incident_key")), time(rs, "created_at"))
        .processInstanceKey(pik == null ? null : pik.toString())
        .process(rs.getString("process_id"))
        .elementId(rs.getString("element_id"))
        .step(rs.getString("step"))
        .errorType(rs.getString("error_type"))
        .error(brief(rs.getString("error_message")));
  }

  /** Longest error text a page shows; the logbook keeps the whole message. */
  static final int BRIEF = 240;

  /**
   * An engine's or worker's error as a person can read it: its first line, data it quotes left out,
   * at most {@link #BRIEF} characters (a worker's exception can carry a whole JSON document and a
   * stack trace).
   */
  public static String brief(String message) {
    if (message == null) {
      return null;
    }
    String line = message.strip().lines().findFirst().orElse("");
    int trace = line.indexOf(" at ");
    if (trace > 0) {
      line = line.substring(0, trace);
    }
    line = line.replaceAll("'\\{.*}'", "'…'").replaceAll("\\{\"[^}]{40,}}", "{…}");
    return line.length() <= BRIEF ? line : line.substring(0, BRIEF - 1).strip() + "…";
  }

  /** The keys of the incidents the read model shows as open (any world). */
  public List<Long> openIncidentKeys() {
    return jdbc.queryForList(
        "select incident_key from incident where resolved_at is null", Map.of(), Long.class);
  }

  /** The crisis an incident stops, if known. */
  public Optional<String> incidentCrisis(long incidentKey) {
    return jdbc
        .queryForList(
            "select crisis_id from incident where incident_key = :k and crisis_id is not null",
            Map.of("k", incidentKey),
            String.class)
        .stream()
        .findFirst();
  }

  /** The crisis a process instance belongs to, when the read model has seen it. */
  public Optional<String> crisisOfProcessInstance(long processInstanceKey) {
    return jdbc
        .queryForList(
            "select crisis_id from process_instance where process_instance_key = :k union all"
                + " select crisis_id from crisis where process_instance_key = :k",
            Map.of("k", processInstanceKey),
            String.class)
        .stream()
        .findFirst();
  }

  /** The display names of the people the gateway saw act, by username. */
  public Map<String, String> people() {
    Map<String, String> out = new LinkedHashMap<>();
    jdbc.query(
        "select username, display_name from person",
        Map.of(),
        rs -> {
          out.put(rs.getString(1), rs.getString(2));
        });
    return out;
  }

  @SuppressWarnings("unchecked")
  public Map<String, Object> jsonMap(String text) {
    if (text == null || text.isBlank()) {
      return new LinkedHashMap<>();
    }
    try {
      return json.readValue(text, LinkedHashMap.class);
    } catch (Exception e) {
      return new LinkedHashMap<>(Map.of("raw", text));
    }
  }
}
