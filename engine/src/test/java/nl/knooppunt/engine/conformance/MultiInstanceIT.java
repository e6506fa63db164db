package nl.knooppunt.engine.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.builder.MultiInstanceLoopCharacteristicsBuilder;
import io.grpc.Status;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Multi-instance activities: parallel and sequential, input/output collections, loopCounter and
 * completion conditions.
 *
 * <p>Docs: docs.camunda.io/docs/components/modeler/bpmn/multi-instance/
 */
@DisplayName("Multi-instance — docs.camunda.io/docs/components/modeler/bpmn/multi-instance/")
class MultiInstanceIT extends ConformanceTestBase {

  private static void deployMi(
      final String id,
      final String work,
      final String probe,
      final Consumer<MultiInstanceLoopCharacteristicsBuilder> loop) {
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .serviceTask(
                "notify",
                t ->
                    t.zeebeJobType(work)
                        .multiInstance(
                            mi -> {
                              mi.zeebeInputCollectionExpression("recipients")
                                  .zeebeInputElement("recipient")
                                  .zeebeOutputCollection("results")
                                  .zeebeOutputElementExpression("ack");
                              loop.accept(mi);
                            }))
            .serviceTask("probe", t -> t.zeebeJobType(probe))
            .endEvent()
            .done());
  }

  @Test
  @DisplayName("parallel: one instance per element at once; outputs collected in input order")
  void parallelCollectsInInputOrder() {
    final String id = uid("mi_parallel");
    final String work = uid("work");
    final String probe = uid("probe");
    deployMi(id, work, probe, MultiInstanceLoopCharacteristicsBuilder::parallel);
    start(id, Map.of("recipients", List.of("utrecht", "zwolle", "breda")));

    final List<ActivatedJob> jobs = awaitJobs(work, 3);
    assertThat(jobs)
        .extracting(j -> j.getVariablesAsMap().get("recipient"))
        .containsExactlyInAnyOrder("utrecht", "zwolle", "breda");
    assertThat(jobs)
        .extracting(j -> ((Number) j.getVariablesAsMap().get("loopCounter")).intValue())
        .containsExactlyInAnyOrder(1, 2, 3);

    // complete in reverse input order
    jobs.sort(
        Comparator.comparing(
                (ActivatedJob j) -> ((Number) j.getVariablesAsMap().get("loopCounter")).intValue())
            .reversed());
    for (final ActivatedJob job : jobs) {
      complete(job, Map.of("ack", "ok-" + job.getVariablesAsMap().get("recipient")));
    }

    final Map<String, Object> vars = probe(probe);
    assertThat(vars)
        .containsEntry("results", List.of("ok-utrecht", "ok-zwolle", "ok-breda"))
        .doesNotContainKeys("recipient", "loopCounter", "ack");
  }

  @Test
  @DisplayName("sequential: the next instance starts only after the previous completed")
  void sequentialOneAtATime() {
    final String id = uid("mi_sequential");
    final String work = uid("work");
    final String probe = uid("probe");
    deployMi(id, work, probe, MultiInstanceLoopCharacteristicsBuilder::sequential);
    start(id, Map.of("recipients", List.of("a", "b", "c")));

    for (final String expected : Arrays.asList("a", "b", "c")) {
      final ActivatedJob job = awaitJob(work);
      assertThat(job.getVariablesAsMap()).containsEntry("recipient", expected);
      assertNoJob(work);
      complete(job, Map.of("ack", expected.toUpperCase()));
    }

    assertThat(probe(probe)).containsEntry("results", List.of("A", "B", "C"));
  }

  @Test
  @DisplayName("completionCondition ends the activity early and cancels the remaining instances")
  void completionCondition() {
    final String id = uid("mi_completion");
    final String work = uid("work");
    final String probe = uid("probe");
    deployMi(
        id,
        work,
        probe,
        mi -> mi.parallel().completionCondition("= numberOfCompletedInstances >= 2"));
    start(id, Map.of("recipients", List.of("a", "b", "c")));

    final List<ActivatedJob> jobs = awaitJobs(work, 3);
    complete(jobs.get(0), Map.of("ack", "first"));
    assertNoJob(probe);
    complete(jobs.get(1), Map.of("ack", "second"));

    final Map<String, Object> vars = probe(probe);
    assertThat(errorCode(failure(() -> complete(jobs.get(2))))).isEqualTo(Status.Code.NOT_FOUND);
    @SuppressWarnings("unchecked")
    final List<Object> results = (List<Object>) vars.get("results");
    assertThat(results).hasSize(3).contains("first", "second");
  }

  @Test
  @DisplayName("completionCondition may use the collected output")
  void completionConditionOnOutput() {
    final String id = uid("mi_completion_output");
    final String work = uid("work");
    final String probe = uid("probe");
    deployMi(id, work, probe, mi -> mi.sequential().completionCondition("= ack = \"enough\""));
    start(id, Map.of("recipients", List.of("a", "b", "c", "d")));

    complete(awaitJob(work), Map.of("ack", "more"));
    complete(awaitJob(work), Map.of("ack", "enough"));

    final Map<String, Object> vars = probe(probe);
    assertNoJob(work);
    @SuppressWarnings("unchecked")
    final List<Object> results = (List<Object>) vars.get("results");
    assertThat(results).startsWith("more", "enough");
  }

  @Test
  @DisplayName("an empty input collection completes the activity at once with an empty output")
  void emptyCollection() {
    final String id = uid("mi_empty");
    final String work = uid("work");
    final String probe = uid("probe");
    deployMi(id, work, probe, MultiInstanceLoopCharacteristicsBuilder::parallel);
    start(id, Map.of("recipients", List.of()));

    assertThat(probe(probe)).containsEntry("results", List.of());
    assertNoJob(work);
  }

  // Docs: docs.camunda.io/docs/components/modeler/bpmn/multi-instance/ and
  // docs.camunda.io/docs/components/modeler/bpmn/user-tasks/
  // Docs: docs.camunda.io/docs/components/modeler/bpmn/multi-instance/ and
  // docs.camunda.io/docs/components/modeler/bpmn/user-tasks/
  // Docs: docs.camunda.io/docs/components/modeler/bpmn/multi-instance/ and
  // docs.camunda.io/docs/components/modeler/bpmn/user-tasks/
  @Test
  @DisplayName("a parallel multi-instance user task: one task per element, answers collected")
  void parallelUserTasks() throws Exception {
    final String id = uid("mi_user_tasks");
    final String creating = uid("creating");
    final String probe = uid("probe");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .userTask(
                "align",
                u ->
                    u.zeebeUserTask()
                        .zeebeCandidateGroupsExpression("[region]")
                        .zeebeTaskListener(l -> l.creating().type(creating))
                        .multiInstance(
                            mi ->
                                mi.parallel()
                                    .zeebeInputCollectionExpression("regions")
                                    .zeebeInputElement("region")
                                    .zeebeOutputCollection("answers")
                                    .zeebeOutputElementExpression("answer")))
            .serviceTask("probe", t -> t.zeebeJobType(probe))
            .endEvent()
            .done());
    start(id, Map.of("regions", List.of("VR01", "VR02", "VR03")));

    final List<ActivatedJob> created = awaitJobs(creating, 3);
    for (final ActivatedJob job : created) {
      complete(job);
    }
    for (final ActivatedJob job : created) {
      final String group = job.getUserTask().getCandidateGroups().get(0);
      client
          .newCompleteUserTaskCommand(job.getUserTask().getUserTaskKey())
          .variables(Map.of("answer", "aligned-" + group))
          .send()
          .join();
    }

    assertThat(probe(probe))
        .containsEntry("answers", List.of("aligned-VR01", "aligned-VR02", "aligned-VR03"));
  }

  @Test
  @DisplayName("an interrupting timer on the multi-instance body ends all instances, no output")
  void interruptingTimerOnBody() {
    final String id = uid("mi_sla");
    final String work = uid("work");
    final String late = uid("late");
    final String probe = uid("probe");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .serviceTask(
                "notify",
                t ->
                    t.zeebeJobType(work)
                        .multiInstance(
                            mi ->
                                mi.parallel()
                                    .zeebeInputCollectionExpression("recipients")
                                    .zeebeInputElement("recipient")
                                    .zeebeOutputCollection("results")
                                    .zeebeOutputElementExpression("ack")))
            .boundaryEvent("sla", b -> b.timerWithDuration("PT1H"))
            .serviceTask("late", t -> t.zeebeJobType(late))
            .endEvent()
            .moveToActivity("notify")
            .serviceTask("probe", t -> t.zeebeJobType(probe))
            .endEvent()
            .done());
    pinNow();
    start(id, Map.of("recipients", List.of("a", "b", "c")));
    final List<ActivatedJob> jobs = awaitJobs(work, 3);
    complete(jobs.get(0), Map.of("ack", "yes"));

    advance(java.time.Duration.ofMinutes(61));

    final ActivatedJob lateJob = awaitJob(late);
    assertThat(lateJob.getVariablesAsMap()).doesNotContainKey("results");
    assertThat(errorCode(failure(() -> complete(jobs.get(1))))).isEqualTo(Status.Code.NOT_FOUND);
    assertThat(errorCode(failure(() -> complete(jobs.get(2))))).isEqualTo(Status.Code.NOT_FOUND);
    assertNoJob(probe);
  }
}
