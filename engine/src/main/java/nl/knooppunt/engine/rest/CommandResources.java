package nl.knooppunt.engine.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.knooppunt.engine.EngineException;
import nl.knooppunt.engine.Limits;
import nl.knooppunt.engine.command.Command;
import nl.knooppunt.engine.dmn.Dmn;
import nl.knooppunt.engine.grpc.ResultDeadlines;
import nl.knooppunt.engine.grpc.VariableDocuments;
import nl.knooppunt.engine.runtime.ActivatedJobData;
import nl.knooppunt.engine.runtime.Engine;
import nl.knooppunt.engine.runtime.EngineLoop;
import nl.knooppunt.engine.runtime.JobRequest;
import nl.knooppunt.engine.runtime.StateReader;
import nl.knooppunt.engine.runtime.state.DeployedProcess;

/**
 * The commands of the Orchestration Cluster REST API v2 that the Camunda Java client 8.8 sends with
 * its defaults (REST preferred): deployments, process-instance creation (with await completion) and
 * cancellation, message publication and correlation, signal broadcast, job activation (long
 * polling), completion, failure, error and update, element-instance variables and incident
 * resolution (docs.camunda.io, Orchestration Cluster REST API).
 *
 * <p>Each request is parsed and validated on a REST thread and becomes the same journaled {@link
 * Command} the gRPC gateway submits; the engine thread applies it and answers after it is durable;
 * the JSON answer is written on a REST thread. No REST thread touches engine state. Keys are
 * written as strings, as Camunda 8.8 does.
 */
final class CommandResources {

  private static final ObjectMapper JSON = VariableDocuments.MAPPER;
  private static final String TENANT = "<default>";

  /** Camunda's gateway long-polling default when a request gives no requestTimeout. */
  private static final long DEFAULT_LONG_POLL_MS = 10_000;

  private static final Pattern CANCELLATION =
      Pattern.compile("^/v2/process-instances/([^/]+)/cancellation$");
  private static final Pattern JOB = Pattern.compile("^/v2/jobs/([^/]+)(/[a-z]+)?$");
  private static final Pattern ELEMENT_VARIABLES =
      Pattern.compile("^/v2/element-instances/([^/]+)/variables$");
  private static final Pattern INCIDENT_RESOLUTION =
      Pattern.compile("^/v2/incidents/([^/]+)/resolution$");

  private final EngineLoop loop;
  private final ExecutorService executor;

  CommandResources(EngineLoop loop, ExecutorService executor) {
    this.loop = loop;
    this.executor = executor;
  }

  /** Answers the request if it is one of these commands; false lets the caller route it on. */
  boolean handle(HttpExchange ex, String method, String path) throws IOException {
    switch (method + " " + path) {
      case "POST /v2/deployments" -> deploy(ex);
      case "POST /v2/process-instances" -> createInstance(ex);
      case "POST /v2/messages/publication" -> publishMessage(ex);
      case "POST /v2/messages/correlation" -> correlateMessage(ex);
      case "POST /v2/signals/broadcast" -> broadcastSignal(ex);
      case "POST /v2/jobs/activation" -> activateJobs(ex);
      case "POST /v2/decision-definitions/evaluation" -> evaluateDecision(ex);
      default -> {
        return keyed(ex, method, path);
      }
    }
    return true;
  }

  private boolean keyed(HttpExchange ex, String method, String path) throws IOException {
    Matcher m = CANCELLATION.matcher(path);
    if (m.matches() && method.equals("POST")) {
      long key = RestServer.parseKey("process instance", m.group(1));
      RestServer.body(ex);
      submit(ex, new Command.CancelInstance(key), null);
      return true;
    }
    m = JOB.matcher(path);
    if (m.matches() && !m.group(1).equals("search") && !m.group(1).equals("activation")) {
      String sub = m.group(2) == null ? "" : m.group(2);
      switch (method + " " + sub) {
        case "POST /completion" -> completeJob(ex, RestServer.parseKey("job", m.group(1)));
        case "POST /failure" -> failJob(ex, RestServer.parseKey("job", m.group(1)));
        case "POST /error" -> throwError(ex, RestServer.parseKey("job", m.group(1)));
        case "PATCH " -> updateJob(ex, RestServer.parseKey("job", m.group(1)));
        default -> {
          return false;
        }
      }
      return true;
    }
    m = ELEMENT_VARIABLES.matcher(path);
    if (m.matches() && method.equals("PUT")) {
      long key = RestServer.parseKey("element instance", m.group(1));
      JsonNode body = RestServer.body(ex);
      Map<String, Object> variables = variables(body, "variables", true);
      JsonNode local = body.get("local");
      submit(
          ex,
          new Command.SetVariables(key, variables, local != null && local.asBoolean(false)),
          null);
      return true;
    }
    m = INCIDENT_RESOLUTION.matcher(path);
    if (m.matches() && method.equals("POST")) {
      long key = RestServer.parseKey("incident", m.group(1));
      RestServer.body(ex);
      submit(ex, new Command.ResolveIncident(key), null);
      return true;
    }
    return false;
  }

  // ---- deployments --------------------------------------------------------------------------

  private void deploy(HttpExchange ex) throws IOException {
    byte[] bytes;
    try (InputStream in = ex.getRequestBody()) {
      bytes = in.readNBytes(Limits.MAX_MESSAGE_BYTES + 1);
      if (bytes.length > Limits.MAX_MESSAGE_BYTES) {
        RestServer.drain(in);
      }
    }
    if (bytes.length > Limits.MAX_MESSAGE_BYTES) {
      throw EngineException.invalidArgument(
          "The deployment exceeds the embedded engine's limit of "
              + Limits.MAX_MESSAGE_BYTES
              + " bytes");
    }
    List<Command.Resource> resources = new ArrayList<>();
    for (Multipart.Part part :
        Multipart.parse(ex.getRequestHeaders().getFirst("Content-Type"), bytes)) {
      if ("tenantId".equals(part.name())) {
        requireDefaultTenant(part.text());
      } else if ("resources".equals(part.name())) {
        String name = part.filename() == null ? "resource" : part.filename();
        resources.add(new Command.Resource(name, part.content()));
      }
    }
    if (resources.isEmpty()) {
      throw EngineException.invalidArgument(
          "Expected to deploy at least one resource (multipart field 'resources'), but none given");
    }
    submit(ex, new Command.Deploy(resources), CommandResources::deployment);
  }

  private static ObjectNode deployment(Object result) {
    Engine.DeployResult d = (Engine.DeployResult) result;
    ObjectNode root = JSON.createObjectNode();
    root.put("deploymentKey", String.valueOf(d.deploymentKey()));
    root.put("tenantId", TENANT);
    ArrayNode deployments = root.putArray("deployments");
    for (DeployedProcess p : d.processes()) {
      ObjectNode n = deployments.addObject().putObject("processDefinition");
      n.put("processDefinitionId", p.bpmnProcessId);
      n.put("processDefinitionVersion", p.version);
      n.put("resourceName", p.resourceName);
      n.put("tenantId", TENANT);
      n.put("processDefinitionKey", String.valueOf(p.key));
    }
    for (var r : d.decisionRequirements()) {
      ObjectNode n = deployments.addObject().putObject("decisionRequirements");
      n.put("decisionRequirementsId", r.decisionRequirementsId);
      n.put("version", r.version);
      n.put("decisionRequirementsName", r.name);
      n.put("tenantId", TENANT);
      n.put("resourceName", r.resourceName);
      n.put("decisionRequirementsKey", String.valueOf(r.key));
    }
    for (var dec : d.decisions()) {
      ObjectNode n = deployments.addObject().putObject("decisionDefinition");
      n.put("decisionDefinitionId", dec.decisionId);
      n.put("version", dec.version);
      n.put("name", dec.name);
      n.put("tenantId", TENANT);
      n.put("decisionRequirementsId", dec.decisionRequirementsId);
      n.put("decisionDefinitionKey", String.valueOf(dec.key));
      n.put("decisionRequirementsKey", String.valueOf(dec.decisionRequirementsKey));
    }
    for (var f : d.forms()) {
      ObjectNode n = deployments.addObject().putObject("form");
      n.put("formId", f.formId);
      n.put("version", f.version);
      n.put("resourceName", f.resourceName);
      n.put("tenantId", TENANT);
      n.put("formKey", String.valueOf(f.key));
    }
    return root;
  }

  // ---- process instances --------------------------------------------------------------------

  private void createInstance(HttpExchange ex) throws IOException {
    JsonNode body = RestServer.body(ex);
    requireDefaultTenant(RestServer.text(body, "tenantId"));
    String processId = RestServer.text(body, "processDefinitionId");
    long definitionKey = optionalKey(body, "processDefinitionKey");
    if ((processId == null || processId.isEmpty()) && definitionKey < 0) {
      throw EngineException.invalidArgument(
          "Expected either a processDefinitionId or a processDefinitionKey, but none given");
    }
    JsonNode versionNode = body.get("processDefinitionVersion");
    int version =
        versionNode == null || versionNode.isNull() ? -1 : intValue(versionNode, "version");
    List<String> starts = new ArrayList<>();
    for (JsonNode s : array(body, "startInstructions")) {
      String elementId = RestServer.text(s, "elementId");
      if (elementId == null || elementId.isEmpty()) {
        throw EngineException.invalidArgument("A start instruction has no elementId");
      }
      starts.add(elementId);
    }
    if (!array(body, "runtimeInstructions").isEmpty()) {
      throw EngineException.invalidArgument(
          "Runtime instructions of process instance creation are not supported by the embedded"
              + " engine");
    }
    Command.CreateInstance command =
        new Command.CreateInstance(
            processId == null ? "" : processId,
            version,
            Math.max(definitionKey, 0),
            variables(body, "variables", false),
            starts);
    JsonNode await = body.get("awaitCompletion");
    if (await == null || !await.asBoolean(false)) {
      submit(ex, command, result -> created((Engine.CreateResult) result, null));
      return;
    }
    List<String> fetch = new ArrayList<>();
    for (JsonNode f : array(body, "fetchVariables")) {
      fetch.add(f.asText());
    }
    JsonNode timeoutNode = body.get("requestTimeout");
    long requestTimeout = timeoutNode == null ? 0 : timeoutNode.asLong(0);
    createAndAwait(ex, command, fetch, requestTimeout);
  }

  /** Creates the instance and answers when it completes, or 504 when requestTimeout passes. */
  private void createAndAwait(
      HttpExchange ex, Command.CreateInstance command, List<String> fetch, long requestTimeout) {
    AtomicReference<Engine.CreateResult> created = new AtomicReference<>();
    EngineLoop.Callback[] end = new EngineLoop.Callback[1];
    ResultDeadlines.Deadline deadline =
        ResultDeadlines.start(
            requestTimeout,
            () -> {
              Engine.CreateResult c = created.get();
              if (c != null) {
                loop.forgetResult(c.processInstanceKey(), end[0]);
              }
              onRestThread(
                  () ->
                      RestServer.problem(
                          ex,
                          504,
                          "DEADLINE_EXCEEDED",
                          "Expected to complete process instance"
                              + (c == null ? "" : " '" + c.processInstanceKey() + "'")
                              + " within the requestTimeout of "
                              + (requestTimeout > 0
                                  ? requestTimeout
                                  : ResultDeadlines.GATEWAY_DEFAULT_MS)
                              + " ms, but it has not completed yet"),
                  ex);
            });
    EngineLoop.Callback onCreated =
        (result, error) -> {
          if (error != null) {
            if (deadline.claim()) {
              onRestThread(() -> RestServer.problem(ex, error), ex);
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
            onRestThread(() -> RestServer.problem(ex, error), ex);
            return;
          }
          @SuppressWarnings("unchecked")
          Map<String, Object> vars = (Map<String, Object>) result;
          Map<String, Object> out = vars;
          if (!fetch.isEmpty()) {
            out = new LinkedHashMap<>();
            for (String f : fetch) {
              if (vars.containsKey(f)) {
                out.put(f, vars.get(f));
              }
            }
          }
          Map<String, Object> answer = out;
          Engine.CreateResult c = created.get();
          onRestThread(() -> ok(ex, created(c, answer)), ex);
        };
    end[0] = onEnd;
    loop.submitWithResult(command, onCreated, onEnd);
  }

  private static ObjectNode created(Engine.CreateResult c, Map<String, Object> variables) {
    ObjectNode root = JSON.createObjectNode();
    root.put("processDefinitionId", c.process().bpmnProcessId);
    root.put("processDefinitionVersion", c.process().version);
    root.put("tenantId", TENANT);
    root.set("variables", JSON.valueToTree(variables == null ? Map.of() : variables));
    root.put("processDefinitionKey", String.valueOf(c.process().key));
    root.put("processInstanceKey", String.valueOf(c.processInstanceKey()));
    root.putArray("tags");
    return root;
  }

  // ---- messages and signals -----------------------------------------------------------------

  private void publishMessage(HttpExchange ex) throws IOException {
    JsonNode body = RestServer.body(ex);
    requireDefaultTenant(RestServer.text(body, "tenantId"));
    JsonNode ttl = body.get("timeToLive");
    submit(
        ex,
        new Command.PublishMessage(
            requiredText(body, "name"),
            RestServer.text(body, "correlationKey"),
            ttl == null || ttl.isNull() ? 0 : ttl.asLong(),
            RestServer.text(body, "messageId"),
            variables(body, "variables", false)),
        key -> {
          ObjectNode root = JSON.createObjectNode();
          root.put("tenantId", TENANT);
          root.put("messageKey", String.valueOf(key));
          return root;
        });
  }

  private void correlateMessage(HttpExchange ex) throws IOException {
    JsonNode body = RestServer.body(ex);
    requireDefaultTenant(RestServer.text(body, "tenantId"));
    String name = requiredText(body, "name");
    String correlationKey = RestServer.text(body, "correlationKey");
    submit(
        ex,
        new Command.CorrelateMessage(name, correlationKey, variables(body, "variables", false)),
        result -> {
          Engine.CorrelateResult r = (Engine.CorrelateResult) result;
          if (r.processInstanceKey() < 0) {
            throw EngineException.notFound(
                "Expected to find subscription for message with name '"
                    + name
                    + "' and correlation key '"
                    + (correlationKey == null ? "" : correlationKey)
                    + "', but none was found");
          }
          ObjectNode root = JSON.createObjectNode();
          root.put("tenantId", TENANT);
          root.put("messageKey", String.valueOf(r.messageKey()));
          root.put("processInstanceKey", String.valueOf(r.processInstanceKey()));
          return root;
        });
  }

  private void broadcastSignal(HttpExchange ex) throws IOException {
    JsonNode body = RestServer.body(ex);
    requireDefaultTenant(RestServer.text(body, "tenantId"));
    submit(
        ex,
        new Command.BroadcastSignal(
            requiredText(body, "signalName"), variables(body, "variables", false)),
        key -> {
          ObjectNode root = JSON.createObjectNode();
          root.put("tenantId", TENANT);
          root.put("signalKey", String.valueOf(key));
          return root;
        });
  }

  // ---- decisions ----------------------------------------------------------------------------

  /**
   * Evaluates a deployed decision (by key, or the latest version of an id) with the variables: a
   * query for the decision on the engine thread, the evaluation on a REST thread (not journaled, as
   * over gRPC). A failed evaluation is answered 200 with {@code failureMessage}, as Camunda.
   */
  private void evaluateDecision(HttpExchange ex) throws IOException {
    JsonNode body = RestServer.body(ex);
    requireDefaultTenant(RestServer.text(body, "tenantId"));
    long key = optionalKey(body, "decisionDefinitionKey");
    String id = RestServer.text(body, "decisionDefinitionId");
    if (key < 0 && (id == null || id.isEmpty())) {
      throw EngineException.invalidArgument(
          "Expected either a decisionDefinitionId or a decisionDefinitionKey, but none given");
    }
    Map<String, Object> variables = variables(body, "variables", false);
    loop.query(
        reader -> reader.decision(Math.max(key, 0), id == null ? "" : id),
        (result, error) ->
            onRestThread(
                () -> {
                  if (error != null) {
                    RestServer.problem(ex, error);
                  } else if (result == null) {
                    RestServer.problem(
                        ex,
                        EngineException.notFound(
                            "Expected to evaluate decision '"
                                + (key >= 0 ? String.valueOf(key) : id)
                                + "', but no such decision is deployed"));
                  } else {
                    ok(ex, evaluated((StateReader.DecisionSnapshot) result, variables));
                  }
                },
                ex));
  }

  private static ObjectNode evaluated(StateReader.DecisionSnapshot s, Map<String, Object> vars) {
    var d = s.decision();
    var r = s.requirements();
    ObjectNode root = JSON.createObjectNode();
    root.put("decisionDefinitionId", d.decisionId);
    root.put("decisionDefinitionName", d.name);
    root.put("decisionDefinitionVersion", d.version);
    root.put("decisionRequirementsId", d.decisionRequirementsId);
    root.put("tenantId", TENANT);
    root.put("decisionDefinitionKey", String.valueOf(d.key));
    root.put("decisionRequirementsKey", String.valueOf(d.decisionRequirementsKey));
    // the evaluation is not journaled, so it has no key of its own (0, as over gRPC)
    root.put("decisionInstanceKey", "0");
    root.put("decisionEvaluationKey", "0");
    root.put("failedDecisionDefinitionId", "");
    root.put("failureMessage", "");
    ArrayNode evaluated = root.putArray("evaluatedDecisions");
    try {
      String output =
          VariableDocuments.write(Dmn.evaluate(r.checksum, r.resource, d.decisionId, vars));
      root.put("output", output);
      ObjectNode e = evaluated.addObject();
      e.put("decisionDefinitionId", d.decisionId);
      e.put("decisionDefinitionName", d.name);
      e.put("decisionDefinitionVersion", d.version);
      e.put("decisionDefinitionType", "DECISION_TABLE");
      e.put("output", output);
      e.put("tenantId", TENANT);
      e.put("decisionDefinitionKey", String.valueOf(d.key));
      e.put("decisionEvaluationInstanceKey", "0");
      e.putArray("matchedRules");
      e.putArray("evaluatedInputs");
    } catch (Dmn.EvaluationFailure e) {
      root.put("output", "null");
      root.put("failedDecisionDefinitionId", d.decisionId);
      root.put("failureMessage", e.getMessage());
    }
    return root;
  }

  // ---- jobs ---------------------------------------------------------------------------------

  private void activateJobs(HttpExchange ex) throws IOException {
    JsonNode body = RestServer.body(ex);
    String type = RestServer.text(body, "type");
    if (type == null || type.isBlank()) {
      throw EngineException.invalidArgument(
          "Expected to activate jobs of a non-empty type, but the type was empty");
    }
    JsonNode maxNode = body.get("maxJobsToActivate");
    int max = maxNode == null ? 0 : intValue(maxNode, "maxJobsToActivate");
    if (max < 1) {
      throw EngineException.invalidArgument(
          "Expected to activate at least 1 job, but maxJobsToActivate was " + max);
    }
    JsonNode timeoutNode = body.get("timeout");
    long timeout = timeoutNode == null ? 0 : timeoutNode.asLong();
    if (timeout < 1) {
      throw EngineException.invalidArgument(
          "Expected a job timeout of at least 1 ms, but was " + timeout);
    }
    for (JsonNode t : array(body, "tenantIds")) {
      requireDefaultTenant(t.asText());
    }
    List<String> fetch = new ArrayList<>();
    for (JsonNode f : array(body, "fetchVariable")) {
      fetch.add(f.asText());
    }
    String worker = RestServer.text(body, "worker");
    JsonNode pollNode = body.get("requestTimeout");
    long pollMs = pollNode == null || pollNode.isNull() ? 0 : pollNode.asLong();
    if (pollMs == 0) {
      pollMs = DEFAULT_LONG_POLL_MS;
    }
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(Math.max(0, pollMs));
    loop.addJobRequest(
        new JobRequest(
            type,
            worker == null ? "" : worker,
            timeout,
            max,
            fetch,
            deadline,
            false,
            jobs -> {
              try {
                executor.execute(() -> answerJobs(ex, jobs));
              } catch (RejectedExecutionException e) {
                yieldBack(jobs); // the server is stopping: nobody got them
                ex.close();
              }
            }));
  }

  /** Writes the activated jobs; jobs a client that went away never got become activatable. */
  private void answerJobs(HttpExchange ex, List<ActivatedJobData> jobs) {
    byte[] bytes;
    try {
      ObjectNode root = JSON.createObjectNode();
      ArrayNode array = root.putArray("jobs");
      for (ActivatedJobData j : jobs) {
        array.add(job(j));
      }
      bytes = root.toString().getBytes(StandardCharsets.UTF_8);
    } catch (RuntimeException e) {
      yieldBack(jobs);
      RestServer.problem(ex, 500, "INTERNAL", String.valueOf(e.getMessage()));
      return;
    }
    try {
      ex.getResponseHeaders().set("Content-Type", "application/json");
      ex.sendResponseHeaders(200, bytes.length);
      try (OutputStream out = ex.getResponseBody()) {
        out.write(bytes);
      }
    } catch (IOException e) {
      yieldBack(jobs);
    } finally {
      ex.close();
    }
  }

  private void yieldBack(List<ActivatedJobData> jobs) {
    if (!jobs.isEmpty()) {
      loop.submit(
          new Command.YieldJobs(jobs.stream().map(ActivatedJobData::key).toList()), (r, e) -> {});
    }
  }

  private static ObjectNode job(ActivatedJobData j) {
    ObjectNode n = JSON.createObjectNode();
    n.put("type", j.type());
    n.put("processDefinitionId", j.bpmnProcessId());
    n.put("processDefinitionVersion", j.processDefinitionVersion());
    n.put("elementId", j.elementId());
    n.set("customHeaders", JSON.valueToTree(j.customHeaders()));
    n.put("worker", j.worker());
    n.put("retries", j.retries());
    n.put("deadline", j.deadline());
    try {
      JsonNode vars = JSON.readTree(j.variablesJson() == null ? "{}" : j.variablesJson());
      n.set("variables", vars == null || vars.isNull() ? JSON.createObjectNode() : vars);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("The job's variables are not JSON", e);
    }
    n.put("tenantId", TENANT);
    n.put("jobKey", String.valueOf(j.key()));
    n.put("processInstanceKey", String.valueOf(j.processInstanceKey()));
    n.put("processDefinitionKey", String.valueOf(j.processDefinitionKey()));
    n.put("elementInstanceKey", String.valueOf(j.elementInstanceKey()));
    n.put("kind", j.kind());
    n.put(
        "listenerEventType", j.listenerEventType() == null ? "UNSPECIFIED" : j.listenerEventType());
    if (j.userTask() != null) {
      ObjectNode u = n.putObject("userTask");
      for (Map.Entry<String, Object> e : j.userTask().entrySet()) {
        Object v = e.getValue();
        if (v == null) {
          continue;
        }
        if (e.getKey().equals("formKey") || e.getKey().equals("userTaskKey")) {
          u.put(e.getKey(), String.valueOf(v));
        } else {
          u.set(e.getKey(), JSON.valueToTree(v));
        }
      }
    }
    n.putArray("tags");
    return n;
  }

  private void completeJob(HttpExchange ex, long key) throws IOException {
    JsonNode body = RestServer.body(ex);
    Map<String, Object> variables = variables(body, "variables", false);
    Command.JobResultData result = null;
    JsonNode r = body.get("result");
    if (r != null && !r.isNull()) {
      String type = RestServer.text(r, "type");
      if (type != null && !type.equals("userTask")) {
        throw EngineException.invalidArgument(
            "Job results of type '" + type + "' are not supported by the embedded engine");
      }
      Map<String, Object> corrections = new LinkedHashMap<>();
      JsonNode c = r.get("corrections");
      if (c != null && c.isObject()) {
        c.fields()
            .forEachRemaining(
                e -> {
                  if (!e.getValue().isNull()) {
                    corrections.put(e.getKey(), JSON.convertValue(e.getValue(), Object.class));
                  }
                });
      }
      JsonNode denied = r.get("denied");
      result =
          new Command.JobResultData(
              denied == null || denied.isNull() ? null : denied.asBoolean(),
              RestServer.text(r, "deniedReason"),
              corrections);
    }
    submit(ex, new Command.CompleteJob(key, variables, result), null);
  }

  private void failJob(HttpExchange ex, long key) throws IOException {
    JsonNode body = RestServer.body(ex);
    JsonNode retries = body.get("retries");
    JsonNode backOff = body.get("retryBackOff");
    String message = RestServer.text(body, "errorMessage");
    submit(
        ex,
        new Command.FailJob(
            key,
            retries == null || retries.isNull() ? 0 : intValue(retries, "retries"),
            message == null ? "" : message,
            backOff == null || backOff.isNull() ? 0 : backOff.asLong(),
            variables(body, "variables", false)),
        null);
  }

  private void throwError(HttpExchange ex, long key) throws IOException {
    JsonNode body = RestServer.body(ex);
    String errorCode = RestServer.text(body, "errorCode");
    if (errorCode == null || errorCode.isBlank()) {
      throw EngineException.invalidArgument(
          "Expected to throw an error with a non-empty error code");
    }
    String message = RestServer.text(body, "errorMessage");
    submit(
        ex,
        new Command.ThrowError(
            key, errorCode, message == null ? "" : message, variables(body, "variables", false)),
        null);
  }

  /** PATCH /v2/jobs/{key}: retries and/or timeout, applied in that order. */
  private void updateJob(HttpExchange ex, long key) throws IOException {
    JsonNode body = RestServer.body(ex);
    JsonNode changeset = body.get("changeset");
    JsonNode retries = changeset == null ? null : changeset.get("retries");
    JsonNode timeout = changeset == null ? null : changeset.get("timeout");
    boolean hasRetries = retries != null && !retries.isNull();
    boolean hasTimeout = timeout != null && !timeout.isNull();
    if (!hasRetries && !hasTimeout) {
      throw EngineException.invalidArgument(
          "Expected a changeset with retries or timeout, but none given");
    }
    Command.UpdateJobTimeout timeoutCommand =
        hasTimeout ? new Command.UpdateJobTimeout(key, timeout.asLong()) : null;
    if (hasRetries) {
      Command.UpdateJobRetries retriesCommand =
          new Command.UpdateJobRetries(key, intValue(retries, "retries"));
      if (timeoutCommand == null) {
        submit(ex, retriesCommand, null);
      } else {
        loop.submit(
            retriesCommand,
            (result, error) -> {
              if (error != null) {
                onRestThread(() -> RestServer.problem(ex, error), ex);
              } else {
                submit(ex, timeoutCommand, null);
              }
            });
      }
    } else {
      submit(ex, timeoutCommand, null);
    }
  }

  // ---- helpers ------------------------------------------------------------------------------

  /**
   * Submits a command; answers 204 when {@code render} is null, else 200 with its JSON. The answer
   * is written on a REST thread.
   */
  private void submit(HttpExchange ex, Command command, Function<Object, ObjectNode> render) {
    loop.submit(
        command,
        (result, error) ->
            onRestThread(
                () -> {
                  if (error != null) {
                    RestServer.problem(ex, error);
                  } else if (render == null) {
                    RestServer.noContent(ex);
                  } else {
                    try {
                      ok(ex, render.apply(result));
                    } catch (EngineException e) {
                      RestServer.problem(ex, e);
                    } catch (RuntimeException e) {
                      RestServer.problem(ex, 500, "INTERNAL", String.valueOf(e.getMessage()));
                    }
                  }
                },
                ex));
  }

  private static void ok(HttpExchange ex, ObjectNode body) {
    RestServer.send(ex, 200, "application/json", body.toString());
  }

  private void onRestThread(Runnable respond, HttpExchange ex) {
    try {
      executor.execute(respond);
    } catch (RejectedExecutionException e) {
      ex.close(); // the server is stopping
    }
  }

  static void requireDefaultTenant(String tenantId) {
    if (tenantId != null && !tenantId.isEmpty() && !TENANT.equals(tenantId)) {
      throw EngineException.invalidArgument(
          "Expected to handle the request for tenant '"
              + tenantId
              + "', but multi-tenancy is not supported by the embedded engine (only '<default>')");
    }
  }

  private static String requiredText(JsonNode body, String field) {
    String value = RestServer.text(body, field);
    if (value == null || value.isEmpty()) {
      throw EngineException.invalidArgument("No " + field + " provided");
    }
    return value;
  }

  /** A key given as a string (as Camunda 8.8 writes them) or a number; -1 when absent. */
  private static long optionalKey(JsonNode body, String field) {
    JsonNode n = body.get(field);
    if (n == null || n.isNull()) {
      return -1;
    }
    return RestServer.parseKey(field, n.asText());
  }

  private static int intValue(JsonNode n, String field) {
    if (!n.canConvertToInt()) {
      throw EngineException.invalidArgument(
          "Property '" + field + "' is invalid: expected an integer, but was '" + n + "'");
    }
    return n.asInt();
  }

  private static List<JsonNode> array(JsonNode body, String field) {
    JsonNode n = body.get(field);
    if (n == null || n.isNull()) {
      return List.of();
    }
    if (!n.isArray()) {
      throw EngineException.invalidArgument(
          "Property '" + field + "' is invalid: expected an array, but was " + n.getNodeType());
    }
    List<JsonNode> list = new ArrayList<>();
    n.forEach(list::add);
    return list;
  }

  /** A variables document: a JSON object within the embedded engine's size limit. */
  private static Map<String, Object> variables(JsonNode body, String field, boolean required) {
    JsonNode n = body.get(field);
    if ((n == null || n.isNull()) && required) {
      throw EngineException.invalidArgument("No " + field + " provided");
    }
    if (n != null && !n.isNull()) {
      int bytes = n.toString().getBytes(StandardCharsets.UTF_8).length;
      if (bytes > Limits.MAX_VARIABLES_BYTES) {
        throw EngineException.invalidArgument(
            "Property '"
                + field
                + "' is too large: "
                + bytes
                + " bytes exceed the embedded engine's limit of "
                + Limits.MAX_VARIABLES_BYTES
                + " bytes per variables document");
      }
    }
    return RestServer.objectField(body, field);
  }
}
