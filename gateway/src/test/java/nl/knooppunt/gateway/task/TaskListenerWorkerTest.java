package nl.knooppunt.gateway.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.response.UserTaskProperties;
import io.camunda.client.exception.JobError;
import java.lang.reflect.Method;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import nl.knooppunt.gateway.events.OutboxPublisher;
import nl.knooppunt.gateway.forms.FormSchemas;
import nl.knooppunt.processes.TaskListenerJobType;
import nl.knooppunt.processes.events.CloudEvent;
import nl.knooppunt.processes.events.EventPayload;
import nl.knooppunt.processes.events.EventType;
import nl.knooppunt.processes.events.TaskCreated;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

class TaskListenerWorkerTest {

  final ObjectMapper json = new ObjectMapper();
  final TaskListenerWorker worker = new TaskListenerWorker(null, new FormSchemas(json), json);

  @Test
  void thereIsAJobWorkerForEveryTaskListenerJobTypeOfTheCatalogue() {
    Set<String> workers =
        Arrays.stream(TaskListenerWorker.class.getMethods())
            .map(m -> m.getAnnotation(JobWorker.class))
            .filter(a -> a != null)
            .map(JobWorker::type)
            .collect(Collectors.toSet());
    assertThat(workers)
        .isEqualTo(
            Arrays.stream(TaskListenerJobType.values())
                .map(TaskListenerJobType::type)
                .collect(Collectors.toSet()));
    for (Method m : TaskListenerWorker.class.getMethods()) {
      JobWorker a = m.getAnnotation(JobWorker.class);
      if (a != null) {
        assertThat(TaskListenerJobType.of(a.type()).orElseThrow().eventType())
            .isEqualTo(m.getName());
      }
    }
  }

  @Test
  void aCreatingJobBecomesATaskEventWithGroupsRegionFormAndDueDate() {
    ActivatedJob job = mock(ActivatedJob.class);
    UserTaskProperties task = mock(UserTaskProperties.class);
    when(job.getKey()).thenReturn(42L);
    when(job.getBpmnProcessId()).thenReturn("dreigingsniveau-5");
    when(job.getElementId()).thenReturn("Afstemmen_Lokaal_Gezag");
    when(job.getProcessInstanceKey()).thenReturn(7L);
    when(job.getUserTask()).thenReturn(task);
    when(job.getVariablesAsMap())
        .thenReturn(
            Map.of(
                "crisisId",
                "DN5-1",
                "exercise",
                true,
                "ontvangers",
                List.of(1, 2),
                "termijnen",
                Map.of("Afstemmen_Lokaal_Gezag", "PT1H", "Informatie_Delen", "PT1H")));
    when(task.getUserTaskKey()).thenReturn(2251799813685300L);
    when(task.getCandidateGroups()).thenReturn(List.of("regio-VR09"));
    Instant now = Instant.parse("2026-11-23T09:00:00Z");

    CloudEvent<EventPayload> e = worker.toEvent(TaskListenerJobType.CREATING, job, now);

    assertThat(e.id()).isEqualTo("taak-creating:42");
    assertThat(e.type()).isEqualTo(EventType.TAAK_AANGEMAAKT);
    assertThat(e.crisisId()).isEqualTo("DN5-1");
    assertThat(e.exercise()).isTrue();
    TaskCreated created = (TaskCreated) e.data();
    assertThat(created.taskKey()).isEqualTo(2251799813685300L);
    assertThat(created.processInstanceKey()).isEqualTo(7L);
    assertThat(created.vrCode()).isEqualTo("VR09");
    assertThat(created.name()).isEqualTo("Afstemmen met lokaal gezag");
    assertThat(created.formKey()).isEqualTo("knooppunt:forms:afstemming-lokaal-gezag");
    assertThat(created.sla()).isEqualTo("PT1H");
    assertThat(created.dueAt()).isEqualTo(Instant.parse("2026-11-23T10:00:00Z"));
    assertThat(created.variables())
        .containsEntry("crisisId", "DN5-1")
        .doesNotContainKey("ontvangers")
        .doesNotContainKey("termijnen");
  }

  @Test
  void aTaskKeepsTheNormItsInstanceGotFromTheSlaTableEvenWhenTheShippedTableSaysOtherwise() {
    ActivatedJob job = mock(ActivatedJob.class);
    UserTaskProperties task = mock(UserTaskProperties.class);
    when(job.getKey()).thenReturn(43L);
    when(job.getBpmnProcessId()).thenReturn("dreigingsniveau-5");
    when(job.getElementId()).thenReturn("Afstemmen_Lokaal_Gezag");
    when(job.getUserTask()).thenReturn(task);
    Instant now = Instant.parse("2026-11-23T09:00:00Z");
    // functional administration shortened the term: the engine computed the due date from it
    when(job.getVariablesAsMap())
        .thenReturn(
            Map.of("crisisId", "DN5-2", "termijnen", Map.of("Afstemmen_Lokaal_Gezag", "PT20M")));
    when(task.getDueDate()).thenReturn(java.time.OffsetDateTime.parse("2026-11-23T09:20:00.125Z"));

    TaskCreated created =
        (TaskCreated) worker.toEvent(TaskListenerJobType.CREATING, job, now).data();

    assertThat(created.sla()).isEqualTo("PT20M");
    assertThat(created.dueAt()).isEqualTo(Instant.parse("2026-11-23T09:20:00.125Z"));
  }

  @Test
  void aTaskOfAnInstanceStartedBeforeTheSlaTableTakesItsNormFromTheDueDateItsModelGave() {
    Instant now = Instant.parse("2026-11-23T09:00:00Z");
    // the listener runs a few seconds after the engine computed now() + PT30M
    assertThat(
            TaskListenerWorker.norm(
                Map.of("crisisId", "DN5-3"),
                "Besluit_Afkondiging",
                java.time.OffsetDateTime.parse("2026-11-23T09:29:57Z"),
                now))
        .isEqualTo(Duration.ofMinutes(30));
    assertThat(TaskListenerWorker.norm(Map.of(), "Besluit_Afkondiging", null, now)).isNull();
  }

  @Test
  void whileTheDatabaseIsAwayAListenerJobWaitsWithoutUsingUpARetry() {
    OutboxPublisher away = mock(OutboxPublisher.class);
    doThrow(new CannotGetJdbcConnectionException("Connection refused")).when(away).publish(any());
    TaskListenerWorker waiting = new TaskListenerWorker(away, new FormSchemas(json), json);
    ActivatedJob job = mock(ActivatedJob.class);
    when(job.getKey()).thenReturn(42L);
    when(job.getRetries()).thenReturn(3);
    when(job.getBpmnProcessId()).thenReturn("dreigingsniveau-5");
    when(job.getElementId()).thenReturn("Afstemmen_Lokaal_Gezag");
    when(job.getVariablesAsMap()).thenReturn(Map.of("crisisId", "DN5-1"));

    assertThatThrownBy(() -> waiting.handle(TaskListenerJobType.CREATING, job))
        .isInstanceOfSatisfying(
            JobError.class,
            e -> {
              assertThat(e.getRetries()).as("no retry used up").isEqualTo(3);
              assertThat(e.getRetryBackoff()).isEqualTo(Duration.ofSeconds(10));
              assertThat(e.getErrorMessage()).startsWith("De database is niet bereikbaar");
            });
  }

  @Test
  void anyOtherFailureOfAListenerJobStaysAsItIs() {
    OutboxPublisher broken = mock(OutboxPublisher.class);
    doThrow(new IllegalStateException("a bug")).when(broken).publish(any());
    TaskListenerWorker failing = new TaskListenerWorker(broken, new FormSchemas(json), json);
    ActivatedJob job = mock(ActivatedJob.class);
    when(job.getBpmnProcessId()).thenReturn("dreigingsniveau-5");
    when(job.getElementId()).thenReturn("Afstemmen_Lokaal_Gezag");
    when(job.getVariablesAsMap()).thenReturn(Map.of("crisisId", "DN5-1"));

    assertThatThrownBy(() -> failing.handle(TaskListenerJobType.CREATING, job))
        .isInstanceOf(IllegalStateException.class);
  }
}
