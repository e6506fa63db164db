package nl.knooppunt.engine.grpc;

import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.EvaluateDecisionResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.EvaluatedDecision;
import java.util.Map;
import nl.knooppunt.engine.dmn.Dmn;
import nl.knooppunt.engine.runtime.StateReader;

/** The EvaluateDecision answer: output as JSON, or the failure message (not a gRPC error). */
final class DecisionResponses {

  private DecisionResponses() {}

  static EvaluateDecisionResponse evaluate(
      StateReader.DecisionSnapshot s, Map<String, Object> variables) {
    var d = s.decision();
    var r = s.requirements();
    EvaluateDecisionResponse.Builder b =
        EvaluateDecisionResponse.newBuilder()
            .setDecisionKey(d.key)
            .setDecisionId(d.decisionId)
            .setDecisionName(d.name)
            .setDecisionVersion(d.version)
            .setDecisionRequirementsId(d.decisionRequirementsId)
            .setDecisionRequirementsKey(d.decisionRequirementsKey)
            .setTenantId("<default>");
    try {
      Object output = Dmn.evaluate(r.checksum, r.resource, d.decisionId, variables);
      String json = VariableDocuments.write(output);
      b.setDecisionOutput(json)
          .addEvaluatedDecisions(
              EvaluatedDecision.newBuilder()
                  .setDecisionKey(d.key)
                  .setDecisionId(d.decisionId)
                  .setDecisionName(d.name)
                  .setDecisionVersion(d.version)
                  .setDecisionOutput(json)
                  .setTenantId("<default>"));
    } catch (Dmn.EvaluationFailure e) {
      b.setDecisionOutput("null")
          .setFailedDecisionId(d.decisionId)
          .setFailureMessage(e.getMessage());
    }
    return b.build();
  }
}
