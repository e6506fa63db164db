package nl.knooppunt.gateway.readmodel;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.knooppunt.api.model.AcknowledgementLag;
import nl.knooppunt.api.model.Area;
import nl.knooppunt.api.model.CrisisPage;
import nl.knooppunt.api.model.CrisisSummary;
import nl.knooppunt.api.model.CrisisType;
import nl.knooppunt.api.model.Dashboard;
import nl.knooppunt.api.model.Decision;
import nl.knooppunt.api.model.LogbookEntry;
import nl.knooppunt.api.model.Notification;
import nl.knooppunt.api.model.OpenAssistance;
import nl.knooppunt.api.model.TaskState;
import nl.knooppunt.api.model.TaskSummary;
import nl.knooppunt.api.model.ThreatLevel;
import nl.knooppunt.api.model.ThreatLevelChange;
import nl.knooppunt.api.model.TypeCount;
import nl.knooppunt.gateway.logbook.Logbook;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads the read model into the API's types. */
@Component
public class Queries {

  private static final String CRISIS_SELECT =
      "select c.*, (select count(*) from task t where t.crisis_id = c.crisis_id and t.state ="
          + " 'OPEN') as open_tasks, (select min(t.due_at) from task t where t.crisis_id ="
          + " c.crisis_id and t.state = 'OPEN') as next_due, (select count(distinct"
          + " coalesce(n.recipient_code, n.notification_id)) from notification n where n.crisis_id"
          + " = c.crisis_id and n.requires_ack and n.acknowledged_at is null) as silent, (select"
          + " count(*) from incident i where i.crisis_id = c.crisis_id and i.resolved_at is null)"
          + " as stuck from crisis c";

  private static final String TASK_SELECT =
      "select t.*, c.title as crisis_title, c.started_at as crisis_started_at from task t left"
          + " join crisis c on c.crisis_id = t.crisis_id";

  private final NamedParameterJdbcTemplate jdbc;
  private final ObjectMapper json;
  private final Clock clock = Clock.systemUTC();

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

  private static List<String> array(ResultSet rs, String column) throws SQLException {
    Array a = rs.getArray(column);
    return a == null ? new ArrayList<>() : new ArrayList<>(Arrays.asList((String[]) a.getArray()));
  }

  private static OffsetDateTime time(ResultSet rs, String column) throws SQLException {
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

  private CrisisRow crisis(ResultSet rs) throws SQLException {
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

  public CrisisPage crises(
      CrisisType type, Boolean closed, String region, boolean exercise, int page, int size) {
    MapSqlParameterSource p =
        new MapSqlParameterSource()
            .addValue("type", type == null ? null : type.getValue())
            .addValue("closed", closed)
            .addValue("region", region)
            .addValue("exercise", exercise)
            .addValue("limit", size)
            .addValue("offset", (long) page * size);
    String where =
        " where c.exercise = :exercise and (cast(:type as text) is null or c.process_id = :type)"
            + " and (cast(:closed as boolean) is null or c.closed = :closed) and (cast(:region as"
            + " text) is null or :region = any(c.regions))";
    List<CrisisSummary> items =
        jdbc.query(
            CRISIS_SELECT
                + where
                + " order by c.started_at desc nulls last, c.crisis_id limit :limit offset :offset",
            p,
            (rs, i) -> crisis(rs).summary());
    Long total = jdbc.queryForObject("select count(*) from crisis c" + where, p, Long.class);
    return new CrisisPage(items, page, size, total == null ? 0 : total);
  }

  public Optional<CrisisRow> crisis(String crisisId) {
    return jdbc
        .query(
            CRISIS_SELECT + " where c.crisis_id = :id",
            Map.of("id", crisisId),
            (rs, i) -> crisis(rs))
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

  // --- tasks

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

  // --- notifications

  private Notification notification(ResultSet rs) throws SQLException {
    OffsetDateTime ack = time(rs, "acknowledged_at");
    OffsetDateTime escalated = time(rs, "escalated_at");
    boolean requiresAck = rs.getBoolean("requires_ack");
    Notification.StatusEnum status =
        ack != null
            ? Notification.StatusEnum.BEVESTIGD
            : !requiresAck
                ? Notification.StatusEnum.GEEN_BEVESTIGING_NODIG
                : escalated != null
                    ? Notification.StatusEnum.GEESCALEERD
                    : Notification.StatusEnum.VERSTUURD;
    Integer round = (Integer) rs.getObject("round");
    Notification n =
        new Notification()
            .notificationId(rs.getString("notification_id"))
            .crisisId(rs.getString("crisis_id"))
            .recipientCode(rs.getString("recipient_code"))
            .recipientName(rs.getString("recipient_name"))
            .municipalityCode(rs.getString("municipality_code"))
            .vrCode(rs.getString("vr_code"))
            .kind(rs.getString("kind"))
            .channel(rs.getString("channel"))
            .round(round)
            .requiresAck(requiresAck)
            .exercise(rs.getBoolean("exercise"))
            .status(status)
            .sentAt(time(rs, "sent_at"))
            .acknowledgedAt(ack)
            .acknowledgedBy(rs.getString("acknowledged_by"))
            .escalatedAt(escalated)
            .fallbackSentAt(time(rs, "fallback_at"))
            .roundRef(rs.getString("round_ref"))
            .subject(rs.getString("subject"))
            .text(rs.getString("body"))
            .crisisTitle(rs.getString("crisis_title"));
    Map<String, Object> details = jsonMap(rs.getString("details"));
    n.area(string(details.get("gebied")))
        .validUntil(offsetTime(string(details.get("geldigTot"))))
        .level(details.get("niveau") instanceof Number l ? l.intValue() : null)
        .expected(string(details.get("verwachting")))
        .contact(string(details.get("contact")));
    return n;
  }

  private static String string(Object o) {
    return o == null ? null : o.toString();
  }

  private static OffsetDateTime offsetTime(String iso) {
    return Projector.time(iso);
  }

  private static final String NOTIFICATION_SELECT =
      "select n.*, c.title as crisis_title from notification n left join crisis c on c.crisis_id ="
          + " n.crisis_id";

  public List<Notification> notificationsOf(String crisisId) {
    return jdbc.query(
        NOTIFICATION_SELECT
            + " where n.crisis_id = :id order by n.sent_at nulls last, n.notification_id",
        Map.of("id", crisisId),
        (rs, i) -> notification(rs));
  }

  /**
   * Per crisis the names of the first {@code limit} recipients that have not acknowledged a
   * notification that needs it (in the order they were sent): who is silent, for the board.
   */
  public Map<String, List<String>> silentRecipientNames(List<String> crisisIds, int limit) {
    Map<String, List<String>> names = new LinkedHashMap<>();
    if (crisisIds.isEmpty()) {
      return names;
    }
    MapSqlParameterSource p =
        new MapSqlParameterSource()
            .addValue("ids", crisisIds.toArray(String[]::new))
            .addValue("limit", limit);
    jdbc.query(
        "select crisis_id, name from (select crisis_id, name, row_number() over (partition by"
            + " crisis_id order by first_sent nulls last, name) as n from (select crisis_id,"
            + " coalesce(recipient_name, recipient_code) as name, min(sent_at) as first_sent from"
            + " notification where crisis_id = any(cast(:ids as text[])) and requires_ack and"
            + " acknowledged_at is null group by crisis_id, coalesce(recipient_name,"
            + " recipient_code)) per_recipient) silent where n <= :limit order by crisis_id, n",
        p,
        rs -> {
          names.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
        });
    return names;
  }

  public Optional<Notification> notification(String id) {
    return jdbc
        .query(
            NOTIFICATION_SELECT + " where n.notification_id = :id",
            Map.of("id", id),
            (rs, i) -> notification(rs))
        .stream()
        .findFirst();
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
  static String brief(String message) {
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

  /**
   * The notices addressed to the given recipient codes: not yet acknowledged first, then the
   * newest.
   */
  public List<Notification> notificationsFor(
      java.util.Collection<String> recipientCodes, Boolean exercise, boolean open) {
    MapSqlParameterSource p =
        new MapSqlParameterSource()
            .addValue("codes", recipientCodes.toArray(String[]::new))
            .addValue("exercise", exercise)
            .addValue("open", open);
    return jdbc.query(
        NOTIFICATION_SELECT
            + " where n.recipient_code = any(cast(:codes as text[])) and (cast(:exercise as"
            + " boolean) is null or"
            + " n.exercise = :exercise) and (not :open or (n.requires_ack and n.acknowledged_at is"
            + " null)) order by (n.requires_ack and n.acknowledged_at is null) desc, n.sent_at desc"
            + " nulls last, n.notification_id limit 200",
        p,
        (rs, i) -> notification(rs));
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

  // --- threat levels

  public List<ThreatLevel> threatLevels(boolean exercise, String crisisId) {
    MapSqlParameterSource p =
        new MapSqlParameterSource().addValue("exercise", exercise).addValue("crisis", crisisId);
    return jdbc.query(
        "select * from threat_level where exercise = :exercise and (cast(:crisis as text) is null"
            + " or crisis_id = :crisis) order by area_code",
        p,
        (rs, i) ->
            new ThreatLevel()
                .areaCode(rs.getString("area_code"))
                .areaKind(rs.getString("area_kind"))
                .areaName(rs.getString("area_name"))
                .level(rs.getInt("level"))
                .crisisId(rs.getString("crisis_id"))
                .validFrom(time(rs, "valid_from"))
                .validUntil(time(rs, "valid_until"))
                .exercise(rs.getBoolean("exercise")));
  }

  public List<ThreatLevelChange> threatLevelHistory(String areaCode, boolean exercise) {
    MapSqlParameterSource p =
        new MapSqlParameterSource().addValue("area", areaCode).addValue("exercise", exercise);
    return jdbc.query(
        "select * from threat_level_change where exercise = :exercise and (cast(:area as text) is"
            + " null or area_code = :area) order by recorded_at desc, area_code",
        p,
        (rs, i) ->
            new ThreatLevelChange()
                .areaCode(rs.getString("area_code"))
                .areaName(rs.getString("area_name"))
                .level(rs.getInt("level"))
                .action(rs.getString("action"))
                .crisisId(rs.getString("crisis_id"))
                .validFrom(time(rs, "valid_from"))
                .validUntil(time(rs, "valid_until"))
                .exercise(rs.getBoolean("exercise"))
                .recordedAt(time(rs, "recorded_at")));
  }

  // --- dashboard

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

  // --- logbook entries

  public LogbookEntry entry(Logbook.Entry e) {
    LogbookEntry out =
        new LogbookEntry(
                e.sequence(),
                e.eventId(),
                e.type(),
                OffsetDateTime.ofInstant(e.occurredAt(), ZoneOffset.UTC))
            .crisisId(e.crisisId())
            .recordedAt(OffsetDateTime.ofInstant(e.recordedAt(), ZoneOffset.UTC))
            .actor(e.actor())
            .summary(e.summary())
            .exercise(e.exercise())
            .previousHash(e.previousHash())
            .hash(e.hash());
    out.setData(jsonMap(e.data()));
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
