package nl.knooppunt.engine.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.response.PublishMessageResponse;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.grpc.Status;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Messages: subscriptions, correlation keys, buffering (TTL), uniqueness (message id), cardinality,
 * message start events, receive tasks and message boundary events.
 *
 * <p>Docs: docs.camunda.io/docs/components/concepts/messages/,
 * docs.camunda.io/docs/components/modeler/bpmn/message-events/,
 * docs.camunda.io/docs/components/modeler/bpmn/receive-tasks/
 */
@DisplayName("Messages — docs.camunda.io/docs/components/concepts/messages/")
class MessageEventsIT extends ConformanceTestBase {

  private static BpmnModelInstance waitForMessage(
      final String id, final String message, final String probe) {
    return Bpmn.createExecutableProcess(id)
        .startEvent()
        .intermediateCatchEvent(
            "await", c -> c.message(m -> m.name(message).zeebeCorrelationKeyExpression("caseId")))
        .serviceTask("probe", t -> t.zeebeJobType(probe))
        .endEvent()
        .done();
  }

  private static PublishMessageResponse publish(
      final String name, final String key, final Duration ttl, final Map<String, Object> vars) {
    return client
        .newPublishMessageCommand()
        .messageName(name)
        .correlationKey(key)
        .timeToLive(ttl)
        .variables(vars)
        .send()
        .join();
  }

  private static PublishMessageResponse publishWithId(
      final String name, final String key, final String messageId, final Duration ttl) {
    return client
        .newPublishMessageCommand()
        .messageName(name)
        .correlationKey(key)
        .messageId(messageId)
        .timeToLive(ttl)
        .send()
        .join();
  }

  @Test
  @DisplayName("a message correlates by name and correlation key; its variables are merged")
  void correlatesByKey() {
    final String id = uid("msg_key");
    final String message = uid("answer");
    final String probe = uid("probe");
    deploy(waitForMessage(id, message, probe));
    start(id, Map.of("caseId", "case-1"));
    final long second = start(id, Map.of("caseId", "case-2"));

    final PublishMessageResponse response =
        publish(message, "case-2", Duration.ofMinutes(1), Map.of("decision", "approved"));
    assertThat(response.getMessageKey()).isPositive();

    final ActivatedJob job = awaitJob(probe);
    assertThat(job.getProcessInstanceKey()).isEqualTo(second);
    assertThat(job.getVariablesAsMap())
        .containsEntry("caseId", "case-2")
        .containsEntry("decision", "approved");
    assertNoJob(probe);
  }

  @Test
  @DisplayName("a message published before the subscription opens is buffered for its TTL")
  void bufferedMessageCorrelatesLater() {
    final String id = uid("msg_buffer");
    final String message = uid("answer");
    final String probe = uid("probe");
    deploy(waitForMessage(id, message, probe));

    publish(message, "case-9", Duration.ofMinutes(10), Map.of("early", true));
    final long instance = start(id, Map.of("caseId", "case-9"));

    final ActivatedJob job = awaitJob(probe);
    assertThat(job.getProcessInstanceKey()).isEqualTo(instance);
    assertThat(job.getVariablesAsMap()).containsEntry("early", true);
  }

  // Docs: docs.camunda.io/docs/components/concepts/messages/ (message buffering)
  @Test
  @DisplayName(
      "a message buffered before an activity starts correlates to its message boundary event")
  void bufferedMessageCorrelatesToABoundaryEventWhenItsHostStarts() {
    final String id = uid("msg_buffer_boundary");
    final String message = uid("lowering");
    final String prepare = uid("prepare");
    final String inForce = uid("inForce");
    final String onLowering = uid("onLowering");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .serviceTask("prepare", t -> t.zeebeJobType(prepare))
            .serviceTask("inForce", t -> t.zeebeJobType(inForce))
            .boundaryEvent(
                "lowering",
                b -> b.message(m -> m.name(message).zeebeCorrelationKeyExpression("caseId")))
            .serviceTask("onLowering", t -> t.zeebeJobType(onLowering))
            .endEvent()
            .moveToActivity("inForce")
            .endEvent()
            .done());
    start(id, Map.of("caseId", "c-early"));
    final ActivatedJob first = awaitJob(prepare);

    // published while the instance is still in the step before: buffered
    publish(message, "c-early", Duration.ofMinutes(10), Map.of("reason", "arrested"));
    complete(first);

    final ActivatedJob lowered = awaitJob(onLowering);
    assertThat(lowered.getVariablesAsMap()).containsEntry("reason", "arrested");
    assertNoJob(inForce);
  }

  @Test
  @DisplayName("a message with TTL 0 is not buffered")
  void zeroTtlIsNotBuffered() {
    final String id = uid("msg_ttl0");
    final String message = uid("answer");
    final String probe = uid("probe");
    deploy(waitForMessage(id, message, probe));

    publish(message, "case-0", Duration.ZERO, Map.of());
    start(id, Map.of("caseId", "case-0"));

    assertNoJob(probe);
  }

  @Test
  @DisplayName("a buffered message expires after its TTL (engine clock) and no longer correlates")
  void bufferedMessageExpires() {
    final String id = uid("msg_expiry");
    final String message = uid("answer");
    final String probe = uid("probe");
    deploy(waitForMessage(id, message, probe));
    pinNow();
    publishWithId(message, "case-x", "m-1", Duration.ofMinutes(5));

    advance(Duration.ofMinutes(6));
    // observable through uniqueness: once the buffered message is gone, its id is free again
    await("the buffered message expires")
        .atMost(WAIT)
        .ignoreExceptionsMatching(
            e ->
                find(e, io.camunda.client.api.command.ClientStatusException.class) != null
                    || find(e, io.camunda.client.api.command.ProblemException.class) != null)
        .until(() -> publishWithId(message, "case-x", "m-1", Duration.ZERO) != null);

    start(id, Map.of("caseId", "case-x"));
    assertNoJob(probe);
  }

  @Test
  @DisplayName("same name, key and message id while buffered → ALREADY_EXISTS")
  void messageIdUniqueness() {
    final String message = uid("notice");
    publishWithId(message, "k-1", "id-1", Duration.ofMinutes(10));

    final Throwable duplicate =
        failure(() -> publishWithId(message, "k-1", "id-1", Duration.ofMinutes(10)));
    assertThat(errorCode(duplicate)).isEqualTo(Status.Code.ALREADY_EXISTS);

    // another id, or the same id under another key, is a different message
    assertThat(publishWithId(message, "k-1", "id-2", Duration.ofMinutes(10)).getMessageKey())
        .isPositive();
    assertThat(publishWithId(message, "k-2", "id-1", Duration.ofMinutes(10)).getMessageKey())
        .isPositive();
  }

  @Test
  @DisplayName("one message correlates to one instance of a process, even if several wait")
  void oneMessageOneInstancePerProcess() {
    final String id = uid("msg_once");
    final String message = uid("answer");
    final String probe = uid("probe");
    deploy(waitForMessage(id, message, probe));
    final long a = start(id, Map.of("caseId", "shared"));
    final long b = start(id, Map.of("caseId", "shared"));

    publish(message, "shared", Duration.ofMinutes(1), Map.of());
    final ActivatedJob first = awaitJob(probe);
    assertThat(first.getProcessInstanceKey()).isIn(a, b);
    assertNoJob(probe);

    publish(message, "shared", Duration.ofMinutes(1), Map.of());
    final ActivatedJob second = awaitJob(probe);
    assertThat(second.getProcessInstanceKey())
        .isIn(a, b)
        .isNotEqualTo(first.getProcessInstanceKey());
  }

  @Test
  @DisplayName("a message correlates to waiting instances of different processes")
  void oneMessageReachesEveryProcess() {
    final String message = uid("answer");
    final String probeA = uid("probeA");
    final String probeB = uid("probeB");
    final String a = uid("msg_proc_a");
    final String b = uid("msg_proc_b");
    deploy(waitForMessage(a, message, probeA));
    deploy(waitForMessage(b, message, probeB));
    start(a, Map.of("caseId", "c-7"));
    start(b, Map.of("caseId", "c-7"));

    publish(message, "c-7", Duration.ofMinutes(1), Map.of());

    assertThat(awaitJob(probeA).getBpmnProcessId()).isEqualTo(a);
    assertThat(awaitJob(probeB).getBpmnProcessId()).isEqualTo(b);
  }

  @Test
  @DisplayName("the correlation key is evaluated when the subscription opens, not updated later")
  void correlationKeyFixedAtEntry() {
    final String id = uid("msg_fixed_key");
    final String message = uid("answer");
    final String probe = uid("probe");
    deploy(waitForMessage(id, message, probe));
    final long instance = start(id, Map.of("caseId", "before"));
    publish(message, "unrelated", Duration.ZERO, Map.of()); // harmless
    client.newSetVariablesCommand(instance).variables(Map.of("caseId", "after")).send().join();

    publish(message, "before", Duration.ofMinutes(1), Map.of());

    assertThat(awaitJob(probe).getProcessInstanceKey()).isEqualTo(instance);
  }

  @Test
  @DisplayName("a correlation key that cannot be evaluated raises an incident; resolve retries")
  void correlationKeyFailureRaisesIncident() {
    final String id = uid("msg_key_incident");
    final String message = uid("answer");
    final String probe = uid("probe");
    deploy(waitForMessage(id, message, probe));
    final long instance = start(id); // no caseId

    final var incident = awaitIncident(instance);
    assertThat(incident.errorType()).isEqualTo("EXTRACT_VALUE_ERROR");
    assertThat(incident.elementId()).isEqualTo("await");

    client.newSetVariablesCommand(instance).variables(Map.of("caseId", "late")).send().join();
    client.newResolveIncidentCommand(incident.incidentKey()).send().join();
    publish(message, "late", Duration.ofMinutes(1), Map.of());
    assertThat(awaitJob(probe).getProcessInstanceKey()).isEqualTo(instance);
  }

  // Docs: docs.camunda.io/docs/components/modeler/bpmn/message-events/
  @Test
  @DisplayName("a message start event creates an instance with the message variables")
  void messageStartEvent() {
    final String id = uid("msg_start");
    final String message = uid("alarm");
    final String probe = uid("probe");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent("alarmed")
            .message(m -> m.name(message))
            .serviceTask("probe", t -> t.zeebeJobType(probe))
            .endEvent()
            .done());

    publish(message, "", Duration.ZERO, Map.of("area", "VR01"));

    final ActivatedJob job = awaitJob(probe);
    assertThat(job.getBpmnProcessId()).isEqualTo(id);
    assertThat(job.getVariablesAsMap()).containsEntry("area", "VR01");
  }

  @Test
  @DisplayName("message start: no second instance for the same key while one is active")
  void messageStartSingleInstancePerKey() {
    final String id = uid("msg_start_single");
    final String message = uid("alarm");
    final String probe = uid("probe");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent("alarmed")
            .message(m -> m.name(message))
            .serviceTask("probe", t -> t.zeebeJobType(probe))
            .endEvent()
            .done());

    publish(message, "crisis-1", Duration.ZERO, Map.of("n", 1));
    final ActivatedJob first = awaitJob(probe);
    publish(message, "crisis-1", Duration.ZERO, Map.of("n", 2));
    assertNoJob(probe);

    // another key starts its own instance
    publish(message, "crisis-2", Duration.ZERO, Map.of("n", 3));
    final ActivatedJob other = awaitJob(probe);
    assertThat(other.getVariablesAsMap()).containsEntry("n", 3);

    // once the first instance ended, the key is free again
    complete(first);
    complete(other);
    publish(message, "crisis-1", Duration.ZERO, Map.of("n", 4));
    final ActivatedJob again = awaitJob(probe);
    assertThat(again.getVariablesAsMap()).containsEntry("n", 4);
    assertThat(again.getProcessInstanceKey()).isNotEqualTo(first.getProcessInstanceKey());
  }

  // Docs: docs.camunda.io/docs/components/concepts/messages/#message-correlation ("when the
  // active process instance is completed or terminated and a message is buffered, then the message
  // is correlated and a new process instance is created")
  @Test
  @DisplayName(
      "message start: a message buffered while the key's instance is active starts the next"
          + " instance when it completes or is terminated, first-published first")
  void messageStartBufferedMessageStartsNextInstance() {
    final String id = uid("msg_start_buffered");
    final String message = uid("alarm");
    final String probe = uid("probe");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent("alarmed")
            .message(m -> m.name(message))
            .serviceTask("probe", t -> t.zeebeJobType(probe))
            .endEvent()
            .done());

    publish(message, "crisis-b", Duration.ZERO, Map.of("n", 1));
    final ActivatedJob first = awaitJob(probe);
    publish(message, "crisis-b", Duration.ofHours(1), Map.of("n", 2));
    publish(message, "crisis-b", Duration.ofHours(1), Map.of("n", 3));
    assertNoJob(probe);

    complete(first);
    final ActivatedJob second = awaitJob(probe);
    assertThat(second.getVariablesAsMap()).containsEntry("n", 2);
    assertNoJob(probe);

    client.newCancelInstanceCommand(second.getProcessInstanceKey()).send().join();
    final ActivatedJob third = awaitJob(probe);
    assertThat(third.getVariablesAsMap()).containsEntry("n", 3);
    assertThat(third.getProcessInstanceKey())
        .isNotIn(first.getProcessInstanceKey(), second.getProcessInstanceKey());
    complete(third);
    assertNoJob(probe);
  }

  // Docs: docs.camunda.io/docs/components/modeler/bpmn/receive-tasks/
  @Test
  @DisplayName("a receive task waits for its message")
  void receiveTask() {
    final String id = uid("msg_receive");
    final String message = uid("ack");
    final String probe = uid("probe");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .receiveTask("awaitAck")
            .message(m -> m.name(message).zeebeCorrelationKeyExpression("notificationId"))
            .serviceTask("probe", t -> t.zeebeJobType(probe))
            .endEvent()
            .done());
    final long instance = start(id, Map.of("notificationId", "n-77"));
    assertNoJob(probe);

    publish(message, "n-77", Duration.ofMinutes(1), Map.of("ackBy", "burgemeester"));

    final ActivatedJob job = awaitJob(probe);
    assertThat(job.getProcessInstanceKey()).isEqualTo(instance);
    assertThat(job.getVariablesAsMap()).containsEntry("ackBy", "burgemeester");
  }

  // Docs: docs.camunda.io/docs/components/modeler/bpmn/message-events/
  @Test
  @DisplayName("an interrupting message boundary event cancels the task and takes its path")
  void interruptingMessageBoundary() {
    final String id = uid("msg_boundary");
    final String message = uid("withdrawn");
    final String work = uid("work");
    final String onWithdrawn = uid("onWithdrawn");
    final String after = uid("after");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .serviceTask("work", t -> t.zeebeJobType(work))
            .boundaryEvent(
                "withdrawn",
                b -> b.message(m -> m.name(message).zeebeCorrelationKeyExpression("caseId")))
            .serviceTask("onWithdrawn", t -> t.zeebeJobType(onWithdrawn))
            .endEvent()
            .moveToActivity("work")
            .serviceTask("after", t -> t.zeebeJobType(after))
            .endEvent()
            .done());
    start(id, Map.of("caseId", "c-1"));
    final ActivatedJob job = awaitJob(work);

    publish(message, "c-1", Duration.ofMinutes(1), Map.of());

    assertThat(awaitJob(onWithdrawn).getElementId()).isEqualTo("onWithdrawn");
    assertThat(errorCode(failure(() -> complete(job)))).isEqualTo(Status.Code.NOT_FOUND);
    assertNoJob(after);
  }

  // Docs: docs.camunda.io/docs/components/modeler/bpmn/message-events/
  @Test
  @DisplayName("a non-interrupting message boundary event leaves the task active")
  void nonInterruptingMessageBoundary() {
    final String id = uid("msg_boundary_ni");
    final String message = uid("reminder");
    final String work = uid("work");
    final String onReminder = uid("onReminder");
    final String after = uid("after");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .serviceTask("work", t -> t.zeebeJobType(work))
            .boundaryEvent(
                "reminder",
                b ->
                    b.cancelActivity(false)
                        .message(m -> m.name(message).zeebeCorrelationKeyExpression("caseId")))
            .serviceTask("onReminder", t -> t.zeebeJobType(onReminder))
            .endEvent()
            .moveToActivity("work")
            .serviceTask("after", t -> t.zeebeJobType(after))
            .endEvent()
            .done());
    start(id, Map.of("caseId", "c-2"));
    final ActivatedJob job = awaitJob(work);

    publish(message, "c-2", Duration.ofMinutes(1), Map.of());

    final List<ActivatedJob> reminders = awaitJobs(onReminder, 1);
    assertThat(reminders).hasSize(1);
    complete(job);
    assertThat(awaitJob(after).getElementId()).isEqualTo("after");
  }

  // Docs: docs.camunda.io/docs/components/modeler/bpmn/message-events/
  @Test
  @DisplayName("with an output mapping on the catch event only mapped message variables merge")
  void catchEventOutputMapping() {
    final String id = uid("msg_output");
    final String message = uid("answer");
    final String probe = uid("probe");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .intermediateCatchEvent(
                "await",
                c ->
                    c.message(m -> m.name(message).zeebeCorrelationKeyExpression("caseId"))
                        .zeebeOutputExpression("decision", "regionDecision"))
            .serviceTask("probe", t -> t.zeebeJobType(probe))
            .endEvent()
            .done());
    start(id, Map.of("caseId", "c-out"));

    publish(message, "c-out", Duration.ofMinutes(1), Map.of("decision", "yes", "noise", 1));

    assertThat(probe(probe))
        .containsEntry("regionDecision", "yes")
        .doesNotContainKeys("decision", "noise");
  }

  // Docs: docs.camunda.io/docs/components/modeler/bpmn/message-events/
  @Test
  @DisplayName("a message start event starts the latest deployed version")
  void messageStartUsesLatestVersion() {
    final String id = uid("msg_start_version");
    final String message = uid("alarm");
    final String probeV1 = uid("probeV1");
    final String probeV2 = uid("probeV2");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent("alarmed")
            .message(m -> m.name(message))
            .serviceTask("probe", t -> t.zeebeJobType(probeV1))
            .endEvent()
            .done());
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent("alarmed")
            .message(m -> m.name(message))
            .serviceTask("probe", t -> t.zeebeJobType(probeV2))
            .endEvent()
            .done());

    publish(message, "", Duration.ZERO, Map.of());

    assertThat(awaitJob(probeV2).getProcessDefinitionVersion()).isEqualTo(2);
    assertNoJob(probeV1);
  }

  // Docs: docs.camunda.io/docs/apis-tools/zeebe-api/gateway-service/ (PublishMessage)
  @Test
  @DisplayName("publishing message variables that are not a JSON object → INVALID_ARGUMENT")
  void publishNonObjectVariables() {
    final Throwable thrown =
        failure(
            () ->
                client
                    .newPublishMessageCommand()
                    .messageName(uid("bad"))
                    .correlationKey("k")
                    .variables("[\"a\"]")
                    .send()
                    .join());
    assertNotAnObjectRefused(thrown);
  }

  @Test
  @DisplayName("several buffered messages for one subscription correlate first-published first")
  void bufferedMessagesAreFifo() {
    final String id = uid("msg_fifo");
    final String message = uid("update");
    final String probe1 = uid("probe1");
    final String probe2 = uid("probe2");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .intermediateCatchEvent(
                "first",
                c -> c.message(m -> m.name(message).zeebeCorrelationKeyExpression("caseId")))
            .serviceTask("probe1", t -> t.zeebeJobType(probe1))
            .intermediateCatchEvent(
                "second",
                c -> c.message(m -> m.name(message).zeebeCorrelationKeyExpression("caseId")))
            .serviceTask("probe2", t -> t.zeebeJobType(probe2))
            .endEvent()
            .done());
    publish(message, "c-fifo", Duration.ofMinutes(10), Map.of("n", 1));
    publish(message, "c-fifo", Duration.ofMinutes(10), Map.of("n", 2));

    start(id, Map.of("caseId", "c-fifo"));

    final ActivatedJob first = awaitJob(probe1);
    assertThat(first.getVariablesAsMap()).containsEntry("n", 1);
    complete(first);
    assertThat(awaitJob(probe2).getVariablesAsMap()).containsEntry("n", 2);
  }

  // Docs: docs.camunda.io/docs/components/modeler/bpmn/message-events/
  @Test
  @DisplayName("a non-interrupting message boundary event triggers once per message")
  void nonInterruptingBoundaryRepeats() {
    final String id = uid("msg_boundary_repeat");
    final String message = uid("update");
    final String work = uid("work");
    final String onUpdate = uid("onUpdate");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .serviceTask("work", t -> t.zeebeJobType(work))
            .boundaryEvent(
                "update",
                b ->
                    b.cancelActivity(false)
                        .message(m -> m.name(message).zeebeCorrelationKeyExpression("caseId")))
            .serviceTask("onUpdate", t -> t.zeebeJobType(onUpdate))
            .endEvent()
            .moveToActivity("work")
            .endEvent()
            .done());
    start(id, Map.of("caseId", "c-rep"));
    awaitJob(work);

    publish(message, "c-rep", Duration.ofMinutes(1), Map.of("n", 1));
    complete(awaitJob(onUpdate));
    publish(message, "c-rep", Duration.ofMinutes(1), Map.of("n", 2));
    complete(awaitJob(onUpdate));
  }
}
