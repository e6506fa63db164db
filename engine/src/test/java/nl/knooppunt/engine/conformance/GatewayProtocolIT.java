package nl.knooppunt.engine.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.response.BrokerInfo;
import io.camunda.client.api.response.PartitionInfo;
import io.camunda.client.api.response.Topology;
import io.camunda.client.api.worker.JobWorker;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.grpc.Status;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The gateway itself: topology, streaming workers and the payload size limit.
 *
 * <p>Docs: docs.camunda.io/docs/apis-tools/zeebe-api/gateway-service/ (Topology,
 * StreamActivatedJobs), docs.camunda.io/docs/components/concepts/variables/ (variable size
 * limitation: 4 MB per payload).
 */
@DisplayName("Gateway protocol — docs.camunda.io/docs/apis-tools/zeebe-api/gateway-service/")
class GatewayProtocolIT extends ConformanceTestBase {

  /** Above the documented 4 MB payload limit. */
  private static final int HUGE = 6 * 1024 * 1024;

  @Test
  @DisplayName("topology names the gateway version, brokers and a leader for every partition")
  void topology() {
    final Topology topology = client.newTopologyRequest().send().join();

    assertThat(topology.getGatewayVersion()).isNotBlank();
    assertThat(topology.getClusterSize()).isPositive();
    assertThat(topology.getPartitionsCount()).isPositive();
    assertThat(topology.getReplicationFactor()).isPositive();
    assertThat(topology.getBrokers()).isNotEmpty();
    for (final BrokerInfo broker : topology.getBrokers()) {
      assertThat(broker.getHost()).isNotBlank();
      assertThat(broker.getPort()).isPositive();
      assertThat(broker.getVersion()).isNotBlank();
    }
    for (int partition = 1; partition <= topology.getPartitionsCount(); partition++) {
      final int id = partition;
      assertThat(
              topology.getBrokers().stream()
                  .flatMap(b -> b.getPartitions().stream())
                  .filter(p -> p.getPartitionId() == id)
                  .anyMatch(PartitionInfo::isLeader))
          .as("partition %d has a leader", id)
          .isTrue();
    }
  }

  // Docs: docs.camunda.io/docs/components/concepts/variables/ (variable size limitation)
  @Test
  @DisplayName("completing a job with a payload above the limit is refused; nothing else breaks")
  void hugeJobPayloadIsRefused() {
    final String id = uid("huge_job");
    final String work = uid("work");
    final String probe = uid("probe");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .serviceTask("work", t -> t.zeebeJobType(work))
            .serviceTask("probe", t -> t.zeebeJobType(probe))
            .endEvent()
            .done());
    start(id);
    final ActivatedJob job = awaitJob(work);

    final Throwable thrown = failure(() -> complete(job, Map.of("blob", "x".repeat(HUGE))));

    assertThat(errorCode(thrown))
        .isIn(Status.Code.RESOURCE_EXHAUSTED, Status.Code.INVALID_ARGUMENT);
    assertThat(errorMessage(thrown)).isNotBlank();

    // the job and the engine are unaffected
    complete(job, Map.of("small", true));
    assertThat(probe(probe)).containsEntry("small", true).doesNotContainKey("blob");
  }

  // Docs: docs.camunda.io/docs/components/concepts/variables/ (variable size limitation; embedded
  // engine only)
  // Docs: docs.camunda.io/docs/components/concepts/variables/ (variable size limitation; embedded
  // engine only)
  // Docs: docs.camunda.io/docs/components/concepts/variables/ (variable size limitation; embedded
  // engine only)
  @Test
  @DisplayName("embedded engine: variables above its documented 1 MiB limit are refused clearly")
  void embeddedVariablesLimit() {
    // The embedded engine documents a 1 MiB limit per variables document (below Camunda's 4 MB
    // payload limit, inside its "~1.5 MB is safe" advice). A real cluster may accept 2 MiB.
    org.junit.jupiter.api.Assumptions.assumeTrue(
        target.embedded(), "the 1 MiB variables limit is the embedded engine's own");
    final String id = uid("limit_job");
    final String work = uid("work");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .serviceTask("work", t -> t.zeebeJobType(work))
            .endEvent()
            .done());
    start(id);
    final ActivatedJob job = awaitJob(work);

    final Throwable thrown =
        failure(() -> complete(job, Map.of("blob", "z".repeat(2 * 1024 * 1024))));

    assertThat(errorCode(thrown))
        .isIn(Status.Code.RESOURCE_EXHAUSTED, Status.Code.INVALID_ARGUMENT);
    assertThat(errorMessage(thrown).toLowerCase(java.util.Locale.ROOT))
        .containsAnyOf("limit", "size", "exceed", "too large");
    complete(job);
  }

  // Docs: docs.camunda.io/docs/components/concepts/variables/ (variable size limitation)
  @Test
  @DisplayName("creating an instance with a payload above the limit is refused")
  void hugeCreatePayloadIsRefused() {
    final String id = uid("huge_create");
    deploy(Bpmn.createExecutableProcess(id).startEvent().endEvent().done());

    final Throwable thrown = failure(() -> start(id, Map.of("blob", "y".repeat(HUGE))));

    assertThat(errorCode(thrown))
        .isIn(Status.Code.RESOURCE_EXHAUSTED, Status.Code.INVALID_ARGUMENT);
    assertThat(start(id, Map.of("small", 1))).isPositive();
  }

  @Test
  @DisplayName("a job worker with job streaming enabled still receives its jobs")
  void streamingWorkerReceivesJobs() {
    final String id = uid("stream_worker");
    final String work = uid("work");
    final String probe = uid("probe");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .serviceTask("work", t -> t.zeebeJobType(work))
            .serviceTask("probe", t -> t.zeebeJobType(probe))
            .endEvent()
            .done());

    try (JobWorker worker =
        client
            .newWorker()
            .jobType(work)
            .handler(
                (jobClient, job) ->
                    jobClient
                        .newCompleteCommand(job.getKey())
                        .variables(Map.of("streamed", true))
                        .send()
                        .join())
            .streamEnabled(true)
            .pollInterval(Duration.ofMillis(200))
            .open()) {
      start(id);
      assertThat(awaitJob(probe).getVariablesAsMap()).containsEntry("streamed", true);
    }
  }
}
