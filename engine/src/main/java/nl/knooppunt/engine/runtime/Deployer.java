package nl.knooppunt.engine.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.knooppunt.engine.EngineException;
import nl.knooppunt.engine.command.Command;
import nl.knooppunt.engine.model.DeploymentException;
import nl.knooppunt.engine.model.ProcessModel;
import nl.knooppunt.engine.runtime.state.DeployedForm;
import nl.knooppunt.engine.runtime.state.DeployedProcess;

/**
 * Deployments: BPMN resources (refused as a whole, with every problem named by element, when one
 * fails the transformer's checks) and Camunda forms. An unchanged resource keeps its version; a
 * changed one becomes the next version, whose timer start events replace those of the previous one.
 */
final class Deployer {

  private final EngineContext ctx;
  private final Timers timers;
  private final StartEvents startEvents;

  Deployer(EngineContext ctx, Timers timers, StartEvents startEvents) {
    this.ctx = ctx;
    this.timers = timers;
    this.startEvents = startEvents;
  }

  Engine.DeployResult deploy(Command.Deploy c) {
    if (c.resources() == null || c.resources().isEmpty()) {
      throw EngineException.invalidArgument(
          "Expected to deploy at least one resource, but none given");
    }
    Map<String, ProcessModel> parsed = new LinkedHashMap<>();
    Map<String, byte[]> sources = new LinkedHashMap<>();
    Map<String, String> resourceOf = new LinkedHashMap<>();
    Map<String, Command.Resource> formResources = new LinkedHashMap<>();
    List<Command.Resource> dmnResources = new ArrayList<>();
    for (Command.Resource r : c.resources()) {
      if (r.name().endsWith(".dmn")) {
        DecisionDeployer.check(r);
        dmnResources.add(r);
        continue;
      }
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
                + "' is not supported by the embedded engine (BPMN, DMN and forms only)");
      }
      List<ProcessModel> models;
      try {
        models = ctx.transformer().transform(r.name(), r.content());
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
    long deploymentKey = ctx.newKey();
    // decisions first: a business rule task finds its decision by id when it runs
    DecisionDeployer.Deployed decisions =
        new DecisionDeployer(ctx).deploy(dmnResources, deploymentKey);
    List<DeployedProcess> out = new ArrayList<>();
    // processes are deployed after forms are known (user tasks link forms by id)
    for (Map.Entry<String, ProcessModel> e : parsed.entrySet()) {
      String id = e.getKey();
      byte[] content = sources.get(id);
      String checksum = checksum(content);
      DeployedProcess latest = ctx.latest(id);
      if (latest != null
          && latest.checksum.equals(checksum)
          && latest.resourceName.equals(resourceOf.get(id))) {
        out.add(latest);
        continue;
      }
      DeployedProcess p = new DeployedProcess();
      p.key = ctx.newKey();
      p.bpmnProcessId = id;
      p.version = ctx.state().nextVersion("process", id, latest == null ? 0 : latest.version);
      p.resourceName = resourceOf.get(id);
      p.checksum = checksum;
      p.deploymentKey = deploymentKey;
      p.resource = content;
      ctx.state().processes.put(p.key, p);
      ctx.state().versions.computeIfAbsent(id, k -> new ArrayList<>()).add(p.key);
      ctx.putModel(p.key, e.getValue());
      Map<String, Object> v = new LinkedHashMap<>();
      v.put("bpmnProcessId", id);
      v.put("version", p.version);
      v.put("resourceName", p.resourceName);
      v.put("processDefinitionKey", p.key);
      ctx.record("PROCESS", "CREATED", p.key, v);
      startEvents.invalidate();
      timers.replaceStartTimers(latest, p);
      out.add(p);
    }
    List<DeployedForm> forms = new ArrayList<>();
    for (Map.Entry<String, Command.Resource> e : formResources.entrySet()) {
      forms.add(deployForm(e.getKey(), e.getValue(), deploymentKey));
    }
    Map<String, Object> v = new LinkedHashMap<>();
    List<String> resourceNames = new ArrayList<>(resourceOf.values().stream().distinct().toList());
    dmnResources.forEach(r -> resourceNames.add(r.name()));
    v.put("resources", resourceNames);
    v.put("processDefinitionKeys", out.stream().map(p -> p.key).toList());
    ctx.record("DEPLOYMENT", "CREATED", deploymentKey, v);
    return new Engine.DeployResult(
        deploymentKey, out, forms, decisions.decisions(), decisions.requirements());
  }

  private static String formId(Command.Resource r) {
    try {
      JsonNode node = new ObjectMapper().readTree(r.content());
      if (node != null && node.isObject() && node.path("id").isTextual()) {
        return node.get("id").asText();
      }
    } catch (IOException e) {
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
    List<Long> versions = ctx.state().formVersions.get(formId);
    DeployedForm latest =
        versions == null || versions.isEmpty()
            ? null
            : ctx.state().forms.get(versions.get(versions.size() - 1));
    if (latest != null
        && latest.checksum.equals(checksum)
        && latest.resourceName.equals(r.name())) {
      return latest;
    }
    DeployedForm f = new DeployedForm();
    f.key = ctx.newKey();
    f.formId = formId;
    f.version = ctx.state().nextVersion("form", formId, latest == null ? 0 : latest.version);
    f.resourceName = r.name();
    f.checksum = checksum;
    f.deploymentKey = deploymentKey;
    ctx.state().forms.put(f.key, f);
    ctx.state().formVersions.computeIfAbsent(formId, k -> new ArrayList<>()).add(f.key);
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("formId", formId);
    v.put("version", f.version);
    v.put("resourceName", f.resourceName);
    ctx.record("FORM", "CREATED", f.key, v);
    return f;
  }

  static String checksum(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      return new String(content, StandardCharsets.UTF_8).hashCode() + "";
    }
  }
}
