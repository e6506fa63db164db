package nl.knooppunt.gateway.exercise;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.knooppunt.api.model.Area;
import nl.knooppunt.api.model.AssistanceRequestStart;
import nl.knooppunt.api.model.CrisisStarted;
import nl.knooppunt.api.model.ManhuntLocation;
import nl.knooppunt.api.model.ManhuntStart;
import nl.knooppunt.api.model.OutcomeReport;
import nl.knooppunt.api.model.Perpetrators;
import nl.knooppunt.api.model.TaskState;
import nl.knooppunt.api.model.TaskSummary;
import nl.knooppunt.api.model.ThreatLevelProposal;
import nl.knooppunt.gateway.assistance.AssistanceService;
import nl.knooppunt.gateway.manhunt.ManhuntService;
import nl.knooppunt.gateway.readmodel.Queries;
import nl.knooppunt.gateway.task.TaskQueries;
import nl.knooppunt.gateway.task.TaskService;
import nl.knooppunt.gateway.threatlevel.ThreatLevelService;
import nl.knooppunt.gateway.web.Problems;
import nl.knooppunt.processes.ProcessId;
import org.springframework.stereotype.Component;

/**
 * Plays one inject of a simulated participant through the hub's own services, always in the
 * OEFENING world: every crisis it starts is an exercise (so its notices say OEFENING and its threat
 * levels go under the {@code OEFENING/} keys), and it only acts on the run's own crises.
 */
@Component
class InjectPlayer {

  /** What came of an inject. */
  sealed interface Outcome {
    /** Played; a crisis it started, if any. */
    record Played(String description, String crisisId) implements Outcome {}

    /** The hub is not there yet (the task to complete does not exist yet): try again soon. */
    record NotYet(String waitingFor) implements Outcome {}

    /** Refused by the hub or impossible: the reason goes into the timeline. */
    record Failed(String reason) implements Outcome {}
  }

  private final ManhuntService manhunts;
  private final ThreatLevelService threatLevels;
  private final AssistanceService assistance;
  private final TaskService tasks;
  private final TaskQueries taskQueries;
  private final Queries queries;

  InjectPlayer(
      ManhuntService manhunts,
      ThreatLevelService threatLevels,
      AssistanceService assistance,
      TaskService tasks,
      TaskQueries taskQueries,
      Queries queries) {
    this.manhunts = manhunts;
    this.threatLevels = threatLevels;
    this.assistance = assistance;
    this.tasks = tasks;
    this.taskQueries = taskQueries;
    this.queries = queries;
  }

  /**
   * Plays an inject as its simulated participant.
   *
   * @param crises the crises of the run so far
   * @param scenarioNow the scenario's time of the inject (the time a manhunt started at, etc.)
   */
  Outcome play(Scenario.Inject inject, List<String> crises, Instant scenarioNow) {
    try {
      return SimulatedParticipants.as(inject.as(), () -> act(inject, crises, scenarioNow));
    } catch (Problems.ApiException e) {
      return new Outcome.Failed("geweigerd door het knooppunt: " + e.getMessage());
    } catch (RuntimeException e) {
      return new Outcome.Failed("mislukt: " + e.getMessage());
    }
  }

  private Outcome act(Scenario.Inject inject, List<String> crises, Instant scenarioNow) {
    Map<String, Object> p = inject.parameters();
    OffsetDateTime now = scenarioNow.atOffset(ZoneOffset.UTC);
    return switch (inject.kind()) {
      case MANHUNT_STARTEN -> {
        ManhuntLocation location =
            new ManhuntLocation(text(p, "locatie"), text(p, "vrCode"))
                .municipalityCode(optional(p, "gemeente"));
        ManhuntStart body =
            new ManhuntStart(
                    location,
                    now,
                    new Perpetrators(bool(p, "daderBekend")),
                    bool(p, "mogelijkTerroristischMotief"))
                .exercise(true);
        CrisisStarted started = manhunts.start(body);
        yield new Outcome.Played("manhunt gestart", started.getCrisisId());
      }
      case DREIGINGSNIVEAU_VOORSTELLEN -> {
        Duration length = Duration.parse(Optional.ofNullable(optional(p, "duur")).orElse("PT12H"));
        @SuppressWarnings("unchecked")
        List<Object> codes = (List<Object>) p.get("codes");
        ThreatLevelProposal body =
            new ThreatLevelProposal(
                    new Area(
                        Area.KindEnum.fromValue(text(p, "gebied")),
                        codes.stream().map(String::valueOf).toList()),
                    text(p, "reden"),
                    now.plus(length))
                .exercise(true);
        CrisisStarted started = threatLevels.startProposal(body);
        yield new Outcome.Played("dreigingsniveau 5 voorgesteld", started.getCrisisId());
      }
      case BIJSTAND_AANVRAGEN -> {
        AssistanceRequestStart body =
            new AssistanceRequestStart(
                    text(p, "vrCode"),
                    AssistanceRequestStart.CapacityEnum.fromValue(text(p, "soort")),
                    ((Number) p.get("aantal")).intValue(),
                    Optional.ofNullable(optional(p, "locatie")).orElse("niet opgegeven"),
                    now,
                    Optional.ofNullable(optional(p, "duur")).orElse("PT12H"),
                    AssistanceRequestStart.LegalBasisEnum.fromValue(
                        Optional.ofNullable(optional(p, "grondslag")).orElse("WVR_ART_51")))
                .exercise(true);
        CrisisStarted started = assistance.start(body);
        yield new Outcome.Played("bijstand aangevraagd", started.getCrisisId());
      }
      case AANHOUDING_MELDEN -> {
        Optional<String> manhunt = crisisOf(crises, ProcessId.MANHUNT);
        if (manhunt.isEmpty()) {
          yield new Outcome.Failed("geen manhunt in deze oefening");
        }
        manhunts.reportArrest(
            manhunt.get(),
            new OutcomeReport(
                Optional.ofNullable(optional(p, "toelichting")).orElse(inject.text())));
        yield new Outcome.Played("aanhouding gemeld", null);
      }
      case POLITIE_INFORMATIE_DELEN -> complete(inject, "Informatie_Delen", crises);
      case TAAK_AFRONDEN -> complete(inject, inject.step(), crises);
      case STILZWIJGEN -> new Outcome.Played("zwijgt: de normtimers van het knooppunt lopen", null);
      case INJECTKAART -> new Outcome.Played("kaart voor een gesimuleerde deelnemer", null);
    };
  }

  /** Completes the open task of the step for the participant in one of the run's crises. */
  private Outcome complete(Scenario.Inject inject, String step, List<String> crises) {
    for (String crisisId : crises) {
      for (TaskSummary t : taskQueries.openTasksOf(crisisId)) {
        if (step.equals(t.getElementId())
            && t.getState() == TaskState.OPEN
            && t.getCandidateGroups() != null
            && t.getCandidateGroups().contains(inject.as())) {
          tasks.complete(t.getTaskKey(), inject.parameters());
          return new Outcome.Played("taak " + step + " afgerond", null);
        }
      }
    }
    return new Outcome.NotYet("taak " + step + " voor " + inject.as());
  }

  private Optional<String> crisisOf(List<String> crises, ProcessId process) {
    return crises.stream()
        .filter(
            id ->
                queries
                    .crisis(id)
                    .map(
                        c ->
                            process.id().equals(c.processId())
                                && !Boolean.TRUE.equals(c.summary().getClosed()))
                    .orElse(false))
        .findFirst();
  }

  private static String text(Map<String, Object> p, String key) {
    Object v = p.get(key);
    if (v == null) {
      throw new IllegalArgumentException("parameter '" + key + "' ontbreekt");
    }
    return String.valueOf(v);
  }

  private static String optional(Map<String, Object> p, String key) {
    Object v = p.get(key);
    return v == null ? null : String.valueOf(v);
  }

  private static boolean bool(Map<String, Object> p, String key) {
    return Boolean.TRUE.equals(p.get(key)) || "true".equals(String.valueOf(p.get(key)));
  }
}
