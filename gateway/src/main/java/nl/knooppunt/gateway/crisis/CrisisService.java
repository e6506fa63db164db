package nl.knooppunt.gateway.crisis;

import java.util.List;
import nl.knooppunt.api.model.CrisisDetail;
import nl.knooppunt.api.model.CrisisPage;
import nl.knooppunt.api.model.CrisisStatusFilter;
import nl.knooppunt.api.model.CrisisType;
import nl.knooppunt.api.model.LogbookEntry;
import nl.knooppunt.gateway.logbook.LogbookEntries;
import nl.knooppunt.gateway.readmodel.Queries;
import nl.knooppunt.gateway.scope.CrisisScope;
import nl.knooppunt.gateway.task.TaskQueries;
import nl.knooppunt.gateway.threatlevel.ThreatLevelQueries;
import org.springframework.stereotype.Service;

/** Crises: list, detail and timeline (logbook), for the API and the pages alike. */
@Service
class CrisisService {

  private final Queries queries;
  private final CrisisScope scope;
  private final CrisisQueries crisisQueries;
  private final TaskQueries taskQueries;
  private final ThreatLevelQueries levels;
  private final LogbookEntries entries;

  CrisisService(
      Queries queries,
      CrisisScope scope,
      CrisisQueries crisisQueries,
      TaskQueries taskQueries,
      ThreatLevelQueries levels,
      LogbookEntries entries) {
    this.entries = entries;
    this.levels = levels;
    this.taskQueries = taskQueries;
    this.crisisQueries = crisisQueries;
    this.queries = queries;
    this.scope = scope;
  }

  /** The crisis, when the user may read it (404 otherwise: {@link CrisisScope}). */
  Queries.CrisisRow crisis(String crisisId) {
    return scope.crisis(crisisId);
  }

  CrisisPage list(
      CrisisType type,
      CrisisStatusFilter status,
      String region,
      Boolean exercise,
      Integer page,
      Integer size) {
    Boolean closed = status == null ? null : status == CrisisStatusFilter.CLOSED;
    return crisisQueries.crises(
        scope.current(),
        type,
        closed,
        region,
        Boolean.TRUE.equals(exercise),
        page == null ? 0 : page,
        size == null ? 50 : size);
  }

  CrisisDetail detail(String crisisId) {
    Queries.CrisisRow c = crisis(crisisId);
    CrisisDetail d = new CrisisDetail(c.summary());
    d.setLinkedCrisisId(c.linkedCrisisId());
    d.setStartData(queries.jsonMap(c.startData()));
    d.setOpenTasks(taskQueries.openTasksOf(crisisId));
    d.setDecisions(queries.decisions(crisisId));
    d.setThreatLevels(
        levels.threatLevels(Boolean.TRUE.equals(c.summary().getExercise()), crisisId));
    d.setIncidents(queries.incidentsOf(crisisId));
    return d;
  }

  /**
   * One situation report in the picture (beeld) of a level 5: who reports (the task's group: {@code
   * politie}, {@code om}, {@code regio-VR..}), who wrote it, when, and what.
   */
  record SituationReport(
      String source,
      String by,
      java.time.OffsetDateTime at,
      java.util.Map<String, Object> content) {}

  /**
   * The picture while level 5 holds: the latest situation report of each source, newest first. Read
   * from the completed report tasks (a report asked and not answered is not in it).
   */
  List<SituationReport> picture(String crisisId) {
    crisis(crisisId);
    java.util.Map<String, SituationReport> latest = new java.util.LinkedHashMap<>();
    taskQueries.tasksOf(crisisId).stream()
        .filter(
            t ->
                nl.knooppunt.processes.Task.SITUATIERAPPORT_BEELD
                        .elementId()
                        .equals(t.summary().getElementId())
                    && nl.knooppunt.processes.ProcessId.DREIGINGSNIVEAU_5
                        .id()
                        .equals(t.summary().getProcess())
                    && t.summary().getCompletedBy() != null
                    && t.summary().getCompletedAt() != null
                    && !t.summary().getCandidateGroups().isEmpty())
        .sorted(java.util.Comparator.comparing(t -> t.summary().getCompletedAt()))
        .forEach(
            t ->
                latest.put(
                    t.summary().getCandidateGroups().get(0),
                    new SituationReport(
                        t.summary().getCandidateGroups().get(0),
                        t.summary().getCompletedBy(),
                        t.summary().getCompletedAt(),
                        queries.jsonMap(t.completionData()))));
    return latest.values().stream()
        .sorted(java.util.Comparator.comparing(SituationReport::at).reversed())
        .toList();
  }

  List<LogbookEntry> timeline(String crisisId) {
    return entries.ofCrisis(crisisId);
  }
}
