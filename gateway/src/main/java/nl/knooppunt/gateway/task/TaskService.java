package nl.knooppunt.gateway.task;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.knooppunt.api.model.LogbookEntry;
import nl.knooppunt.api.model.TaskAssignment;
import nl.knooppunt.api.model.TaskContext;
import nl.knooppunt.api.model.TaskDetail;
import nl.knooppunt.api.model.TaskPage;
import nl.knooppunt.api.model.TaskSort;
import nl.knooppunt.api.model.TaskState;
import nl.knooppunt.api.model.TaskSummary;
import nl.knooppunt.gateway.engine.EngineException;
import nl.knooppunt.gateway.engine.Orchestration;
import nl.knooppunt.gateway.events.OutboxPublisher;
import nl.knooppunt.gateway.events.Sources;
import nl.knooppunt.gateway.forms.FormSchemas;
import nl.knooppunt.gateway.logbook.LogbookEntries;
import nl.knooppunt.gateway.readmodel.Queries;
import nl.knooppunt.gateway.scope.Clearance;
import nl.knooppunt.gateway.security.CurrentUsers;
import nl.knooppunt.gateway.security.KnooppuntUser;
import nl.knooppunt.gateway.security.Rol;
import nl.knooppunt.gateway.web.Problems;
import nl.knooppunt.processes.Form;
import nl.knooppunt.processes.events.CloudEvent;
import nl.knooppunt.processes.events.EventPayload;
import nl.knooppunt.processes.events.EventType;
import nl.knooppunt.processes.events.TaskClaimChanged;
import nl.knooppunt.processes.events.TaskCompletedByUser;
import org.springframework.stereotype.Service;

/**
 * The task inbox, for the REST API and the pages alike: a user sees the tasks assigned to them or
 * open to their groups (role, region, police unit, municipality) and claims, gives back and
 * completes them through the engine's user-task commands. A region user never sees or completes
 * another region's task.
 */
@Service
public class TaskService {

  private static final int HISTORY = 50;

  private final Queries queries;
  private final Orchestration engine;
  private final OutboxPublisher events;
  private final FormSchemas forms;
  private final TaskQueries taskQueries;
  private final LogbookEntries logbookEntries;
  private final FourEyesCheck fourEyes;

  TaskService(
      Queries queries,
      Orchestration engine,
      OutboxPublisher events,
      FormSchemas forms,
      TaskQueries taskQueries,
      LogbookEntries logbookEntries,
      FourEyesCheck fourEyes) {
    this.logbookEntries = logbookEntries;
    this.fourEyes = fourEyes;
    this.taskQueries = taskQueries;
    this.queries = queries;
    this.engine = engine;
    this.events = events;
    this.forms = forms;
  }

  static boolean isCandidate(KnooppuntUser user, TaskQueries.TaskRow task) {
    TaskSummary t = task.summary();
    return user.username().equals(t.getAssignee())
        || !Collections.disjoint(user.candidateGroups(), t.getCandidateGroups())
        || task.candidateUsers().contains(user.username());
  }

  private TaskQueries.TaskRow task(String taskKey) {
    long key;
    try {
      key = Long.parseLong(taskKey);
    } catch (NumberFormatException e) {
      throw Problems.Invalid.field("taskKey", "geen taaksleutel");
    }
    return taskQueries
        .task(key)
        .orElseThrow(() -> new Problems.NotFound("Taak " + taskKey + " is onbekend."));
  }

  private TaskQueries.TaskRow workable(String taskKey, KnooppuntUser user) {
    TaskQueries.TaskRow task = task(taskKey);
    if (!isCandidate(user, task)) {
      throw new Problems.OutOfScope("Deze taak is niet voor u of uw groepen bestemd.");
    }
    if (task.summary().getState() != TaskState.OPEN) {
      throw new Problems.Conflict(
          "Taak " + taskKey + " is niet meer open (" + task.summary().getState() + ").");
    }
    return task;
  }

  TaskPage list(
      TaskAssignment assignment,
      TaskState state,
      String crisisId,
      Boolean exercise,
      TaskSort sort,
      Integer page,
      Integer size) {
    KnooppuntUser user = CurrentUsers.current();
    int p = page == null ? 0 : page;
    int s = size == null ? 50 : size;
    TaskQueries.TaskPageResult result =
        taskQueries.tasks(
            new TaskQueries.TaskFilter(
                user.username(),
                user.candidateGroups(),
                user.has(Rol.BEHEERDER),
                assignment == null ? "ALL" : assignment.getValue(),
                state == null ? "OPEN" : state.getValue(),
                crisisId,
                exercise,
                sort == null ? "DUE_ASC" : sort.getValue(),
                p,
                s));
    return new TaskPage(result.items(), p, s, result.total());
  }

  TaskDetail detail(String taskKey) {
    KnooppuntUser user = CurrentUsers.current();
    TaskQueries.TaskRow task = task(taskKey);
    if (!isCandidate(user, task) && !user.has(Rol.BEHEERDER)) {
      throw new Problems.OutOfScope("Deze taak is niet voor u of uw groepen bestemd.");
    }
    TaskDetail detail = new TaskDetail(task.summary());
    Form.ofKey(String.valueOf(task.summary().getFormKey()))
        .ifPresent(f -> detail.setFormSchema(forms.schema(f)));
    TaskContext context = new TaskContext();
    // police/OM information in the variables: its content only for a cleared role
    context.setVariables(Clearance.clear(queries.jsonMap(task.variables()), user));
    String crisisId = task.summary().getCrisisId();
    if (crisisId != null) {
      queries.crisis(crisisId).ifPresent(c -> context.setCrisis(c.summary()));
      List<LogbookEntry> entries = logbookEntries.ofTaskCrisis(crisisId);
      context.setHistory(
          new java.util.ArrayList<>(
              entries.subList(Math.max(0, entries.size() - HISTORY), entries.size())));
    }
    detail.setContext(context);
    if (task.completionData() != null) {
      detail.setCompletionData(Clearance.clear(queries.jsonMap(task.completionData()), user));
    }
    return detail;
  }

  TaskSummary claim(String taskKey) {
    KnooppuntUser user = CurrentUsers.current();
    TaskQueries.TaskRow task = workable(taskKey, user);
    String assignee = task.summary().getAssignee();
    if (user.username().equals(assignee)) {
      return task.summary();
    }
    if (assignee != null) {
      throw new Problems.Conflict("Taak " + taskKey + " is al geclaimd door " + assignee + ".");
    }
    long key = Long.parseLong(taskKey);
    engineCommand(() -> engine.assignTask(key, user.username()), taskKey);
    publish(
        task, EventType.TAAK_GECLAIMD, "geclaimd:" + taskKey + ":" + UUID.randomUUID(), user, null);
    return task(taskKey).summary();
  }

  TaskSummary unclaim(String taskKey) {
    KnooppuntUser user = CurrentUsers.current();
    TaskQueries.TaskRow task = workable(taskKey, user);
    String assignee = task.summary().getAssignee();
    if (assignee == null) {
      throw new Problems.Conflict("Taak " + taskKey + " is niet geclaimd.");
    }
    if (!user.username().equals(assignee)) {
      throw new Problems.Conflict(
          "Taak " + taskKey + " is geclaimd door " + assignee + "; alleen die kan haar vrijgeven.");
    }
    long key = Long.parseLong(taskKey);
    engineCommand(() -> engine.unassignTask(key), taskKey);
    publish(
        task,
        EventType.TAAK_VRIJGEGEVEN,
        "vrijgegeven:" + taskKey + ":" + UUID.randomUUID(),
        user,
        null);
    return task(taskKey).summary();
  }

  /** Completes a task as the current user (also a simulated exercise participant). */
  public TaskSummary complete(String taskKey, Map<String, Object> payload) {
    KnooppuntUser user = CurrentUsers.current();
    TaskQueries.TaskRow task = workable(taskKey, user);
    String assignee = task.summary().getAssignee();
    if (assignee != null && !user.username().equals(assignee)) {
      throw new Problems.Conflict("Taak " + taskKey + " is geclaimd door " + assignee + ".");
    }
    Map<String, Object> processVariables = queries.jsonMap(task.variables());
    java.util.Optional<Form> form = Form.ofKey(String.valueOf(task.summary().getFormKey()));
    // four eyes before anything else: who may not take this decision hears so, and why (409)
    form.ifPresent(
        f ->
            fourEyes.check(
                task.summary().getProcess(),
                task.summary().getElementId(),
                forms.filledByTheHub(f),
                user.username(),
                processVariables));
    Map<String, Object> variables =
        form.map(f -> forms.validate(f, payload, user, processVariables))
            .orElse(payload == null ? Map.of() : payload);
    long key = Long.parseLong(taskKey);
    engineCommand(() -> engine.completeTask(key, variables), taskKey);
    publish(task, EventType.TAAK_AFGEROND, "afgerond:" + taskKey, user, variables);
    return task(taskKey).summary();
  }

  /** The engine does not know a task the inbox shows as open: it ended meanwhile (409). */
  private static void engineCommand(Runnable command, String taskKey) {
    try {
      command.run();
    } catch (EngineException.UnknownToEngine e) {
      throw new Problems.Conflict("Taak " + taskKey + " is bij de procesengine niet meer open.");
    }
  }

  private void publish(
      TaskQueries.TaskRow task,
      EventType type,
      String id,
      KnooppuntUser user,
      Map<String, Object> form) {
    TaskSummary t = task.summary();
    Long taskKey = Long.valueOf(t.getTaskKey());
    EventPayload data =
        switch (type) {
          case TAAK_AFGEROND ->
              new TaskCompletedByUser(taskKey, t.getName(), t.getElementId(), form);
          case TAAK_GECLAIMD ->
              new TaskClaimChanged(taskKey, t.getName(), t.getElementId(), user.username());
          default -> new TaskClaimChanged(taskKey, t.getName(), t.getElementId(), null);
        };
    events.publish(
        CloudEvent.of(
                id,
                type,
                Sources.GATEWAY,
                Instant.now(),
                t.getCrisisId(),
                Boolean.TRUE.equals(t.getExercise()),
                data)
            .by(user.username(), null));
  }
}
