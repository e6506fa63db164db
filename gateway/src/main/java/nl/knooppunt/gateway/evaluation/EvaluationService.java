package nl.knooppunt.gateway.evaluation;

import java.time.Duration;
import java.util.List;
import nl.knooppunt.api.model.EvaluationReport;
import nl.knooppunt.api.model.LogbookEntry;
import nl.knooppunt.api.model.Notification;
import nl.knooppunt.api.model.StepDuration;
import nl.knooppunt.api.model.TaskState;
import nl.knooppunt.api.model.TaskSummary;
import nl.knooppunt.gateway.logbook.LogbookEntries;
import nl.knooppunt.gateway.notification.NotificationQueries;
import nl.knooppunt.gateway.readmodel.Queries;
import nl.knooppunt.gateway.scope.CrisisScope;
import nl.knooppunt.gateway.task.TaskQueries;
import nl.knooppunt.processes.Form;
import nl.knooppunt.processes.events.EventType;
import nl.knooppunt.processes.events.FactRecorded;
import org.springframework.stereotype.Service;

/** The data of a crisis's evaluation report, for the API and the evaluation page alike. */
@Service
public class EvaluationService {

  private final Queries queries;
  private final CrisisScope scope;
  private final LogbookEntries entries;
  private final TaskQueries taskQueries;
  private final NotificationQueries notices;

  EvaluationService(
      Queries queries,
      CrisisScope scope,
      LogbookEntries entries,
      TaskQueries taskQueries,
      NotificationQueries notices) {
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
   * The evaluation report of a crisis the user may read (404 otherwise): its timeline as the user
   * may read it, silences, escalations, steps and lessons.
   */
  public EvaluationReport report(String crisisId) {
    Queries.CrisisRow c = scope.crisis(crisisId);
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
    }
    List<Notification> notifications = notices.notificationsOf(crisisId);
    r.setNotificationsSent(notifications.size());
    r.setNotificationsAcknowledged(
        (int) notifications.stream().filter(n -> n.getAcknowledgedAt() != null).count());
    return r;
  }
}
