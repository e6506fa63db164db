package nl.knooppunt.engine.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.response.ProcessInstanceResult;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.grpc.Status;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Event sub-processes (interrupting and non-interrupting; message, timer, signal, error and
 * escalation start events) and escalation events (intermediate throw, end, boundary catch).
 *
 * <p>Docs: docs.camunda.io/docs/components/modeler/bpmn/event-subprocesses/ and
 * docs.camunda.io/docs/components/modeler/bpmn/escalation-events/
 */
@DisplayName(
    "Event sub-processes and escalation —"
        + " docs.camunda.io/docs/components/modeler/bpmn/event-subprocesses/")
class EventSubProcessIT extends ConformanceTestBase {

  private static CompletableFuture<ProcessInstanceResult> startWithResult(
      final String id, final Map<String, Object> variables) {
    return client
        .newCreateInstanceCommand()
        .bpmnProcessId(id)
        .latestVersion()
        .variables(variables)
        .withResult()
        .requestTimeout(Duration.ofSeconds(60))
        .send()
        .toCompletableFuture();
  }

  @Test
  @DisplayName(
      "an interrupting message event sub-process terminates the running work and finishes the"
          + " instance with the message's variables")
  void interruptingMessageEventSubProcess() throws Exception {
    final String id = uid("esp_message");
    final String work = uid("work");
    final String handle = uid("handle");
    final String message = uid("ingetrokken");
    deploy(
        Bpmn.createExecutableProcess(id)
            .eventSubProcess(
                "opIntrekking",
                e ->
                    e.startEvent("ingetrokken")
                        .message(m -> m.name(message).zeebeCorrelationKeyExpression("crisisId"))
                        .serviceTask("afhandelen", t -> t.zeebeJobType(handle))
                        .endEvent())
            .startEvent()
            .serviceTask("werk", t -> t.zeebeJobType(work))
            .endEvent()
            .done());
    final CompletableFuture<ProcessInstanceResult> result =
        startWithResult(id, Map.of("crisisId", "c-1"));
    final ActivatedJob running = awaitJob(work);

    client
        .newPublishMessageCommand()
        .messageName(message)
        .correlationKey("c-1")
        .variables(Map.of("reden", "loos alarm"))
        .send()
        .join();

    final ActivatedJob handling = awaitJob(handle);
    assertThat(handling.getElementId()).isEqualTo("afhandelen");
    assertThat(handling.getVariablesAsMap()).containsEntry("reden", "loos alarm");
    assertThat(errorCode(failure(() -> complete(running)))).isEqualTo(Status.Code.NOT_FOUND);
    complete(handling);
    assertThat(result.get(30, TimeUnit.SECONDS).getVariablesAsMap())
        .containsEntry("reden", "loos alarm");
  }

  @Test
  @DisplayName(
      "a non-interrupting timer event sub-process runs beside the work; the instance ends when"
          + " both are done")
  void nonInterruptingTimerEventSubProcess() throws Exception {
    final String id = uid("esp_timer");
    final String work = uid("work");
    final String remind = uid("remind");
    deploy(
        Bpmn.createExecutableProcess(id)
            .eventSubProcess(
                "herinnering",
                e ->
                    e.startEvent("naEenUur")
                        .timerWithDuration("PT1H")
                        .interrupting(false)
                        .serviceTask("herinneren", t -> t.zeebeJobType(remind))
                        .endEvent())
            .startEvent()
            .serviceTask("werk", t -> t.zeebeJobType(work))
            .endEvent()
            .done());
    pinNow();
    final CompletableFuture<ProcessInstanceResult> result = startWithResult(id, Map.of());
    final ActivatedJob running = awaitJob(work);

    advanceUntil(Duration.ofMinutes(61), () -> !activate(remind, 1).isEmpty());

    complete(running);
    assertThat(result).isNotDone();
    // the reminder was activated inside advanceUntil; it is handed out again after its timeout
    final ActivatedJob reminder =
        await()
            .atMost(WAIT)
            .until(
                () -> {
                  advance(Duration.ofMinutes(10));
                  return activate(remind, 1);
                },
                jobs -> !jobs.isEmpty())
            .get(0);
    complete(reminder);
    assertThat(result.get(30, TimeUnit.SECONDS).getProcessInstanceKey())
        .isEqualTo(running.getProcessInstanceKey());
  }

  @Test
  @DisplayName("a non-interrupting signal event sub-process starts on a broadcast signal")
  void nonInterruptingSignalEventSubProcess() {
    final String id = uid("esp_signal");
    final String work = uid("work");
    final String inform = uid("inform");
    final String signal = uid("opschaling");
    deploy(
        Bpmn.createExecutableProcess(id)
            .eventSubProcess(
                "bijOpschaling",
                e ->
                    e.startEvent("opgeschaald")
                        .signal(signal)
                        .interrupting(false)
                        .serviceTask("informeren", t -> t.zeebeJobType(inform))
                        .endEvent())
            .startEvent()
            .serviceTask("werk", t -> t.zeebeJobType(work))
            .endEvent()
            .done());
    start(id);
    final ActivatedJob running = awaitJob(work);

    final List<ActivatedJob> informed =
        await()
            .atMost(WAIT)
            .until(
                () -> {
                  client
                      .newBroadcastSignalCommand()
                      .signalName(signal)
                      .variables(Map.of("grip", 2))
                      .send()
                      .join();
                  return activate(inform, 1);
                },
                jobs -> !jobs.isEmpty());
    assertThat(informed.get(0).getVariablesAsMap()).containsEntry("grip", 2);
    complete(running); // the work was not interrupted
    complete(informed.get(0));
  }

  @Test
  @DisplayName(
      "an error event sub-process catches an error thrown by a job worker, with its variables")
  void errorEventSubProcessCatchesThrownError() throws Exception {
    final String id = uid("esp_error");
    final String work = uid("work");
    final String repair = uid("repair");
    deploy(
        Bpmn.createExecutableProcess(id)
            .eventSubProcess(
                "bijFout",
                e ->
                    e.startEvent("geweigerd")
                        .error("GEWEIGERD")
                        .serviceTask("herstellen", t -> t.zeebeJobType(repair))
                        .endEvent())
            .startEvent()
            .subProcess(
                "aanvraag",
                s ->
                    s.embeddedSubProcess()
                        .startEvent()
                        .serviceTask("aanvragen", t -> t.zeebeJobType(work))
                        .endEvent())
            .endEvent()
            .done());
    final CompletableFuture<ProcessInstanceResult> result = startWithResult(id, Map.of());

    client
        .newThrowErrorCommand(awaitJob(work).getKey())
        .errorCode("GEWEIGERD")
        .variables(Map.of("reden", "geen capaciteit"))
        .send()
        .join();

    final ActivatedJob repairing = awaitJob(repair);
    assertThat(repairing.getVariablesAsMap()).containsEntry("reden", "geen capaciteit");
    complete(repairing);
    assertThat(result.get(30, TimeUnit.SECONDS).getBpmnProcessId()).isEqualTo(id);
  }

  // Docs: docs.camunda.io/docs/components/modeler/bpmn/escalation-events/
  @Test
  @DisplayName(
      "an escalation thrown in a sub-process is caught by a non-interrupting boundary event;"
          + " the sub-process goes on")
  void escalationCaughtByNonInterruptingBoundary() {
    final String id = uid("escalation_boundary");
    final String inner = uid("inner");
    final String notify = uid("notify");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .subProcess("afstemming")
            .embeddedSubProcess()
            .startEvent()
            .intermediateThrowEvent("teLaat", e -> e.escalation("TE_LAAT"))
            .serviceTask("afstemmen", t -> t.zeebeJobType(inner))
            .endEvent()
            .subProcessDone()
            .endEvent()
            .moveToActivity("afstemming")
            .boundaryEvent("opTeLaat", b -> b.escalation("TE_LAAT").cancelActivity(false))
            .serviceTask("melden", t -> t.zeebeJobType(notify))
            .endEvent()
            .done());
    start(id);

    assertThat(awaitJob(notify).getElementId()).isEqualTo("melden");
    assertThat(awaitJob(inner).getElementId()).isEqualTo("afstemmen");
  }

  // Docs: docs.camunda.io/docs/components/modeler/bpmn/escalation-events/
  @Test
  @DisplayName(
      "an escalation end event is caught by an interrupting escalation event sub-process of the"
          + " process, which ends the other work")
  void escalationEndEventCaughtByInterruptingEventSubProcess() throws Exception {
    final String id = uid("escalation_esp");
    final String busy = uid("busy");
    final String help = uid("help");
    final String after = uid("after");
    deploy(
        Bpmn.createExecutableProcess(id)
            .eventSubProcess(
                "opschalen",
                e ->
                    e.startEvent("hulpGevraagd")
                        .escalation("HULP")
                        .serviceTask("helpen", t -> t.zeebeJobType(help))
                        .endEvent())
            .startEvent()
            .subProcess("inzet")
            .embeddedSubProcess()
            .startEvent()
            .parallelGateway("splits")
            .serviceTask("bezig", t -> t.zeebeJobType(busy))
            .endEvent()
            .moveToNode("splits")
            .endEvent("vraagHulp", e -> e.escalation("HULP"))
            .subProcessDone()
            .serviceTask("daarna", t -> t.zeebeJobType(after))
            .endEvent()
            .done());
    final CompletableFuture<ProcessInstanceResult> result = startWithResult(id, Map.of());

    complete(awaitJob(help));
    result.get(30, TimeUnit.SECONDS);
    assertNoJob(busy);
    assertNoJob(after);
  }

  // Docs: docs.camunda.io/docs/components/modeler/bpmn/escalation-events/ (not caught: the
  // process goes on, no incident)
  @Test
  @DisplayName("an escalation that nobody catches lets the process go on")
  void uncaughtEscalationContinues() {
    final String id = uid("escalation_uncaught");
    final String probe = uid("probe");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .intermediateThrowEvent("melden", e -> e.escalation("NIEMAND"))
            .serviceTask("probe", t -> t.zeebeJobType(probe))
            .endEvent()
            .done());
    start(id);
    assertThat(awaitJob(probe).getElementId()).isEqualTo("probe");
  }
}
