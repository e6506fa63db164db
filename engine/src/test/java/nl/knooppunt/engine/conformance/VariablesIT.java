package nl.knooppunt.engine.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.util.Map;
import nl.knooppunt.engine.conformance.IncidentProbe.IncidentView;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Variable scopes, propagation, local variables, input/output mappings and SetVariables.
 *
 * <p>Docs: docs.camunda.io/docs/components/concepts/variables/ and
 * docs.camunda.io/docs/components/concepts/expressions/ (FEEL),
 * docs.camunda.io/docs/apis-tools/zeebe-api/gateway-service/ (SetVariables).
 */
@DisplayName("Variables — docs.camunda.io/docs/components/concepts/variables/")
class VariablesIT extends ConformanceTestBase {

  @Test
  @DisplayName("input mappings create local variables the job sees; they do not leave the task")
  void inputMappingsAreLocal() {
    final String id = uid("vars_input");
    final String work = uid("work");
    final String probe = uid("probe");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .serviceTask(
                "work",
                t ->
                    t.zeebeJobType(work)
                        .zeebeInputExpression("customer.name", "sender")
                        .zeebeInputExpression("customer", "recipient.name")
                        .zeebeInputExpression("\"fixed\"", "mode"))
            .serviceTask("probe", t -> t.zeebeJobType(probe))
            .endEvent()
            .done());
    start(id, Map.of("customer", Map.of("name", "Gemeente Utrecht")));

    final ActivatedJob job = awaitJob(work);
    assertThat(job.getVariablesAsMap())
        .containsEntry("sender", "Gemeente Utrecht")
        .containsEntry("mode", "fixed")
        .containsEntry("recipient", Map.of("name", Map.of("name", "Gemeente Utrecht")));
    complete(job);

    assertThat(probe(probe)).doesNotContainKeys("sender", "mode", "recipient");
  }

  @Test
  @DisplayName("without output mappings all job variables propagate to the root scope")
  void noOutputMappingPropagatesEverything() {
    final String id = uid("vars_no_output");
    final String work = uid("work");
    final String probe = uid("probe");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .serviceTask("work", t -> t.zeebeJobType(work))
            .serviceTask("probe", t -> t.zeebeJobType(probe))
            .endEvent()
            .done());
    start(id, Map.of("a", 1));

    complete(awaitJob(work), Map.of("a", 2, "b", "new"));

    assertThat(probe(probe)).containsEntry("a", 2).containsEntry("b", "new");
  }

  @Test
  @DisplayName("with output mappings only the mapped variables propagate")
  void outputMappingsSelectWhatPropagates() {
    final String id = uid("vars_output");
    final String work = uid("work");
    final String probe = uid("probe");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .serviceTask(
                "work",
                t ->
                    t.zeebeJobType(work)
                        .zeebeOutputExpression("result.status", "paymentStatus")
                        .zeebeOutputExpression("result.transactionId", "transactionId"))
            .serviceTask("probe", t -> t.zeebeJobType(probe))
            .endEvent()
            .done());
    start(id);

    complete(
        awaitJob(work),
        Map.of("result", Map.of("status", "Ok", "transactionId", "t-789"), "internal", true));

    assertThat(probe(probe))
        .containsEntry("paymentStatus", "Ok")
        .containsEntry("transactionId", "t-789")
        .doesNotContainKeys("result", "internal");
  }

  @Test
  @DisplayName("an output mapping to a nested target merges into the existing variable")
  void outputMappingMergesNestedTarget() {
    final String id = uid("vars_merge");
    final String work = uid("work");
    final String probe = uid("probe");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .serviceTask(
                "work", t -> t.zeebeJobType(work).zeebeOutputExpression("outcome", "order.status"))
            .serviceTask("probe", t -> t.zeebeJobType(probe))
            .endEvent()
            .done());
    start(id, Map.of("order", Map.of("id", "o-1", "status", "new")));

    complete(awaitJob(work), Map.of("outcome", "done"));

    assertThat(probe(probe)).containsEntry("order", Map.of("id", "o-1", "status", "done"));
  }

  @Test
  @DisplayName("propagation stops at the nearest scope that has the variable; else root")
  void propagationStopsAtNearestScope() {
    final String id = uid("vars_propagation");
    final String inner = uid("inner");
    final String afterInner = uid("afterInner");
    final String probe = uid("probe");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .subProcess("scope", s -> s.zeebeInputExpression("0", "counter"))
            .embeddedSubProcess()
            .startEvent()
            .serviceTask("work", t -> t.zeebeJobType(inner))
            .serviceTask("check", t -> t.zeebeJobType(afterInner))
            .endEvent()
            .subProcessDone()
            .serviceTask("probe", t -> t.zeebeJobType(probe))
            .endEvent()
            .done());
    start(id, Map.of("counter", 100));

    final ActivatedJob work = awaitJob(inner);
    assertThat(work.getVariablesAsMap()).containsEntry("counter", 0);
    complete(work, Map.of("counter", 5, "fresh", 1));

    assertThat(probe(afterInner)).containsEntry("counter", 5).containsEntry("fresh", 1);
    assertThat(probe(probe)).containsEntry("counter", 100).containsEntry("fresh", 1);
  }

  @Test
  @DisplayName("an embedded subprocess drops its local variables unless output-mapped")
  void subprocessOutputMapping() {
    final String id = uid("vars_sub_output");
    final String inner = uid("inner");
    final String probe = uid("probe");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .subProcess(
                "scope",
                s ->
                    s.zeebeInputExpression("\"draft\"", "localA")
                        .zeebeInputExpression("\"draft\"", "localB")
                        .zeebeOutputExpression("localA", "exportedA"))
            .embeddedSubProcess()
            .startEvent()
            .serviceTask("work", t -> t.zeebeJobType(inner))
            .endEvent()
            .subProcessDone()
            .serviceTask("probe", t -> t.zeebeJobType(probe))
            .endEvent()
            .done());
    start(id);

    complete(awaitJob(inner), Map.of("localA", "final", "localB", "final"));

    assertThat(probe(probe))
        .containsEntry("exportedA", "final")
        .doesNotContainKeys("localA", "localB");
  }

  // Docs: docs.camunda.io/docs/apis-tools/zeebe-api/gateway-service/ (SetVariables)
  @Test
  @DisplayName("SetVariables: local=true stays in the element scope, local=false propagates")
  void setVariablesLocalAndGlobal() {
    final String id = uid("vars_set");
    final String work = uid("work");
    final String probe = uid("probe");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .serviceTask("work", t -> t.zeebeJobType(work))
            .serviceTask("probe", t -> t.zeebeJobType(probe))
            .endEvent()
            .done());
    final long instance = start(id, Map.of("x", 1));
    final ActivatedJob job = awaitJob(work);

    client
        .newSetVariablesCommand(job.getElementInstanceKey())
        .variables(Map.of("onlyHere", "task"))
        .local(true)
        .send()
        .join();
    client
        .newSetVariablesCommand(job.getElementInstanceKey())
        .variables(Map.of("everywhere", "root"))
        .local(false)
        .send()
        .join();
    client.newSetVariablesCommand(instance).variables(Map.of("x", 5)).send().join();
    complete(job);

    assertThat(probe(probe))
        .containsEntry("x", 5)
        .containsEntry("everywhere", "root")
        .doesNotContainKey("onlyHere");
  }

  // Docs: docs.camunda.io/docs/apis-tools/zeebe-api/gateway-service/ (SetVariables)
  @Test
  @DisplayName("SetVariables on an unknown element instance → NOT_FOUND")
  void setVariablesUnknownScope() {
    final Throwable thrown =
        failure(
            () ->
                client
                    .newSetVariablesCommand(2251799813685249L + 424242L)
                    .variables(Map.of("a", 1))
                    .send()
                    .join());
    assertThat(errorCode(thrown)).isEqualTo(io.grpc.Status.Code.NOT_FOUND);
  }

  // Docs: docs.camunda.io/docs/components/concepts/incidents/
  @Test
  @DisplayName("a FEEL failure in an input mapping raises an incident naming the expression")
  void feelFailureInInputMappingRaisesIncident() {
    final String id = uid("vars_feel_failure");
    final String work = uid("work");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .serviceTask(
                "work",
                t ->
                    t.zeebeJobType(work)
                        .zeebeInputExpression(
                            "assert(orderId, orderId != null, \"orderId is required\")",
                            "reference"))
            .endEvent()
            .done());
    final long instance = start(id);

    final IncidentView incident = awaitIncident(instance);
    assertThat(incident.errorType()).isEqualTo("IO_MAPPING_ERROR");
    assertThat(incident.elementId()).isEqualTo("work");
    assertThat(incident.errorMessage()).contains("orderId");
    assertNoJob(work);

    // fix the data and resolve: the mapping is evaluated again
    client.newSetVariablesCommand(instance).variables(Map.of("orderId", "o-9")).send().join();
    client.newResolveIncidentCommand(incident.incidentKey()).send().join();
    assertThat(awaitJob(work).getVariablesAsMap()).containsEntry("reference", "o-9");
  }

  // Docs: docs.camunda.io/docs/apis-tools/zeebe-api/gateway-service/ (SetVariables)
  @Test
  @DisplayName("SetVariables with a document that is not a JSON object → INVALID_ARGUMENT")
  void setVariablesNonObject() {
    final String id = uid("vars_set_bad");
    final String work = uid("work");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .serviceTask("work", t -> t.zeebeJobType(work))
            .endEvent()
            .done());
    final long instance = start(id);

    final Throwable thrown =
        failure(() -> client.newSetVariablesCommand(instance).variables("42").send().join());

    assertNotAnObjectRefused(thrown);
  }

  @Test
  @DisplayName("JSON values round-trip unchanged: text, big integers, decimals, null, nesting")
  void jsonValuesRoundTrip() {
    final String id = uid("vars_json");
    final String work = uid("work");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .serviceTask("work", t -> t.zeebeJobType(work))
            .endEvent()
            .done());
    final String json =
        "{\"text\":\"Gemeente 's-Hertogenbosch \u2014 \u00eb\u00fc \ud83d\udea8\","
            + "\"big\":9007199254740993,\"decimal\":1.25,\"negative\":-7,\"flag\":false,"
            + "\"nothing\":null,\"list\":[1,\"two\",{\"three\":3}],"
            + "\"nested\":{\"a\":{\"b\":[]}}}";
    client
        .newCreateInstanceCommand()
        .bpmnProcessId(id)
        .latestVersion()
        .variables(json)
        .send()
        .join();

    final Map<String, Object> vars = awaitJob(work).getVariablesAsMap();

    assertThat(vars)
        .containsEntry("text", "Gemeente 's-Hertogenbosch \u2014 \u00eb\u00fc \ud83d\udea8")
        .containsEntry("big", 9007199254740993L)
        .containsEntry("decimal", 1.25)
        .containsEntry("negative", -7)
        .containsEntry("flag", false)
        .containsEntry("nothing", null)
        .containsEntry("list", java.util.List.of(1, "two", Map.of("three", 3)))
        .containsEntry("nested", Map.of("a", Map.of("b", java.util.List.of())));
  }
}
