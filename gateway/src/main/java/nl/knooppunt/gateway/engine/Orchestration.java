package nl.knooppunt.gateway.engine;

import java.util.Map;

/**
 * What the gateway asks of the process engine. Implemented with the Camunda Java client ({@link
 * CamundaOrchestration}); the API layer never talks to the client directly, so it is tested without
 * an engine. Failures are {@link EngineException}s: unknown to the engine, rejected in its current
 * state, engine unavailable; the web layer maps them to 404, 409 and 503.
 */
public interface Orchestration {

  /** Starts the latest version of a process; returns the process instance key. */
  long startProcess(String bpmnProcessId, Object variables);

  /**
   * Starts the latest version of a process with its typed start variables and a few more beside
   * them (e.g. {@code alleenInKnooppunt} for an exercise scenario's crisis).
   */
  default long startProcess(String bpmnProcessId, Object variables, Map<String, Object> more) {
    @SuppressWarnings("unchecked")
    Map<String, Object> all =
        new java.util.LinkedHashMap<>(
            new com.fasterxml.jackson.databind.ObjectMapper().convertValue(variables, Map.class));
    all.putAll(more);
    return startProcess(bpmnProcessId, all);
  }

  /** Cancels a running process instance (a start whose crisis could not be recorded). */
  void cancelProcessInstance(long processInstanceKey);

  /** Publishes a message correlated by key (buffered by the engine when nobody waits yet). */
  void publishMessage(String messageName, String correlationKey, Map<String, Object> variables);

  /** Claims a user task for the assignee; refuses when someone else has it. */
  void assignTask(long userTaskKey, String assignee);

  /** Gives a user task back to its groups. */
  void unassignTask(long userTaskKey);

  /** Completes a user task with the form variables. */
  void completeTask(long userTaskKey, Map<String, Object> variables);

  /** A step the engine cannot go on with: an incident. */
  record Incident(
      long key,
      long processInstanceKey,
      String processId,
      String elementId,
      String errorType,
      String errorMessage,
      java.time.OffsetDateTime createdAt,
      Long jobKey) {

    public Incident(
        long key,
        long processInstanceKey,
        String processId,
        String elementId,
        String errorType,
        String errorMessage,
        java.time.OffsetDateTime createdAt) {
      this(key, processInstanceKey, processId, elementId, errorType, errorMessage, createdAt, null);
    }
  }

  /** The active incidents, oldest first, at most {@code max}. */
  java.util.List<Incident> activeIncidents(int max);

  /** The active incident with this key, empty when it is resolved or unknown. */
  java.util.Optional<Incident> incident(long incidentKey);

  /**
   * Retries the step of an incident: gives its job {@code retries} retries back (when it has a job)
   * and resolves the incident, so the engine tries the step again.
   */
  void retryIncident(long incidentKey, Long jobKey, int retries);

  /** How many instances of one version of a process run, and how many of them stand still. */
  record RunningProcess(
      String processId, String name, int version, long instances, long withIncident) {}

  /**
   * The running instances per process and version (at most {@code max} instances are counted; a
   * larger number shows as that maximum).
   */
  java.util.List<RunningProcess> runningProcesses(int max);

  /** The instance that called this one (a call activity), empty for a root or unknown instance. */
  java.util.Optional<Long> parentProcessInstance(long processInstanceKey);
}
