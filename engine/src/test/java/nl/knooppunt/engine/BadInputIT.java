package nl.knooppunt.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.api.command.ClientStatusException;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.grpc.Status;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import nl.knooppunt.engine.support.Scenario;
import nl.knooppunt.engine.support.TestEngine;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Bad input gives a clear error with the right status, and the engine keeps running. */
class BadInputIT {

  static TestEngine engine;
  static Scenario s;

  @BeforeAll
  static void start() {
    engine = TestEngine.start(false);
    s = new Scenario(engine);
    s.deploy(
        Bpmn.createExecutableProcess("bad")
            .startEvent()
            .serviceTask("t", t -> t.zeebeJobType("bad-t"))
            .endEvent()
            .done());
  }

  @AfterAll
  static void stop() {
    engine.close();
  }

  private static void assertStatus(ThrowingCallable call, Status.Code code, String text) {
    assertThatThrownBy(call)
        .isInstanceOf(ClientStatusException.class)
        .satisfies(e -> assertThat(((ClientStatusException) e).getStatusCode()).isEqualTo(code))
        .hasMessageContaining(text);
    // the engine keeps running
    assertThat(engine.client().newTopologyRequest().send().join().getBrokers()).hasSize(1);
  }

  @Test
  void malformedXml() {
    assertStatus(
        () ->
            s.client()
                .newDeployResourceCommand()
                .addResourceBytes("<definitions".getBytes(StandardCharsets.UTF_8), "broken.bpmn")
                .send()
                .join(),
        Status.Code.INVALID_ARGUMENT,
        "malformed XML");
  }

  @Test
  void unknownProcess() {
    assertStatus(() -> s.create("does-not-exist"), Status.Code.NOT_FOUND, "does-not-exist");
  }

  @Test
  void unknownJobAndCompletingTwice() {
    assertStatus(
        () -> s.client().newCompleteCommand(123456789L).send().join(),
        Status.Code.NOT_FOUND,
        "123456789");
    s.create("bad");
    var job = s.job("bad-t");
    s.client().newCompleteCommand(job).send().join();
    assertStatus(
        () -> s.client().newCompleteCommand(job).send().join(),
        Status.Code.NOT_FOUND,
        String.valueOf(job.getKey()));
  }

  @Test
  void variablesMustBeAJsonObject() {
    assertStatus(
        () ->
            s.client()
                .newCreateInstanceCommand()
                .bpmnProcessId("bad")
                .latestVersion()
                .variables("[1,2,3]")
                .send()
                .join(),
        Status.Code.INVALID_ARGUMENT,
        "root level object");
  }

  @Test
  void hugeVariablesAreRefused() {
    String big = "x".repeat(Limits.MAX_VARIABLES_BYTES + 10);
    assertStatus(
        () ->
            s.client()
                .newCreateInstanceCommand()
                .bpmnProcessId("bad")
                .latestVersion()
                .variables(Map.of("big", big))
                .send()
                .join(),
        Status.Code.INVALID_ARGUMENT,
        "limit");
  }

  @Test
  void largeVariablesAreSpreadOverSeveralActivations() {
    s.deploy(
        Bpmn.createExecutableProcess("large")
            .startEvent()
            .serviceTask("t", t -> t.zeebeJobType("large-t"))
            .endEvent()
            .done());
    String payload = "y".repeat(900 * 1024);
    for (int i = 0; i < 5; i++) {
      s.create("large", Map.of("payload", payload));
    }
    var first =
        s.client()
            .newActivateJobsCommand()
            .jobType("large-t")
            .maxJobsToActivate(10)
            .send()
            .join()
            .getJobs();
    assertThat(first).hasSizeBetween(1, 4);
    assertThat(s.jobs("large-t", 5 - first.size())).hasSize(5 - first.size());
  }

  @Test
  void duplicateMessageIdIsAlreadyExists() {
    s.client()
        .newPublishMessageCommand()
        .messageName("dup")
        .correlationKey("k")
        .messageId("id-1")
        .timeToLive(Duration.ofMinutes(1))
        .send()
        .join();
    assertStatus(
        () ->
            s.client()
                .newPublishMessageCommand()
                .messageName("dup")
                .correlationKey("k")
                .messageId("id-1")
                .timeToLive(Duration.ofMinutes(1))
                .send()
                .join(),
        Status.Code.ALREADY_EXISTS,
        "id-1");
  }

  @Test
  void unsupportedElementNamesTheElement() {
    String xml =
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            id="d" targetNamespace="http://knooppunt.nl/test">
          <bpmn:process id="manual" isExecutable="true">
            <bpmn:startEvent id="s"/>
            <bpmn:complexGateway id="hands"/>
          </bpmn:process>
        </bpmn:definitions>
        """;
    assertStatus(
        () ->
            s.client()
                .newDeployResourceCommand()
                .addResourceBytes(xml.getBytes(StandardCharsets.UTF_8), "manual.bpmn")
                .send()
                .join(),
        Status.Code.INVALID_ARGUMENT,
        "hands");
  }
}
