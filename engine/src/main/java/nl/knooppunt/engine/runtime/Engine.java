package nl.knooppunt.engine.runtime;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.knooppunt.engine.EngineException;
import nl.knooppunt.engine.command.Command;
import nl.knooppunt.engine.export.EngineRecord;
import nl.knooppunt.engine.feel.Feel;
import nl.knooppunt.engine.model.BpmnTransformer;
import nl.knooppunt.engine.model.DeploymentException;
import nl.knooppunt.engine.model.ProcessModel;
import nl.knooppunt.engine.runtime.state.DeployedForm;
import nl.knooppunt.engine.runtime.state.DeployedProcess;
import nl.knooppunt.engine.runtime.state.ElementInstance;
import nl.knooppunt.engine.runtime.state.Incident;

/**
 * The deterministic state machine: applies one {@link Command} at a time to {@link EngineState}.
 * Given the same state, command and time it always produces the same new state, records and keys,
 * which is what makes journal replay correct. Single-threaded: only the engine loop calls it.
 */
public final class Engine {

  /** Result of a deployment. */
  public record DeployResult(
      long deploymentKey, List<DeployedProcess> processes, List<DeployedForm> forms) {}

  /** Result of creating an instance. */
  public record CreateResult(DeployedProcess process, long processInstanceKey) {}

  private EngineState state;
  private final Feel feel;
  private final BpmnTransformer transformer;
  private final Map<Long, ProcessModel> models = new HashMap<>();
  private final Variables variables;
  final BpmnExecutor executor;
  final JobProcessor jobs;
  final MessageProcessor messages;
  final UserTaskProcessor userTasks;
  final TimerProcessor timers;
  private final List<EngineRecord> records = new ArrayList<>();
  private EngineHooks hooks = EngineHooks.NONE;
  private long now;

  public Engine(EngineState state) {
    this.state = state;
    this.feel = new Feel(() -> now);
    this.transformer = new BpmnTransformer(feel);
    this.variables = new Variables(this);
    this.executor = new BpmnExecutor(this);
    this.jobs = new JobProcessor(this);
    this.messages = new MessageProcessor(this);
    this.userTasks = new UserTaskProcessor(this);
    this.timers = new TimerProcessor(this);
  }

  public EngineState state() {
    return state;
  }

  public void setHooks(EngineHooks hooks) {
    this.hooks = hooks;
  }

  EngineHooks hooks() {
    return hooks;
  }

  Feel feel() {
    return feel;
  }

  Variables variables() {
    return variables;
  }

  public long now() {
    return now;
  }

  /** The engine time for the next command (wall clock, or the pinned clock). */
  public void setNow(long now) {
    this.now = now;
  }

  /** The time the engine uses now: the pinned clock if pinned, else the wall clock. */
  public long clock() {
    return state.pinnedClock != null ? state.pinnedClock : System.currentTimeMillis();
  }

  /** Records produced since the last call, in order. */
  public List<EngineRecord> drainRecords() {
    if (records.isEmpty()) {
      return List.of();
    }
    List<EngineRecord> out = new ArrayList<>(records);
    records.clear();
    return out;
  }

  void record(String valueType, String intent, long key, Map<String, Object> value) {
    records.add(new EngineRecord(state.nextPosition++, key, now, valueType, intent, value));
  }

  public BpmnTransformer transformer() {
    return transformer;
  }

  ProcessModel model(long processDefinitionKey) {
    ProcessModel model = models.get(processDefinitionKey);
    if (model == null) {
      DeployedProcess p = state.processes.get(processDefinitionKey);
      for (ProcessModel m : transformer.transform(p.resourceName, p.resource)) {
        if (m.bpmnProcessId().equals(p.bpmnProcessId)) {
          model = m;
        }
      }
      models.put(processDefinitionKey, model);
    }
    return model;
  }

  DeployedProcess latest(String bpmnProcessId) {
    List<Long> keys = state.versions.get(bpmnProcessId);
    return keys == null || keys.isEmpty() ? null : state.processes.get(keys.get(keys.size() - 1));
  }

  // ---- command dispatch -------------------------------------------------------------------

  /** Applies a command. Returns its result, or throws {@link EngineException} (rejection). */
  public Object process(Command command) {
    if (command instanceof Command.Deploy c) {
      return deploy(c);
    } else if (command instanceof Command.CreateInstance c) {
      return executor.createInstance(c);
    } else if (command instanceof Command.CancelInstance c) {
      return executor.cancelInstance(c.processInstanceKey());
    } else if (command instanceof Command.SetVariables c) {
      return setVariables(c);
    } else if (command instanceof Command.PublishMessage c) {
      return messages.publish(c);
    } else if (command instanceof Command.BroadcastSignal c) {
      return messages.broadcastSignal(c);
    } else if (command instanceof Command.ActivateJobs c) {
      return jobs.activate(c);
    } else if (command instanceof Command.YieldJobs c) {
      return jobs.yieldJobs(c);
    } else if (command instanceof Command.CompleteJob c) {
      return jobs.complete(c);
    } else if (command instanceof Command.FailJob c) {
      return jobs.fail(c);
    } else if (command instanceof Command.ThrowError c) {
      return jobs.throwError(c);
    } else if (command instanceof Command.UpdateJobRetries c) {
      return jobs.updateRetries(c);
    } else if (command instanceof Command.UpdateJobTimeout c) {
      return jobs.updateTimeout(c);
    } else if (command instanceof Command.ResolveIncident c) {
      return resolveIncident(c.incidentKey());
    } else if (command instanceof Command.CompleteUserTask c) {
      return userTasks.complete(c);
    } else if (command instanceof Command.AssignUserTask c) {
      return userTasks.assign(c);
    } else if (command instanceof Command.UpdateUserTask c) {
      return userTasks.update(c);
    } else if (command instanceof Command.PinClock c) {
      state.pinnedClock = c.timestamp();
      return null;
    } else if (command instanceof Command.ResetClock) {
      state.pinnedClock = null;
      return null;
    } else if (command instanceof Command.Tick) {
      return tick();
    }
    throw new IllegalArgumentException("unknown command " + command);
  }

  private Object tick() {
    messages.expireMessages();
    jobs.timeOutJobs();
    timers.fireDue();
    return null;
  }

  private DeployResult deploy(Command.Deploy c) {
    if (c.resources() == null || c.resources().isEmpty()) {
      throw EngineException.invalidArgument(
          "Expected to deploy at least one resource, but none given");
    }
    Map<String, ProcessModel> parsed = new LinkedHashMap<>();
    Map<String, byte[]> sources = new LinkedHashMap<>();
    Map<String, String> resourceOf = new LinkedHashMap<>();
    Map<String, Command.Resource> formResources = new LinkedHashMap<>();
    for (Command.Resource r : c.resources()) {
      if (r.name().endsWith(".form")) {
        String formId = formId(r);
        if (formResources.containsKey(formId)) {
          throw EngineException.invalidArgument(
              "Expected the form ids to be unique within a deployment but found a duplicated id '"
                  + formId
                  + "'");
        }
        formResources.put(formId, r);
        continue;
      }
      if (!r.name().endsWith(".bpmn") && !r.name().endsWith(".xml")) {
        throw EngineException.invalidArgument(
            "Expected to deploy a BPMN resource (.bpmn or .xml), but '"
                + r.name()
                + "' is not supported by the embedded engine (BPMN and forms only, no DMN or"
                + " other resources)");
      }
      List<ProcessModel> models;
      try {
        models = transformer.transform(r.name(), r.content());
      } catch (DeploymentException e) {
        throw EngineException.invalidArgument(e.getMessage());
      }
      for (ProcessModel m : models) {
        if (parsed.containsKey(m.bpmnProcessId())) {
          throw EngineException.invalidArgument(
              "Expected the process ids to be unique within a deployment but found a duplicated"
                  + " id '"
                  + m.bpmnProcessId()
                  + "' in the resources '"
                  + resourceOf.get(m.bpmnProcessId())
                  + "' and '"
                  + r.name()
                  + "'.");
        }
        parsed.put(m.bpmnProcessId(), m);
        sources.put(m.bpmnProcessId(), r.content());
        resourceOf.put(m.bpmnProcessId(), r.name());
      }
    }
    long deploymentKey = state.newKey();
    List<DeployedProcess> out = new ArrayList<>();
    // processes are deployed after forms are known (user tasks link forms by id)
    for (Map.Entry<String, ProcessModel> e : parsed.entrySet()) {
      String id = e.getKey();
      byte[] content = sources.get(id);
      String checksum = checksum(content);
      DeployedProcess latest = latest(id);
      if (latest != null
          && latest.checksum.equals(checksum)
          && latest.resourceName.equals(resourceOf.get(id))) {
        out.add(latest);
        continue;
      }
      DeployedProcess p = new DeployedProcess();
      p.key = state.newKey();
      p.bpmnProcessId = id;
      p.version = latest == null ? 1 : latest.version + 1;
      p.resourceName = resourceOf.get(id);
      p.checksum = checksum;
      p.deploymentKey = deploymentKey;
      p.resource = content;
      state.processes.put(p.key, p);
      state.versions.computeIfAbsent(id, k -> new ArrayList<>()).add(p.key);
      models.put(p.key, e.getValue());
      Map<String, Object> v = new LinkedHashMap<>();
      v.put("bpmnProcessId", id);
      v.put("version", p.version);
      v.put("resourceName", p.resourceName);
      v.put("processDefinitionKey", p.key);
      record("PROCESS", "CREATED", p.key, v);
      timers.onNewVersion(latest, p);
      out.add(p);
    }
    List<DeployedForm> forms = new ArrayList<>();
    for (Map.Entry<String, Command.Resource> e : formResources.entrySet()) {
      forms.add(deployForm(e.getKey(), e.getValue(), deploymentKey));
    }
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("resources", resourceOf.values().stream().distinct().toList());
    v.put("processDefinitionKeys", out.stream().map(p -> p.key).toList());
    record("DEPLOYMENT", "CREATED", deploymentKey, v);
    return new DeployResult(deploymentKey, out, forms);
  }

  private static String formId(Command.Resource r) {
    try {
      com.fasterxml.jackson.databind.JsonNode node =
          new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.content());
      if (node != null && node.isObject() && node.path("id").isTextual()) {
        return node.get("id").asText();
      }
    } catch (java.io.IOException e) {
      throw EngineException.invalidArgument(
          "Expected to deploy the form '"
              + r.name()
              + "', but it is not valid JSON: "
              + e.getMessage());
    }
    throw EngineException.invalidArgument(
        "Expected to deploy the form '" + r.name() + "', but it has no 'id'");
  }

  private DeployedForm deployForm(String formId, Command.Resource r, long deploymentKey) {
    String checksum = checksum(r.content());
    List<Long> versions = state.formVersions.get(formId);
    DeployedForm latest =
        versions == null || versions.isEmpty()
            ? null
            : state.forms.get(versions.get(versions.size() - 1));
    if (latest != null
        && latest.checksum.equals(checksum)
        && latest.resourceName.equals(r.name())) {
      return latest;
    }
    DeployedForm f = new DeployedForm();
    f.key = state.newKey();
    f.formId = formId;
    f.version = latest == null ? 1 : latest.version + 1;
    f.resourceName = r.name();
    f.checksum = checksum;
    f.deploymentKey = deploymentKey;
    state.forms.put(f.key, f);
    state.formVersions.computeIfAbsent(formId, k -> new ArrayList<>()).add(f.key);
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("formId", formId);
    v.put("version", f.version);
    v.put("resourceName", f.resourceName);
    record("FORM", "CREATED", f.key, v);
    return f;
  }

  /** The key of the latest version of a form, or null. */
  Long latestFormKey(String formId) {
    List<Long> versions = state.formVersions.get(formId);
    return versions == null || versions.isEmpty() ? null : versions.get(versions.size() - 1);
  }

  private static String checksum(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      return new String(content, StandardCharsets.UTF_8).hashCode() + "";
    }
  }

  private Long setVariables(Command.SetVariables c) {
    ElementInstance scope = state.instances.get(c.elementInstanceKey());
    if (scope == null) {
      throw EngineException.notFound(
          "Expected to update variables for element with key '"
              + c.elementInstanceKey()
              + "', but no such element was found");
    }
    if (c.local()) {
      variables.setAllLocal(scope, c.variables());
    } else {
      variables.propagate(scope, c.variables());
    }
    long key = state.newKey();
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("scopeKey", scope.key);
    v.put("processInstanceKey", scope.processInstanceKey);
    v.put("local", c.local());
    record("VARIABLE_DOCUMENT", "UPDATED", key, v);
    executor.afterVariablesChanged(scope);
    return key;
  }

  private Object resolveIncident(long incidentKey) {
    Incident incident = state.incidents.get(incidentKey);
    if (incident == null) {
      throw EngineException.notFound(
          "Expected to resolve incident with key '"
              + incidentKey
              + "', but no such incident was found");
    }
    state.incidents.remove(incidentKey);
    record("INCIDENT", "RESOLVED", incidentKey, incidentValue(incident));
    if (incident.retry == Incident.Retry.JOB) {
      jobs.onIncidentResolved(incident);
    } else {
      executor.retryAfterIncident(incident);
    }
    return null;
  }

  // ---- incidents ---------------------------------------------------------------------------

  Incident raiseIncident(
      ElementInstance instance, String errorType, String message, Incident.Retry retry) {
    Incident i = new Incident();
    i.key = state.newKey();
    i.errorType = errorType;
    i.errorMessage = message;
    i.processInstanceKey = instance.processInstanceKey;
    i.elementInstanceKey = instance.key;
    i.elementId = instance.elementId;
    i.bpmnProcessId = instance.bpmnProcessId;
    i.processDefinitionKey = instance.processDefinitionKey;
    i.retry = retry;
    i.created = now;
    state.incidents.put(i.key, i);
    record("INCIDENT", "CREATED", i.key, incidentValue(i));
    return i;
  }

  Incident raiseIncidentForJob(ElementInstance instance, long jobKey, String type, String msg) {
    Incident i = new Incident();
    i.key = state.newKey();
    i.errorType = type;
    i.errorMessage = msg;
    i.processInstanceKey = instance.processInstanceKey;
    i.elementInstanceKey = instance.key;
    i.elementId = instance.elementId;
    i.bpmnProcessId = instance.bpmnProcessId;
    i.processDefinitionKey = instance.processDefinitionKey;
    i.jobKey = jobKey;
    i.retry = Incident.Retry.JOB;
    i.created = now;
    state.incidents.put(i.key, i);
    record("INCIDENT", "CREATED", i.key, incidentValue(i));
    return i;
  }

  static Map<String, Object> incidentValue(Incident i) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("errorType", i.errorType);
    v.put("errorMessage", i.errorMessage);
    v.put("processInstanceKey", i.processInstanceKey);
    v.put("elementInstanceKey", i.elementInstanceKey);
    v.put("elementId", i.elementId);
    v.put("bpmnProcessId", i.bpmnProcessId);
    v.put("jobKey", i.jobKey);
    return v;
  }

  /** Resolves (silently, as part of termination) the incidents of an element instance. */
  void removeIncidentsOf(long elementInstanceKey) {
    List<Incident> toRemove = new ArrayList<>();
    for (Incident i : state.incidents.values()) {
      if (i.elementInstanceKey == elementInstanceKey) {
        toRemove.add(i);
      }
    }
    for (Incident i : toRemove) {
      state.incidents.remove(i.key);
      record("INCIDENT", "RESOLVED", i.key, incidentValue(i));
    }
  }

  /** Replaces the whole state (after loading a snapshot). */
  public void replaceState(EngineState newState) {
    this.state = newState;
    newState.rebuildIndexes();
    models.clear();
  }
}
