package nl.knooppunt.engine.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.knooppunt.engine.conformance.IncidentProbe.IncidentView;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Gateways.
 *
 * <p>Docs: docs.camunda.io/docs/components/modeler/bpmn/exclusive-gateways/,
 * docs.camunda.io/docs/components/modeler/bpmn/parallel-gateways/,
 * docs.camunda.io/docs/components/modeler/bpmn/inclusive-gateways/,
 * docs.camunda.io/docs/components/modeler/bpmn/event-based-gateways/
 */
@DisplayName("Gateways — docs.camunda.io/docs/components/modeler/bpmn/gateways/")
class GatewaysIT extends ConformanceTestBase {

  @Test
  @DisplayName("exclusive gateway: first flow whose FEEL condition holds, else the default flow")
  void exclusiveGatewayConditionsAndDefault() {
    final String id = uid("xor");
    final String big = uid("big");
    final String medium = uid("medium");
    final String small = uid("small");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .exclusiveGateway("route")
            .sequenceFlowId("toBig")
            .conditionExpression("amount > 100")
            .serviceTask("big", t -> t.zeebeJobType(big))
            .endEvent()
            .moveToLastExclusiveGateway()
            .sequenceFlowId("toMedium")
            .conditionExpression("amount > 10")
            .serviceTask("medium", t -> t.zeebeJobType(medium))
            .endEvent()
            .moveToLastExclusiveGateway()
            .defaultFlow()
            .serviceTask("small", t -> t.zeebeJobType(small))
            .endEvent()
            .done());

    final long i500 = start(id, Map.of("amount", 500));
    final long i50 = start(id, Map.of("amount", 50));
    final long i5 = start(id, Map.of("amount", 5));

    // 500 satisfies both conditions; the first one in the model is taken, once
    assertThat(awaitJob(big).getProcessInstanceKey()).isEqualTo(i500);
    assertThat(awaitJob(medium).getProcessInstanceKey()).isEqualTo(i50);
    assertThat(awaitJob(small).getProcessInstanceKey()).isEqualTo(i5);
    assertNoJob(big);
    assertNoJob(medium);
    assertNoJob(small);
  }

  @Test
  @DisplayName("exclusive gateway without a matching condition and no default → incident")
  void exclusiveGatewayNoMatchRaisesIncident() {
    final String id = uid("xor_nomatch");
    final String a = uid("a");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .exclusiveGateway("route")
            .sequenceFlowId("toA")
            .conditionExpression("level = \"high\"")
            .serviceTask("a", t -> t.zeebeJobType(a))
            .endEvent()
            .moveToLastExclusiveGateway()
            .sequenceFlowId("toB")
            .conditionExpression("level = \"low\"")
            .endEvent()
            .done());
    final long instance = start(id, Map.of("level", "medium"));

    final IncidentView incident = awaitIncident(instance);
    assertThat(incident.errorType()).isEqualTo("CONDITION_ERROR");
    assertThat(incident.elementId()).isEqualTo("route");

    // resolving after fixing the data continues the instance
    client.newSetVariablesCommand(instance).variables(Map.of("level", "high")).send().join();
    client.newResolveIncidentCommand(incident.incidentKey()).send().join();
    assertThat(awaitJob(a).getProcessInstanceKey()).isEqualTo(instance);
  }

  // Docs: docs.camunda.io/docs/components/modeler/bpmn/parallel-gateways/
  @Test
  @DisplayName("parallel gateway forks all branches and joins them once")
  void parallelForkJoin() {
    final String id = uid("and");
    final String a = uid("a");
    final String b = uid("b");
    final String probe = uid("probe");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .parallelGateway("fork")
            .serviceTask("a", t -> t.zeebeJobType(a))
            .parallelGateway("join")
            .serviceTask("probe", t -> t.zeebeJobType(probe))
            .endEvent()
            .moveToNode("fork")
            .serviceTask("b", t -> t.zeebeJobType(b))
            .connectTo("join")
            .done());
    start(id);

    final ActivatedJob jobA = awaitJob(a);
    final ActivatedJob jobB = awaitJob(b);
    complete(jobA, Map.of("fromA", 1));
    assertNoJob(probe);
    complete(jobB, Map.of("fromB", 2));

    assertThat(probe(probe)).containsEntry("fromA", 1).containsEntry("fromB", 2);
    assertNoJob(probe);
  }

  // Docs: docs.camunda.io/docs/components/modeler/bpmn/inclusive-gateways/
  @Test
  @DisplayName("inclusive gateway takes every flow whose condition holds and joins those")
  void inclusiveGateway() {
    final String id = uid("or");
    final String police = uid("police");
    final String region = uid("region");
    final String om = uid("om");
    final String probe = uid("probe");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .inclusiveGateway("fork")
            .sequenceFlowId("toPolice")
            .conditionExpression("notifyPolice")
            .serviceTask("police", t -> t.zeebeJobType(police))
            .inclusiveGateway("join")
            .serviceTask("probe", t -> t.zeebeJobType(probe))
            .endEvent()
            .moveToNode("fork")
            .sequenceFlowId("toRegion")
            .conditionExpression("notifyRegion")
            .serviceTask("region", t -> t.zeebeJobType(region))
            .connectTo("join")
            .moveToNode("fork")
            .sequenceFlowId("toOm")
            .conditionExpression("notifyOm")
            .serviceTask("om", t -> t.zeebeJobType(om))
            .connectTo("join")
            .done());
    start(id, Map.of("notifyPolice", true, "notifyRegion", true, "notifyOm", false));

    final ActivatedJob p = awaitJob(police);
    final ActivatedJob r = awaitJob(region);
    assertNoJob(om);
    complete(p);
    assertNoJob(probe);
    complete(r);
    assertThat(awaitJob(probe).getElementId()).isEqualTo("probe");
  }

  // Docs: docs.camunda.io/docs/components/modeler/bpmn/inclusive-gateways/
  @Test
  @DisplayName("inclusive gateway default flow is taken when no condition holds")
  void inclusiveGatewayDefault() {
    final String id = uid("or_default");
    final String a = uid("a");
    final String fallback = uid("fallback");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .inclusiveGateway("fork")
            .sequenceFlowId("toA")
            .conditionExpression("x > 10")
            .serviceTask("a", t -> t.zeebeJobType(a))
            .endEvent()
            .moveToLastInclusiveGateway()
            .defaultFlow()
            .serviceTask("fallback", t -> t.zeebeJobType(fallback))
            .endEvent()
            .done());
    start(id, Map.of("x", 1));

    assertThat(awaitJob(fallback).getElementId()).isEqualTo("fallback");
    assertNoJob(a);
  }

  private String eventBasedProcess(
      final String id, final String message, final String onMessage, final String onTimeout) {
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .eventBasedGateway("waitForAnswer")
            .intermediateCatchEvent(
                "answer",
                c -> c.message(m -> m.name(message).zeebeCorrelationKeyExpression("requestId")))
            .serviceTask("onMessage", t -> t.zeebeJobType(onMessage))
            .endEvent()
            .moveToNode("waitForAnswer")
            .intermediateCatchEvent("deadline", c -> c.timerWithDuration("PT15M"))
            .serviceTask("onTimeout", t -> t.zeebeJobType(onTimeout))
            .endEvent()
            .done());
    return id;
  }

  // Docs: docs.camunda.io/docs/components/modeler/bpmn/event-based-gateways/
  @Test
  @DisplayName("event-based gateway: the message arrives first, the timer path is never taken")
  void eventBasedGatewayMessageWins() {
    final String message = uid("answer");
    final String onMessage = uid("onMessage");
    final String onTimeout = uid("onTimeout");
    final String id = eventBasedProcess(uid("ebg_msg"), message, onMessage, onTimeout);
    pinNow();
    final long instance = start(id, Map.of("requestId", "r-1"));

    client
        .newPublishMessageCommand()
        .messageName(message)
        .correlationKey("r-1")
        .timeToLive(Duration.ofMinutes(1))
        .variables(Map.of("answer", "yes"))
        .send()
        .join();

    final ActivatedJob job = awaitJob(onMessage);
    assertThat(job.getProcessInstanceKey()).isEqualTo(instance);
    assertThat(job.getVariablesAsMap()).containsEntry("answer", "yes");
    advance(Duration.ofMinutes(30));
    assertNoJob(onTimeout);
  }

  // Docs: docs.camunda.io/docs/components/modeler/bpmn/event-based-gateways/
  @Test
  @DisplayName("event-based gateway: the timer fires first, a later message is not correlated")
  void eventBasedGatewayTimerWins() {
    final String message = uid("answer");
    final String onMessage = uid("onMessage");
    final String onTimeout = uid("onTimeout");
    final String id = eventBasedProcess(uid("ebg_timer"), message, onMessage, onTimeout);
    pinNow();
    final long instance = start(id, Map.of("requestId", "r-2"));

    final List<ActivatedJob> timeouts = new ArrayList<>();
    advanceUntil(
        Duration.ofMinutes(16),
        () -> {
          timeouts.addAll(activate(onTimeout, 1));
          return !timeouts.isEmpty();
        });
    assertThat(timeouts.get(0).getProcessInstanceKey()).isEqualTo(instance);

    client
        .newPublishMessageCommand()
        .messageName(message)
        .correlationKey("r-2")
        .timeToLive(Duration.ZERO)
        .send()
        .join();
    assertNoJob(onMessage);
  }
}
