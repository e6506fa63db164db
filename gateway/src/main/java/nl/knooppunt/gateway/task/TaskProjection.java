package nl.knooppunt.gateway.task;

import static nl.knooppunt.gateway.readmodel.Columns.firstNonNull;
import static nl.knooppunt.gateway.readmodel.Columns.ts;

import java.util.Map;
import nl.knooppunt.gateway.readmodel.Projection;
import nl.knooppunt.processes.Variable;
import nl.knooppunt.processes.events.CloudEvent;
import nl.knooppunt.processes.events.CloudEventJson;
import nl.knooppunt.processes.events.EventPayload;
import nl.knooppunt.processes.events.TaskChanged;
import nl.knooppunt.processes.events.TaskClaimChanged;
import nl.knooppunt.processes.events.TaskCompletedByUser;
import nl.knooppunt.processes.events.TaskCreated;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The inbox's table: a task appears, is assigned, claimed, given back, completed or cancelled. */
@Component
@Order(20)
class TaskProjection implements Projection {

  private final JdbcTemplate jdbc;

  TaskProjection(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void project(CloudEvent<? extends EventPayload> e) {
    EventPayload data = e.data();
    switch (e.type()) {
      case TAAK_AANGEMAAKT -> taskCreated(e, (TaskCreated) data);
      case TAAK_TOEGEWEZEN ->
          jdbc.update(
              "update task set assignee = ? where task_key = ? and state = 'OPEN'",
              ((TaskChanged) data).assignee(),
              ((TaskChanged) data).taskKey());
      case TAAK_GECLAIMD ->
          jdbc.update(
              "update task set assignee = ? where task_key = ? and state = 'OPEN'",
              firstNonNull(((TaskClaimChanged) data).assignee(), e.actor()),
              ((TaskClaimChanged) data).taskKey());
      case TAAK_VRIJGEGEVEN ->
          jdbc.update(
              "update task set assignee = null where task_key = ? and state = 'OPEN'",
              ((TaskClaimChanged) data).taskKey());
      case TAAK_VOLTOOID ->
          jdbc.update(
              "update task set state = 'COMPLETED', ended_at = coalesce(ended_at, ?) where task_key"
                  + " = ? and state <> 'CANCELED'",
              ts(e.time()),
              ((TaskChanged) data).taskKey());
      case TAAK_AFGEROND -> taskCompletedByUser(e, (TaskCompletedByUser) data);
      case TAAK_GEANNULEERD ->
          jdbc.update(
              "update task set state = 'CANCELED', ended_at = coalesce(ended_at, ?) where task_key ="
                  + " ? and state = 'OPEN'",
              ts(e.time()),
              ((TaskChanged) data).taskKey());
      default -> {
        // not about a task
      }
    }
  }

  private void taskCreated(CloudEvent<?> e, TaskCreated d) {
    Object recipient = d.variables().get(Variable.ONTVANGER.variableName());
    Object subject = d.variables().get(Variable.ONDERWERP.variableName());
    jdbc.update(
        "insert into task (task_key, crisis_id, process_id, element_id, name, form_key,"
            + " candidate_groups, candidate_users, assignee, vr_code, state, exercise,"
            + " process_instance_key, created_at, due_at, sla, variables, subject) values (?, ?, ?,"
            + " ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?, ?, ?, ?, ?, ?) on conflict (task_key) do update"
            + " set"
            + " candidate_groups = excluded.candidate_groups, candidate_users ="
            + " excluded.candidate_users, due_at = coalesce(excluded.due_at, task.due_at),"
            + " variables = coalesce(excluded.variables, task.variables)",
        d.taskKey(),
        e.crisisId(),
        d.process(),
        d.elementId(),
        d.name(),
        d.formKey(),
        d.candidateGroups().toArray(String[]::new),
        d.candidateUsers().toArray(String[]::new),
        d.assignee(),
        d.vrCode(),
        e.exercise(),
        d.processInstanceKey(),
        ts(e.time()),
        ts(d.dueAt()),
        d.sla(),
        d.variables().isEmpty() ? null : CloudEventJson.writeValue(d.variables()),
        subject instanceof String about && !about.isBlank()
            ? about
            : recipient instanceof Map<?, ?> r && r.get("naam") != null
                ? String.valueOf(r.get("naam"))
                : null);
  }

  private void taskCompletedByUser(CloudEvent<?> e, TaskCompletedByUser d) {
    Map<String, Object> form = d.form();
    jdbc.update(
        "update task set state = 'COMPLETED', ended_at = coalesce(ended_at, ?), completed_by ="
            + " coalesce(completed_by, ?), completion_data = coalesce(completion_data, ?) where"
            + " task_key = ? and state <> 'CANCELED'",
        ts(e.time()),
        e.actor(),
        CloudEventJson.writeValue(form),
        d.taskKey());
  }
}
