package nl.knooppunt.engine.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.camunda.client.api.response.DeploymentEvent;
import io.camunda.client.api.response.Process;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.grpc.Status;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Deploying resources.
 *
 * <p>Docs: docs.camunda.io/docs/apis-tools/zeebe-api/gateway-service/ (DeployResource RPC),
 * docs.camunda.io/docs/components/concepts/processes/ (versions) and
 * docs.camunda.io/docs/components/modeler/bpmn/bpmn-coverage/ (supported elements).
 */
@DisplayName("Deployment — docs.camunda.io/docs/components/concepts/processes/")
class DeploymentIT extends ConformanceTestBase {

  private static BpmnModelInstance simple(final String id, final String taskName) {
    return Bpmn.createExecutableProcess(id)
        .startEvent()
        .serviceTask("work", t -> t.name(taskName).zeebeJobType(id + "_work"))
        .endEvent()
        .done();
  }

  @Test
  @DisplayName("a new process id is deployed as version 1 and reported back")
  void deploysVersionOne() {
    final String id = uid("deploy_v1");
    final DeploymentEvent deployment = deploy(id + ".bpmn", simple(id, "Work"));

    assertThat(deployment.getKey()).isPositive();
    assertThat(deployment.getProcesses()).hasSize(1);
    final Process process = deployment.getProcesses().get(0);
    assertThat(process.getBpmnProcessId()).isEqualTo(id);
    assertThat(process.getVersion()).isEqualTo(1);
    assertThat(process.getProcessDefinitionKey()).isPositive();
    assertThat(process.getResourceName()).isEqualTo(id + ".bpmn");
  }

  @Test
  @DisplayName("redeploying an unchanged resource keeps the version and the definition key")
  void unchangedResourceKeepsVersion() {
    final String id = uid("deploy_same");
    // the same bytes twice (the fluent builder generates fresh ids for unnamed elements)
    final String xml = Bpmn.convertToString(simple(id, "Work"));
    final Process first = deployXml(id + ".bpmn", xml).getProcesses().get(0);
    final Process again = deployXml(id + ".bpmn", xml).getProcesses().get(0);

    assertThat(again.getVersion()).isEqualTo(first.getVersion()).isEqualTo(1);
    assertThat(again.getProcessDefinitionKey()).isEqualTo(first.getProcessDefinitionKey());
  }

  @Test
  @DisplayName("redeploying a changed resource creates the next version; new instances use it")
  void changedResourceCreatesNewVersion() {
    final String id = uid("deploy_changed");
    final Process v1 = deploy(id + ".bpmn", simple(id, "Work")).getProcesses().get(0);
    final Process v2 = deploy(id + ".bpmn", simple(id, "Work, renamed")).getProcesses().get(0);

    assertThat(v1.getVersion()).isEqualTo(1);
    assertThat(v2.getVersion()).isEqualTo(2);
    assertThat(v2.getProcessDefinitionKey()).isNotEqualTo(v1.getProcessDefinitionKey());

    final var latest =
        client.newCreateInstanceCommand().bpmnProcessId(id).latestVersion().send().join();
    assertThat(latest.getVersion()).isEqualTo(2);
    assertThat(latest.getProcessDefinitionKey()).isEqualTo(v2.getProcessDefinitionKey());

    final var pinned = client.newCreateInstanceCommand().bpmnProcessId(id).version(1).send().join();
    assertThat(pinned.getProcessDefinitionKey()).isEqualTo(v1.getProcessDefinitionKey());

    final var byKey =
        client
            .newCreateInstanceCommand()
            .processDefinitionKey(v1.getProcessDefinitionKey())
            .send()
            .join();
    assertThat(byKey.getVersion()).isEqualTo(1);
  }

  // Docs: docs.camunda.io/docs/components/modeler/bpmn/bpmn-coverage/
  @Test
  @DisplayName("a complexGateway is refused with INVALID_ARGUMENT naming the element")
  void complexGatewayIsRefused() {
    final String id = uid("deploy_complex");
    final String xml = resourceXml("complex-gateway.bpmn", Map.of("id", id));

    final Throwable thrown = failure(() -> deployXml(id + ".bpmn", xml));

    assertThat(errorCode(thrown)).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(errorMessage(thrown)).contains("complexJoin");
    assertNotDeployed(id);
  }

  // Docs: docs.camunda.io/docs/components/modeler/bpmn/script-tasks/
  @Test
  @DisplayName("a scriptTask without zeebe:script or zeebe:taskDefinition is refused")
  void scriptTaskWithoutImplementationIsRefused() {
    final String id = uid("deploy_script");
    final BpmnModelInstance model =
        Bpmn.createExecutableProcess(id).startEvent().scriptTask("computeScore").endEvent().done();

    final Throwable thrown = failure(() -> deploy(id + ".bpmn", model));

    assertThat(errorCode(thrown)).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(errorMessage(thrown)).contains("computeScore");
    assertNotDeployed(id);
  }

  // Docs: docs.camunda.io/docs/components/modeler/bpmn/bpmn-coverage/ (embedded engine only)
  @Test
  @DisplayName("a compensation boundary event is refused by the embedded engine, naming it")
  void compensationBoundaryIsRefusedByEmbeddedEngine() {
    // Camunda 8.8 itself supports compensation; the embedded engine does not implement it and
    // must refuse it at deploy time (DESIGN.md §2). On a real cluster this scenario does not apply.
    assumeTrue(target.embedded(), "compensation is supported by Camunda 8; embedded-only rule");
    final String id = uid("deploy_compensation");
    final String xml = resourceXml("compensation-boundary.bpmn", Map.of("id", id));

    final Throwable thrown = failure(() -> deployXml(id + ".bpmn", xml));

    assertThat(errorCode(thrown)).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(errorMessage(thrown)).containsAnyOf("compensateBooking", "undoBooking");
    assertNotDeployed(id);
  }

  // Docs: docs.camunda.io/docs/apis-tools/zeebe-api/gateway-service/
  @Test
  @DisplayName("malformed XML is refused with INVALID_ARGUMENT and the engine keeps working")
  void malformedXmlIsRefused() {
    final String id = uid("deploy_malformed");
    final String xml =
        "<?xml version=\"1.0\"?><bpmn:definitions"
            + " xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\"><bpmn:process id=\""
            + id
            + "\" isExecutable=\"true\"><bpmn:startEvent id=\"s\">";

    final Throwable thrown = failure(() -> deployXml(id + ".bpmn", xml));

    assertThat(errorCode(thrown)).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(errorMessage(thrown)).isNotBlank();
    assertNotDeployed(id);

    // nothing else is affected
    final String other = uid("deploy_after_malformed");
    assertThat(deploy(simple(other, "Work")).getProcesses()).hasSize(1);
  }

  @Test
  @DisplayName("one deployment with two resources deploys both processes")
  void deploysSeveralResourcesAtOnce() {
    final String a = uid("deploy_multi_a");
    final String b = uid("deploy_multi_b");
    final DeploymentEvent deployment =
        client
            .newDeployResourceCommand()
            .addProcessModel(simple(a, "A"), a + ".bpmn")
            .addProcessModel(simple(b, "B"), b + ".bpmn")
            .send()
            .join();

    assertThat(deployment.getProcesses())
        .extracting(Process::getBpmnProcessId)
        .containsExactlyInAnyOrder(a, b);
  }

  // Docs: docs.camunda.io/docs/components/concepts/execution-listeners/ (embedded engine only)
  @Test
  @DisplayName("an end execution listener on a gateway is refused, naming it")
  void endExecutionListenerOnAGatewayIsRefusedByEmbeddedEngine() {
    // The embedded engine runs start listeners on gateways, not end listeners (ADR 0047), and
    // must refuse them rather than ignore them. Not applicable to a real cluster.
    assumeTrue(target.embedded(), "checked against the embedded engine's list");
    final String id = uid("deploy_exec_listener");
    final String xml =
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d"
            targetNamespace="http://knooppunt.nl/test">
          <bpmn:process id="%s" isExecutable="true">
            <bpmn:startEvent id="s"/>
            <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="audited"/>
            <bpmn:parallelGateway id="audited">
              <bpmn:extensionElements>
                <zeebe:executionListeners>
                  <zeebe:executionListener eventType="end" type="audit"/>
                </zeebe:executionListeners>
              </bpmn:extensionElements>
            </bpmn:parallelGateway>
            <bpmn:sequenceFlow id="f2" sourceRef="audited" targetRef="e"/>
            <bpmn:endEvent id="e"/>
          </bpmn:process>
        </bpmn:definitions>
        """
            .formatted(id);

    final Throwable thrown = failure(() -> deployXml(id + ".bpmn", xml));

    assertThat(errorCode(thrown)).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(errorMessage(thrown)).contains("audited");
    assertNotDeployed(id);
  }

  // Docs: docs.camunda.io/docs/components/modeler/bpmn/event-subprocesses/ (embedded engine only)
  @Test
  @DisplayName(
      "an event sub-process with a start event the engine lacks (conditional) is refused, naming"
          + " it")
  void conditionalEventSubprocessIsRefusedByEmbeddedEngine() {
    assumeTrue(target.embedded(), "conditional events are supported by Camunda 8");
    final String id = uid("deploy_event_sub");
    final BpmnModelInstance model =
        Bpmn.createExecutableProcess(id)
            .eventSubProcess(
                "onLate", e -> e.startEvent("lateCondition").condition("= late").endEvent())
            .startEvent()
            .serviceTask("work", t -> t.zeebeJobType(id + "_work"))
            .endEvent()
            .done();

    final Throwable thrown = failure(() -> deploy(id + ".bpmn", model));

    assertThat(errorCode(thrown)).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(errorMessage(thrown)).containsAnyOf("onLate", "lateCondition");
    assertNotDeployed(id);
  }

  // Docs: docs.camunda.io/docs/apis-tools/zeebe-api/gateway-service/ (DeployResource)
  @Test
  @DisplayName("two resources with the same process id in one deployment → INVALID_ARGUMENT")
  void duplicateProcessIdInOneDeployment() {
    final String id = uid("deploy_dup");
    final Throwable thrown =
        failure(
            () ->
                client
                    .newDeployResourceCommand()
                    .addProcessModel(simple(id, "A"), id + "_a.bpmn")
                    .addProcessModel(simple(id, "B"), id + "_b.bpmn")
                    .send()
                    .join());

    assertThat(errorCode(thrown)).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(errorMessage(thrown)).contains(id);
    assertNotDeployed(id);
  }

  // Docs: docs.camunda.io/docs/components/modeler/bpmn/bpmn-coverage/ (embedded engine only)
  @Test
  @DisplayName("other elements outside the accepted list are refused by the embedded engine")
  void otherUnsupportedElementsAreRefusedByEmbeddedEngine() {
    // Camunda 8.8 accepts these; the embedded engine's list (issue 3) does not include them, so
    // it must refuse each at deploy time naming the element. Not applicable to a real cluster.
    assumeTrue(target.embedded(), "Camunda 8 supports these elements");
    final Map<String, java.util.function.Function<String, BpmnModelInstance>> models =
        Map.of(
            "undo",
            id ->
                Bpmn.createExecutableProcess(id)
                    .startEvent()
                    .intermediateThrowEvent("undo", e -> e.compensateEventDefinition())
                    .endEvent()
                    .done(),
            "whenReady",
            id ->
                Bpmn.createExecutableProcess(id)
                    .startEvent()
                    .intermediateCatchEvent("whenReady", c -> c.condition("= ready"))
                    .endEvent()
                    .done());

    final org.assertj.core.api.SoftAssertions softly = new org.assertj.core.api.SoftAssertions();
    models.forEach(
        (elementId, model) -> {
          final String id = uid("deploy_unsupported");
          final Throwable thrown = failure(() -> deploy(id + ".bpmn", model.apply(id)));
          softly
              .assertThat(errorCode(thrown))
              .as(elementId)
              .isEqualTo(Status.Code.INVALID_ARGUMENT);
          // the flow element's own id, not only the id of a nested (generated) event definition
          softly.assertThat(errorMessage(thrown)).as(elementId).contains(elementId);
          assertNotDeployed(id);
        });
    softly.assertAll();
  }

  private static void assertNotDeployed(final String id) {
    final Throwable thrown =
        failure(
            () ->
                client.newCreateInstanceCommand().bpmnProcessId(id).latestVersion().send().join());
    assertThat(errorCode(thrown)).isEqualTo(Status.Code.NOT_FOUND);
  }
}
