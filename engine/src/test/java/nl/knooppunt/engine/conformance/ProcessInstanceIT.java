package nl.knooppunt.engine.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.camunda.client.api.response.ProcessInstanceResult;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.grpc.Status;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Creating and cancelling process instances.
 *
 * <p>Docs: docs.camunda.io/docs/components/concepts/process-instance-creation/ and
 * docs.camunda.io/docs/apis-tools/zeebe-api/gateway-service/ (CreateProcessInstance,
 * CreateProcessInstanceWithResult, CancelProcessInstance).
 */
@DisplayName(
    "Process instances — docs.camunda.io/docs/components/concepts/process-instance-creation/")
class ProcessInstanceIT extends ConformanceTestBase {

  @Test
  @DisplayName("creating an instance of an unknown process id → NOT_FOUND")
  void unknownProcessIdIsNotFound() {
    final Throwable thrown =
        failure(
            () ->
                client
                    .newCreateInstanceCommand()
                    .bpmnProcessId(uid("never_deployed"))
                    .latestVersion()
                    .send()
                    .join());
    assertThat(errorCode(thrown)).isEqualTo(Status.Code.NOT_FOUND);
  }

  @Test
  @DisplayName("creating an instance of an unknown version → NOT_FOUND")
  void unknownVersionIsNotFound() {
    final String id = uid("pi_version");
    deploy(Bpmn.createExecutableProcess(id).startEvent().endEvent().done());
    final Throwable thrown =
        failure(() -> client.newCreateInstanceCommand().bpmnProcessId(id).version(7).send().join());
    assertThat(errorCode(thrown)).isEqualTo(Status.Code.NOT_FOUND);
  }

  @Test
  @DisplayName("variables that are not a JSON object → INVALID_ARGUMENT")
  void variablesMustBeAJsonObject() {
    final String id = uid("pi_vars");
    deploy(Bpmn.createExecutableProcess(id).startEvent().endEvent().done());

    final Throwable thrown =
        failure(
            () ->
                client
                    .newCreateInstanceCommand()
                    .bpmnProcessId(id)
                    .latestVersion()
                    .variables("[1, 2, 3]")
                    .send()
                    .join());
    assertNotAnObjectRefused(thrown);

    // the engine keeps working: a valid object is accepted
    assertThat(start(id, Map.of("ok", true))).isPositive();
  }

  @Test
  @DisplayName("create returns instance key, definition key, process id and version")
  void createReturnsIdentifiers() {
    final String id = uid("pi_create");
    final var process =
        deploy(Bpmn.createExecutableProcess(id).startEvent().endEvent().done())
            .getProcesses()
            .get(0);

    final ProcessInstanceEvent event =
        client.newCreateInstanceCommand().bpmnProcessId(id).latestVersion().send().join();

    assertThat(event.getProcessInstanceKey()).isPositive();
    assertThat(event.getBpmnProcessId()).isEqualTo(id);
    assertThat(event.getVersion()).isEqualTo(1);
    assertThat(event.getProcessDefinitionKey()).isEqualTo(process.getProcessDefinitionKey());
  }

  @Test
  @DisplayName("withResult answers when the instance completes, with its variables")
  void withResultReturnsFinalVariables() throws Exception {
    final String id = uid("pi_result");
    final String type = uid("work");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .serviceTask("work", t -> t.zeebeJobType(type))
            .endEvent()
            .done());

    final CompletableFuture<ProcessInstanceResult> result =
        client
            .newCreateInstanceCommand()
            .bpmnProcessId(id)
            .latestVersion()
            .variables(Map.of("input", "a"))
            .withResult()
            .requestTimeout(Duration.ofSeconds(30))
            .send()
            .toCompletableFuture();

    final ActivatedJob job = awaitJob(type);
    assertThat(result).isNotDone();
    complete(job, Map.of("output", "b"));

    final ProcessInstanceResult done = result.get(30, TimeUnit.SECONDS);
    assertThat(done.getBpmnProcessId()).isEqualTo(id);
    assertThat(done.getProcessInstanceKey()).isEqualTo(job.getProcessInstanceKey());
    assertThat(done.getVariablesAsMap()).containsEntry("input", "a").containsEntry("output", "b");
  }

  @Test
  @DisplayName("withResult fetchVariables returns only the named variables")
  void withResultFetchVariables() throws Exception {
    final String id = uid("pi_result_fetch");
    final String type = uid("work");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .serviceTask("work", t -> t.zeebeJobType(type))
            .endEvent()
            .done());

    final CompletableFuture<ProcessInstanceResult> result =
        client
            .newCreateInstanceCommand()
            .bpmnProcessId(id)
            .latestVersion()
            .variables(Map.of("a", 1, "b", 2))
            .withResult()
            .fetchVariables("a", "c")
            .requestTimeout(Duration.ofSeconds(30))
            .send()
            .toCompletableFuture();
    complete(awaitJob(type), Map.of("c", 3, "d", 4));

    assertThat(result.get(30, TimeUnit.SECONDS).getVariablesAsMap()).containsOnlyKeys("a", "c");
  }

  @Test
  @DisplayName("withResult also answers when the instance completes within the create command")
  void withResultForInstantCompletion() {
    final String id = uid("pi_result_instant");
    deploy(Bpmn.createExecutableProcess(id).startEvent().endEvent().done());

    final ProcessInstanceResult result =
        client
            .newCreateInstanceCommand()
            .bpmnProcessId(id)
            .latestVersion()
            .variables(Map.of("a", 1))
            .withResult()
            .requestTimeout(Duration.ofSeconds(10))
            .send()
            .join();

    assertThat(result.getBpmnProcessId()).isEqualTo(id);
    assertThat(result.getVariablesAsMap()).containsEntry("a", 1);
  }

  // Docs: docs.camunda.io/docs/apis-tools/zeebe-api/gateway-service/
  // (CreateProcessInstanceWithResult: "the request will be closed if the process is not completed
  // before the requestTimeout"); the client's own gRPC deadline is requestTimeout + 10 s.
  @Test
  @DisplayName(
      "withResult is closed with DEADLINE_EXCEEDED when the instance has not completed within"
          + " the requestTimeout; the instance goes on")
  void withResultHonoursRequestTimeout() {
    final String id = uid("pi_result_timeout");
    final String type = uid("work");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .serviceTask("work", t -> t.zeebeJobType(type))
            .endEvent()
            .done());

    final long startedNanos = System.nanoTime();
    final Throwable thrown =
        failure(
            () ->
                client
                    .newCreateInstanceCommand()
                    .bpmnProcessId(id)
                    .latestVersion()
                    .withResult()
                    .requestTimeout(Duration.ofSeconds(1))
                    .send()
                    .join());

    // answered by the gateway's requestTimeout, not by the client giving up after 11 s
    assertThat(Duration.ofNanos(System.nanoTime() - startedNanos))
        .isLessThan(Duration.ofSeconds(9));
    assertThat(errorCode(thrown)).isEqualTo(Status.Code.DEADLINE_EXCEEDED);
    complete(awaitJob(type));
  }

  // Docs: docs.camunda.io/docs/apis-tools/zeebe-api/gateway-service/ (CancelProcessInstance)
  @Test
  @DisplayName("cancel terminates the instance: its job is gone, a second cancel → NOT_FOUND")
  void cancelTerminatesInstance() {
    final String id = uid("pi_cancel");
    final String type = uid("work");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .serviceTask("work", t -> t.zeebeJobType(type))
            .endEvent()
            .done());
    final long instance = start(id);
    final ActivatedJob job = awaitJob(type);

    client.newCancelInstanceCommand(instance).send().join();

    final Throwable completeAfterCancel = failure(() -> complete(job));
    assertThat(errorCode(completeAfterCancel)).isEqualTo(Status.Code.NOT_FOUND);
    final Throwable cancelAgain =
        failure(() -> client.newCancelInstanceCommand(instance).send().join());
    assertThat(errorCode(cancelAgain)).isEqualTo(Status.Code.NOT_FOUND);
  }

  // Docs: docs.camunda.io/docs/apis-tools/zeebe-api/gateway-service/ (CancelProcessInstance)
  @Test
  @DisplayName("cancelling an unknown instance key → NOT_FOUND")
  void cancelUnknownInstance() {
    final Throwable thrown =
        failure(
            () -> client.newCancelInstanceCommand(2251799813685249L + 987654321L).send().join());
    assertThat(errorCode(thrown)).isEqualTo(Status.Code.NOT_FOUND);
  }
}
