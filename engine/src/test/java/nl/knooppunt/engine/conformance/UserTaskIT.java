package nl.knooppunt.engine.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.response.CompleteUserTaskResponse;
import io.camunda.client.api.response.DeploymentEvent;
import io.camunda.client.api.response.UserTaskProperties;
import io.camunda.client.api.search.enums.JobKind;
import io.camunda.client.api.search.enums.ListenerEventType;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.builder.UserTaskBuilder;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Native Camunda user tasks ({@code zeebe:userTask}) and user task listeners as jobs. The task key
 * is learnt from the {@code creating} listener job, the way the hub's gateway learns it.
 *
 * <p>Docs: docs.camunda.io/docs/components/modeler/bpmn/user-tasks/,
 * docs.camunda.io/docs/components/concepts/user-task-listeners/ and the Orchestration Cluster REST
 * API user-task endpoints (docs.camunda.io/docs/apis-tools/orchestration-cluster-api-rest/).
 */
@DisplayName("User tasks — docs.camunda.io/docs/components/concepts/user-task-listeners/")
class UserTaskIT extends ConformanceTestBase {

  private static final String DUE = "2030-05-01T12:00:00Z";
  private static final String FOLLOW_UP = "2030-04-28T08:00:00Z";

  /** Listener job types of one test. */
  private record Listeners(String creating, String assigning, String completing, String canceling) {
    static Listeners fresh() {
      return new Listeners(uid("creating"), uid("assigning"), uid("completing"), uid("canceling"));
    }
  }

  private static void deployTask(
      final String id,
      final Listeners listeners,
      final String probe,
      final Consumer<UserTaskBuilder> properties) {
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .userTask(
                "review",
                u -> {
                  u.zeebeUserTask()
                      .zeebeTaskListener(l -> l.creating().type(listeners.creating()))
                      .zeebeTaskListener(l -> l.assigning().type(listeners.assigning()))
                      .zeebeTaskListener(l -> l.completing().type(listeners.completing()))
                      .zeebeTaskListener(l -> l.canceling().type(listeners.canceling()));
                  properties.accept(u);
                })
            .serviceTask("probe", t -> t.zeebeJobType(probe))
            .endEvent()
            .done());
  }

  /** Activates the creating listener job, checks it and completes it; returns the task key. */
  private static long passCreating(final Listeners listeners) {
    final ActivatedJob creating = awaitJob(listeners.creating());
    assertThat(creating.getKind()).isEqualTo(JobKind.TASK_LISTENER);
    assertThat(creating.getListenerEventType()).isEqualTo(ListenerEventType.CREATING);
    final long userTaskKey = creating.getUserTask().getUserTaskKey();
    complete(creating);
    return userTaskKey;
  }

  // Docs: docs.camunda.io/docs/components/modeler/bpmn/user-tasks/
  @Test
  @DisplayName("the creating listener job carries the task's properties")
  void creatingListenerCarriesProperties() {
    final String id = uid("ut_props");
    final Listeners listeners = Listeners.fresh();
    final String probe = uid("probe");
    deployTask(
        id,
        listeners,
        probe,
        u ->
            u.zeebeCandidateGroups("vr01, nctv")
                .zeebeCandidateUsers("alice, bob")
                .zeebeDueDate(DUE)
                .zeebeFollowUpDate(FOLLOW_UP)
                .zeebeTaskPriority("80"));
    final long instance = start(id);

    final ActivatedJob creating = awaitJob(listeners.creating());

    assertThat(creating.getKind()).isEqualTo(JobKind.TASK_LISTENER);
    assertThat(creating.getListenerEventType()).isEqualTo(ListenerEventType.CREATING);
    assertThat(creating.getProcessInstanceKey()).isEqualTo(instance);
    assertThat(creating.getElementId()).isEqualTo("review");
    final UserTaskProperties task = creating.getUserTask();
    assertThat(task).isNotNull();
    assertThat(task.getUserTaskKey()).isNotNull().isPositive();
    assertThat(task.getCandidateGroups()).containsExactly("vr01", "nctv");
    assertThat(task.getCandidateUsers()).containsExactly("alice", "bob");
    assertThat(task.getDueDate().toInstant()).isEqualTo(Instant.parse(DUE));
    assertThat(task.getFollowUpDate().toInstant()).isEqualTo(Instant.parse(FOLLOW_UP));
    assertThat(task.getPriority()).isEqualTo(80);
  }

  // Docs: docs.camunda.io/docs/components/modeler/bpmn/user-tasks/
  @Test
  @DisplayName("assignee, candidates and dates may be FEEL expressions")
  void propertiesFromExpressions() {
    final String id = uid("ut_feel");
    final Listeners listeners = Listeners.fresh();
    deployTask(
        id,
        listeners,
        uid("probe"),
        u ->
            u.zeebeCandidateGroupsExpression("[\"vr\" + regionCode]")
                .zeebeDueDateExpression("deadline"));
    start(id, Map.of("regionCode", "09", "deadline", DUE));

    final UserTaskProperties task = awaitJob(listeners.creating()).getUserTask();
    assertThat(task.getCandidateGroups()).containsExactly("vr09");
    assertThat(task.getDueDate().toInstant()).isEqualTo(Instant.parse(DUE));
  }

  @Test
  @DisplayName("completion with variables waits for the completing listener, then continues")
  void completeWithVariablesAfterCompletingListener() throws Exception {
    final String id = uid("ut_complete");
    final Listeners listeners = Listeners.fresh();
    final String probe = uid("probe");
    deployTask(id, listeners, probe, u -> {});
    final long instance = start(id, Map.of("crisisId", "c-1"));
    final long userTaskKey = passCreating(listeners);

    final CompletableFuture<CompleteUserTaskResponse> completion =
        client
            .newCompleteUserTaskCommand(userTaskKey)
            .variables(Map.of("decision", "approved", "remarks", "ok"))
            .send()
            .toCompletableFuture();

    final ActivatedJob completing = awaitJob(listeners.completing());
    assertThat(completing.getListenerEventType()).isEqualTo(ListenerEventType.COMPLETING);
    assertThat(completing.getUserTask().getUserTaskKey()).isEqualTo(userTaskKey);
    assertNoJob(probe); // blocked until the listener completes
    complete(completing);

    completion.get(30, TimeUnit.SECONDS);
    final ActivatedJob probeJob = awaitJob(probe);
    assertThat(probeJob.getProcessInstanceKey()).isEqualTo(instance);
    assertThat(probeJob.getVariablesAsMap())
        .containsEntry("crisisId", "c-1")
        .containsEntry("decision", "approved")
        .containsEntry("remarks", "ok");
  }

  @Test
  @DisplayName("an assignee in the model triggers the assigning listener after creating")
  void modelAssigneeTriggersAssigning() {
    final String id = uid("ut_model_assignee");
    final Listeners listeners = Listeners.fresh();
    deployTask(id, listeners, uid("probe"), u -> u.zeebeAssignee("alice"));
    start(id);
    final long userTaskKey = passCreating(listeners);

    final ActivatedJob assigning = awaitJob(listeners.assigning());
    assertThat(assigning.getListenerEventType()).isEqualTo(ListenerEventType.ASSIGNING);
    assertThat(assigning.getUserTask().getUserTaskKey()).isEqualTo(userTaskKey);
    assertThat(assigning.getUserTask().getAssignee()).isEqualTo("alice");
    complete(assigning);
  }

  @Test
  @DisplayName(
      "assign through the client runs the assigning listener with the new assignee, among its"
          + " changed attributes")
  void assignRunsAssigningListener() throws Exception {
    final String id = uid("ut_assign");
    final Listeners listeners = Listeners.fresh();
    final String probe = uid("probe");
    deployTask(id, listeners, probe, u -> {});
    start(id);
    final long userTaskKey = passCreating(listeners);

    final var assignment =
        client.newAssignUserTaskCommand(userTaskKey).assignee("bob").send().toCompletableFuture();
    final ActivatedJob assigning = awaitJob(listeners.assigning());
    assertThat(assigning.getUserTask().getAssignee()).isEqualTo("bob");
    // docs.camunda.io/docs/components/concepts/user-task-listeners/: assigning changes the assignee
    assertThat(assigning.getUserTask().getChangedAttributes()).contains("assignee");
    complete(assigning);
    assignment.get(30, TimeUnit.SECONDS);

    // the completing listener sees the assignee the task now has
    final var completion =
        client.newCompleteUserTaskCommand(userTaskKey).send().toCompletableFuture();
    final ActivatedJob completing = awaitJob(listeners.completing());
    assertThat(completing.getUserTask().getAssignee()).isEqualTo("bob");
    complete(completing);
    completion.get(30, TimeUnit.SECONDS);
    assertThat(awaitJob(probe).getElementId()).isEqualTo("probe");
  }

  // Docs: docs.camunda.io/docs/apis-tools/orchestration-cluster-api-rest/ (unassign user task)
  @Test
  @DisplayName("unassign clears the assignee")
  void unassignClearsAssignee() throws Exception {
    final String id = uid("ut_unassign");
    final String creating = uid("creating");
    final String completing = uid("completing");
    final String probe = uid("probe");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .userTask(
                "review",
                u ->
                    u.zeebeUserTask()
                        .zeebeTaskListener(l -> l.creating().type(creating))
                        .zeebeTaskListener(l -> l.completing().type(completing)))
            .serviceTask("probe", t -> t.zeebeJobType(probe))
            .endEvent()
            .done());
    start(id);
    final ActivatedJob created = awaitJob(creating);
    final long userTaskKey = created.getUserTask().getUserTaskKey();
    complete(created);

    client.newAssignUserTaskCommand(userTaskKey).assignee("carol").send().join();
    client.newUnassignUserTaskCommand(userTaskKey).send().join();

    final var completion =
        client.newCompleteUserTaskCommand(userTaskKey).send().toCompletableFuture();
    final ActivatedJob completingJob = awaitJob(completing);
    assertThat(completingJob.getUserTask().getAssignee()).isNullOrEmpty();
    complete(completingJob);
    completion.get(30, TimeUnit.SECONDS);
    assertThat(awaitJob(probe).getElementId()).isEqualTo("probe");
  }

  @Test
  @DisplayName("cancelling the instance runs the canceling listener of an open task")
  void cancelRunsCancelingListener() {
    final String id = uid("ut_cancel");
    final Listeners listeners = Listeners.fresh();
    deployTask(id, listeners, uid("probe"), u -> {});
    final long instance = start(id);
    final long userTaskKey = passCreating(listeners);

    client.newCancelInstanceCommand(instance).send().join();

    final ActivatedJob canceling = awaitJob(listeners.canceling());
    assertThat(canceling.getListenerEventType()).isEqualTo(ListenerEventType.CANCELING);
    assertThat(canceling.getUserTask().getUserTaskKey()).isEqualTo(userTaskKey);
    complete(canceling);
  }

  @Test
  @DisplayName("an interrupting timer on the task runs the canceling listener, then escalates")
  void boundaryTimerCancelsTask() {
    final String id = uid("ut_sla");
    final Listeners listeners = Listeners.fresh();
    final String escalate = uid("escalate");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .userTask(
                "review",
                u ->
                    u.zeebeUserTask()
                        .zeebeTaskListener(l -> l.creating().type(listeners.creating()))
                        .zeebeTaskListener(l -> l.canceling().type(listeners.canceling())))
            .boundaryEvent("sla", b -> b.timerWithDuration("PT4H"))
            .serviceTask("escalate", t -> t.zeebeJobType(escalate))
            .endEvent()
            .moveToActivity("review")
            .endEvent()
            .done());
    pinNow();
    start(id);
    final ActivatedJob created = awaitJob(listeners.creating(), java.time.Duration.ofDays(1));
    final long userTaskKey = created.getUserTask().getUserTaskKey();
    complete(created);

    advance(java.time.Duration.ofHours(4).plusMinutes(1));

    final ActivatedJob canceling = awaitJob(listeners.canceling());
    assertThat(canceling.getUserTask().getUserTaskKey()).isEqualTo(userTaskKey);
    complete(canceling);
    assertThat(awaitJob(escalate).getElementId()).isEqualTo("escalate");
    assertThat(
            httpCode(failure(() -> client.newCompleteUserTaskCommand(userTaskKey).send().join())))
        .isEqualTo(404);
  }

  // Docs: docs.camunda.io/docs/apis-tools/orchestration-cluster-api-rest/ (complete user task)
  @Test
  @DisplayName("completing an unknown user task → 404; completing twice → 404")
  void completeUnknownOrTwice() throws Exception {
    final Throwable unknown =
        failure(() -> client.newCompleteUserTaskCommand(2251799813685249L + 777L).send().join());
    assertThat(httpCode(unknown)).isEqualTo(404);

    final String id = uid("ut_twice");
    final String creating = uid("creating");
    final String probe = uid("probe");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .userTask(
                "review",
                u -> u.zeebeUserTask().zeebeTaskListener(l -> l.creating().type(creating)))
            .serviceTask("probe", t -> t.zeebeJobType(probe))
            .endEvent()
            .done());
    start(id);
    final ActivatedJob created = awaitJob(creating);
    final long userTaskKey = created.getUserTask().getUserTaskKey();
    complete(created);

    client.newCompleteUserTaskCommand(userTaskKey).send().join();
    final Throwable twice =
        failure(() -> client.newCompleteUserTaskCommand(userTaskKey).send().join());
    assertThat(httpCode(twice)).isEqualTo(404);
    assertThat(awaitJob(probe).getElementId()).isEqualTo("probe");
  }

  @Test
  @DisplayName("a completing listener may deny the completion; the task stays open")
  void completingListenerMayDeny() throws Exception {
    final String id = uid("ut_deny");
    final Listeners listeners = Listeners.fresh();
    final String probe = uid("probe");
    deployTask(id, listeners, probe, u -> {});
    start(id);
    final long userTaskKey = passCreating(listeners);

    final var denied = client.newCompleteUserTaskCommand(userTaskKey).send().toCompletableFuture();
    final ActivatedJob first = awaitJob(listeners.completing());
    client
        .newCompleteCommand(first.getKey())
        .withResult(r -> r.forUserTask().deny(true, "form incomplete"))
        .send()
        .join();
    final Throwable rejected = failure(() -> denied.get(30, TimeUnit.SECONDS));
    assertThat(find(rejected, io.camunda.client.api.command.ProblemException.class)).isNotNull();
    assertNoJob(probe);

    final var accepted =
        client.newCompleteUserTaskCommand(userTaskKey).send().toCompletableFuture();
    complete(awaitJob(listeners.completing()));
    accepted.get(30, TimeUnit.SECONDS);
    assertThat(awaitJob(probe).getElementId()).isEqualTo("probe");
  }

  // Docs: docs.camunda.io/docs/components/modeler/bpmn/user-tasks/ (user task forms)
  @Test
  @DisplayName("a linked Camunda form gives the task a formKey (the deployed form's key)")
  void linkedFormKey() {
    final String id = uid("ut_form");
    final String formId = uid("form");
    final String creating = uid("creating");
    final String form =
        "{\"id\":\""
            + formId
            + "\",\"type\":\"default\",\"schemaVersion\":16,\"components\":[{\"key\":\"remarks\","
            + "\"label\":\"Opmerkingen\",\"type\":\"textfield\",\"id\":\"f1\"}]}";
    final DeploymentEvent deployment =
        client
            .newDeployResourceCommand()
            .addResourceStringUtf8(form, formId + ".form")
            .addProcessModel(
                Bpmn.createExecutableProcess(id)
                    .startEvent()
                    .userTask(
                        "review",
                        u ->
                            u.zeebeUserTask()
                                .zeebeFormId(formId)
                                .zeebeTaskListener(l -> l.creating().type(creating)))
                    .endEvent()
                    .done(),
                id + ".bpmn")
            .send()
            .join();
    assertThat(deployment.getForm()).hasSize(1);
    final long formKey = deployment.getForm().get(0).getFormKey();
    start(id);

    assertThat(awaitJob(creating).getUserTask().getFormKey()).isEqualTo(formKey);
  }
}
