package nl.knooppunt.gateway.api;

import java.time.Duration;
import java.util.List;
import nl.knooppunt.api.CrisesApi;
import nl.knooppunt.api.model.CrisisDetail;
import nl.knooppunt.api.model.CrisisPage;
import nl.knooppunt.api.model.CrisisStatusFilter;
import nl.knooppunt.api.model.CrisisType;
import nl.knooppunt.api.model.EvaluationReport;
import nl.knooppunt.api.model.LogbookEntry;
import nl.knooppunt.api.model.Notification;
import nl.knooppunt.api.model.StepDuration;
import nl.knooppunt.api.model.TaskState;
import nl.knooppunt.api.model.TaskSummary;
import nl.knooppunt.gateway.readmodel.Logbook;
import nl.knooppunt.gateway.readmodel.Queries;
import nl.knooppunt.gateway.web.Problems;
import nl.knooppunt.processes.Form;
import nl.knooppunt.processes.events.EventType;
import nl.knooppunt.processes.events.FactRecorded;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/** Crises: list, detail, timeline (logbook) and the data of the evaluation report. */
@RestController
public class CrisisController implements CrisesApi {

  private final Queries queries;
  private final Logbook logbook;

  CrisisController(Queries queries, Logbook logbook) {
    this.queries = queries;
    this.logbook = logbook;
  }

  Queries.CrisisRow crisis(String crisisId) {
    return queries
        .crisis(crisisId)
        .orElseThrow(() -> new Problems.NotFound("Crisis " + crisisId + " is onbekend."));
  }

  @Override
  public ResponseEntity<CrisisPage> listCrises(
      CrisisType type,
      CrisisStatusFilter status,
      String region,
      Boolean exercise,
      Integer page,
      Integer size) {
    Boolean closed = status == null ? null : status == CrisisStatusFilter.CLOSED;
    return ResponseEntity.ok(
        queries.crises(
            type,
            closed,
            region,
            Boolean.TRUE.equals(exercise),
            page == null ? 0 : page,
            size == null ? 50 : size));
  }

  @Override
  public ResponseEntity<CrisisDetail> getCrisis(String crisisId) {
    Queries.CrisisRow c = crisis(crisisId);
    CrisisDetail d = new CrisisDetail(c.summary());
    d.setLinkedCrisisId(c.linkedCrisisId());
    d.setStartData(queries.jsonMap(c.startData()));
    d.setOpenTasks(queries.openTasksOf(crisisId));
    d.setDecisions(queries.decisions(crisisId));
    d.setThreatLevels(
        queries.threatLevels(Boolean.TRUE.equals(c.summary().getExercise()), crisisId));
    d.setIncidents(queries.incidentsOf(crisisId));
    return ResponseEntity.ok(d);
  }

  @Override
  public ResponseEntity<List<LogbookEntry>> getCrisisTimeline(String crisisId) {
    crisis(crisisId);
    return ResponseEntity.ok(logbook.ofCrisis(crisisId).stream().map(queries::entry).toList());
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

  @Override
  public ResponseEntity<EvaluationReport> getEvaluationReport(String crisisId) {
    Queries.CrisisRow c = crisis(crisisId);
    List<LogbookEntry> timeline = logbook.ofCrisis(crisisId).stream().map(queries::entry).toList();
    EvaluationReport r = new EvaluationReport(c.summary());
    r.setTimeline(timeline);
    r.setSilences(timeline.stream().filter(CrisisController::isSilence).toList());
    r.setEscalations(timeline.stream().filter(CrisisController::isEscalation).toList());
    for (Queries.TaskRow row : queries.tasksOf(crisisId)) {
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
    }
    List<Notification> notifications = queries.notificationsOf(crisisId);
    r.setNotificationsSent(notifications.size());
    r.setNotificationsAcknowledged(
        (int) notifications.stream().filter(n -> n.getAcknowledgedAt() != null).count());
    return ResponseEntity.ok(r);
  }
}
