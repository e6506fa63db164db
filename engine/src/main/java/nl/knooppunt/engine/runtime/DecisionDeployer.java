package nl.knooppunt.engine.runtime;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.knooppunt.engine.EngineException;
import nl.knooppunt.engine.command.Command;
import nl.knooppunt.engine.dmn.Dmn;
import nl.knooppunt.engine.runtime.state.DeployedDecision;
import nl.knooppunt.engine.runtime.state.DeployedDecisionRequirements;

/**
 * Deploys DMN resources (docs.camunda.io/docs/components/concepts/decisions/ and
 * .../resource-deployments/): a resource is a decision requirements graph (its {@code definitions}
 * id) with its decisions; an unchanged resource (same name and bytes) keeps its versions, a changed
 * one gives the graph and each of its decisions the next version (per {@code decisionId}).
 */
final class DecisionDeployer {

  /** What one deployment added or kept. */
  record Deployed(
      List<DeployedDecision> decisions, List<DeployedDecisionRequirements> requirements) {}

  private final EngineContext ctx;

  DecisionDeployer(EngineContext ctx) {
    this.ctx = ctx;
  }

  /** Parses a DMN resource before anything is deployed; a bad one refuses the deployment. */
  static Dmn.ResourceInfo check(Command.Resource r) {
    try {
      Dmn.ResourceInfo info = Dmn.parse(r.content());
      if (info.decisions().isEmpty()) {
        throw new IllegalArgumentException("it contains no decision");
      }
      return info;
    } catch (IllegalArgumentException e) {
      throw EngineException.invalidArgument(
          "Expected to deploy the DMN resource '" + r.name() + "', but " + e.getMessage());
    }
  }

  Deployed deploy(List<Command.Resource> resources, long deploymentKey) {
    List<DeployedDecision> decisions = new ArrayList<>();
    List<DeployedDecisionRequirements> requirements = new ArrayList<>();
    for (Command.Resource r : resources) {
      Dmn.ResourceInfo info = check(r);
      String checksum = Deployer.checksum(r.content());
      DeployedDecisionRequirements latest = latestRequirements(info.id());
      if (latest != null
          && latest.checksum.equals(checksum)
          && latest.resourceName.equals(r.name())) {
        requirements.add(latest);
        for (DeployedDecision d : ctx.state().decisions.values()) {
          if (d.decisionRequirementsKey == latest.key) {
            decisions.add(d);
          }
        }
        continue;
      }
      DeployedDecisionRequirements drg = new DeployedDecisionRequirements();
      drg.key = ctx.newKey();
      drg.decisionRequirementsId = info.id();
      drg.name = info.name() == null ? info.id() : info.name();
      drg.version = ctx.state().nextVersion("drg", info.id(), latest == null ? 0 : latest.version);
      drg.resourceName = r.name();
      drg.checksum = checksum;
      drg.deploymentKey = deploymentKey;
      drg.resource = r.content();
      ctx.state().decisionRequirements.put(drg.key, drg);
      Map<String, Object> v = new LinkedHashMap<>();
      v.put("decisionRequirementsId", drg.decisionRequirementsId);
      v.put("decisionRequirementsName", drg.name);
      v.put("version", drg.version);
      v.put("resourceName", drg.resourceName);
      ctx.record("DECISION_REQUIREMENTS", "CREATED", drg.key, v);
      requirements.add(drg);
      for (Dmn.DecisionInfo di : info.decisions()) {
        DeployedDecision previous = latestDecision(ctx.state(), di.decisionId());
        DeployedDecision d = new DeployedDecision();
        d.key = ctx.newKey();
        d.decisionId = di.decisionId();
        d.name = di.name() == null ? di.decisionId() : di.name();
        d.version =
            ctx.state()
                .nextVersion("decision", di.decisionId(), previous == null ? 0 : previous.version);
        d.decisionRequirementsId = drg.decisionRequirementsId;
        d.decisionRequirementsKey = drg.key;
        d.deploymentKey = deploymentKey;
        ctx.state().decisions.put(d.key, d);
        ctx.state()
            .decisionVersions
            .computeIfAbsent(d.decisionId, k -> new ArrayList<>())
            .add(d.key);
        Map<String, Object> dv = new LinkedHashMap<>();
        dv.put("decisionId", d.decisionId);
        dv.put("decisionName", d.name);
        dv.put("version", d.version);
        dv.put("decisionRequirementsId", d.decisionRequirementsId);
        dv.put("decisionRequirementsKey", d.decisionRequirementsKey);
        ctx.record("DECISION", "CREATED", d.key, dv);
        decisions.add(d);
      }
    }
    return new Deployed(decisions, requirements);
  }

  private DeployedDecisionRequirements latestRequirements(String id) {
    DeployedDecisionRequirements latest = null;
    for (DeployedDecisionRequirements r : ctx.state().decisionRequirements.values()) {
      if (r.decisionRequirementsId.equals(id) && (latest == null || r.version > latest.version)) {
        latest = r;
      }
    }
    return latest;
  }

  /** The latest version of a decision, or null. */
  static DeployedDecision latestDecision(EngineState state, String decisionId) {
    List<Long> keys = state.decisionVersions.get(decisionId);
    return keys == null || keys.isEmpty() ? null : state.decisions.get(keys.get(keys.size() - 1));
  }
}
