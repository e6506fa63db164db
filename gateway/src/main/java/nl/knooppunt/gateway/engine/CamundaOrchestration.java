package nl.knooppunt.gateway.engine;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientException;
import io.camunda.client.api.command.ClientStatusException;
import io.camunda.client.api.command.ProblemException;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import nl.knooppunt.processes.MessageName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * {@link Orchestration} over the Camunda Java client (the starter's {@code CamundaClient} bean).
 * Process starts and messages go over gRPC; user-task commands over REST (they have no gRPC form).
 * When the client is disabled ({@code camunda.client.enabled=false}) every call fails with {@link
 * EngineException.Unavailable}.
 */
@Component
class CamundaOrchestration implements Orchestration {

  private static final Logger LOG = LoggerFactory.getLogger(CamundaOrchestration.class);
  private static final Duration TIMEOUT = Duration.ofSeconds(15);

  private final ObjectProvider<CamundaClient> client;

  CamundaOrchestration(ObjectProvider<CamundaClient> client) {
    this.client = client;
  }

  private <T> T call(String what, Function<CamundaClient, T> command) {
    CamundaClient c = client.getIfAvailable();
    if (c == null) {
      throw new EngineException.Unavailable("Er is geen procesengine gekoppeld (camunda.client).");
    }
    try {
      return command.apply(c);
    } catch (ProblemException e) {
      int code = e.code();
      String detail = e.details() == null ? e.getMessage() : e.details().getDetail();
      if (code == 404) {
        throw new EngineException.UnknownToEngine(
            what + ": onbekend bij de procesengine (" + detail + ")");
      }
      if (code == 409 || code == 400) {
        throw new EngineException.Rejected(what + ": " + detail);
      }
      // backpressure: 503 titled RESOURCE_EXHAUSTED (Camunda and the embedded engine), or 429
      if (code == 429
          || (e.details() != null && "RESOURCE_EXHAUSTED".equals(e.details().getTitle()))) {
        throw refusing(what, detail);
      }
      LOG.warn("{} failed: HTTP {} {}", what, code, detail);
      throw new EngineException.Unavailable(what + ": de procesengine antwoordde " + code);
    } catch (ClientStatusException e) {
      switch (e.getStatusCode()) {
        case NOT_FOUND ->
            throw new EngineException.UnknownToEngine(
                what + ": onbekend bij de procesengine (" + e.getMessage() + ")");
        case FAILED_PRECONDITION, ALREADY_EXISTS, INVALID_ARGUMENT ->
            throw new EngineException.Rejected(what + ": " + e.getMessage());
        case RESOURCE_EXHAUSTED -> throw refusing(what, e.getStatus().getDescription());
        default -> {
          LOG.warn("{} failed: {}", what, e.getStatusCode(), e);
          throw new EngineException.Unavailable(what + ": de procesengine is niet bereikbaar");
        }
      }
    } catch (ClientException e) {
      LOG.warn("{} failed", what, e);
      throw new EngineException.Unavailable(what + ": de procesengine is niet bereikbaar");
    }
  }

  /**
   * The engine refuses commands for now (its queue is full, or its journal's disk: docs/adr/0039):
   * a 503 that names the engine's reason, so whoever sees it knows what an operator must fix.
   */
  private static EngineException refusing(String what, String reason) {
    LOG.warn("{} refused by the engine: {}", what, reason);
    return new EngineException.Unavailable(
        what + ": de procesengine neemt nu geen opdrachten aan (" + reason + ")");
  }

  @Override
  public long startProcess(String bpmnProcessId, Object variables) {
    return call(
        "Proces " + bpmnProcessId + " starten",
        c ->
            c.newCreateInstanceCommand()
                .bpmnProcessId(bpmnProcessId)
                .latestVersion()
                .variables(variables)
                .requestTimeout(TIMEOUT)
                .send()
                .join()
                .getProcessInstanceKey());
  }

  @Override
  public long startProcess(String bpmnProcessId, Object variables, Map<String, Object> more) {
    return call(
        "Proces " + bpmnProcessId + " starten",
        c -> {
          // the client's own JSON mapper, so the typed variables read as with startProcess
          io.camunda.client.api.JsonMapper json = c.getConfiguration().getJsonMapper();
          Map<String, Object> all =
              new java.util.LinkedHashMap<>(json.fromJsonAsMap(json.toJson(variables)));
          all.putAll(more);
          return c.newCreateInstanceCommand()
              .bpmnProcessId(bpmnProcessId)
              .latestVersion()
              .variables(all)
              .requestTimeout(TIMEOUT)
              .send()
              .join()
              .getProcessInstanceKey();
        });
  }

  @Override
  public void cancelProcessInstance(long processInstanceKey) {
    call(
        "Procesinstantie " + processInstanceKey + " annuleren",
        c -> c.newCancelInstanceCommand(processInstanceKey).requestTimeout(TIMEOUT).send().join());
  }

  @Override
  public void publishMessage(
      String messageName, String correlationKey, Map<String, Object> variables) {
    call(
        "Bericht " + messageName,
        c ->
            c.newPublishMessageCommand()
                .messageName(messageName)
                .correlationKey(correlationKey)
                .timeToLive(timeToLive(messageName))
                .variables(variables)
                .requestTimeout(TIMEOUT)
                .send()
                .join());
  }

  /** As long as the catalogue says the message may wait for its instance. */
  private static Duration timeToLive(String messageName) {
    return MessageName.of(messageName).map(MessageName::timeToLive).orElse(Duration.ofHours(1));
  }

  @Override
  public void assignTask(long userTaskKey, String assignee) {
    call(
        "Taak " + userTaskKey + " claimen",
        c ->
            c.newAssignUserTaskCommand(userTaskKey)
                .assignee(assignee)
                .allowOverride(false)
                .requestTimeout(TIMEOUT)
                .send()
                .join());
  }

  @Override
  public void unassignTask(long userTaskKey) {
    call(
        "Taak " + userTaskKey + " vrijgeven",
        c -> c.newUnassignUserTaskCommand(userTaskKey).requestTimeout(TIMEOUT).send().join());
  }

  @Override
  public java.util.List<Incident> activeIncidents(int max) {
    return call(
        "Incidenten opvragen",
        c ->
            c
                .newIncidentSearchRequest()
                .filter(f -> f.state(io.camunda.client.api.search.enums.IncidentState.ACTIVE))
                .sort(s -> s.creationTime().asc())
                .page(p -> p.limit(max))
                .requestTimeout(TIMEOUT)
                .send()
                .join()
                .items()
                .stream()
                .map(
                    i ->
                        new Incident(
                            i.getIncidentKey(),
                            i.getProcessInstanceKey(),
                            i.getProcessDefinitionId(),
                            i.getElementId(),
                            i.getErrorType() == null ? null : i.getErrorType().name(),
                            i.getErrorMessage(),
                            i.getCreationTime(),
                            i.getJobKey()))
                .toList());
  }

  @Override
  public java.util.Optional<Incident> incident(long incidentKey) {
    return call(
        "Incident " + incidentKey,
        c ->
            c
                .newIncidentSearchRequest()
                .filter(
                    f ->
                        f.incidentKey(incidentKey)
                            .state(io.camunda.client.api.search.enums.IncidentState.ACTIVE))
                .requestTimeout(TIMEOUT)
                .send()
                .join()
                .items()
                .stream()
                .findFirst()
                .map(
                    i ->
                        new Incident(
                            i.getIncidentKey(),
                            i.getProcessInstanceKey(),
                            i.getProcessDefinitionId(),
                            i.getElementId(),
                            i.getErrorType() == null ? null : i.getErrorType().name(),
                            i.getErrorMessage(),
                            i.getCreationTime(),
                            i.getJobKey())));
  }

  @Override
  public void retryIncident(long incidentKey, Long jobKey, int retries) {
    if (jobKey != null) {
      call(
          "Pogingen van taak " + jobKey + " terugzetten",
          c ->
              c.newUpdateRetriesCommand(jobKey)
                  .retries(retries)
                  .requestTimeout(TIMEOUT)
                  .send()
                  .join());
    }
    call(
        "Incident " + incidentKey + " oplossen",
        c -> c.newResolveIncidentCommand(incidentKey).requestTimeout(TIMEOUT).send().join());
  }

  /** Instances read per page of the process-instance search. */
  private static final int INSTANCE_PAGE = 500;

  @Override
  public java.util.List<RunningProcess> runningProcesses(int max) {
    record Version(String processId, int version) {}
    java.util.Map<Version, long[]> counts =
        new java.util.TreeMap<>(
            java.util.Comparator.comparing(Version::processId).thenComparing(Version::version));
    java.util.Map<Version, String> names = new java.util.HashMap<>();
    String after = null;
    int read = 0;
    while (read < max) {
      String cursor = after;
      int limit = Math.min(INSTANCE_PAGE, max - read);
      io.camunda.client.api.search.response.SearchResponse<
              io.camunda.client.api.search.response.ProcessInstance>
          page =
              call(
                  "Lopende procesinstanties opvragen",
                  c ->
                      c.newProcessInstanceSearchRequest()
                          .filter(
                              f ->
                                  f.state(
                                      io.camunda.client.api.search.enums.ProcessInstanceState
                                          .ACTIVE))
                          .sort(s -> s.processInstanceKey().asc())
                          .page(
                              p -> {
                                p.limit(limit);
                                if (cursor != null) {
                                  p.after(cursor);
                                }
                              })
                          .requestTimeout(TIMEOUT)
                          .send()
                          .join());
      for (var pi : page.items()) {
        Version v =
            new Version(
                pi.getProcessDefinitionId(),
                pi.getProcessDefinitionVersion() == null ? 0 : pi.getProcessDefinitionVersion());
        long[] n = counts.computeIfAbsent(v, k -> new long[2]);
        n[0]++;
        if (Boolean.TRUE.equals(pi.getHasIncident())) {
          n[1]++;
        }
        names.putIfAbsent(v, pi.getProcessDefinitionName());
      }
      read += page.items().size();
      after = page.page() == null ? null : page.page().endCursor();
      if (page.items().size() < limit || after == null) {
        break;
      }
    }
    return counts.entrySet().stream()
        .map(
            e ->
                new RunningProcess(
                    e.getKey().processId(),
                    names.get(e.getKey()),
                    e.getKey().version(),
                    e.getValue()[0],
                    e.getValue()[1]))
        .toList();
  }

  @Override
  public java.util.Optional<Long> parentProcessInstance(long processInstanceKey) {
    try {
      return call(
          "Procesinstantie " + processInstanceKey,
          c ->
              java.util.Optional.ofNullable(
                  c.newProcessInstanceGetRequest(processInstanceKey)
                      .requestTimeout(TIMEOUT)
                      .send()
                      .join()
                      .getParentProcessInstanceKey()));
    } catch (EngineException.UnknownToEngine e) {
      return java.util.Optional.empty();
    }
  }

  @Override
  public void completeTask(long userTaskKey, Map<String, Object> variables) {
    call(
        "Taak " + userTaskKey + " afronden",
        c ->
            c.newCompleteUserTaskCommand(userTaskKey)
                .variables(variables)
                .requestTimeout(TIMEOUT)
                .send()
                .join());
  }
}
