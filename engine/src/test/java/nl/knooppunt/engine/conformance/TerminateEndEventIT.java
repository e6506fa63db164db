package nl.knooppunt.engine.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.grpc.Status;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Terminate end events end their scope and everything still active in it.
 *
 * <p>Docs: docs.camunda.io/docs/components/modeler/bpmn/terminate-events/
 */
@DisplayName("Terminate end event — docs.camunda.io/docs/components/modeler/bpmn/terminate-events/")
class TerminateEndEventIT extends ConformanceTestBase {

  @Test
  @DisplayName("a terminate end event ends the process instance and its other branches")
  void terminatesProcessInstance() throws Exception {
    final String id = uid("terminate");
    final String slow = uid("slow");
    final String quick = uid("quick");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .parallelGateway("fork")
            .serviceTask("slow", t -> t.zeebeJobType(slow))
            .endEvent()
            .moveToNode("fork")
            .serviceTask("quick", t -> t.zeebeJobType(quick))
            .endEvent("stop", e -> e.terminate())
            .done());
    final var result =
        client
            .newCreateInstanceCommand()
            .bpmnProcessId(id)
            .latestVersion()
            .withResult()
            .requestTimeout(java.time.Duration.ofSeconds(40))
            .send()
            .toCompletableFuture();
    final ActivatedJob slowJob = awaitJob(slow);

    complete(awaitJob(quick));

    // the instance completes although the slow branch never finished
    assertThat(result.get(30, java.util.concurrent.TimeUnit.SECONDS).getProcessInstanceKey())
        .isEqualTo(slowJob.getProcessInstanceKey());
    assertThat(errorCode(failure(() -> complete(slowJob)))).isEqualTo(Status.Code.NOT_FOUND);
  }

  @Test
  @DisplayName("a terminate end event in an embedded subprocess ends only that subprocess")
  void terminatesOnlyItsScope() {
    final String id = uid("terminate_sub");
    final String slow = uid("slow");
    final String quick = uid("quick");
    final String after = uid("after");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .subProcess("scope")
            .embeddedSubProcess()
            .startEvent()
            .parallelGateway("fork")
            .serviceTask("slow", t -> t.zeebeJobType(slow))
            .endEvent()
            .moveToNode("fork")
            .serviceTask("quick", t -> t.zeebeJobType(quick))
            .endEvent("stopScope", e -> e.terminate())
            .subProcessDone()
            .serviceTask("after", t -> t.zeebeJobType(after))
            .endEvent()
            .done());
    start(id);
    final ActivatedJob slowJob = awaitJob(slow);

    complete(awaitJob(quick));

    assertThat(awaitJob(after).getElementId()).isEqualTo("after");
    assertThat(errorCode(failure(() -> complete(slowJob)))).isEqualTo(Status.Code.NOT_FOUND);
  }
}
