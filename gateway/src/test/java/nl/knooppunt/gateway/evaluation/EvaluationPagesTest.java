package nl.knooppunt.gateway.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import nl.knooppunt.api.model.LogbookEntry;
import nl.knooppunt.api.model.StepDuration;
import nl.knooppunt.api.model.TaskState;
import org.junit.jupiter.api.Test;

class EvaluationPagesTest {

  private static final OffsetDateTime T0 = OffsetDateTime.parse("2026-11-23T09:00:00Z");

  @Test
  void aStepSaysInWordsWhetherItStayedWithinItsNorm() {
    StepDuration late =
        new StepDuration()
            .name("Besluit dreigingsniveau")
            .state(TaskState.COMPLETED)
            .createdAt(T0)
            .dueAt(T0.plusMinutes(30))
            .endedAt(T0.plusMinutes(45))
            .durationSeconds(2700L)
            .sla("PT30M")
            .withinSla(false);
    EvaluationPages.Step step = EvaluationPages.step(late);
    assertThat(step.result()).isEqualTo("Buiten de norm");
    assertThat(step.duration()).isEqualTo("45 min");
    assertThat(step.norm()).isEqualTo("30 min");
    assertThat(step.started()).isEqualTo("ma 23 nov. 2026 10:00");

    assertThat(EvaluationPages.step(new StepDuration().state(TaskState.CANCELED)).result())
        .isEqualTo("Vervallen");
    assertThat(
            EvaluationPages.step(new StepDuration().state(TaskState.OPEN).dueAt(T0.minusDays(1)))
                .result())
        .isEqualTo("Nog open, buiten de norm");
  }

  @Test
  void theTimelineRunsInTheOrderThingsHappened() {
    LogbookEntry second = new LogbookEntry(1L, "b", "t", T0.plusMinutes(5));
    LogbookEntry first = new LogbookEntry(2L, "a", "t", T0);
    assertThat(EvaluationPages.chronological(List.of(second, first)))
        .extracting(LogbookEntry::getEventId)
        .containsExactly("a", "b");
  }

  @Test
  void theEvaluationFormIsReadFieldByField() {
    EvaluationPages.Lesson lesson =
        EvaluationPages.lesson(
            Map.of(
                "watGingGoed",
                "Snel",
                "verbeterpunten",
                List.of("Bereikbaarheid"),
                "acties",
                List.of(Map.of("actie", "Lijst bijwerken", "eigenaar", "NCC")),
                "delenMetRegios",
                true,
                "evaluatieDoor",
                "Hoofd NCC",
                "extra",
                "iets"));
    assertThat(lesson.wentWell()).isEqualTo("Snel");
    assertThat(lesson.improvements()).containsExactly("Bereikbaarheid");
    assertThat(lesson.actions()).hasSize(1);
    assertThat(lesson.share()).isTrue();
    assertThat(lesson.by()).isEqualTo("Hoofd NCC");
    assertThat(lesson.other()).containsOnlyKeys("extra");
  }
}
