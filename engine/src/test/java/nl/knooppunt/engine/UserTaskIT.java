package nl.knooppunt.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.search.enums.JobKind;
import io.camunda.client.api.search.enums.ListenerEventType;
import io.camunda.client.api.worker.JobWorker;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import nl.knooppunt.engine.support.Scenario;
import nl.knooppunt.engine.support.TestEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/** Native user tasks: REST commands of the client, and task listeners as jobs. */
class UserTaskIT {

  static TestEngine engine;
  static Scenario s;
  static final List<ActivatedJob> listenerJobs = new CopyOnWriteArrayList<>();
  static final AtomicBoolean denyCompletion = new AtomicBoolean();
  static JobWorker worker;

  @BeforeAll
  static void start(TestInfo test) {
    // UserTaskOverRestIT runs every scenario again with the client's defaults (REST)
    engine = TestEngine.startFor(test, false);
    s = new Scenario(engine);
    s.deploy(
        Bpmn.createExecutableProcess("ut")
            .startEvent()
            .userTask(
                "review",
                u ->
                    u.zeebeUserTask()
                        .zeebeAssigneeExpression("initial")
                        .zeebeCandidateGroups("regio-01, regio-02")
                        .zeebeDueDate("2030-01-01T10:00:00Z")
                        .zeebeTaskPriority("70")
                        .zeebeTaskHeader("inbox", "nctv")
                        .zeebeTaskListener(l -> l.creating().type("ut-listener"))
                        .zeebeTaskListener(l -> l.assigning().type("ut-listener"))
                        .zeebeTaskListener(l -> l.completing().type("ut-listener"))
                        .zeebeTaskListener(l -> l.canceling().type("ut-listener")))
            .endEvent()
            .done());
    worker =
        engine
            .client()
            .newWorker()
            .jobType("ut-listener")
            .handler(
                (client, job) -> {
                  listenerJobs.add(job);
                  if (job.getListenerEventType() == ListenerEventType.COMPLETING
                      && denyCompletion.get()) {
                    client
                        .newCompleteCommand(job)
                        .withResult(r -> r.forUserTask().deny(true, "not yet"))
                        .send()
                        .join();
                  } else if (job.getListenerEventType() == ListenerEventType.CREATING) {
                    client
                        .newCompleteCommand(job)
                        .withResult(r -> r.forUserTask().correctPriority(80))
                        .send()
                        .join();
                  } else {
                    client.newCompleteCommand(job).send().join();
                  }
                })
            .pollInterval(Duration.ofMillis(50))
            .open();
  }

  @AfterAll
  static void stop() {
    worker.close();
    engine.close();
  }

  private long userTaskKey(long pi) {
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                engine.records("USER_TASK", "ASSIGNED").stream()
                    .anyMatch(r -> Long.valueOf(pi).equals(r.get("processInstanceKey"))));
    return engine.records("USER_TASK", "CREATED").stream()
        .filter(r -> Long.valueOf(pi).equals(r.get("processInstanceKey")))
        .findFirst()
        .orElseThrow()
        .key();
  }

  @Test
  void listenersCarryTheTaskAndTheClientCompletesOverRest() {
    long pi = s.create("ut", Map.of("initial", "alice", "crisisId", "c-1"));
    long key = userTaskKey(pi);
    ActivatedJob creating =
        listenerJobs.stream()
            .filter(
                j ->
                    j.getProcessInstanceKey() == pi
                        && j.getListenerEventType() == ListenerEventType.CREATING)
            .findFirst()
            .orElseThrow();
    assertThat(creating.getKind()).isEqualTo(JobKind.TASK_LISTENER);
    assertThat(creating.getUserTask().getUserTaskKey()).isEqualTo(key);
    assertThat(creating.getUserTask().getCandidateGroups()).containsExactly("regio-01", "regio-02");
    assertThat(creating.getUserTask().getPriority()).isEqualTo(70);
    assertThat(creating.getCustomHeaders()).containsEntry("inbox", "nctv");
    assertThat(creating.getVariablesAsMap()).containsEntry("crisisId", "c-1");
    ActivatedJob assigning =
        listenerJobs.stream()
            .filter(
                j ->
                    j.getProcessInstanceKey() == pi
                        && j.getListenerEventType() == ListenerEventType.ASSIGNING)
            .findFirst()
            .orElseThrow();
    assertThat(assigning.getUserTask().getAssignee()).isEqualTo("alice");
    assertThat(assigning.getUserTask().getPriority()).isEqualTo(80);

    s.client().newAssignUserTaskCommand(key).assignee("bob").send().join();
    assertThat(engine.records("USER_TASK", "ASSIGNED").stream().filter(r -> r.key() == key))
        .anyMatch(r -> "bob".equals(r.get("assignee")));
    s.client().newUnassignUserTaskCommand(key).send().join();
    s.client().newUpdateUserTaskCommand(key).candidateGroups("regio-03").priority(10).send().join();
    s.client()
        .newCompleteUserTaskCommand(key)
        .variables(Map.of("decision", "approved"))
        .send()
        .join();
    s.awaitCompleted(pi);
    assertThat(s.variable(pi, "decision")).isEqualTo("approved");
  }

  @Test
  void aCompletingListenerCanDenyTheCompletion() {
    long pi = s.create("ut", Map.of("initial", "carol"));
    long key = userTaskKey(pi);
    denyCompletion.set(true);
    try {
      assertThatThrownBy(() -> s.client().newCompleteUserTaskCommand(key).send().join())
          .isInstanceOf(ProblemException.class)
          .hasMessageContaining("denied");
    } finally {
      denyCompletion.set(false);
    }
    s.client().newCompleteUserTaskCommand(key).send().join();
    s.awaitCompleted(pi);
  }

  @Test
  void cancelingTheInstanceRunsTheCancelingListener() {
    long pi = s.create("ut", Map.of("initial", "dave"));
    userTaskKey(pi);
    s.client().newCancelInstanceCommand(pi).send().join();
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                listenerJobs.stream()
                    .anyMatch(
                        j ->
                            j.getProcessInstanceKey() == pi
                                && j.getListenerEventType() == ListenerEventType.CANCELING));
  }

  @Test
  void unknownUserTaskIsNotFound() {
    assertThatThrownBy(() -> s.client().newCompleteUserTaskCommand(12345L).send().join())
        .isInstanceOf(ProblemException.class)
        .satisfies(e -> assertThat(((ProblemException) e).code()).isEqualTo(404));
  }

  @Test
  void clockCommandsAreRefusedWhenClockControlIsDisabled() {
    assertThatThrownBy(() -> s.client().newPinClockCommand().time(1000L).send().join())
        .isInstanceOf(ProblemException.class)
        .hasMessageContaining("Clock control is disabled");
  }
}
