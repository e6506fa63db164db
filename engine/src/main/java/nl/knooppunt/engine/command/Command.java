package nl.knooppunt.engine.command;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;
import java.util.Map;

/**
 * A command accepted by the engine. Commands are the journal's entries: the engine is a
 * deterministic state machine, so replaying the journaled commands (each with the engine time it
 * was processed at) over the last snapshot rebuilds exactly the state that was acknowledged.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "@c")
@JsonSubTypes({
  @JsonSubTypes.Type(value = Command.Deploy.class, name = "Deploy"),
  @JsonSubTypes.Type(value = Command.CreateInstance.class, name = "CreateInstance"),
  @JsonSubTypes.Type(value = Command.CancelInstance.class, name = "CancelInstance"),
  @JsonSubTypes.Type(value = Command.SetVariables.class, name = "SetVariables"),
  @JsonSubTypes.Type(value = Command.PublishMessage.class, name = "PublishMessage"),
  @JsonSubTypes.Type(value = Command.BroadcastSignal.class, name = "BroadcastSignal"),
  @JsonSubTypes.Type(value = Command.CorrelateMessage.class, name = "CorrelateMessage"),
  @JsonSubTypes.Type(value = Command.ActivateJobs.class, name = "ActivateJobs"),
  @JsonSubTypes.Type(value = Command.YieldJobs.class, name = "YieldJobs"),
  @JsonSubTypes.Type(value = Command.CompleteJob.class, name = "CompleteJob"),
  @JsonSubTypes.Type(value = Command.FailJob.class, name = "FailJob"),
  @JsonSubTypes.Type(value = Command.ThrowError.class, name = "ThrowError"),
  @JsonSubTypes.Type(value = Command.UpdateJobRetries.class, name = "UpdateJobRetries"),
  @JsonSubTypes.Type(value = Command.UpdateJobTimeout.class, name = "UpdateJobTimeout"),
  @JsonSubTypes.Type(value = Command.ResolveIncident.class, name = "ResolveIncident"),
  @JsonSubTypes.Type(value = Command.CompleteUserTask.class, name = "CompleteUserTask"),
  @JsonSubTypes.Type(value = Command.AssignUserTask.class, name = "AssignUserTask"),
  @JsonSubTypes.Type(value = Command.UpdateUserTask.class, name = "UpdateUserTask"),
  @JsonSubTypes.Type(value = Command.PinClock.class, name = "PinClock"),
  @JsonSubTypes.Type(value = Command.ResetClock.class, name = "ResetClock"),
  @JsonSubTypes.Type(value = Command.Tick.class, name = "Tick"),
  @JsonSubTypes.Type(value = Command.DeleteResource.class, name = "DeleteResource"),
  @JsonSubTypes.Type(value = Command.ModifyInstance.class, name = "ModifyInstance"),
  @JsonSubTypes.Type(value = Command.MigrateInstance.class, name = "MigrateInstance")
})
public sealed interface Command {

  /** One resource of a deployment. */
  record Resource(String name, byte[] content) {}

  record Deploy(List<Resource> resources) implements Command {}

  record CreateInstance(
      String bpmnProcessId,
      int version,
      long processDefinitionKey,
      Map<String, Object> variables,
      List<String> startElementIds)
      implements Command {}

  record CancelInstance(long processInstanceKey) implements Command {}

  record SetVariables(long elementInstanceKey, Map<String, Object> variables, boolean local)
      implements Command {}

  record PublishMessage(
      String name,
      String correlationKey,
      long timeToLive,
      String messageId,
      Map<String, Object> variables)
      implements Command {}

  record BroadcastSignal(String signalName, Map<String, Object> variables) implements Command {}

  /**
   * Correlates a message at once (REST {@code /v2/messages/correlation}): like a publication with
   * time to live 0, answered with the first process instance it correlated with.
   */
  record CorrelateMessage(String name, String correlationKey, Map<String, Object> variables)
      implements Command {}

  /**
   * Activates up to {@code max} jobs of a type. Journaled only when it activated some, and then
   * with the {@code jobKeys} it picked, so replay activates exactly the same jobs.
   */
  record ActivateJobs(
      String type,
      String worker,
      long timeout,
      int max,
      List<String> fetchVariables,
      List<Long> jobKeys)
      implements Command {

    public ActivateJobs withJobKeys(List<Long> keys) {
      return new ActivateJobs(type, worker, timeout, max, fetchVariables, keys);
    }
  }

  /** Activated jobs that could not be handed to the worker (it went away) become activatable. */
  record YieldJobs(List<Long> jobKeys) implements Command {}

  /** The {@code result} of a task-listener job: denial and corrections. */
  record JobResultData(Boolean denied, String deniedReason, Map<String, Object> corrections) {}

  record CompleteJob(long jobKey, Map<String, Object> variables, JobResultData result)
      implements Command {}

  record FailJob(
      long jobKey,
      int retries,
      String errorMessage,
      long retryBackOff,
      Map<String, Object> variables)
      implements Command {}

  record ThrowError(
      long jobKey, String errorCode, String errorMessage, Map<String, Object> variables)
      implements Command {}

  record UpdateJobRetries(long jobKey, int retries) implements Command {}

  record UpdateJobTimeout(long jobKey, long timeout) implements Command {}

  record ResolveIncident(long incidentKey) implements Command {}

  record CompleteUserTask(
      long userTaskKey, Map<String, Object> variables, String action, long requestId)
      implements Command {}

  /** Assignment; {@code assignee} empty means unassign. */
  record AssignUserTask(
      long userTaskKey, String assignee, boolean allowOverride, String action, long requestId)
      implements Command {}

  record UpdateUserTask(
      long userTaskKey, Map<String, Object> changeset, String action, long requestId)
      implements Command {}

  record PinClock(long timestamp) implements Command {}

  record ResetClock() implements Command {}

  /** Fires what is due at the entry's time: timers, job time-outs and back-offs, message TTLs. */
  record Tick() implements Command {}

  /** Deletes a deployed process definition, decision requirements graph or form by key. */
  record DeleteResource(long resourceKey) implements Command {}

  /** Variables to set before an activation: in the scope of {@code scopeId}, or the process. */
  record VariableInstruction(String scopeId, Map<String, Object> variables) {}

  /** Activates {@code elementId}, in the flow scope below {@code ancestorElementInstanceKey}. */
  record ActivateInstruction(
      String elementId, long ancestorElementInstanceKey, List<VariableInstruction> variables) {}

  /** Process instance modification: activations first, then terminations (as Camunda). */
  record ModifyInstance(
      long processInstanceKey,
      List<ActivateInstruction> activate,
      List<Long> terminateElementInstanceKeys)
      implements Command {}

  /** Maps an active element of the source definition onto one of the target definition. */
  record MappingInstruction(String sourceElementId, String targetElementId) {}

  /** Process instance migration to another process definition. */
  record MigrateInstance(
      long processInstanceKey, long targetProcessDefinitionKey, List<MappingInstruction> mappings)
      implements Command {}
}
