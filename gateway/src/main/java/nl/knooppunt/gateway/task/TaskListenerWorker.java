package nl.knooppunt.gateway.task;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.response.UserTaskProperties;
import io.camunda.client.exception.CamundaError;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.knooppunt.gateway.database.DatabaseUnreachable;
import nl.knooppunt.gateway.events.OutboxPublisher;
import nl.knooppunt.gateway.events.Sources;
import nl.knooppunt.gateway.forms.FormSchemas;
import nl.knooppunt.processes.CandidateGroup;
import nl.knooppunt.processes.JobTypes;
import nl.knooppunt.processes.Task;
import nl.knooppunt.processes.TaskListenerJobType;
import nl.knooppunt.processes.Variable;
import nl.knooppunt.processes.events.CloudEvent;
import nl.knooppunt.processes.events.EventPayload;
import nl.knooppunt.processes.events.EventType;
import nl.knooppunt.processes.events.TaskChanged;
import nl.knooppunt.processes.events.TaskCreated;
import org.springframework.stereotype.Component;

/**
 * Keeps the task inbox current from the task-listener jobs every user task declares (DESIGN §2):
 * each job becomes a {@code nl.knooppunt.taak.*} event (id from the job key, so a retried job
 * counts once), applied to the read model and written to the events topic (outbox). The job
 * completes without variables only after that, so the task never runs ahead of the inbox.
 */
@Component
public class TaskListenerWorker {

  /**
   * Variables not copied into the task context (large lists no form needs; the SLA terms, which the
   * task keeps as its own norm). The regions' positions ({@code afstemmingen}) and the offers
   * ({@code aanbiedingen}) are kept: the decisions rest on them.
   */
  private static final List<String> SKIPPED_VARIABLES =
      List.of("ontvangers", "bevestigingen", "verzendingen", Variable.TERMIJNEN.variableName());

  private static final int MAX_CONTEXT_CHARS = 32_000;

  private final OutboxPublisher publisher;
  private final FormSchemas forms;
  private final ObjectMapper json;

  public TaskListenerWorker(OutboxPublisher publisher, FormSchemas forms, ObjectMapper json) {
    this.publisher = publisher;
    this.forms = forms;
    this.json = json;
  }

  @JobWorker(type = JobTypes.TAAK_CREATING, fetchAllVariables = true)
  public void creating(ActivatedJob job) {
    handle(TaskListenerJobType.CREATING, job);
  }

  @JobWorker(type = JobTypes.TAAK_ASSIGNING, fetchAllVariables = true)
  public void assigning(ActivatedJob job) {
    handle(TaskListenerJobType.ASSIGNING, job);
  }

  @JobWorker(type = JobTypes.TAAK_COMPLETING, fetchAllVariables = true)
  public void completing(ActivatedJob job) {
    handle(TaskListenerJobType.COMPLETING, job);
  }

  @JobWorker(type = JobTypes.TAAK_CANCELING, fetchAllVariables = true)
  public void canceling(ActivatedJob job) {
    handle(TaskListenerJobType.CANCELING, job);
  }

  /**
   * While PostgreSQL is away, a listener job waits {@link #DATABASE_AWAY_BACKOFF} and is tried
   * again without using up a retry: an outage of the database is not the task's fault and must not
   * become an incident (docs/adr/0039). Any other failure uses up a retry as before.
   */
  static final Duration DATABASE_AWAY_BACKOFF = Duration.ofSeconds(10);

  /** Turns one listener job into an event and publishes it. */
  public void handle(TaskListenerJobType listener, ActivatedJob job) {
    try {
      publisher.publish(toEvent(listener, job, Instant.now()));
    } catch (RuntimeException e) {
      if (!DatabaseUnreachable.isCause(e)) {
        throw e;
      }
      throw CamundaError.jobError(
          "De database is niet bereikbaar; opnieuw over "
              + DATABASE_AWAY_BACKOFF.toSeconds()
              + " s: "
              + e,
          null,
          job.getRetries(),
          DATABASE_AWAY_BACKOFF,
          e);
    }
  }

  CloudEvent<EventPayload> toEvent(TaskListenerJobType listener, ActivatedJob job, Instant now) {
    UserTaskProperties task = job.getUserTask();
    Map<String, Object> variables = job.getVariablesAsMap();
    String crisisId = string(variables.get(Variable.CRISIS_ID.variableName()));
    boolean exercise = Boolean.TRUE.equals(variables.get(Variable.EXERCISE.variableName()));
    Optional<Task> catalogueTask = Task.of(job.getBpmnProcessId(), job.getElementId());
    List<String> groups =
        task == null || task.getCandidateGroups() == null ? List.of() : task.getCandidateGroups();
    long taskKey =
        task != null && task.getUserTaskKey() != null
            ? task.getUserTaskKey()
            : job.getElementInstanceKey();
    String name = catalogueTask.map(t -> forms.title(t.form())).orElse(job.getElementId());
    String formKey = catalogueTask.map(t -> t.form().key()).orElse(null);
    List<String> users =
        task == null || task.getCandidateUsers() == null ? List.of() : task.getCandidateUsers();
    String assignee =
        task != null && task.getAssignee() != null && !task.getAssignee().isBlank()
            ? task.getAssignee()
            : null;
    OffsetDateTime due = task == null ? null : task.getDueDate();
    Duration term =
        norm(
            variables,
            job.getElementId(),
            listener == TaskListenerJobType.CREATING ? due : null,
            now);
    String sla = term == null ? null : term.toString();
    Instant dueAt = due != null ? due.toInstant() : term == null ? null : now.plus(term);
    String vrCode = vrCode(variables, groups);
    EventPayload data =
        listener == TaskListenerJobType.CREATING
            ? new TaskCreated(
                taskKey,
                job.getBpmnProcessId(),
                job.getElementId(),
                job.getProcessInstanceKey(),
                name,
                formKey,
                sla,
                groups,
                users,
                assignee,
                dueAt,
                vrCode,
                context(variables))
            : new TaskChanged(
                taskKey,
                job.getBpmnProcessId(),
                job.getElementId(),
                job.getProcessInstanceKey(),
                name,
                formKey,
                sla,
                groups,
                users,
                assignee,
                dueAt,
                vrCode);
    EventType type =
        switch (listener) {
          case CREATING -> EventType.TAAK_AANGEMAAKT;
          case ASSIGNING -> EventType.TAAK_TOEGEWEZEN;
          case COMPLETING -> EventType.TAAK_VOLTOOID;
          case CANCELING -> EventType.TAAK_GEANNULEERD;
        };
    return new CloudEvent<>(
        "taak-" + listener.eventType() + ":" + job.getKey(),
        type,
        Sources.GATEWAY,
        now,
        crisisId,
        exercise,
        "procesengine",
        null,
        data);
  }

  /**
   * The norm the task has: the term its instance got from the decision table SlaTermijnen at its
   * start ({@code termijnen}, ADR 0048), the same value its due date and SLA timers were computed
   * from. An instance of a model from before the table (no {@code termijnen}) keeps the due date
   * its model gave: then the norm is the time from creation ({@code dueAtCreation}, only when
   * created) to that due date, in whole minutes. Null when neither is known.
   */
  static Duration norm(
      Map<String, Object> variables, String elementId, OffsetDateTime dueAtCreation, Instant now) {
    if (variables.get(Variable.TERMIJNEN.variableName()) instanceof Map<?, ?> terms
        && terms.get(elementId) instanceof String term) {
      try {
        return Duration.parse(term);
      } catch (java.time.format.DateTimeParseException e) {
        // not a duration (a table changed by hand): the due date below still tells the norm
      }
    }
    if (dueAtCreation != null) {
      long minutes =
          Math.round(Duration.between(now, dueAtCreation.toInstant()).toSeconds() / 60.0);
      if (minutes > 0) {
        return Duration.ofMinutes(minutes);
      }
    }
    return null;
  }

  private Map<String, Object> context(Map<String, Object> variables) {
    Map<String, Object> out = new LinkedHashMap<>();
    variables.forEach(
        (k, v) -> {
          if (SKIPPED_VARIABLES.stream().noneMatch(k::startsWith)) {
            out.put(k, v);
          }
        });
    try {
      if (json.writeValueAsString(out).length() > MAX_CONTEXT_CHARS) {
        out.keySet()
            .removeIf(
                k ->
                    !k.equals("crisisId")
                        && !k.equals("exercise")
                        && !k.equals("gebied")
                        && !k.equals("reden")
                        && !k.equals("vrCode"));
      }
    } catch (Exception e) {
      out.clear();
    }
    return out;
  }

  private static String vrCode(Map<String, Object> variables, List<String> groups) {
    String direct = string(variables.get(Variable.VR_CODE.variableName()));
    if (direct != null) {
      return direct;
    }
    return groups.stream()
        .filter(gr -> gr.startsWith(CandidateGroup.REGIO_PREFIX))
        .map(gr -> gr.substring(CandidateGroup.REGIO_PREFIX.length()))
        .findFirst()
        .orElse(null);
  }

  private static String string(Object o) {
    return o == null ? null : o.toString();
  }
}
