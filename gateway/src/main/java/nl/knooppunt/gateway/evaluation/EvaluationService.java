package nl.knooppunt.gateway.evaluation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import nl.knooppunt.api.model.EvaluationReport;
import nl.knooppunt.api.model.EvaluationSharing;
import nl.knooppunt.api.model.FieldError;
import nl.knooppunt.api.model.ImprovementAction;
import nl.knooppunt.api.model.ImprovementActionProposal;
import nl.knooppunt.api.model.LogbookEntry;
import nl.knooppunt.api.model.Notification;
import nl.knooppunt.api.model.StepDuration;
import nl.knooppunt.api.model.TaskState;
import nl.knooppunt.api.model.TaskSummary;
import nl.knooppunt.gateway.events.OutboxPublisher;
import nl.knooppunt.gateway.events.Sources;
import nl.knooppunt.gateway.logbook.LogbookEntries;
import nl.knooppunt.gateway.notification.NotificationQueries;
import nl.knooppunt.gateway.readmodel.Queries;
import nl.knooppunt.gateway.scope.CrisisScope;
import nl.knooppunt.gateway.security.AccessPolicy;
import nl.knooppunt.gateway.security.CurrentUsers;
import nl.knooppunt.gateway.security.KnooppuntUser;
import nl.knooppunt.gateway.security.Rol;
import nl.knooppunt.gateway.task.TaskQueries;
import nl.knooppunt.gateway.web.Problems;
import nl.knooppunt.processes.Form;
import nl.knooppunt.processes.ProcessId;
import nl.knooppunt.processes.events.CloudEvent;
import nl.knooppunt.processes.events.EvaluationShared;
import nl.knooppunt.processes.events.EventType;
import nl.knooppunt.processes.events.FactRecorded;
import nl.knooppunt.processes.events.ImprovementActionDone;
import nl.knooppunt.processes.events.ImprovementActionRecorded;
import nl.knooppunt.processes.events.ImprovementActionStatusChanged;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The evaluation of a crisis, for the API and the evaluation page alike: the report, its
 * improvement actions (open until someone marks them done) and with which regions it is shared. A
 * manhunt and its linked level 5 have one evaluation (docs/adr/0030): its actions and sharing are
 * kept under the manhunt, and the report of either shows both timelines.
 */
@Service
public class EvaluationService {

  private final Queries queries;
  private final CrisisScope scope;
  private final LogbookEntries entries;
  private final TaskQueries taskQueries;
  private final NotificationQueries notices;
  private final JdbcTemplate jdbc;
  private final OutboxPublisher publisher;

  /** The days of due dates are Dutch days. */
  static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

  EvaluationService(
      Queries queries,
      CrisisScope scope,
      LogbookEntries entries,
      TaskQueries taskQueries,
      NotificationQueries notices,
      JdbcTemplate jdbc,
      OutboxPublisher publisher) {
    this.jdbc = jdbc;
    this.publisher = publisher;
    this.notices = notices;
    this.taskQueries = taskQueries;
    this.entries = entries;
    this.queries = queries;
    this.scope = scope;
  }

  /**
   * Silence recorded: no reaction within the SLA (a region, an offer round): a {@link FactRecorded}
   * whose fact is a silence.
   */
  static boolean isSilence(LogbookEntry e) {
    return EventType.LOGBOEK_FEIT.type().equals(e.getType())
        && e.getData() != null
        && String.valueOf(e.getData().get("fact")).startsWith("STILZWIJGEN");
  }

  /** An escalation: an SLA escalation, or a notice sent again to the fallback contact. */
  static boolean isEscalation(LogbookEntry e) {
    return EventType.SLA_ESCALATIE.type().equals(e.getType())
        || EventType.MELDING_FALLBACK_VERSTUURD.type().equals(e.getType());
  }

  /**
   * The evaluation report of a crisis the user may read (404 otherwise): its timeline, silences,
   * escalations, steps and lessons; with the linked crisis's timeline, lessons and aftercare when a
   * manhunt and its level 5 are evaluated together; the improvement actions and the sharing. A
   * region reads it only once it is shared with that region (before: 404, as if it did not exist).
   */
  public EvaluationReport report(String crisisId) {
    Queries.CrisisRow c = scope.crisis(crisisId);
    Pair pair = pair(c);
    requireReadable(pair);
    EvaluationReport r = single(c);
    pair.other(crisisId)
        .ifPresent(
            other -> {
              EvaluationReport linked = single(other);
              r.setLinkedCrisis(other.summary());
              r.setLinkedTimeline(linked.getTimeline());
              if (linked.getLessons() != null) {
                linked.getLessons().forEach(r::addLessonsItem);
              }
              if (linked.getAftercare() != null) {
                linked.getAftercare().forEach(r::addAftercareItem);
              }
            });
    r.setActions(actionsOf(pair.evaluationId()));
    r.setSharing(sharing(pair));
    return r;
  }

  private EvaluationReport single(Queries.CrisisRow c) {
    String crisisId = c.summary().getCrisisId();
    List<LogbookEntry> timeline = entries.ofCrisis(crisisId);
    EvaluationReport r = new EvaluationReport(c.summary());
    r.setTimeline(timeline);
    r.setSilences(timeline.stream().filter(EvaluationService::isSilence).toList());
    r.setEscalations(timeline.stream().filter(EvaluationService::isEscalation).toList());
    for (TaskQueries.TaskRow row : taskQueries.tasksOf(crisisId)) {
      TaskSummary t = row.summary();
      StepDuration s =
          new StepDuration()
              .taskKey(t.getTaskKey())
              .name(t.getName())
              .elementId(t.getElementId())
              .state(t.getState())
              .createdAt(t.getCreatedAt())
              .dueAt(t.getDueAt())
              .endedAt(t.getCompletedAt())
              .completedBy(t.getCompletedBy())
              .sla(row.sla());
      if (t.getCreatedAt() != null && t.getCompletedAt() != null) {
        s.durationSeconds(Duration.between(t.getCreatedAt(), t.getCompletedAt()).toSeconds());
        if (t.getState() == TaskState.COMPLETED) {
          // a task that was cancelled (an offer no longer needed, a call made moot) was not done:
          // it is neither within nor outside its norm
          s.withinSla(t.getDueAt() == null || !t.getCompletedAt().isAfter(t.getDueAt()));
        }
      }
      r.addStepsItem(s);
      if (Form.EVALUATIE.key().equals(t.getFormKey()) && row.completionData() != null) {
        r.addLessonsItem(queries.jsonMap(row.completionData()));
      }
      if (Form.NAZORG.key().equals(t.getFormKey()) && row.completionData() != null) {
        r.addAftercareItem(queries.jsonMap(row.completionData()));
      }
    }
    List<Notification> notifications = notices.notificationsOf(crisisId);
    r.setNotificationsSent(notifications.size());
    r.setNotificationsAcknowledged(
        (int) notifications.stream().filter(n -> n.getAcknowledgedAt() != null).count());
    return r;
  }

  /**
   * A manhunt and its linked level 5, evaluated together under the manhunt's id; any other crisis
   * alone.
   */
  record Pair(Queries.CrisisRow evaluated, Queries.CrisisRow linked) {
    String evaluationId() {
      return evaluated.summary().getCrisisId();
    }

    Optional<Queries.CrisisRow> other(String crisisId) {
      if (linked == null) {
        return Optional.empty();
      }
      return Optional.of(crisisId.equals(evaluationId()) ? linked : evaluated);
    }

    /** The regions involved in either crisis. */
    List<String> regions() {
      Set<String> all = new LinkedHashSet<>();
      if (evaluated.summary().getRegions() != null) {
        all.addAll(evaluated.summary().getRegions());
      }
      if (linked != null && linked.summary().getRegions() != null) {
        all.addAll(linked.summary().getRegions());
      }
      return all.stream().sorted().toList();
    }

    boolean exercise() {
      return Boolean.TRUE.equals(evaluated.summary().getExercise());
    }
  }

  Pair pair(Queries.CrisisRow c) {
    String dn5 = ProcessId.DREIGINGSNIVEAU_5.id();
    String manhunt = ProcessId.MANHUNT.id();
    if (dn5.equals(c.processId()) && c.linkedCrisisId() != null) {
      Optional<Queries.CrisisRow> m = queries.crisis(c.linkedCrisisId());
      if (m.isPresent() && manhunt.equals(m.get().processId())) {
        return new Pair(m.get(), c);
      }
    }
    if (manhunt.equals(c.processId())) {
      List<String> linked =
          jdbc.queryForList(
              "select crisis_id from crisis where linked_crisis_id = ? and process_id = ? order by"
                  + " started_at limit 1",
              String.class,
              c.summary().getCrisisId(),
              dn5);
      if (!linked.isEmpty()) {
        return new Pair(c, queries.crisis(linked.get(0)).orElse(null));
      }
    }
    return new Pair(c, null);
  }

  /**
   * The id under which the evaluation of this crisis is kept (for a linked level 5: its manhunt).
   */
  public String evaluationId(String crisisId) {
    return pair(scope.crisis(crisisId)).evaluationId();
  }

  /**
   * A region reads an evaluation only when it was shared with it; national readers always. Anything
   * else is 404: a region learns nothing of an evaluation not (yet) shared with it.
   */
  private void requireReadable(Pair pair) {
    Optional<KnooppuntUser> signedIn = CurrentUsers.signedIn();
    if (signedIn.isEmpty() || AccessPolicy.isNationalReader(signedIn.get())) {
      return;
    }
    KnooppuntUser user = signedIn.get();
    EvaluationSharing shared = sharing(pair);
    if (!user.has(Rol.REGIO)
        || user.vrCode() == null
        || !Boolean.TRUE.equals(shared.getShared())
        || !shared.getRegions().contains(user.vrCode())) {
      throw new Problems.NotFound(
          "Er is geen evaluatie van crisis " + pair.evaluationId() + " met uw regio gedeeld.");
    }
  }

  /** Whether the signed-in user may read the evaluation of this crisis (for links on pages). */
  public boolean readable(String crisisId) {
    try {
      requireReadable(pair(scope.crisis(crisisId)));
      return true;
    } catch (Problems.NotFound e) {
      return false;
    }
  }

  // --- improvement actions

  /** The improvement actions of the evaluation of this crisis: open first, by due date. */
  public List<ImprovementAction> actions(String crisisId) {
    return actionsOf(pair(scope.crisis(crisisId)).evaluationId());
  }

  private List<ImprovementAction> actionsOf(String evaluationId) {
    return jdbc.query(
        ACTION_SELECT
            + " where a.crisis_id = ? order by a.status in ('AFGEROND', 'VERVALLEN'), a.due_date,"
            + " a.created_at",
        (rs, i) -> action(rs),
        evaluationId);
  }

  /** Every open improvement action of real crises (or of exercises), by due date. */
  public List<ImprovementAction> openActions(boolean exercise) {
    return jdbc.query(
        ACTION_SELECT
            + " where a.status in ('OPEN', 'IN_UITVOERING') and a.exercise = ? order by"
            + " a.due_date, a.created_at",
        (rs, i) -> action(rs),
        exercise);
  }

  /** How many open improvement actions of real crises (or of exercises) are past their date. */
  public int overdueCount(boolean exercise) {
    Integer n =
        jdbc.queryForObject(
            "select count(*) from improvement_action where status in ('OPEN', 'IN_UITVOERING')"
                + " and exercise = ? and due_date < ?",
            Integer.class,
            exercise,
            java.sql.Date.valueOf(today()));
    return n == null ? 0 : n;
  }

  /** Records an improvement action of the evaluation of this crisis (logbook: who and when). */
  public ImprovementAction addAction(String crisisId, ImprovementActionProposal proposal) {
    Pair pair = pair(scope.crisis(crisisId));
    List<FieldError> errors = new ArrayList<>();
    String text = proposal.getText() == null ? "" : proposal.getText().strip();
    String owner = proposal.getOwner() == null ? "" : proposal.getOwner().strip();
    if (text.isEmpty()) {
      errors.add(new FieldError("text", "Beschrijf de verbeteractie."));
    } else if (text.length() > 500) {
      errors.add(new FieldError("text", "De actie is te lang (hooguit 500 tekens)."));
    }
    if (owner.isEmpty()) {
      errors.add(new FieldError("owner", "Geef de eigenaar (rol of organisatie)."));
    } else if (owner.length() > 200) {
      errors.add(new FieldError("owner", "De eigenaar is te lang (hooguit 200 tekens)."));
    }
    if (proposal.getDueDate() == null) {
      errors.add(new FieldError("dueDate", "Geef de datum waarop de actie gereed moet zijn."));
    }
    String finding = clean(proposal.getFinding());
    String lesson = clean(proposal.getLesson());
    String step = clean(proposal.getStep());
    if (finding != null && finding.length() > 2000) {
      errors.add(new FieldError("finding", "De bevinding is te lang (hooguit 2000 tekens)."));
    }
    if (lesson != null && lesson.length() > 2000) {
      errors.add(new FieldError("lesson", "De les is te lang (hooguit 2000 tekens)."));
    }
    if (step != null && !nl.knooppunt.gateway.learning.ProcedureStep.known(step)) {
      errors.add(new FieldError("step", "Kies een processtap uit de lijst."));
    }
    List<String> tags =
        proposal.getTags() == null
            ? List.of()
            : proposal.getTags().stream()
                .map(nl.knooppunt.gateway.learning.Tags::normal)
                .filter(t -> !t.isEmpty())
                .distinct()
                .toList();
    if (tags.size() > 20 || tags.stream().anyMatch(t -> t.length() > 50)) {
      errors.add(new FieldError("tags", "Hooguit 20 trefwoorden van hooguit 50 tekens."));
    }
    if (!errors.isEmpty()) {
      throw new Problems.Invalid(
          String.join(" ", errors.stream().map(FieldError::getMessage).toList()), errors);
    }
    KnooppuntUser user = CurrentUsers.current();
    String actionId = pair.evaluationId() + "-VA-" + UUID.randomUUID().toString().substring(0, 8);
    publisher.publish(
        CloudEvent.of(
                "verbeteractie/" + actionId,
                EventType.VERBETERACTIE_VASTGELEGD,
                Sources.GATEWAY,
                Instant.now(),
                pair.evaluationId(),
                pair.exercise(),
                new ImprovementActionRecorded(
                    actionId,
                    text,
                    owner,
                    proposal.getDueDate().toString(),
                    finding,
                    lesson,
                    step,
                    tags,
                    Boolean.TRUE.equals(proposal.getShared())))
            .by(user.username(), null));
    return action(actionId).orElseThrow();
  }

  /** Marks an open action done (logbook: who and when); 409 when it was done already. */
  public ImprovementAction completeAction(String crisisId, String actionId, String note) {
    Pair pair = pair(scope.crisis(crisisId));
    ImprovementAction a =
        action(actionId)
            .filter(x -> x.getCrisisId().equals(pair.evaluationId()))
            .orElseThrow(
                () ->
                    new Problems.NotFound(
                        "Verbeteractie " + actionId + " hoort niet bij crisis " + crisisId + "."));
    return complete(a, note);
  }

  /**
   * One improvement action by its id, for its owner's page (docs/adr/0044): the caller decides who
   * may see it; 404 when there is none.
   */
  public ImprovementAction actionById(String actionId) {
    return action(actionId)
        .orElseThrow(() -> new Problems.NotFound("Verbeteractie " + actionId + " is onbekend."));
  }

  /** Marks an open action done (the caller checked who may); 409 when it was done already. */
  public ImprovementAction complete(ImprovementAction a, String note) {
    String actionId = a.getActionId();
    if (!isOpen(a.getStatus())) {
      throw new Problems.Conflict(
          "Verbeteractie " + actionId + " is al " + statusWord(a.getStatus()) + ".");
    }
    KnooppuntUser user = CurrentUsers.current();
    String cleanNote = note == null || note.isBlank() ? null : note.strip();
    publisher.publish(
        CloudEvent.of(
                "verbeteractie-afgerond/" + actionId,
                EventType.VERBETERACTIE_AFGEROND,
                Sources.GATEWAY,
                Instant.now(),
                a.getCrisisId(),
                Boolean.TRUE.equals(a.getExercise()),
                new ImprovementActionDone(actionId, cleanNote))
            .by(user.username(), null));
    return action(actionId).orElseThrow();
  }

  /**
   * Takes an open action in hand ({@code IN_UITVOERING}) or drops it ({@code VERVALLEN}, with the
   * reason; logbook: who and when); 409 when it is done or dropped already.
   */
  public ImprovementAction changeStatus(
      String crisisId, String actionId, String status, String reason) {
    Pair pair = pair(scope.crisis(crisisId));
    ImprovementAction a =
        action(actionId)
            .filter(x -> x.getCrisisId().equals(pair.evaluationId()))
            .orElseThrow(
                () ->
                    new Problems.NotFound(
                        "Verbeteractie " + actionId + " hoort niet bij crisis " + crisisId + "."));
    return changeStatus(a, status, reason);
  }

  /**
   * Takes an open action in hand or drops it with the reason (the caller checked who may); 409 when
   * it is done or dropped already.
   */
  public ImprovementAction changeStatus(ImprovementAction a, String status, String reason) {
    String actionId = a.getActionId();
    String cleanReason = clean(reason);
    if (!ImprovementActionStatusChanged.IN_PROGRESS.equals(status)
        && !ImprovementActionStatusChanged.DROPPED.equals(status)) {
      throw Problems.Invalid.field("status", "Kies in uitvoering of vervallen.");
    }
    if (ImprovementActionStatusChanged.DROPPED.equals(status) && cleanReason == null) {
      throw Problems.Invalid.field("reason", "Geef de reden waarom de actie vervalt.");
    }
    if (cleanReason != null && cleanReason.length() > 1000) {
      throw Problems.Invalid.field("reason", "De reden is te lang (hooguit 1000 tekens).");
    }
    if (!isOpen(a.getStatus())) {
      throw new Problems.Conflict(
          "Verbeteractie " + actionId + " is al " + statusWord(a.getStatus()) + ".");
    }
    if (a.getStatus().getValue().equals(status)) {
      return a;
    }
    KnooppuntUser user = CurrentUsers.current();
    publisher.publish(
        CloudEvent.of(
                "verbeteractie-status/" + actionId + "/" + status,
                EventType.VERBETERACTIE_STATUS_GEWIJZIGD,
                Sources.GATEWAY,
                Instant.now(),
                a.getCrisisId(),
                Boolean.TRUE.equals(a.getExercise()),
                new ImprovementActionStatusChanged(actionId, status, cleanReason))
            .by(user.username(), null));
    return action(actionId).orElseThrow();
  }

  /** Open or in progress: still to be done. */
  static boolean isOpen(ImprovementAction.StatusEnum status) {
    return status == ImprovementAction.StatusEnum.OPEN
        || status == ImprovementAction.StatusEnum.IN_UITVOERING;
  }

  static String statusWord(ImprovementAction.StatusEnum status) {
    return switch (status) {
      case OPEN -> "open";
      case IN_UITVOERING -> "in uitvoering";
      case AFGEROND -> "afgerond";
      case VERVALLEN -> "vervallen";
    };
  }

  private static String clean(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  private Optional<ImprovementAction> action(String actionId) {
    return jdbc
        .query(ACTION_SELECT + " where a.action_id = ?", (rs, i) -> action(rs), actionId)
        .stream()
        .findFirst();
  }

  private static final String ACTION_SELECT =
      "select a.*, c.title from improvement_action a left join crisis c on c.crisis_id ="
          + " a.crisis_id";

  static LocalDate today() {
    return LocalDate.now(ZONE);
  }

  private static ImprovementAction action(ResultSet rs) throws SQLException {
    LocalDate due = rs.getObject("due_date", LocalDate.class);
    ImprovementAction.StatusEnum status =
        ImprovementAction.StatusEnum.fromValue(rs.getString("status"));
    return new ImprovementAction(
            rs.getString("action_id"),
            rs.getString("crisis_id"),
            rs.getString("text"),
            rs.getString("owner"),
            due,
            status,
            isOpen(status) && due.isBefore(today()))
        .crisisTitle(rs.getString("title"))
        .exercise(rs.getBoolean("exercise"))
        .createdBy(
            Optional.ofNullable(rs.getString("created_by_name")).orElse(rs.getString("created_by")))
        .createdAt(Queries.time(rs, "created_at"))
        .doneBy(Optional.ofNullable(rs.getString("done_by_name")).orElse(rs.getString("done_by")))
        .doneAt(Queries.time(rs, "done_at"))
        .doneNote(rs.getString("done_note"))
        .statusReason(rs.getString("status_reason"))
        .finding(rs.getString("finding"))
        .lesson(rs.getString("lesson"))
        .step(rs.getString("step"))
        .tags(Queries.array(rs, "tags"))
        .shared(rs.getBoolean("shared"));
  }

  // --- sharing with the regions in scope

  /** With whom the evaluation of this crisis is shared (nobody yet: {@code shared} false). */
  public EvaluationSharing sharing(String crisisId) {
    return sharing(pair(scope.crisis(crisisId)));
  }

  private EvaluationSharing sharing(Pair pair) {
    List<EvaluationSharing> rows =
        jdbc.query(
            "select * from evaluation_share where crisis_id = ?",
            (rs, i) ->
                new EvaluationSharing(true)
                    .regions(Queries.array(rs, "regions"))
                    .sharedBy(
                        Optional.ofNullable(rs.getString("shared_by_name"))
                            .orElse(rs.getString("shared_by")))
                    .sharedAt(Queries.time(rs, "shared_at")),
            pair.evaluationId());
    return rows.isEmpty() ? new EvaluationSharing(false).regions(pair.regions()) : rows.get(0);
  }

  /**
   * Shares the evaluation with the regions involved in the crisis (both crises of a manhunt with
   * its level 5); once: sharing again changes nothing.
   */
  public EvaluationSharing share(String crisisId) {
    Pair pair = pair(scope.crisis(crisisId));
    KnooppuntUser user = CurrentUsers.current();
    publisher.publish(
        CloudEvent.of(
                "evaluatie-gedeeld/" + pair.evaluationId(),
                EventType.EVALUATIE_GEDEELD,
                Sources.GATEWAY,
                Instant.now(),
                pair.evaluationId(),
                pair.exercise(),
                new EvaluationShared(pair.regions()))
            .by(user.username(), null));
    return sharing(pair);
  }
}
