package nl.knooppunt.engine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.nio.charset.StandardCharsets;
import java.util.List;
import nl.knooppunt.engine.feel.Feel;
import org.junit.jupiter.api.Test;

class BpmnTransformerTest {

  private final BpmnTransformer transformer = new BpmnTransformer(new Feel(() -> 0L));

  private List<ProcessModel> transform(BpmnModelInstance model) {
    return transformer.transform(
        "test.bpmn", Bpmn.convertToString(model).getBytes(StandardCharsets.UTF_8));
  }

  private List<ProcessModel> transform(String xml) {
    return transformer.transform("test.bpmn", xml.getBytes(StandardCharsets.UTF_8));
  }

  private static String process(String body) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:zeebe="http://camunda.org/schema/zeebe/1.0"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
            id="defs" targetNamespace="http://knooppunt.nl/test">
          <bpmn:process id="p" isExecutable="true">
        %s
          </bpmn:process>
        </bpmn:definitions>
        """
        .formatted(body);
  }

  @Test
  void buildsTheExecutableGraph() {
    ProcessModel model =
        transform(
                Bpmn.createExecutableProcess("p")
                    .startEvent("s")
                    .serviceTask(
                        "t",
                        t ->
                            t.zeebeJobType("=\"type-\" + kind")
                                .zeebeJobRetries("5")
                                .zeebeTaskHeader("k", "v")
                                .zeebeInputExpression("a", "b"))
                    .exclusiveGateway("g")
                    .defaultFlow()
                    .endEvent("e1")
                    .moveToNode("g")
                    .conditionExpression("= x > 1")
                    .endEvent("e2")
                    .done())
            .get(0);
    Element task = model.element("t");
    assertThat(task.kind).isEqualTo(ElementKind.JOB_TASK);
    assertThat(task.jobType.isFeel()).isTrue();
    assertThat(task.taskHeaders).containsEntry("k", "v");
    assertThat(task.inputs).hasSize(1);
    Element gateway = model.element("g");
    assertThat(gateway.outgoing).hasSize(2);
    assertThat(gateway.defaultFlowId).isNotNull();
    assertThat(model.process().noneStartEventId).isEqualTo("s");
  }

  @Test
  void malformedXmlIsRefused() {
    assertThatThrownBy(() -> transform("<bpmn:definitions"))
        .isInstanceOf(DeploymentException.class)
        .hasMessageContaining("malformed XML");
  }

  @Test
  void unsupportedElementIsRefusedNamingTheElement() {
    assertThatThrownBy(
            () ->
                transform(
                    process(
                        """
                        <bpmn:startEvent id="s"/>
                        <bpmn:complexGateway id="complex1"/>
                        """)))
        .isInstanceOf(DeploymentException.class)
        .hasMessageContaining("complex1")
        .hasMessageContaining("complexGateway");
  }

  @Test
  void unsupportedZeebeAttributeIsRefused() {
    assertThatThrownBy(
            () ->
                transform(
                    process(
                        """
                        <bpmn:startEvent id="s" zeebe:asyncBefore="true"/>
                        """)))
        .isInstanceOf(DeploymentException.class)
        .hasMessageContaining("'s'")
        .hasMessageContaining("zeebe:asyncBefore");
  }

  @Test
  void markupOfNamespacesTheEngineDoesNotExecuteIsIgnoredAndLogged() {
    List<ProcessModel> models =
        transform(
            process(
                """
                <bpmn:startEvent id="s" camunda:asyncBefore="true">
                  <bpmn:extensionElements>
                    <camunda:executionListener class="nl.Example" event="start"/>
                  </bpmn:extensionElements>
                </bpmn:startEvent>
                """));
    assertThat(models).hasSize(1);
    assertThat(ForeignMarkup.wasIgnored("camunda:asyncBefore")).isTrue();
    assertThat(ForeignMarkup.wasIgnored("camunda:executionListener")).isTrue();
  }

  @Test
  void staticMappingSourceIsALiteralString() {
    ProcessModel model =
        transform(
                Bpmn.createExecutableProcess("p")
                    .startEvent()
                    .serviceTask(
                        "t", t -> t.zeebeJobType("x").zeebeInput("https://example.nl/a b", "url"))
                    .endEvent()
                    .done())
            .get(0);
    var source = model.element("t").inputs.get(0).source();
    assertThat(source.isFeel()).isFalse();
    assertThat(source.source()).isEqualTo("https://example.nl/a b");
  }

  @Test
  void unsupportedZeebeExtensionIsRefused() {
    assertThatThrownBy(
            () ->
                transform(
                    process(
                        """
                        <bpmn:startEvent id="s">
                          <bpmn:extensionElements>
                            <zeebe:linkedResources>
                              <zeebe:linkedResource resourceId="r" linkName="l"/>
                            </zeebe:linkedResources>
                          </bpmn:extensionElements>
                        </bpmn:startEvent>
                        """)))
        .isInstanceOf(DeploymentException.class)
        .hasMessageContaining("'s'")
        .hasMessageContaining("zeebe:linkedResources");
  }

  @Test
  void eventSubProcessWithANoneStartEventIsRefused() {
    assertThatThrownBy(
            () ->
                transform(
                    process(
                        """
                        <bpmn:startEvent id="s"/>
                        <bpmn:subProcess id="esp" triggeredByEvent="true">
                          <bpmn:startEvent id="es"/>
                        </bpmn:subProcess>
                        """)))
        .isInstanceOf(DeploymentException.class)
        .hasMessageContaining("esp")
        .hasMessageContaining("event subprocesses must be one of");
  }

  @Test
  void eventSubProcessWithMessageStartIsAccepted() {
    var models =
        transform(
            Bpmn.createExecutableProcess("p")
                .eventSubProcess(
                    "esp",
                    e ->
                        e.startEvent("es")
                            .message(m -> m.name("m").zeebeCorrelationKeyExpression("k"))
                            .interrupting(false)
                            .endEvent())
                .startEvent()
                .endEvent()
                .done());
    var process = models.get(0);
    assertThat(process.process().eventSubProcessStartIds).containsExactly("es");
    assertThat(process.element("esp").eventSubProcess).isTrue();
    assertThat(process.element("es").interrupting).isFalse();
  }

  @Test
  void escalationEndEventWithoutAnEscalationIsRefused() {
    assertThatThrownBy(
            () ->
                transform(
                    process(
                        """
                        <bpmn:startEvent id="s"/>
                        <bpmn:endEvent id="esc">
                          <bpmn:escalationEventDefinition id="ed"/>
                        </bpmn:endEvent>
                        """)))
        .isInstanceOf(DeploymentException.class)
        .hasMessageContaining("Must reference an escalation");
  }

  @Test
  void nonInterruptingStartEventOutsideAnEventSubProcessIsRefused() {
    assertThatThrownBy(
            () ->
                transform(
                    process(
                        """
                        <bpmn:startEvent id="s" isInterrupting="false"/>
                        """)))
        .isInstanceOf(DeploymentException.class)
        .hasMessageContaining("'s'");
  }

  @Test
  void feelSyntaxErrorIsRefusedAtDeployTime() {
    assertThatThrownBy(
            () ->
                transform(
                    Bpmn.createExecutableProcess("p")
                        .startEvent()
                        .serviceTask("t", t -> t.zeebeJobTypeExpression("x +* 1"))
                        .endEvent()
                        .done()))
        .isInstanceOf(DeploymentException.class)
        .hasMessageContaining("'t'")
        .hasMessageContaining("FEEL");
  }

  @Test
  void missingJobTypeIsRefused() {
    assertThatThrownBy(
            () ->
                transform(
                    Bpmn.createExecutableProcess("p")
                        .startEvent()
                        .serviceTask("t")
                        .endEvent()
                        .done()))
        .isInstanceOf(DeploymentException.class)
        .hasMessageContaining("t");
  }

  @Test
  void cronTimerCycleIsRefused() {
    assertThatThrownBy(
            () ->
                transform(
                    Bpmn.createExecutableProcess("p")
                        .startEvent()
                        .timerWithCycle("0 0 9-17 * * MON-FRI")
                        .endEvent()
                        .done()))
        .isInstanceOf(DeploymentException.class)
        .hasMessageContaining("cron");
  }

  @Test
  void jobBasedUserTaskIsAJobOfCamundasUserTaskType() {
    Element u =
        transform(Bpmn.createExecutableProcess("p").startEvent().userTask("u").endEvent().done())
            .get(0)
            .element("u");
    assertThat(u.kind).isEqualTo(ElementKind.JOB_TASK);
    assertThat(u.jobType.source()).isEqualTo("io.camunda.zeebe:userTask");
  }

  @Test
  void multiInstanceNeedsAnInputCollection() {
    ProcessModel model =
        transform(
                Bpmn.createExecutableProcess("p")
                    .startEvent()
                    .serviceTask(
                        "t",
                        t ->
                            t.zeebeJobType("w")
                                .multiInstance(
                                    m ->
                                        m.sequential()
                                            .zeebeInputCollectionExpression("items")
                                            .zeebeInputElement("item")
                                            .completionCondition("= done")))
                    .endEvent()
                    .done())
            .get(0);
    assertThat(model.element("t").multiInstance.sequential()).isTrue();
    assertThat(model.element("t").multiInstance.completionCondition()).isNotNull();
  }
}
