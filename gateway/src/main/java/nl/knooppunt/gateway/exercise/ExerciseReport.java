package nl.knooppunt.gateway.exercise;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.knooppunt.api.model.LogbookEntry;
import nl.knooppunt.api.model.TaskState;
import nl.knooppunt.api.model.TaskSummary;
import nl.knooppunt.gateway.logbook.LogbookEntries;
import nl.knooppunt.gateway.task.TaskQueries;
import org.springframework.stereotype.Service;

/**
 * The after-action report of a run: the injects beside the participants' actions (the hub's logbook
 * of the run's crises) on one scenario timeline; every expected step against its norm (on time,
 * late, missed, skipped); per participant; compared with the earlier runs of the scenario; and the
 * director's lessons.
 */
@Service
public class ExerciseReport {

  /** How a step went against its norm. */
  public enum Verdict {
    OP_TIJD("op tijd"),
    TE_LAAT("te laat"),
    GEMIST("gemist"),
    OVERGESLAGEN("overgeslagen"),
    /** While the run goes on: came up, not done yet, its norm not yet passed. */
    LOOPT("loopt nog");

    private final String words;

    Verdict(String words) {
      this.words = words;
    }

    public String words() {
      return words;
    }
  }

  /**
   * One expected step as it went.
   *
   * @param created when the step came up (scenario time), null when it never did
   * @param done when it was completed (scenario time), null when it was not
   * @param norm the latest scenario time at which it is on time
   */
  public record StepResult(
      Scenario.ExpectedStep expected,
      boolean live,
      Duration created,
      Duration done,
      Duration norm,
      String completedBy,
      Verdict verdict) {}

  /** One line of the timeline: an inject or a participant's action in the hub. */
  public record Line(Duration offset, boolean inject, String who, String text, String outcome) {}

  /** The results of one participant. */
  public record ParticipantResult(String participant, boolean live, Map<Verdict, Integer> counts) {}

  /** An earlier (or this) run of the same scenario, in short. */
  public record RunSummary(
      String runId, Instant startedAt, List<String> live, int onTime, int total) {}

  public record Report(
      ExerciseRuns.Run run,
      Scenario scenario,
      List<String> crises,
      List<Line> timeline,
      List<StepResult> steps,
      List<ParticipantResult> participants,
      List<RunSummary> runs) {}

  private final ExerciseRuns runs;
  private final ExerciseRunner runner;
  private final TaskQueries tasks;
  private final LogbookEntries logbook;

  ExerciseReport(
      ExerciseRuns runs, ExerciseRunner runner, TaskQueries tasks, LogbookEntries logbook) {
    this.runs = runs;
    this.runner = runner;
    this.tasks = tasks;
    this.logbook = logbook;
  }

  public Report report(String runId) {
    ExerciseRuns.Run run =
        runs.run(runId)
            .orElseThrow(
                () ->
                    new nl.knooppunt.gateway.web.Problems.NotFound(
                        "Oefening " + runId + " is onbekend."));
    Scenario scenario = runner.scenario(run.scenarioId());
    List<ExerciseRuns.Event> events = runs.events(runId);
    List<String> crises = runs.crises(runId);
    Times times = new Times(run, events);

    List<Line> timeline = new ArrayList<>();
    for (ExerciseRuns.Event e : events) {
      timeline.add(
          new Line(
              e.offset(),
              true,
              e.participant() + (e.live() ? " (live)" : ""),
              e.text(),
              e.outcome()));
    }
    for (String crisisId : crises) {
      for (LogbookEntry entry : logbook.ofTaskCrisis(crisisId)) {
        timeline.add(
            new Line(
                times.offset(entry.getOccurredAt()),
                false,
                entry.getActor() == null ? "knooppunt" : entry.getActor(),
                entry.getSummary() == null ? entry.getType() : entry.getSummary(),
                crisisId));
      }
    }
    timeline.sort(Comparator.comparing(Line::offset).thenComparing(l -> !l.inject()));

    List<TaskQueries.TaskRow> rows = new ArrayList<>();
    crises.forEach(c -> rows.addAll(tasks.tasksOf(c)));
    List<StepResult> steps = steps(run, scenario, rows, times);

    Map<String, Map<Verdict, Integer>> per = new LinkedHashMap<>();
    for (String p : scenario.participants()) {
      per.put(p, new java.util.EnumMap<>(Verdict.class));
    }
    for (StepResult s : steps) {
      per.get(s.expected().by()).merge(s.verdict(), 1, Integer::sum);
    }
    List<ParticipantResult> participants =
        per.entrySet().stream()
            .filter(e -> !e.getValue().isEmpty())
            .map(
                e ->
                    new ParticipantResult(
                        e.getKey(), run.live().contains(e.getKey()), e.getValue()))
            .toList();

    List<RunSummary> earlier = new ArrayList<>();
    for (ExerciseRuns.Run other : runs.runsOf(run.scenarioId())) {
      List<StepResult> r = other.runId().equals(runId) ? steps : stepsOf(other, scenario);
      earlier.add(
          new RunSummary(
              other.runId(),
              other.startedAt(),
              other.live(),
              (int) r.stream().filter(s -> s.verdict() == Verdict.OP_TIJD).count(),
              r.size()));
    }
    return new Report(run, scenario, crises, timeline, steps, participants, earlier);
  }

  private List<StepResult> stepsOf(ExerciseRuns.Run run, Scenario scenario) {
    List<TaskQueries.TaskRow> rows = new ArrayList<>();
    runs.crises(run.runId()).forEach(c -> rows.addAll(tasks.tasksOf(c)));
    return steps(run, scenario, rows, new Times(run, runs.events(run.runId())));
  }

  static List<StepResult> steps(
      ExerciseRuns.Run run, Scenario scenario, List<TaskQueries.TaskRow> rows, Times times) {
    List<StepResult> out = new ArrayList<>();
    for (Scenario.ExpectedStep step : scenario.expectedSteps()) {
      boolean live = run.live().contains(step.by());
      TaskQueries.TaskRow row =
          rows.stream()
              .filter(
                  r ->
                      step.step().equals(r.summary().getElementId())
                          && r.summary().getCandidateGroups() != null
                          && r.summary().getCandidateGroups().contains(step.by()))
              .findFirst()
              .orElse(null);
      if (row == null) {
        out.add(new StepResult(step, live, null, null, step.norm(), null, Verdict.OVERGESLAGEN));
        continue;
      }
      TaskSummary t = row.summary();
      Duration created = times.offset(t.getCreatedAt());
      Duration norm = step.norm();
      if (norm == null) {
        norm = times.due(t.getDueAt(), created, row.sla());
      }
      boolean completed = t.getState() == TaskState.COMPLETED && t.getCompletedAt() != null;
      Duration done = completed ? times.offset(t.getCompletedAt()) : null;
      boolean stillInTime =
          run.status() != ExerciseRuns.Status.BEEINDIGD
              && !run.accelerated()
              && (norm == null || run.offsetAt(java.time.Instant.now()).compareTo(norm) <= 0);
      Verdict verdict =
          !completed
              ? (stillInTime ? Verdict.LOOPT : Verdict.GEMIST)
              : norm == null || done.compareTo(norm) <= 0 ? Verdict.OP_TIJD : Verdict.TE_LAAT;
      out.add(new StepResult(step, live, created, done, norm, t.getCompletedBy(), verdict));
    }
    return out;
  }

  /**
   * Real time to scenario time. In real time: the time since the start minus the pauses. In an
   * accelerated run the scenario time jumps from inject to inject: a moment belongs to the last
   * inject played before it, and the engine's due times are in the scenario's own (pinned) time.
   */
  static final class Times {
    private final ExerciseRuns.Run run;
    private final List<ExerciseRuns.Event> injects;

    Times(ExerciseRuns.Run run, List<ExerciseRuns.Event> events) {
      this.run = run;
      this.injects = events.stream().filter(e -> e.injectIndex() != null).toList();
    }

    Duration offset(OffsetDateTime t) {
      if (t == null) {
        return null;
      }
      Instant at = t.toInstant();
      if (!run.accelerated()) {
        return run.offsetAt(at);
      }
      Duration offset = Duration.ZERO;
      for (ExerciseRuns.Event e : injects) {
        if (!e.at().isAfter(at)) {
          offset = e.offset();
        }
      }
      return offset;
    }

    Duration due(OffsetDateTime dueAt, Duration created, String sla) {
      if (run.accelerated() && dueAt != null) {
        return Duration.between(run.startedAt(), dueAt.toInstant());
      }
      if (!run.accelerated() && dueAt != null) {
        return run.offsetAt(dueAt.toInstant());
      }
      if (sla != null && created != null) {
        return created.plus(Duration.parse(sla));
      }
      return null;
    }
  }
}
