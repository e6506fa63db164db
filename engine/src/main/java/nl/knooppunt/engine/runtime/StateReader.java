package nl.knooppunt.engine.runtime;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import nl.knooppunt.engine.model.ElementKind;
import nl.knooppunt.engine.model.ProcessModel;
import nl.knooppunt.engine.runtime.state.ElementInstance;
import nl.knooppunt.engine.runtime.state.Incident;
import nl.knooppunt.engine.runtime.state.Job;

/**
 * The read side of the engine for queries ({@link EngineLoop#query}): it runs only on the engine
 * thread, changes nothing and hands out immutable snapshots, so callers on other threads never see
 * {@link EngineState} itself. It sees the live state only: resolved incidents and ended instances
 * are not kept.
 */
public final class StateReader {

  /** Camunda's incident error types (Orchestration Cluster API 8.8, {@code IncidentResult}). */
  public static final List<String> ERROR_TYPES =
      List.of(
          "UNSPECIFIED",
          "UNKNOWN",
          "IO_MAPPING_ERROR",
          "JOB_NO_RETRIES",
          "EXECUTION_LISTENER_NO_RETRIES",
          "TASK_LISTENER_NO_RETRIES",
          "AD_HOC_SUB_PROCESS_NO_RETRIES",
          "CONDITION_ERROR",
          "EXTRACT_VALUE_ERROR",
          "CALLED_ELEMENT_ERROR",
          "UNHANDLED_ERROR_EVENT",
          "MESSAGE_SIZE_EXCEEDED",
          "CALLED_DECISION_ERROR",
          "DECISION_EVALUATION_ERROR",
          "FORM_NOT_FOUND",
          "RESOURCE_NOT_FOUND");

  /** An active incident, as the incident search answers it. */
  public record IncidentSnapshot(
      long incidentKey,
      long processDefinitionKey,
      String processDefinitionId,
      long processInstanceKey,
      String errorType,
      String errorMessage,
      String elementId,
      long elementInstanceKey,
      long creationTime,
      Long jobKey) {}

  /** An active process instance, as the process-instance get/search answers it. */
  public record ProcessInstanceSnapshot(
      long processInstanceKey,
      String processDefinitionId,
      String processDefinitionName,
      int processDefinitionVersion,
      long processDefinitionKey,
      Long parentProcessInstanceKey,
      Long parentElementInstanceKey,
      long startTime,
      boolean hasIncident) {}

  /**
   * A live job, as the job search answers it. {@code state} is Camunda's job state of its last
   * change: {@code CREATED} (activatable or activated), {@code FAILED} (failed, with or without
   * retries left) or {@code ERROR_THROWN}; ended jobs are not kept.
   */
  public record JobSnapshot(
      long jobKey,
      String type,
      String worker,
      String state,
      String kind,
      String listenerEventType,
      int retries,
      boolean hasFailedWithRetriesLeft,
      String errorMessage,
      String errorCode,
      Long deadline,
      long processDefinitionKey,
      String processDefinitionId,
      long processInstanceKey,
      String elementId,
      long elementInstanceKey,
      java.util.Map<String, String> customHeaders) {}

  /**
   * A live user task, as the user-task search answers it. Dates are epoch milliseconds (due and
   * follow-up dates parsed from their ISO form; null when absent or not parseable).
   */
  public record UserTaskSnapshot(
      long userTaskKey,
      String name,
      String state,
      String assignee,
      String elementId,
      List<String> candidateGroups,
      List<String> candidateUsers,
      String processDefinitionId,
      long creationDate,
      Long followUpDate,
      Long dueDate,
      String externalFormReference,
      int processDefinitionVersion,
      java.util.Map<String, String> customHeaders,
      int priority,
      long elementInstanceKey,
      String processName,
      long processDefinitionKey,
      long processInstanceKey,
      Long formKey) {}

  private final EngineContext ctx;

  StateReader(EngineContext ctx) {
    this.ctx = ctx;
  }

  private EngineState state() {
    return ctx.state();
  }

  /** The active incidents that match, in creation order. */
  public List<IncidentSnapshot> incidents(Predicate<IncidentSnapshot> filter) {
    List<IncidentSnapshot> out = new ArrayList<>();
    for (Incident i : state().incidents.values()) {
      IncidentSnapshot s = snapshot(i);
      if (filter.test(s)) {
        out.add(s);
      }
    }
    return List.copyOf(out);
  }

  /** The active process instance with this key, if there is one. */
  public Optional<ProcessInstanceSnapshot> processInstance(long processInstanceKey) {
    ElementInstance root = state().instances.get(processInstanceKey);
    if (root == null || root.kind != ElementKind.PROCESS || !root.isProcessInstance()) {
      return Optional.empty();
    }
    return Optional.of(snapshot(root, instancesWithIncident()));
  }

  /** The active process instances that match, in creation order. */
  public List<ProcessInstanceSnapshot> processInstances(Predicate<ProcessInstanceSnapshot> filter) {
    Set<Long> withIncident = instancesWithIncident();
    List<ProcessInstanceSnapshot> out = new ArrayList<>();
    for (ElementInstance inst : state().instances.values()) {
      if (inst.kind == ElementKind.PROCESS && inst.isProcessInstance()) {
        ProcessInstanceSnapshot s = snapshot(inst, withIncident);
        if (filter.test(s)) {
          out.add(s);
        }
      }
    }
    return List.copyOf(out);
  }

  /** The live jobs that match, in creation order. */
  public List<JobSnapshot> jobs(Predicate<JobSnapshot> filter) {
    List<JobSnapshot> out = new ArrayList<>();
    for (Job job : state().jobs.values()) {
      JobSnapshot s = snapshot(job);
      if (filter.test(s)) {
        out.add(s);
      }
    }
    return List.copyOf(out);
  }

  /** The live user tasks that match, in creation order. */
  public List<UserTaskSnapshot> userTasks(Predicate<UserTaskSnapshot> filter) {
    List<UserTaskSnapshot> out = new ArrayList<>();
    for (nl.knooppunt.engine.runtime.state.UserTask task : state().userTasks.values()) {
      UserTaskSnapshot s = snapshot(task);
      if (filter.test(s)) {
        out.add(s);
      }
    }
    return List.copyOf(out);
  }

  private UserTaskSnapshot snapshot(nl.knooppunt.engine.runtime.state.UserTask t) {
    ProcessModel model =
        state().processes.containsKey(t.processDefinitionKey)
            ? ctx.model(t.processDefinitionKey)
            : null;
    var element = model == null ? null : model.elementOrNull(t.elementId);
    String name = element == null || element.name == null ? t.elementId : element.name;
    String processName =
        model == null || model.process().name == null || model.process().name.isBlank()
            ? t.bpmnProcessId
            : model.process().name;
    return new UserTaskSnapshot(
        t.key,
        name,
        t.state.name(),
        t.assignee == null || t.assignee.isEmpty() ? null : t.assignee,
        t.elementId,
        List.copyOf(t.candidateGroups),
        List.copyOf(t.candidateUsers),
        t.bpmnProcessId,
        t.created,
        epochMillis(t.followUpDate),
        epochMillis(t.dueDate),
        t.externalFormReference,
        t.version,
        element == null ? java.util.Map.of() : java.util.Map.copyOf(element.taskHeaders),
        t.priority,
        t.elementInstanceKey,
        processName,
        t.processDefinitionKey,
        t.processInstanceKey,
        t.formKey);
  }

  private static Long epochMillis(String isoDate) {
    if (isoDate == null || isoDate.isBlank()) {
      return null;
    }
    try {
      return java.time.OffsetDateTime.parse(isoDate).toInstant().toEpochMilli();
    } catch (java.time.format.DateTimeParseException e) {
      return null;
    }
  }

  private static JobSnapshot snapshot(Job job) {
    String state =
        switch (job.state) {
          case ACTIVATABLE, ACTIVATED -> "CREATED";
          case BACKOFF, FAILED -> "FAILED";
          case ERROR_THROWN -> "ERROR_THROWN";
        };
    return new JobSnapshot(
        job.key,
        job.type,
        job.worker == null ? "" : job.worker,
        state,
        job.kind == null ? "BPMN_ELEMENT" : job.kind,
        job.listenerEventType == null
            ? "UNSPECIFIED"
            : job.listenerEventType.toUpperCase(java.util.Locale.ROOT),
        job.retries,
        job.state == Job.State.BACKOFF
            || (job.state == Job.State.ACTIVATABLE
                && job.errorMessage != null
                && !job.errorMessage.isEmpty()),
        job.errorMessage == null || job.errorMessage.isEmpty() ? null : job.errorMessage,
        job.errorCode == null || job.errorCode.isEmpty() ? null : job.errorCode,
        job.deadline > 0 ? job.deadline : null,
        job.processDefinitionKey,
        job.bpmnProcessId,
        job.processInstanceKey,
        job.elementId,
        job.elementInstanceKey,
        java.util.Map.copyOf(job.customHeaders));
  }

  private IncidentSnapshot snapshot(Incident i) {
    Job job = i.jobKey > 0 ? state().jobs.get(i.jobKey) : null;
    return new IncidentSnapshot(
        i.key,
        i.processDefinitionKey,
        i.bpmnProcessId,
        i.processInstanceKey,
        camundaErrorType(i.errorType, job),
        i.errorMessage,
        i.elementId,
        i.elementInstanceKey,
        i.created,
        i.jobKey > 0 ? i.jobKey : null);
  }

  /**
   * The engine raises incidents with Camunda's error type names; a task listener job without
   * retries is {@code TASK_LISTENER_NO_RETRIES} in Camunda, and a name Camunda does not know is
   * {@code UNKNOWN}.
   */
  static String camundaErrorType(String engineType, Job job) {
    if ("JOB_NO_RETRIES".equals(engineType) && job != null && "TASK_LISTENER".equals(job.kind)) {
      return "TASK_LISTENER_NO_RETRIES";
    }
    if ("JOB_NO_RETRIES".equals(engineType)
        && job != null
        && "EXECUTION_LISTENER".equals(job.kind)) {
      return "EXECUTION_LISTENER_NO_RETRIES";
    }
    return engineType != null && ERROR_TYPES.contains(engineType) ? engineType : "UNKNOWN";
  }

  private ProcessInstanceSnapshot snapshot(ElementInstance root, Set<Long> withIncident) {
    String name = null;
    if (state().processes.containsKey(root.processDefinitionKey)) {
      ProcessModel model = ctx.model(root.processDefinitionKey);
      name = model == null ? null : model.process().name;
    }
    // as Camunda's exporter: the process name, else the process id
    if (name == null || name.isBlank()) {
      name = root.bpmnProcessId;
    }
    return new ProcessInstanceSnapshot(
        root.key,
        root.bpmnProcessId,
        name,
        root.version,
        root.processDefinitionKey,
        root.parentProcessInstanceKey >= 0 ? root.parentProcessInstanceKey : null,
        root.parentElementInstanceKey >= 0 ? root.parentElementInstanceKey : null,
        root.created,
        withIncident.contains(root.key));
  }

  /**
   * The process instances that have an active incident in themselves or in a process instance they
   * called (directly or further down): as in Camunda, an incident marks every process instance on
   * its call path.
   */
  private Set<Long> instancesWithIncident() {
    Set<Long> out = new HashSet<>();
    for (Incident i : state().incidents.values()) {
      long key = i.processInstanceKey;
      while (key >= 0 && out.add(key)) {
        ElementInstance root = state().instances.get(key);
        key = root == null ? -1 : root.parentProcessInstanceKey;
      }
    }
    return out;
  }

  /** A deployed decision with the resource it lives in, for EvaluateDecision. */
  public record DecisionSnapshot(
      nl.knooppunt.engine.runtime.state.DeployedDecision decision,
      nl.knooppunt.engine.runtime.state.DeployedDecisionRequirements requirements) {}

  /** The decision by key (when > 0), else the latest version of the decision id; null if none. */
  public DecisionSnapshot decision(long decisionKey, String decisionId) {
    nl.knooppunt.engine.runtime.state.DeployedDecision d =
        decisionKey > 0
            ? state().decisions.get(decisionKey)
            : DecisionDeployer.latestDecision(state(), decisionId);
    if (d == null) {
      return null;
    }
    return new DecisionSnapshot(d, state().decisionRequirements.get(d.decisionRequirementsKey));
  }
}
