package nl.knooppunt.engine.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.response.BroadcastSignalResponse;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Signals: broadcast through the client or thrown by an intermediate signal throw event, caught by
 * every waiting signal catch event. Signals are not buffered, so the tests repeat the broadcast
 * until the (asynchronously opened) subscriptions have caught it; each catch event passes once.
 *
 * <p>Docs: docs.camunda.io/docs/components/modeler/bpmn/signal-events/ and
 * docs.camunda.io/docs/components/concepts/signals/
 */
@DisplayName("Signal events — docs.camunda.io/docs/components/modeler/bpmn/signal-events/")
class SignalEventsIT extends ConformanceTestBase {

  private static void deployCatcher(final String id, final String signal, final String probe) {
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .intermediateCatchEvent("awaitSignal", c -> c.signal(signal))
            .serviceTask("probe", t -> t.zeebeJobType(probe))
            .endEvent()
            .done());
  }

  // Docs: docs.camunda.io/docs/components/concepts/signals/
  @Test
  @DisplayName("a broadcast signal reaches every waiting catch event, with its variables")
  void broadcastReachesAllCatchers() {
    final String id = uid("signal_catch");
    final String signal = uid("allClear");
    final String probe = uid("probe");
    deployCatcher(id, signal, probe);
    final long a = start(id);
    final long b = start(id);

    final List<ActivatedJob> probes = new ArrayList<>();
    await()
        .atMost(WAIT)
        .until(
            () -> {
              final BroadcastSignalResponse response =
                  client
                      .newBroadcastSignalCommand()
                      .signalName(signal)
                      .variables(Map.of("clearedBy", "NCC"))
                      .send()
                      .join();
              assertThat(response.getKey()).isPositive();
              probes.addAll(activate(probe, 2));
              return probes.size() >= 2;
            });

    assertThat(probes)
        .extracting(ActivatedJob::getProcessInstanceKey)
        .containsExactlyInAnyOrder(a, b);
    assertThat(probes)
        .allSatisfy(j -> assertThat(j.getVariablesAsMap()).containsEntry("clearedBy", "NCC"));
  }

  @Test
  @DisplayName("an intermediate signal throw event in one process reaches another process")
  void throwEventReachesCatcher() {
    final String catcher = uid("signal_catcher");
    final String thrower = uid("signal_thrower");
    final String signal = uid("escalated");
    final String probe = uid("probe");
    deployCatcher(catcher, signal, probe);
    deploy(
        Bpmn.createExecutableProcess(thrower)
            .startEvent()
            .intermediateThrowEvent("raise", e -> e.signal(signal))
            .endEvent()
            .done());
    final long waiting = start(catcher);

    final List<ActivatedJob> probes = new ArrayList<>();
    await()
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(300))
        .until(
            () -> {
              start(thrower);
              probes.addAll(activate(probe, 1));
              return !probes.isEmpty();
            });
    assertThat(probes.get(0).getProcessInstanceKey()).isEqualTo(waiting);
  }
}
