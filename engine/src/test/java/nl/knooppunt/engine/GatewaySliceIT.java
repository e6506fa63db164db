package nl.knooppunt.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camunda.client.api.response.ProcessInstanceResult;
import io.camunda.client.api.response.Topology;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import nl.knooppunt.engine.support.TestEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The vertical slice through the real client: topology, deploy, create, work, result. */
class GatewaySliceIT {

  static TestEngine engine;

  @BeforeAll
  static void start() {
    engine = TestEngine.start(false);
  }

  @AfterAll
  static void stop() {
    engine.close();
  }

  @Test
  void topologyShowsOneHealthyPartition() {
    Topology topology = engine.client().newTopologyRequest().send().join();
    assertThat(topology.getBrokers()).hasSize(1);
    assertThat(topology.getPartitionsCount()).isEqualTo(1);
    assertThat(topology.getBrokers().get(0).getPartitions().get(0).isLeader()).isTrue();
  }

  @Test
  void serviceTaskProcessRunsToCompletionWithAWorker() {
    BpmnModelInstance model =
        Bpmn.createExecutableProcess("slice")
            .startEvent()
            .serviceTask("work", t -> t.zeebeJobType("slice-work").zeebeTaskHeader("h", "v"))
            .endEvent()
            .done();
    engine.client().newDeployResourceCommand().addProcessModel(model, "slice.bpmn").send().join();
    try (var worker =
        engine
            .client()
            .newWorker()
            .jobType("slice-work")
            .handler(
                (client, job) -> {
                  assertThat(job.getCustomHeaders()).containsEntry("h", "v");
                  Map<String, Object> vars = job.getVariablesAsMap();
                  client
                      .newCompleteCommand(job)
                      .variables(Map.of("out", ((Number) vars.get("in")).intValue() + 1))
                      .send()
                      .join();
                })
            .open()) {
      ProcessInstanceResult result =
          engine
              .client()
              .newCreateInstanceCommand()
              .bpmnProcessId("slice")
              .latestVersion()
              .variables(Map.of("in", 41))
              .withResult()
              .requestTimeout(Duration.ofSeconds(20))
              .send()
              .join();
      assertThat(result.getVariablesAsMap()).containsEntry("out", 42);
    }
  }

  @Test
  void exporterSeesEveryRecordInOrder() {
    BpmnModelInstance model =
        Bpmn.createExecutableProcess("exported")
            .startEvent()
            .serviceTask("t", t -> t.zeebeJobType("exported-t"))
            .endEvent()
            .done();
    engine.client().newDeployResourceCommand().addProcessModel(model, "e.bpmn").send().join();
    long pi =
        engine
            .client()
            .newCreateInstanceCommand()
            .bpmnProcessId("exported")
            .latestVersion()
            .send()
            .join()
            .getProcessInstanceKey();
    var job =
        engine
            .client()
            .newActivateJobsCommand()
            .jobType("exported-t")
            .maxJobsToActivate(1)
            .send()
            .join()
            .getJobs()
            .get(0);
    engine.client().newCompleteCommand(job).send().join();
    await().atMost(Duration.ofSeconds(5)).until(() -> engine.completed(pi));
    var records = List.copyOf(engine.records);
    for (int i = 1; i < records.size(); i++) {
      assertThat(records.get(i).position()).isGreaterThan(records.get(i - 1).position());
    }
    List<String> jobIntents =
        records.stream()
            .filter(r -> r.valueType().equals("JOB") && r.key() == job.getKey())
            .map(r -> r.intent())
            .toList();
    assertThat(jobIntents).containsExactly("CREATED", "ACTIVATED", "COMPLETED");
    List<String> taskIntents =
        records.stream()
            .filter(
                r ->
                    r.valueType().equals("PROCESS_INSTANCE")
                        && "t".equals(r.get("elementId"))
                        && Long.valueOf(pi).equals(r.get("processInstanceKey")))
            .map(r -> r.intent())
            .toList();
    assertThat(taskIntents)
        .containsExactly(
            "ELEMENT_ACTIVATING", "ELEMENT_ACTIVATED", "ELEMENT_COMPLETING", "ELEMENT_COMPLETED");
  }

  @Test
  void redeployingTheSameResourceKeepsTheVersion() {
    BpmnModelInstance v1 = Bpmn.createExecutableProcess("versions").startEvent().endEvent().done();
    var first =
        engine.client().newDeployResourceCommand().addProcessModel(v1, "v.bpmn").send().join();
    var again =
        engine.client().newDeployResourceCommand().addProcessModel(v1, "v.bpmn").send().join();
    assertThat(again.getProcesses().get(0).getVersion()).isEqualTo(1);
    assertThat(again.getProcesses().get(0).getProcessDefinitionKey())
        .isEqualTo(first.getProcesses().get(0).getProcessDefinitionKey());
    BpmnModelInstance v2 =
        Bpmn.createExecutableProcess("versions").startEvent("s2").endEvent().done();
    var second =
        engine.client().newDeployResourceCommand().addProcessModel(v2, "v.bpmn").send().join();
    assertThat(second.getProcesses().get(0).getVersion()).isEqualTo(2);
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> engine.records("PROCESS", "CREATED").size() >= 2);
  }
}
