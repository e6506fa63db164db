package nl.knooppunt.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import nl.knooppunt.engine.support.Scenario;
import nl.knooppunt.engine.support.TestEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/** Element semantics through the real client (the engine's own focused runtime tests). */
class BpmnSemanticsIT {

  static TestEngine engine;
  static Scenario s;

  @BeforeAll
  static void start(TestInfo test) {
    // BpmnSemanticsOverRestIT runs every scenario again with the client's defaults (REST)
    engine = TestEngine.startFor(test, true);
    s = new Scenario(engine);
  }

  @AfterAll
  static void stop() {
    engine.close();
  }

  @Test
  void exclusiveGatewayTakesTheFirstTrueConditionElseTheDefault() {
    s.deploy(
        Bpmn.createExecutableProcess("xor")
            .startEvent()
            .exclusiveGateway("gw")
            .defaultFlow()
            .endEvent("smallEnd")
            .moveToNode("gw")
            .sequenceFlowId("big")
            .conditionExpression("= amount > 10")
            .endEvent("bigEnd")
            .done());
    long big = s.create("xor", Map.of("amount", 20));
    long small = s.create("xor", Map.of("amount", 1));
    s.awaitCompleted(big);
    s.awaitCompleted(small);
    assertThat(engine.element(big, "bigEnd", "ELEMENT_COMPLETED")).isTrue();
    assertThat(engine.element(small, "smallEnd", "ELEMENT_COMPLETED")).isTrue();
  }

  @Test
  void parallelGatewayForksAndJoins() {
    s.deploy(
        Bpmn.createExecutableProcess("and")
            .startEvent()
            .parallelGateway("fork")
            .serviceTask("a", t -> t.zeebeJobType("and-a"))
            .parallelGateway("join")
            .endEvent()
            .moveToNode("fork")
            .serviceTask("b", t -> t.zeebeJobType("and-b"))
            .connectTo("join")
            .done());
    long pi = s.create("and");
    s.complete("and-a", Map.of("a", 1));
    assertThat(engine.completed(pi)).isFalse();
    s.complete("and-b", Map.of("b", 2));
    s.awaitCompleted(pi);
    assertThat(s.variable(pi, "a")).isEqualTo(1);
    assertThat(s.variable(pi, "b")).isEqualTo(2);
  }

  @Test
  void inclusiveGatewayTakesAllTrueFlowsAndJoinsThem() {
    s.deploy(
        Bpmn.createExecutableProcess("or")
            .startEvent()
            .inclusiveGateway("fork")
            .sequenceFlowId("toA")
            .conditionExpression("= list contains(items, \"a\")")
            .serviceTask("a", t -> t.zeebeJobType("or-a"))
            .inclusiveGateway("join")
            .endEvent()
            .moveToNode("fork")
            .sequenceFlowId("toB")
            .conditionExpression("= list contains(items, \"b\")")
            .serviceTask("b", t -> t.zeebeJobType("or-b"))
            .connectTo("join")
            .moveToNode("fork")
            .sequenceFlowId("toC")
            .conditionExpression("= list contains(items, \"c\")")
            .serviceTask("c", t -> t.zeebeJobType("or-c"))
            .connectTo("join")
            .done());
    long pi = s.create("or", Map.of("items", List.of("a", "c")));
    s.complete("or-a", Map.of());
    assertThat(engine.completed(pi)).isFalse();
    s.complete("or-c", Map.of());
    s.awaitCompleted(pi);
    assertThat(engine.element(pi, "b", "ELEMENT_ACTIVATED")).isFalse();
  }

  @Test
  void eventBasedGatewayTakesTheFirstEvent() {
    s.deploy(
        Bpmn.createExecutableProcess("ebg")
            .startEvent()
            .eventBasedGateway("gw")
            .intermediateCatchEvent(
                "msg", e -> e.message(m -> m.name("ebg-m").zeebeCorrelationKeyExpression("id")))
            .endEvent("viaMessage")
            .moveToLastGateway()
            .intermediateCatchEvent("timer", e -> e.timerWithDuration("PT10M"))
            .endEvent("viaTimer")
            .done());
    long pi = s.create("ebg", Map.of("id", "e1"));
    s.awaitElement(pi, "gw", "ELEMENT_ACTIVATED");
    s.client()
        .newPublishMessageCommand()
        .messageName("ebg-m")
        .correlationKey("e1")
        .variables(Map.of("answer", "yes"))
        .send()
        .join();
    s.awaitCompleted(pi);
    assertThat(engine.element(pi, "viaMessage", "ELEMENT_COMPLETED")).isTrue();
    assertThat(s.variable(pi, "answer")).isEqualTo("yes");
    assertThat(engine.element(pi, "viaTimer", "ELEMENT_COMPLETED")).isFalse();
  }

  @Test
  void interruptingTimerBoundaryCancelsTheTaskWhenTheClockMoves() {
    s.deploy(
        Bpmn.createExecutableProcess("btimer")
            .startEvent()
            .serviceTask("slow", t -> t.zeebeJobType("btimer-slow"))
            .endEvent("normal")
            .moveToActivity("slow")
            .boundaryEvent("late", b -> b.timerWithDuration("PT1H"))
            .endEvent("escalated")
            .done());
    long pi = s.create("btimer");
    s.awaitElement(pi, "slow", "ELEMENT_ACTIVATED");
    try {
      s.client().newPinClockCommand().time(Instant.now().plus(Duration.ofHours(2))).send().join();
      s.awaitCompleted(pi);
    } finally {
      s.client().newResetClockCommand().send().join();
    }
    assertThat(engine.element(pi, "slow", "ELEMENT_TERMINATED")).isTrue();
    assertThat(engine.element(pi, "escalated", "ELEMENT_COMPLETED")).isTrue();
  }

  @Test
  void nonInterruptingMessageBoundaryKeepsTheTask() {
    s.deploy(
        Bpmn.createExecutableProcess("bmsg")
            .startEvent()
            .serviceTask("task", t -> t.zeebeJobType("bmsg-task"))
            .endEvent()
            .moveToActivity("task")
            .boundaryEvent("ping", b -> b.cancelActivity(false))
            .message(m -> m.name("bmsg-ping").zeebeCorrelationKeyExpression("id"))
            .serviceTask("side", t -> t.zeebeJobType("bmsg-side"))
            .endEvent()
            .done());
    long pi = s.create("bmsg", Map.of("id", "n1"));
    s.awaitElement(pi, "task", "ELEMENT_ACTIVATED");
    s.client()
        .newPublishMessageCommand()
        .messageName("bmsg-ping")
        .correlationKey("n1")
        .send()
        .join();
    s.complete("bmsg-side", Map.of());
    s.complete("bmsg-task", Map.of());
    s.awaitCompleted(pi);
    assertThat(engine.element(pi, "task", "ELEMENT_TERMINATED")).isFalse();
  }

  @Test
  void interruptedUserTaskWaitsForItsCancelingListener() {
    s.deploy(
        Bpmn.createExecutableProcess("cancelwait")
            .startEvent()
            .userTask(
                "task",
                u -> u.zeebeUserTask().zeebeTaskListener(l -> l.canceling().type("cw-canceling")))
            .endEvent()
            .moveToActivity("task")
            .boundaryEvent("stop")
            .message(m -> m.name("cw-stop").zeebeCorrelationKeyExpression("id"))
            .serviceTask("after", t -> t.zeebeJobType("cw-after"))
            .endEvent()
            .done());
    long pi = s.create("cancelwait", Map.of("id", "cw1"));
    s.awaitElement(pi, "task", "ELEMENT_ACTIVATED");
    s.client()
        .newPublishMessageCommand()
        .messageName("cw-stop")
        .correlationKey("cw1")
        .send()
        .join();
    ActivatedJob canceling = s.job("cw-canceling");
    assertThat(engine.element(pi, "task", "ELEMENT_TERMINATING")).isTrue();
    assertThat(engine.element(pi, "task", "ELEMENT_TERMINATED")).isFalse();
    assertThat(engine.element(pi, "stop", "ELEMENT_ACTIVATED")).isFalse();
    s.client().newCompleteCommand(canceling).send().join();
    s.complete("cw-after", Map.of());
    s.awaitCompleted(pi);
    assertThat(engine.element(pi, "task", "ELEMENT_TERMINATED")).isTrue();
  }

  @Test
  void errorThrownByAWorkerIsCaughtByTheBoundaryOfTheEnclosingSubProcess() {
    s.deploy(
        Bpmn.createExecutableProcess("err")
            .startEvent()
            .subProcess("sp")
            .embeddedSubProcess()
            .startEvent()
            .serviceTask("risky", t -> t.zeebeJobType("err-risky"))
            .endEvent()
            .subProcessDone()
            .endEvent("ok")
            .moveToActivity("sp")
            .boundaryEvent("caught")
            .error("NOT_ALLOWED")
            .endEvent("handled")
            .done());
    long pi = s.create("err");
    ActivatedJob job = s.job("err-risky");
    s.client()
        .newThrowErrorCommand(job)
        .errorCode("NOT_ALLOWED")
        .errorMessage("nope")
        .variables(Map.of("reason", "policy"))
        .send()
        .join();
    s.awaitCompleted(pi);
    assertThat(engine.element(pi, "handled", "ELEMENT_COMPLETED")).isTrue();
    assertThat(s.variable(pi, "reason")).isEqualTo("policy");
  }

  @Test
  void uncaughtErrorBecomesAnIncident() {
    s.deploy(
        Bpmn.createExecutableProcess("uncaught")
            .startEvent()
            .serviceTask("t", t -> t.zeebeJobType("uncaught-t"))
            .endEvent()
            .done());
    long pi = s.create("uncaught");
    ActivatedJob job = s.job("uncaught-t");
    s.client().newThrowErrorCommand(job).errorCode("NOBODY").send().join();
    long incident = s.incidentKey(pi);
    assertThat(s.incidentMessage(incident)).contains("NOBODY").contains("was not caught");
  }

  @Test
  void errorEndEventInsideASubProcessIsCaught() {
    s.deploy(
        Bpmn.createExecutableProcess("errend")
            .startEvent()
            .subProcess("sp")
            .embeddedSubProcess()
            .startEvent()
            .endEvent("fail", e -> e.error("E42"))
            .subProcessDone()
            .endEvent()
            .moveToActivity("sp")
            .boundaryEvent("catch")
            .error("E42")
            .endEvent("caughtEnd")
            .done());
    long pi = s.create("errend");
    s.awaitCompleted(pi);
    assertThat(engine.element(pi, "caughtEnd", "ELEMENT_COMPLETED")).isTrue();
  }

  @Test
  void terminateEndEventEndsTheWholeInstance() {
    s.deploy(
        Bpmn.createExecutableProcess("term")
            .startEvent()
            .parallelGateway("fork")
            .serviceTask("never", t -> t.zeebeJobType("term-never"))
            .endEvent()
            .moveToNode("fork")
            .endEvent("stop", e -> e.terminate())
            .done());
    long pi = s.create("term");
    s.awaitCompleted(pi);
    assertThat(engine.element(pi, "never", "ELEMENT_TERMINATED")).isTrue();
  }

  @Test
  void callActivityPassesVariablesBothWaysAndCancelCascades() {
    s.deploy(
        Bpmn.createExecutableProcess("child")
            .startEvent()
            .serviceTask("childWork", t -> t.zeebeJobType("child-work"))
            .endEvent()
            .done());
    s.deploy(
        Bpmn.createExecutableProcess("parent")
            .startEvent()
            .callActivity("call", c -> c.zeebeProcessId("child"))
            .endEvent()
            .done());
    long pi = s.create("parent", Map.of("input", "x"));
    ActivatedJob job = s.job("child-work");
    assertThat(job.getVariablesAsMap()).containsEntry("input", "x");
    s.client().newCompleteCommand(job).variables(Map.of("fromChild", 7)).send().join();
    s.awaitCompleted(pi);
    assertThat(s.variable(pi, "fromChild")).isEqualTo(7);

    long second = s.create("parent", Map.of("input", "y"));
    ActivatedJob childJob = s.job("child-work");
    s.client().newCancelInstanceCommand(second).send().join();
    s.awaitTerminated(second);
    assertThat(engine.terminated(childJob.getProcessInstanceKey())).isTrue();
  }

  @Test
  void parallelMultiInstanceCollectsOutputsInOrder() {
    s.deploy(
        Bpmn.createExecutableProcess("mi")
            .startEvent()
            .serviceTask(
                "each",
                t ->
                    t.zeebeJobType("mi-each")
                        .multiInstance(
                            m ->
                                m.parallel()
                                    .zeebeInputCollectionExpression("items")
                                    .zeebeInputElement("item")
                                    .zeebeOutputCollection("results")
                                    .zeebeOutputElementExpression("doubled")))
            .endEvent()
            .done());
    long pi = s.create("mi", Map.of("items", List.of(1, 2, 3)));
    List<ActivatedJob> jobs = s.jobs("mi-each", 3);
    for (ActivatedJob j : jobs) {
      int item = ((Number) j.getVariablesAsMap().get("item")).intValue();
      s.client().newCompleteCommand(j).variables(Map.of("doubled", item * 2)).send().join();
    }
    s.awaitCompleted(pi);
    assertThat(s.variable(pi, "results")).isEqualTo(List.of(2L, 4L, 6L));
  }

  @Test
  void sequentialMultiInstanceStopsAtTheCompletionCondition() {
    s.deploy(
        Bpmn.createExecutableProcess("miseq")
            .startEvent()
            .serviceTask(
                "each",
                t ->
                    t.zeebeJobType("miseq-each")
                        .multiInstance(
                            m ->
                                m.sequential()
                                    .zeebeInputCollectionExpression("items")
                                    .zeebeInputElement("item")
                                    .completionCondition("= found")))
            .endEvent()
            .done());
    long pi = s.create("miseq", Map.of("items", List.of("a", "b", "c"), "found", false));
    s.complete("miseq-each", Map.of("found", false));
    s.complete("miseq-each", Map.of("found", true));
    s.awaitCompleted(pi);
    long activatedInner =
        engine.records.stream()
            .filter(
                r ->
                    r.valueType().equals("PROCESS_INSTANCE")
                        && r.intent().equals("ELEMENT_ACTIVATED")
                        && "each".equals(r.get("elementId"))
                        && "JOB_TASK".equals(r.get("bpmnElementType"))
                        && Long.valueOf(pi).equals(r.get("processInstanceKey")))
            .count();
    assertThat(activatedInner).isEqualTo(2);
  }

  @Test
  void inputAndOutputMappingsScopeTheVariables() {
    s.deploy(
        Bpmn.createExecutableProcess("io")
            .startEvent()
            .serviceTask(
                "t",
                t ->
                    t.zeebeJobType("io-t")
                        .zeebeInputExpression("order.id", "orderId")
                        .zeebeOutputExpression("status", "order.status"))
            .endEvent()
            .done());
    long pi = s.create("io", Map.of("order", Map.of("id", "o-1", "total", 5)));
    ActivatedJob job = s.job("io-t");
    assertThat(job.getVariablesAsMap()).containsEntry("orderId", "o-1");
    s.client().newCompleteCommand(job).variables(Map.of("status", "paid")).send().join();
    s.awaitCompleted(pi);
    assertThat(s.variable(pi, "order"))
        .isEqualTo(Map.of("id", "o-1", "total", 5, "status", "paid"));
    assertThat(s.variable(pi, "status")).isNull();
  }

  @Test
  void feelFailureIsAnIncidentThatCanBeResolved() {
    s.deploy(
        Bpmn.createExecutableProcess("feelfail")
            .startEvent()
            .exclusiveGateway("gw")
            .sequenceFlowId("yes")
            .conditionExpression("= x > 5")
            .endEvent("big")
            .moveToLastGateway()
            .sequenceFlowId("no")
            .conditionExpression("= x <= 5")
            .endEvent("small")
            .done());
    long pi = s.create("feelfail");
    long incident = s.incidentKey(pi);
    assertThat(s.incident(pi, "CONDITION_ERROR")).isTrue();
    s.client().newSetVariablesCommand(pi).variables(Map.of("x", 10)).send().join();
    s.client().newResolveIncidentCommand(incident).send().join();
    s.awaitCompleted(pi);
    assertThat(engine.element(pi, "big", "ELEMENT_COMPLETED")).isTrue();
  }

  @Test
  void failedJobWithoutRetriesRaisesAnIncidentAndComesBackAfterResolve() {
    s.deploy(
        Bpmn.createExecutableProcess("retries")
            .startEvent()
            .serviceTask("t", t -> t.zeebeJobType("retries-t").zeebeJobRetries("2"))
            .endEvent()
            .done());
    long pi = s.create("retries");
    ActivatedJob job = s.job("retries-t");
    assertThat(job.getRetries()).isEqualTo(2);
    s.client().newFailCommand(job).retries(1).errorMessage("first").send().join();
    job = s.job("retries-t");
    s.client().newFailCommand(job).retries(0).errorMessage("boom").send().join();
    long incident = s.incidentKey(pi);
    assertThat(s.incidentMessage(incident)).isEqualTo("boom");
    s.client().newUpdateRetriesCommand(job.getKey()).retries(1).send().join();
    s.client().newResolveIncidentCommand(incident).send().join();
    s.complete("retries-t", Map.of());
    s.awaitCompleted(pi);
  }

  @Test
  void timedOutJobIsActivatedAgain() {
    s.deploy(
        Bpmn.createExecutableProcess("timeout")
            .startEvent()
            .serviceTask("t", t -> t.zeebeJobType("timeout-t"))
            .endEvent()
            .done());
    s.create("timeout");
    ActivatedJob first =
        s.client()
            .newActivateJobsCommand()
            .jobType("timeout-t")
            .maxJobsToActivate(1)
            .timeout(Duration.ofMillis(300))
            .send()
            .join()
            .getJobs()
            .get(0);
    ActivatedJob again = s.job("timeout-t");
    assertThat(again.getKey()).isEqualTo(first.getKey());
  }

  @Test
  void messagesAreBufferedAndCorrelatedOncePerInstance() {
    s.deploy(
        Bpmn.createExecutableProcess("buf")
            .startEvent()
            .intermediateCatchEvent(
                "w1", e -> e.message(m -> m.name("buf-m").zeebeCorrelationKeyExpression("k")))
            .intermediateCatchEvent(
                "w2", e -> e.message(m -> m.name("buf-m").zeebeCorrelationKeyExpression("k")))
            .endEvent()
            .done());
    s.client()
        .newPublishMessageCommand()
        .messageName("buf-m")
        .correlationKey("k1")
        .timeToLive(Duration.ofMinutes(1))
        .send()
        .join();
    long pi = s.create("buf", Map.of("k", "k1"));
    s.awaitElement(pi, "w1", "ELEMENT_COMPLETED");
    assertThat(engine.element(pi, "w2", "ELEMENT_COMPLETED")).isFalse();
    s.client().newPublishMessageCommand().messageName("buf-m").correlationKey("k1").send().join();
    s.awaitCompleted(pi);
  }

  @Test
  void messageStartEventCreatesAnInstance() {
    s.deploy(
        Bpmn.createExecutableProcess("mstart")
            .startEvent("s")
            .message("mstart-go")
            .serviceTask("t", t -> t.zeebeJobType("mstart-t"))
            .endEvent()
            .done());
    s.client()
        .newPublishMessageCommand()
        .messageName("mstart-go")
        .correlationKey("c1")
        .variables(Map.of("who", "me"))
        .send()
        .join();
    ActivatedJob job = s.job("mstart-t");
    assertThat(job.getBpmnProcessId()).isEqualTo("mstart");
    assertThat(job.getVariablesAsMap()).containsEntry("who", "me");
  }

  @Test
  void timerCycleStartEventStartsInstancesWhenTheClockMoves() {
    s.deploy(
        Bpmn.createExecutableProcess("tstart")
            .startEvent("s")
            .timerWithCycle("R2/PT1H")
            .serviceTask("t", t -> t.zeebeJobType("tstart-t"))
            .endEvent()
            .done());
    try {
      s.client()
          .newPinClockCommand()
          .time(Instant.now().plus(Duration.ofMinutes(61)))
          .send()
          .join();
      s.jobs("tstart-t", 1);
      s.client()
          .newPinClockCommand()
          .time(Instant.now().plus(Duration.ofMinutes(200)))
          .send()
          .join();
      s.jobs("tstart-t", 1);
    } finally {
      s.client().newResetClockCommand().send().join();
    }
    await()
        .atMost(Duration.ofSeconds(5))
        .until(
            () ->
                engine.records("TIMER", "TRIGGERED").stream()
                        .filter(r -> "s".equals(r.get("targetElementId")))
                        .count()
                    == 2);
  }
}
