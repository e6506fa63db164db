package nl.knooppunt.gateway.task;

import java.util.Map;
import nl.knooppunt.api.TakenApi;
import nl.knooppunt.api.model.TaskAssignment;
import nl.knooppunt.api.model.TaskDetail;
import nl.knooppunt.api.model.TaskPage;
import nl.knooppunt.api.model.TaskSort;
import nl.knooppunt.api.model.TaskState;
import nl.knooppunt.api.model.TaskSummary;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/** The task inbox over REST: the generated {@link TakenApi} on {@link TaskService}. */
@RestController
class TaskController implements TakenApi {

  private final TaskService tasks;

  TaskController(TaskService tasks) {
    this.tasks = tasks;
  }

  @Override
  public ResponseEntity<TaskPage> listTasks(
      TaskAssignment assignment,
      TaskState state,
      String crisisId,
      Boolean exercise,
      TaskSort sort,
      Integer page,
      Integer size) {
    return ResponseEntity.ok(tasks.list(assignment, state, crisisId, exercise, sort, page, size));
  }

  @Override
  public ResponseEntity<TaskDetail> getTask(String taskKey) {
    return ResponseEntity.ok(tasks.detail(taskKey));
  }

  @Override
  public ResponseEntity<TaskSummary> claimTask(String taskKey) {
    return ResponseEntity.ok(tasks.claim(taskKey));
  }

  @Override
  public ResponseEntity<TaskSummary> unclaimTask(String taskKey) {
    return ResponseEntity.ok(tasks.unclaim(taskKey));
  }

  @Override
  public ResponseEntity<TaskSummary> completeTask(String taskKey, Map<String, Object> payload) {
    return ResponseEntity.ok(tasks.complete(taskKey, payload));
  }
}
