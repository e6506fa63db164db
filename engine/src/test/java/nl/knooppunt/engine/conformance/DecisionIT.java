package nl.knooppunt.engine.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.response.DeploymentEvent;
import io.camunda.client.api.response.EvaluateDecisionResponse;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.grpc.Status;
import java.util.Map;
import nl.knooppunt.engine.conformance.IncidentProbe.IncidentView;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * DMN decisions: deploying {@code .dmn} resources (versions, decision id, decision requirements),
 * EvaluateDecision, and business rule tasks with {@code zeebe:calledDecision}.
 *
 * <p>Docs: docs.camunda.io/docs/components/concepts/decisions/,
 * docs.camunda.io/docs/components/modeler/bpmn/business-rule-tasks/ and
 * docs.camunda.io/docs/apis-tools/zeebe-api/gateway-service/ (EvaluateDecision)
 */
@DisplayName("Decisions — docs.camunda.io/docs/components/modeler/bpmn/business-rule-tasks/")
class DecisionIT extends ConformanceTestBase {

  private static String dmn(final String drg, final String decision, final int threshold) {
    return resourceXml(
        "decision.dmn",
        Map.of("drg", drg, "decision", decision, "threshold", String.valueOf(threshold)));
  }

  private static DeploymentEvent deployDmn(final String xml) {
    return client
        .newDeployResourceCommand()
        .addResourceStringUtf8(xml, "opschaling.dmn")
        .send()
        .join();
  }

  @Test
  @DisplayName(
      "a DMN resource deploys its decision requirements and decisions; a changed resource is"
          + " version 2, an unchanged one keeps its version")
  void dmnResourceDeploysWithVersions() {
    final String drg = uid("drg");
    final String decision = uid("niveau");

    final DeploymentEvent first = deployDmn(dmn(drg, decision, 5));
    assertThat(first.getDecisionRequirements()).hasSize(1);
    assertThat(first.getDecisionRequirements().get(0).getDmnDecisionRequirementsId())
        .isEqualTo(drg);
    assertThat(first.getDecisions()).hasSize(1);
    assertThat(first.getDecisions().get(0).getDmnDecisionId()).isEqualTo(decision);
    assertThat(first.getDecisions().get(0).getDmnDecisionName()).isEqualTo("Opschalingsniveau");
    assertThat(first.getDecisions().get(0).getVersion()).isEqualTo(1);

    final DeploymentEvent same = deployDmn(dmn(drg, decision, 5));
    assertThat(same.getDecisions().get(0).getVersion()).isEqualTo(1);
    assertThat(same.getDecisions().get(0).getDecisionKey())
        .isEqualTo(first.getDecisions().get(0).getDecisionKey());

    final DeploymentEvent changed = deployDmn(dmn(drg, decision, 7));
    assertThat(changed.getDecisions().get(0).getVersion()).isEqualTo(2);
    assertThat(changed.getDecisionRequirements().get(0).getVersion()).isEqualTo(2);
  }

  @Test
  @DisplayName("EvaluateDecision by id evaluates the latest version with the given variables")
  void evaluateDecisionById() {
    final String decision = uid("niveau");
    deployDmn(dmn(uid("drg"), decision, 5));

    final EvaluateDecisionResponse high =
        client
            .newEvaluateDecisionCommand()
            .decisionId(decision)
            .variables(Map.of("ernst", 6))
            .send()
            .join();
    assertThat(high.getDecisionId()).isEqualTo(decision);
    assertThat(high.getDecisionOutput()).isEqualTo("\"GRIP 2\"");
    assertThat(high.getFailureMessage()).isEmpty();

    final EvaluateDecisionResponse low =
        client
            .newEvaluateDecisionCommand()
            .decisionKey(high.getDecisionKey())
            .variables(Map.of("ernst", 2))
            .send()
            .join();
    assertThat(low.getDecisionOutput()).isEqualTo("\"GRIP 1\"");
  }

  @Test
  @DisplayName("EvaluateDecision of a decision that is not deployed → NOT_FOUND")
  void evaluateUnknownDecision() {
    final Throwable thrown =
        failure(
            () ->
                client
                    .newEvaluateDecisionCommand()
                    .decisionId(uid("never_deployed"))
                    .variables(Map.of())
                    .send()
                    .join());
    assertThat(errorCode(thrown)).isEqualTo(Status.Code.NOT_FOUND);
  }

  @Test
  @DisplayName(
      "a business rule task evaluates its called decision; the output lands in the result"
          + " variable")
  void businessRuleTaskEvaluatesCalledDecision() {
    final String decision = uid("niveau");
    final String id = uid("brt");
    final String probe = uid("probe");
    deployDmn(dmn(uid("drg"), decision, 5));
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .businessRuleTask(
                "bepaalNiveau", t -> t.zeebeCalledDecisionId(decision).zeebeResultVariable("grip"))
            .serviceTask("probe", t -> t.zeebeJobType(probe))
            .endEvent()
            .done());

    start(id, Map.of("ernst", 8));
    assertThat(probe(probe)).containsEntry("grip", "GRIP 2");
  }

  @Test
  @DisplayName(
      "a business rule task whose decision is not deployed raises an incident; deploying it and"
          + " resolving the incident evaluates it")
  void missingDecisionRaisesIncident() {
    final String decision = uid("niveau");
    final String id = uid("brt_missing");
    final String probe = uid("probe");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .businessRuleTask(
                "bepaalNiveau", t -> t.zeebeCalledDecisionId(decision).zeebeResultVariable("grip"))
            .serviceTask("probe", t -> t.zeebeJobType(probe))
            .endEvent()
            .done());
    final long instance = start(id, Map.of("ernst", 1));

    final IncidentView incident = awaitIncident(instance);
    assertThat(incident.errorType()).isEqualTo("CALLED_DECISION_ERROR");
    deployDmn(dmn(uid("drg"), decision, 5));
    client.newResolveIncidentCommand(incident.incidentKey()).send().join();
    assertThat(probe(probe)).containsEntry("grip", "GRIP 1");
  }
}
