package nl.knooppunt.engine.grpc;

import io.camunda.zeebe.gateway.protocol.GatewayGrpc;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.*;
import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.IntSupplier;
import nl.knooppunt.engine.EngineException;
import nl.knooppunt.engine.command.Command;
import nl.knooppunt.engine.runtime.ActivatedJobData;
import nl.knooppunt.engine.runtime.Engine;
import nl.knooppunt.engine.runtime.EngineLoop;
import nl.knooppunt.engine.runtime.JobRequest;
import nl.knooppunt.engine.runtime.StateReader;
import nl.knooppunt.engine.runtime.state.DeployedProcess;

/**
 * The Camunda 8 gateway service ({@code gateway.proto}) over the engine loop. Requests are
 * validated here, turned into {@link Command}s, and answered after the command is durable.
 */
public final class GatewayService extends GatewayGrpc.GatewayImplBase {

  /** Camunda's gateway long-polling default when a request gives requestTimeout 0. */
  private static final long DEFAULT_LONG_POLL_MS = 10_000;

  public static final String VERSION = "8.8.14";

  private final EngineLoop loop;
  private final IntSupplier port;

  public GatewayService(EngineLoop loop, IntSupplier port) {
    this.loop = loop;
    this.port = port;
  }

  // ---- helpers ------------------------------------------------------------------------------

  static Status toStatus(EngineException e) {
    Status s =
        switch (e.reason()) {
          case NOT_FOUND -> Status.NOT_FOUND;
          case INVALID_ARGUMENT -> Status.INVALID_ARGUMENT;
          case FAILED_PRECONDITION, INVALID_STATE -> Status.FAILED_PRECONDITION;
          case ALREADY_EXISTS -> Status.ALREADY_EXISTS;
          case RESOURCE_EXHAUSTED -> Status.RESOURCE_EXHAUSTED;
          case FORBIDDEN -> Status.PERMISSION_DENIED;
          case UNAVAILABLE -> Status.UNAVAILABLE;
          case INTERNAL -> Status.INTERNAL;
        };
    return s.withDescription(e.getMessage());
  }

  private <T> void submit(
      Command command, StreamObserver<T> observer, Function<Object, T> toResponse) {
    loop.submit(
        command,
        (result, error) -> {
          try {
            if (error != null) {
              observer.onError(toStatus(error).asRuntimeException());
            } else {
              observer.onNext(toResponse.apply(result));
              observer.onCompleted();
            }
          } catch (RuntimeException e) {
            // the client went away
          }
        });
  }

  /** Single tenant: only the default tenant (or none) is accepted. */
  static void requireDefaultTenant(String tenantId) {
    if (tenantId != null && !tenantId.isEmpty() && !"<default>".equals(tenantId)) {
      throw EngineException.invalidArgument(
          "Expected to handle the request for tenant '"
              + tenantId
              + "', but multi-tenancy is not supported by the embedded engine (only '<default>')");
    }
  }

  private static <T> boolean reject(StreamObserver<T> observer, Runnable validation) {
    try {
      validation.run();
      return false;
    } catch (EngineException e) {
      observer.onError(toStatus(e).asRuntimeException());
      return true;
    }
  }

  // ---- cluster ------------------------------------------------------------------------------

  @Override
  public void topology(TopologyRequest request, StreamObserver<TopologyResponse> observer) {
    Partition partition =
        Partition.newBuilder()
            .setPartitionId(1)
            .setRole(Partition.PartitionBrokerRole.LEADER)
            .setHealth(Partition.PartitionBrokerHealth.HEALTHY)
            .build();
    BrokerInfo broker =
        BrokerInfo.newBuilder()
            .setNodeId(0)
            .setHost("localhost")
            .setPort(port.getAsInt())
            .setVersion(VERSION)
            .addPartitions(partition)
            .build();
    observer.onNext(
        TopologyResponse.newBuilder()
            .addBrokers(broker)
            .setClusterSize(1)
            .setPartitionsCount(1)
            .setReplicationFactor(1)
            .setGatewayVersion(VERSION)
            .build());
    observer.onCompleted();
  }

  // ---- deployment ---------------------------------------------------------------------------

  @Override
  public void deployResource(
      DeployResourceRequest request, StreamObserver<DeployResourceResponse> observer) {
    if (reject(observer, () -> requireDefaultTenant(request.getTenantId()))) {
      return;
    }
    List<Command.Resource> resources = new ArrayList<>();
    for (Resource r : request.getResourcesList()) {
      resources.add(new Command.Resource(r.getName(), r.getContent().toByteArray()));
    }
    submit(
        new Command.Deploy(resources),
        observer,
        result -> {
          Engine.DeployResult d = (Engine.DeployResult) result;
          DeployResourceResponse.Builder b =
              DeployResourceResponse.newBuilder()
                  .setKey(d.deploymentKey())
                  .setTenantId("<default>");
          for (DeployedProcess p : d.processes()) {
            b.addDeployments(
                Deployment.newBuilder()
                    .setProcess(
                        ProcessMetadata.newBuilder()
                            .setBpmnProcessId(p.bpmnProcessId)
                            .setVersion(p.version)
                            .setProcessDefinitionKey(p.key)
                            .setResourceName(p.resourceName)
                            .setTenantId("<default>")));
          }
          for (var r : d.decisionRequirements()) {
            b.addDeployments(
                Deployment.newBuilder()
                    .setDecisionRequirements(
                        DecisionRequirementsMetadata.newBuilder()
                            .setDmnDecisionRequirementsId(r.decisionRequirementsId)
                            .setDmnDecisionRequirementsName(r.name)
                            .setVersion(r.version)
                            .setDecisionRequirementsKey(r.key)
                            .setResourceName(r.resourceName)
                            .setTenantId("<default>")));
          }
          for (var dec : d.decisions()) {
            b.addDeployments(
                Deployment.newBuilder()
                    .setDecision(
                        DecisionMetadata.newBuilder()
                            .setDmnDecisionId(dec.decisionId)
                            .setDmnDecisionName(dec.name)
                            .setVersion(dec.version)
                            .setDecisionKey(dec.key)
                            .setDmnDecisionRequirementsId(dec.decisionRequirementsId)
                            .setDecisionRequirementsKey(dec.decisionRequirementsKey)
                            .setTenantId("<default>")));
          }
          for (nl.knooppunt.engine.runtime.state.DeployedForm f : d.forms()) {
            b.addDeployments(
                Deployment.newBuilder()
                    .setForm(
                        FormMetadata.newBuilder()
                            .setFormId(f.formId)
                            .setVersion(f.version)
                            .setFormKey(f.key)
                            .setResourceName(f.resourceName)
                            .setTenantId("<default>")));
          }
          return b.build();
        });
  }

  /**
   * EvaluateDecision (docs.camunda.io, Zeebe API gateway service): the decision by key, or the
   * latest version of the decision id, evaluated with the variables; an evaluation failure is
   * answered with {@code failureMessage}, an unknown decision with NOT_FOUND.
   */
  @Override
  public void evaluateDecision(
      EvaluateDecisionRequest request, StreamObserver<EvaluateDecisionResponse> observer) {
    Map<String, Object>[] vars = new Map[1];
    if (reject(
        observer,
        () -> {
          requireDefaultTenant(request.getTenantId());
          if (request.getDecisionKey() <= 0 && request.getDecisionId().isEmpty()) {
            throw EngineException.invalidArgument(
                "Expected either a decision key or a decision id, but none given");
          }
          vars[0] = VariableDocuments.parse(request.getVariables(), "variables");
        })) {
      return;
    }
    loop.query(
        reader -> reader.decision(request.getDecisionKey(), request.getDecisionId()),
        (result, error) -> {
          try {
            if (error != null) {
              observer.onError(toStatus(error).asRuntimeException());
              return;
            }
            if (result == null) {
              observer.onError(
                  Status.NOT_FOUND
                      .withDescription(
                          "Expected to evaluate decision '"
                              + (request.getDecisionKey() > 0
                                  ? String.valueOf(request.getDecisionKey())
                                  : request.getDecisionId())
                              + "', but no such decision is deployed")
                      .asRuntimeException());
              return;
            }
            observer.onNext(
                DecisionResponses.evaluate((StateReader.DecisionSnapshot) result, vars[0]));
            observer.onCompleted();
          } catch (RuntimeException e) {
            // the client went away
          }
        });
  }

  @Override
  public void deployProcess(
      DeployProcessRequest request, StreamObserver<DeployProcessResponse> observer) {
    List<Command.Resource> resources = new ArrayList<>();
    for (ProcessRequestObject r : request.getProcessesList()) {
      resources.add(new Command.Resource(r.getName(), r.getDefinition().toByteArray()));
    }
    submit(
        new Command.Deploy(resources),
        observer,
        result -> {
          Engine.DeployResult d = (Engine.DeployResult) result;
          DeployProcessResponse.Builder b =
              DeployProcessResponse.newBuilder().setKey(d.deploymentKey());
          for (DeployedProcess p : d.processes()) {
            b.addProcesses(
                ProcessMetadata.newBuilder()
                    .setBpmnProcessId(p.bpmnProcessId)
                    .setVersion(p.version)
                    .setProcessDefinitionKey(p.key)
                    .setResourceName(p.resourceName)
                    .setTenantId("<default>"));
          }
          return b.build();
        });
  }

  // ---- process instances --------------------------------------------------------------------

  private Command.CreateInstance createCommand(CreateProcessInstanceRequest r) {
    requireDefaultTenant(r.getTenantId());
    List<String> starts = new ArrayList<>();
    for (ProcessInstanceCreationStartInstruction s : r.getStartInstructionsList()) {
      starts.add(s.getElementId());
    }
    if (r.getRuntimeInstructionsCount() > 0) {
      throw EngineException.invalidArgument(
          "Runtime instructions of CreateProcessInstance are not supported by the embedded"
              + " engine");
    }
    return new Command.CreateInstance(
        r.getBpmnProcessId(),
        r.getVersion(),
        r.getProcessDefinitionKey(),
        VariableDocuments.parse(r.getVariables(), "variables"),
        starts);
  }

  private static CreateProcessInstanceResponse created(Object result) {
    Engine.CreateResult c = (Engine.CreateResult) result;
    return CreateProcessInstanceResponse.newBuilder()
        .setProcessDefinitionKey(c.process().key)
        .setBpmnProcessId(c.process().bpmnProcessId)
        .setVersion(c.process().version)
        .setProcessInstanceKey(c.processInstanceKey())
        .setTenantId("<default>")
        .build();
  }

  @Override
  public void createProcessInstance(
      CreateProcessInstanceRequest request,
      StreamObserver<CreateProcessInstanceResponse> observer) {
    Command.CreateInstance[] cmd = new Command.CreateInstance[1];
    if (reject(observer, () -> cmd[0] = createCommand(request))) {
      return;
    }
    submit(cmd[0], observer, GatewayService::created);
  }

  @Override
  public void createProcessInstanceWithResult(
      CreateProcessInstanceWithResultRequest request,
      StreamObserver<CreateProcessInstanceWithResultResponse> observer) {
    Command.CreateInstance[] cmd = new Command.CreateInstance[1];
    if (reject(observer, () -> cmd[0] = createCommand(request.getRequest()))) {
      return;
    }
    List<String> fetch = request.getFetchVariablesList();
    java.util.concurrent.atomic.AtomicReference<Engine.CreateResult> created =
        new java.util.concurrent.atomic.AtomicReference<>();
    EngineLoop.Callback[] end = new EngineLoop.Callback[1];
    ResultDeadlines.Deadline deadline =
        ResultDeadlines.start(
            request.getRequestTimeout(),
            () -> {
              Engine.CreateResult c = created.get();
              if (c != null) {
                loop.forgetResult(c.processInstanceKey(), end[0]);
              }
              safeError(
                  observer,
                  Status.DEADLINE_EXCEEDED.withDescription(
                      "Expected to complete process instance"
                          + (c == null ? "" : " '" + c.processInstanceKey() + "'")
                          + " within the requestTimeout of "
                          + (request.getRequestTimeout() > 0
                              ? request.getRequestTimeout()
                              : ResultDeadlines.GATEWAY_DEFAULT_MS)
                          + " ms, but it has not completed yet"));
            });
    EngineLoop.Callback onCreated =
        (result, error) -> {
          if (error != null) {
            if (deadline.claim()) {
              safeError(observer, toStatus(error));
            }
          } else {
            created.set((Engine.CreateResult) result);
          }
        };
    EngineLoop.Callback onEnd =
        (result, error) -> {
          if (!deadline.claim()) {
            return;
          }
          if (error != null) {
            safeError(observer, toStatus(error));
            return;
          }
          @SuppressWarnings("unchecked")
          Map<String, Object> vars = (Map<String, Object>) result;
          Map<String, Object> out = vars;
          if (!fetch.isEmpty()) {
            out = new java.util.LinkedHashMap<>();
            for (String f : fetch) {
              if (vars.containsKey(f)) {
                out.put(f, vars.get(f));
              }
            }
          }
          Engine.CreateResult c = created.get();
          try {
            observer.onNext(
                CreateProcessInstanceWithResultResponse.newBuilder()
                    .setProcessDefinitionKey(c.process().key)
                    .setBpmnProcessId(c.process().bpmnProcessId)
                    .setVersion(c.process().version)
                    .setProcessInstanceKey(c.processInstanceKey())
                    .setVariables(VariableDocuments.write(out))
                    .setTenantId("<default>")
                    .build());
            observer.onCompleted();
          } catch (RuntimeException e) {
            // client gone
          }
        };
    end[0] = onEnd;
    if (observer instanceof ServerCallStreamObserver<?> call) {
      call.setOnCancelHandler(
          () -> {
            deadline.claim();
            Engine.CreateResult c = created.get();
            if (c != null) {
              loop.forgetResult(c.processInstanceKey(), onEnd);
            }
          });
    }
    loop.submitWithResult(cmd[0], onCreated, onEnd);
  }

  private static void safeError(StreamObserver<?> observer, Status status) {
    try {
      observer.onError(status.asRuntimeException());
    } catch (RuntimeException e) {
      // client gone
    }
  }

  @Override
  public void cancelProcessInstance(
      CancelProcessInstanceRequest request,
      StreamObserver<CancelProcessInstanceResponse> observer) {
    submit(
        new Command.CancelInstance(request.getProcessInstanceKey()),
        observer,
        r -> CancelProcessInstanceResponse.getDefaultInstance());
  }

  @Override
  public void setVariables(
      SetVariablesRequest request, StreamObserver<SetVariablesResponse> observer) {
    Map<String, Object>[] vars = new Map[1];
    if (reject(
        observer, () -> vars[0] = VariableDocuments.parse(request.getVariables(), "variables"))) {
      return;
    }
    submit(
        new Command.SetVariables(request.getElementInstanceKey(), vars[0], request.getLocal()),
        observer,
        r -> SetVariablesResponse.newBuilder().setKey((Long) r).build());
  }

  // ---- messages and signals -----------------------------------------------------------------

  @Override
  public void publishMessage(
      PublishMessageRequest request, StreamObserver<PublishMessageResponse> observer) {
    Map<String, Object>[] vars = new Map[1];
    if (reject(
        observer,
        () -> {
          requireDefaultTenant(request.getTenantId());
          vars[0] = VariableDocuments.parse(request.getVariables(), "variables");
        })) {
      return;
    }
    submit(
        new Command.PublishMessage(
            request.getName(),
            request.getCorrelationKey(),
            request.getTimeToLive(),
            request.getMessageId(),
            vars[0]),
        observer,
        r -> PublishMessageResponse.newBuilder().setKey((Long) r).setTenantId("<default>").build());
  }

  @Override
  public void broadcastSignal(
      BroadcastSignalRequest request, StreamObserver<BroadcastSignalResponse> observer) {
    Map<String, Object>[] vars = new Map[1];
    if (reject(
        observer, () -> vars[0] = VariableDocuments.parse(request.getVariables(), "variables"))) {
      return;
    }
    submit(
        new Command.BroadcastSignal(request.getSignalName(), vars[0]),
        observer,
        r ->
            BroadcastSignalResponse.newBuilder().setKey((Long) r).setTenantId("<default>").build());
  }

  // ---- jobs ---------------------------------------------------------------------------------

  @Override
  public void activateJobs(
      ActivateJobsRequest request, StreamObserver<ActivateJobsResponse> observer) {
    if (request.getType().isBlank()) {
      safeError(
          observer,
          Status.INVALID_ARGUMENT.withDescription(
              "Expected to activate jobs of a non-empty type, but the type was empty"));
      return;
    }
    if (request.getMaxJobsToActivate() < 1) {
      safeError(
          observer,
          Status.INVALID_ARGUMENT.withDescription(
              "Expected to activate at least 1 job, but maxJobsToActivate was "
                  + request.getMaxJobsToActivate()));
      return;
    }
    if (request.getTimeout() < 1) {
      safeError(
          observer,
          Status.INVALID_ARGUMENT.withDescription(
              "Expected a job timeout of at least 1 ms, but was " + request.getTimeout()));
      return;
    }
    long pollMs = request.getRequestTimeout();
    if (pollMs == 0) {
      pollMs = DEFAULT_LONG_POLL_MS;
    }
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(Math.max(0, pollMs));
    JobRequest[] holder = new JobRequest[1];
    holder[0] =
        new JobRequest(
            request.getType(),
            request.getWorker(),
            request.getTimeout(),
            request.getMaxJobsToActivate(),
            request.getFetchVariableList(),
            deadline,
            false,
            jobs -> {
              try {
                if (observer instanceof ServerCallStreamObserver<?> s && s.isCancelled()) {
                  yieldBack(jobs);
                  return;
                }
                ActivateJobsResponse.Builder b = ActivateJobsResponse.newBuilder();
                jobs.forEach(j -> b.addJobs(toProto(j)));
                observer.onNext(b.build());
                observer.onCompleted();
              } catch (RuntimeException e) {
                // the client went away: the jobs become activatable again at once
                yieldBack(jobs);
              }
            });
    if (observer instanceof ServerCallStreamObserver<ActivateJobsResponse> s) {
      s.setOnCancelHandler(() -> loop.removeJobRequest(holder[0]));
    }
    loop.addJobRequest(holder[0]);
  }

  @Override
  public void streamActivatedJobs(
      StreamActivatedJobsRequest request, StreamObserver<ActivatedJob> observer) {
    if (request.getType().isBlank() || request.getTimeout() < 1) {
      safeError(
          observer,
          Status.INVALID_ARGUMENT.withDescription(
              "Expected a non-empty job type and a timeout of at least 1 ms"));
      return;
    }
    JobRequest[] holder = new JobRequest[1];
    holder[0] =
        new JobRequest(
            request.getType(),
            request.getWorker(),
            request.getTimeout(),
            Integer.MAX_VALUE,
            request.getFetchVariableList(),
            Long.MAX_VALUE,
            true,
            jobs -> {
              int sent = 0;
              try {
                for (ActivatedJobData j : jobs) {
                  if (observer instanceof ServerCallStreamObserver<?> s && s.isCancelled()) {
                    break;
                  }
                  observer.onNext(toProto(j));
                  sent++;
                }
              } catch (RuntimeException e) {
                loop.removeJobRequest(holder[0]);
              }
              if (sent < jobs.size()) {
                loop.removeJobRequest(holder[0]);
                yieldBack(jobs.subList(sent, jobs.size()));
              }
            });
    if (observer instanceof ServerCallStreamObserver<ActivatedJob> s) {
      s.setOnCancelHandler(() -> loop.removeJobRequest(holder[0]));
    }
    loop.addJobRequest(holder[0]);
  }

  private void yieldBack(List<ActivatedJobData> jobs) {
    if (!jobs.isEmpty()) {
      loop.submit(
          new Command.YieldJobs(jobs.stream().map(ActivatedJobData::key).toList()), (r, e) -> {});
    }
  }

  static ActivatedJob toProto(ActivatedJobData j) {
    ActivatedJob.Builder b =
        ActivatedJob.newBuilder()
            .setKey(j.key())
            .setType(j.type())
            .setProcessInstanceKey(j.processInstanceKey())
            .setBpmnProcessId(j.bpmnProcessId())
            .setProcessDefinitionVersion(j.processDefinitionVersion())
            .setProcessDefinitionKey(j.processDefinitionKey())
            .setElementId(j.elementId())
            .setElementInstanceKey(j.elementInstanceKey())
            .setCustomHeaders(VariableDocuments.write(j.customHeaders()))
            .setWorker(j.worker())
            .setRetries(j.retries())
            .setDeadline(j.deadline())
            .setVariables(j.variablesJson())
            .setTenantId("<default>")
            .setKind(ActivatedJob.JobKind.valueOf(j.kind()));
    if (j.listenerEventType() != null) {
      b.setListenerEventType(ActivatedJob.ListenerEventType.valueOf(j.listenerEventType()));
    } else {
      b.setListenerEventType(ActivatedJob.ListenerEventType.UNSPECIFIED);
    }
    if (j.userTask() != null) {
      b.setUserTask(userTask(j.userTask()));
    }
    return b.build();
  }

  @SuppressWarnings("unchecked")
  private static UserTaskProperties userTask(Map<String, Object> p) {
    UserTaskProperties.Builder b = UserTaskProperties.newBuilder();
    if (p.get("action") != null) {
      b.setAction((String) p.get("action"));
    }
    if (p.get("assignee") != null) {
      b.setAssignee((String) p.get("assignee"));
    }
    b.addAllCandidateGroups((List<String>) p.get("candidateGroups"));
    b.addAllCandidateUsers((List<String>) p.get("candidateUsers"));
    b.addAllChangedAttributes((List<String>) p.get("changedAttributes"));
    if (p.get("dueDate") != null) {
      b.setDueDate((String) p.get("dueDate"));
    }
    if (p.get("followUpDate") != null) {
      b.setFollowUpDate((String) p.get("followUpDate"));
    }
    if (p.get("formKey") != null) {
      b.setFormKey((Long) p.get("formKey"));
    }
    if (p.get("priority") != null) {
      b.setPriority((Integer) p.get("priority"));
    }
    b.setUserTaskKey((Long) p.get("userTaskKey"));
    return b.build();
  }

  @Override
  public void completeJob(
      CompleteJobRequest request, StreamObserver<CompleteJobResponse> observer) {
    Map<String, Object>[] vars = new Map[1];
    if (reject(
        observer, () -> vars[0] = VariableDocuments.parse(request.getVariables(), "variables"))) {
      return;
    }
    Command.JobResultData result = null;
    if (request.hasResult()) {
      JobResult r = request.getResult();
      if (r.getActivateElementsCount() > 0
          || r.hasIsCompletionConditionFulfilled()
          || r.hasIsCancelRemainingInstances()) {
        safeError(
            observer,
            Status.INVALID_ARGUMENT.withDescription(
                "Ad-hoc sub-process job results are not supported by the embedded engine"));
        return;
      }
      Map<String, Object> corrections = new java.util.LinkedHashMap<>();
      if (r.hasCorrections()) {
        JobResultCorrections c = r.getCorrections();
        if (c.hasAssignee()) {
          corrections.put("assignee", c.getAssignee());
        }
        if (c.hasDueDate()) {
          corrections.put("dueDate", c.getDueDate());
        }
        if (c.hasFollowUpDate()) {
          corrections.put("followUpDate", c.getFollowUpDate());
        }
        if (c.hasCandidateUsers()) {
          corrections.put("candidateUsers", new ArrayList<>(c.getCandidateUsers().getValuesList()));
        }
        if (c.hasCandidateGroups()) {
          corrections.put(
              "candidateGroups", new ArrayList<>(c.getCandidateGroups().getValuesList()));
        }
        if (c.hasPriority()) {
          corrections.put("priority", c.getPriority());
        }
      }
      result =
          new Command.JobResultData(
              r.hasDenied() ? r.getDenied() : null,
              r.hasDeniedReason() ? r.getDeniedReason() : null,
              corrections);
    }
    submit(
        new Command.CompleteJob(request.getJobKey(), vars[0], result),
        observer,
        r -> CompleteJobResponse.getDefaultInstance());
  }

  @Override
  public void failJob(FailJobRequest request, StreamObserver<FailJobResponse> observer) {
    Map<String, Object>[] vars = new Map[1];
    if (reject(
        observer, () -> vars[0] = VariableDocuments.parse(request.getVariables(), "variables"))) {
      return;
    }
    submit(
        new Command.FailJob(
            request.getJobKey(),
            request.getRetries(),
            request.getErrorMessage(),
            request.getRetryBackOff(),
            vars[0]),
        observer,
        r -> FailJobResponse.getDefaultInstance());
  }

  @Override
  public void throwError(ThrowErrorRequest request, StreamObserver<ThrowErrorResponse> observer) {
    Map<String, Object>[] vars = new Map[1];
    if (reject(
        observer, () -> vars[0] = VariableDocuments.parse(request.getVariables(), "variables"))) {
      return;
    }
    if (request.getErrorCode().isBlank()) {
      safeError(
          observer,
          Status.INVALID_ARGUMENT.withDescription(
              "Expected to throw an error with a non-empty error code"));
      return;
    }
    submit(
        new Command.ThrowError(
            request.getJobKey(), request.getErrorCode(), request.getErrorMessage(), vars[0]),
        observer,
        r -> ThrowErrorResponse.getDefaultInstance());
  }

  @Override
  public void updateJobRetries(
      UpdateJobRetriesRequest request, StreamObserver<UpdateJobRetriesResponse> observer) {
    submit(
        new Command.UpdateJobRetries(request.getJobKey(), request.getRetries()),
        observer,
        r -> UpdateJobRetriesResponse.getDefaultInstance());
  }

  @Override
  public void updateJobTimeout(
      UpdateJobTimeoutRequest request, StreamObserver<UpdateJobTimeoutResponse> observer) {
    submit(
        new Command.UpdateJobTimeout(request.getJobKey(), request.getTimeout()),
        observer,
        r -> UpdateJobTimeoutResponse.getDefaultInstance());
  }

  @Override
  public void resolveIncident(
      ResolveIncidentRequest request, StreamObserver<ResolveIncidentResponse> observer) {
    submit(
        new Command.ResolveIncident(request.getIncidentKey()),
        observer,
        r -> ResolveIncidentResponse.getDefaultInstance());
  }

  // ---- resources and instance changes (InstanceChangeRequests, runtime/ResourceDeletion,
  // runtime/Modification, runtime/Migration) ----------------------------------------------------

  @Override
  public void deleteResource(
      DeleteResourceRequest request, StreamObserver<DeleteResourceResponse> observer) {
    submit(
        new Command.DeleteResource(request.getResourceKey()),
        observer,
        r -> DeleteResourceResponse.getDefaultInstance());
  }

  @Override
  public void modifyProcessInstance(
      ModifyProcessInstanceRequest request,
      StreamObserver<ModifyProcessInstanceResponse> observer) {
    Command[] command = new Command[1];
    if (reject(observer, () -> command[0] = InstanceChangeRequests.modify(request))) {
      return;
    }
    submit(command[0], observer, r -> ModifyProcessInstanceResponse.getDefaultInstance());
  }

  @Override
  public void migrateProcessInstance(
      MigrateProcessInstanceRequest request,
      StreamObserver<MigrateProcessInstanceResponse> observer) {
    submit(
        InstanceChangeRequests.migrate(request),
        observer,
        r -> MigrateProcessInstanceResponse.getDefaultInstance());
  }
}
