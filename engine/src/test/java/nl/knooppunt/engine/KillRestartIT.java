package nl.knooppunt.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.knooppunt.engine.support.ChildEngine;
import org.junit.jupiter.api.Test;

/**
 * Durability: the engine runs in a child JVM that is killed with SIGKILL twice; instances, jobs
 * (also activated ones), timers and buffered messages survive every restart.
 */
class KillRestartIT {

  @Test
  void everythingSurvivesKillMinus9() throws Exception {
    Path dir = Files.createTempDirectory("kill9");
    Set<Long> jobInstances = new HashSet<>();
    Set<Long> msgInstances = new HashSet<>();
    final long timerInstance;

    // --- first life: deploy, create, activate, buffer ---------------------------------------
    ChildEngine first = ChildEngine.start(dir);
    CamundaClient c = first.client;
    c.newDeployResourceCommand()
        .addProcessModel(
            Bpmn.createExecutableProcess("k9-job")
                .startEvent()
                .serviceTask("work", t -> t.zeebeJobType("k9-work"))
                .serviceTask("after", t -> t.zeebeJobType("k9-after"))
                .endEvent()
                .done(),
            "k9-job.bpmn")
        .addProcessModel(
            Bpmn.createExecutableProcess("k9-msg")
                .startEvent()
                .intermediateCatchEvent(
                    "wait",
                    e -> e.message(m -> m.name("k9-m").zeebeCorrelationKeyExpression("key")))
                .serviceTask("after", t -> t.zeebeJobType("k9-after"))
                .endEvent()
                .done(),
            "k9-msg.bpmn")
        .addProcessModel(
            Bpmn.createExecutableProcess("k9-timer")
                .startEvent()
                .intermediateCatchEvent("wait", e -> e.timerWithDuration("PT1H"))
                .serviceTask("after", t -> t.zeebeJobType("k9-after"))
                .endEvent()
                .done(),
            "k9-timer.bpmn")
        .addProcessModel(
            Bpmn.createExecutableProcess("k9-buffered")
                .startEvent()
                .intermediateCatchEvent(
                    "wait",
                    e -> e.message(m -> m.name("k9-b").zeebeCorrelationKeyExpression("key")))
                .serviceTask("after", t -> t.zeebeJobType("k9-after"))
                .endEvent()
                .done(),
            "k9-buffered.bpmn")
        .send()
        .join();
    for (int i = 0; i < 3; i++) {
      jobInstances.add(create(c, "k9-job", Map.of()));
    }
    msgInstances.add(create(c, "k9-msg", Map.of("key", "a")));
    msgInstances.add(create(c, "k9-msg", Map.of("key", "b")));
    timerInstance = create(c, "k9-timer", Map.of());
    c.newPublishMessageCommand()
        .messageName("k9-b")
        .correlationKey("x")
        .timeToLive(Duration.ofHours(1))
        .send()
        .join();
    List<ActivatedJob> activated =
        c.newActivateJobsCommand()
            .jobType("k9-work")
            .maxJobsToActivate(1)
            .timeout(Duration.ofSeconds(2))
            .send()
            .join()
            .getJobs();
    assertThat(activated).hasSize(1);
    first.kill();

    // --- second life: the work jobs are all there (the activated one after its timeout) ------
    ChildEngine second = ChildEngine.start(dir);
    c = second.client;
    Set<Long> worked = new HashSet<>();
    CamundaClient c2 = c;
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () -> {
              for (ActivatedJob job : activate(c2, "k9-work")) {
                c2.newCompleteCommand(job).send().join();
                worked.add(job.getProcessInstanceKey());
              }
              return worked.size() == 3;
            });
    assertThat(worked).isEqualTo(jobInstances);
    second.kill();

    // --- third life: messages, the timer and the buffered message still work -----------------
    ChildEngine third = ChildEngine.start(dir);
    c = third.client;
    c.newPublishMessageCommand().messageName("k9-m").correlationKey("a").send().join();
    c.newPublishMessageCommand().messageName("k9-m").correlationKey("b").send().join();
    long buffered = create(c, "k9-buffered", Map.of("key", "x"));
    // the timer (PT1H) fires when the clock moves on; the buffered message (TTL 1h) is taken above
    c.newPinClockCommand().time(Instant.now().plus(Duration.ofHours(2))).send().join();
    Set<Long> expected = new HashSet<>(jobInstances);
    expected.addAll(msgInstances);
    expected.add(timerInstance);
    expected.add(buffered);
    Set<Long> after = new HashSet<>();
    CamundaClient c3 = c;
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () -> {
              for (ActivatedJob job : activate(c3, "k9-after")) {
                after.add(job.getProcessInstanceKey());
              }
              assertThat(after)
                  .describedAs(
                      "jobs %s msgs %s timer %s buffered %s",
                      jobInstances, msgInstances, timerInstance, buffered)
                  .containsExactlyInAnyOrderElementsOf(expected);
            });
    assertThat(after).isEqualTo(expected);
    third.close();
  }

  private static long create(CamundaClient c, String id, Map<String, Object> vars) {
    return c.newCreateInstanceCommand()
        .bpmnProcessId(id)
        .latestVersion()
        .variables(vars)
        .send()
        .join()
        .getProcessInstanceKey();
  }

  private static List<ActivatedJob> activate(CamundaClient c, String type) {
    return c.newActivateJobsCommand()
        .jobType(type)
        .maxJobsToActivate(20)
        .timeout(Duration.ofMinutes(5))
        .requestTimeout(Duration.ofMillis(500))
        .send()
        .join()
        .getJobs();
  }
}
