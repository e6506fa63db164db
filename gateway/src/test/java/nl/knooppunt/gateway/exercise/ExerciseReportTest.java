package nl.knooppunt.gateway.exercise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import nl.knooppunt.api.model.TaskState;
import nl.knooppunt.api.model.TaskSummary;
import nl.knooppunt.gateway.task.TaskQueries;
import org.junit.jupiter.api.Test;

class ExerciseReportTest {

  private static final Instant START = Instant.parse("2026-12-03T09:45:00Z");

  private static final Scenario SCENARIO =
      new Scenario(
          "proef",
          1,
          "Proef",
          List.of("opschalen"),
          List.of("politie", "om", "regio-VR09", "gezag-GM0344"),
          List.of(),
          List.of(
              new Scenario.ExpectedStep("Opschaling_Bevestigen", "regio-VR09", "Opschaling", null),
              new Scenario.ExpectedStep("Leiding_Bevestigen", "om", "Leiding", null),
              new Scenario.ExpectedStep("Alarmering_Besluiten", "gezag-GM0344", "Alarm", null),
              new Scenario.ExpectedStep("Niveau5_Overwegen", "om", "Niveau 5", null)));

  private static ExerciseRuns.Run run(boolean accelerated) {
    return new ExerciseRuns.Run(
        "OEF-1",
        "proef",
        1,
        "Proef",
        List.of(),
        accelerated,
        ExerciseRuns.Status.BEEINDIGD,
        START,
        "oefenleider",
        null,
        0,
        null,
        null);
  }

  private static ExerciseRuns.Event inject(int index, Duration offset, int secondsAfterStart) {
    return new ExerciseRuns.Event(
        index + 1,
        index,
        offset,
        START.plusSeconds(secondsAfterStart),
        "taak-afronden",
        "om",
        false,
        "t",
        "gesimuleerd");
  }

  private static TaskQueries.TaskRow task(
      String element, String group, int createdS, Integer completedS, Duration due) {
    TaskSummary s =
        new TaskSummary()
            .taskKey(element)
            .elementId(element)
            .candidateGroups(List.of(group))
            .createdAt(START.plusSeconds(createdS).atOffset(ZoneOffset.UTC))
            .dueAt(START.plus(due).atOffset(ZoneOffset.UTC))
            .state(completedS == null ? TaskState.OPEN : TaskState.COMPLETED);
    if (completedS != null) {
      s.completedAt(START.plusSeconds(completedS).atOffset(ZoneOffset.UTC));
    }
    return new TaskQueries.TaskRow(s, List.of(), null, null, "PT15M");
  }

  @Test
  void inAnAcceleratedRunARegionThatConfirmsAfterItsNormIsLateAndAStepNeverDoneIsMissed() {
    // the manhunt at +0:00 (real second 0), the OvJ at +0:10 (second 2), the region at +1:50
    // (second 5): the engine's due times are in scenario time (its clock was pinned)
    List<ExerciseRuns.Event> events =
        List.of(
            inject(0, Duration.ZERO, 0),
            inject(1, Duration.ofMinutes(10), 2),
            inject(2, Duration.ofMinutes(110), 5));
    List<TaskQueries.TaskRow> rows =
        List.of(
            task("Opschaling_Bevestigen", "regio-VR09", 1, 6, Duration.ofMinutes(15)),
            task("Leiding_Bevestigen", "om", 1, 3, Duration.ofMinutes(15)),
            task("Alarmering_Besluiten", "gezag-GM0344", 1, null, Duration.ofMinutes(30)));

    List<ExerciseReport.StepResult> steps =
        ExerciseReport.steps(
            run(true), SCENARIO, rows, new ExerciseReport.Times(run(true), events));

    assertThat(steps)
        .extracting(s -> s.expected().step() + " " + s.verdict())
        .containsExactly(
            "Opschaling_Bevestigen TE_LAAT",
            "Leiding_Bevestigen OP_TIJD",
            "Alarmering_Besluiten GEMIST",
            "Niveau5_Overwegen OVERGESLAGEN");
    assertThat(steps.get(0).done()).isEqualTo(Duration.ofMinutes(110));
    assertThat(steps.get(0).norm()).isEqualTo(Duration.ofMinutes(15));
  }

  @Test
  void whileARealTimeRunGoesOnAnOpenStepWithinItsNormStillRuns() {
    ExerciseRuns.Run running =
        new ExerciseRuns.Run(
            "OEF-3",
            "proef",
            1,
            "Proef",
            List.of("regio-VR09"),
            false,
            ExerciseRuns.Status.LOOPT,
            Instant.now(),
            "oefenleider",
            null,
            0,
            null,
            null);
    List<TaskQueries.TaskRow> rows =
        List.of(
            task(
                "Opschaling_Bevestigen",
                "regio-VR09",
                0,
                null,
                Duration.between(START, Instant.now()).plusMinutes(15)));

    List<ExerciseReport.StepResult> steps =
        ExerciseReport.steps(running, SCENARIO, rows, new ExerciseReport.Times(running, List.of()));

    assertThat(steps.get(0).verdict()).isEqualTo(ExerciseReport.Verdict.LOOPT);
  }

  @Test
  void inRealTimeThePausesDoNotCountAgainstTheParticipants() {
    ExerciseRuns.Run paused =
        new ExerciseRuns.Run(
            "OEF-2",
            "proef",
            1,
            "Proef",
            List.of("regio-VR09"),
            false,
            ExerciseRuns.Status.LOOPT,
            START,
            "oefenleider",
            null,
            600,
            null,
            null);

    assertThat(paused.offsetAt(START.plusSeconds(1500))).isEqualTo(Duration.ofMinutes(15));
  }

  @Test
  void theEngineClockStaysShutOutsideTheExerciseEnvironment() {
    EngineClock shut = new EngineClock(false, "http://localhost:8088");

    assertThat(shut.enabled()).isFalse();
    assertThatThrownBy(() -> shut.pin(START))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("oefenomgeving");
    assertThat(new EngineClock(true, "http://localhost:8088").enabled()).isTrue();
  }
}
