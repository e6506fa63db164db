package nl.knooppunt.engine.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobWorker;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.grpc.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import nl.knooppunt.engine.conformance.IncidentProbe.IncidentView;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Service tasks and the job lifecycle.
 *
 * <p>Docs: docs.camunda.io/docs/components/modeler/bpmn/service-tasks/,
 * docs.camunda.io/docs/components/concepts/job-workers/ (activation, timeouts, retries, backoff),
 * docs.camunda.io/docs/components/concepts/incidents/.
 */
@DisplayName("Service tasks and jobs — docs.camunda.io/docs/components/concepts/job-workers/")
class ServiceTaskJobIT extends ConformanceTestBase {

  private static BpmnModelInstance oneTask(final String id, final String type, final String probe) {
    return Bpmn.createExecutableProcess(id)
        .startEvent()
        .serviceTask(
            "work",
            t ->
                t.zeebeJobType(type)
                    .zeebeJobRetries("5")
                    .zeebeTaskHeader("channel", "sms")
                    .zeebeTaskHeader("priority", "high"))
        .serviceTask("probe", t -> t.zeebeJobType(probe))
        .endEvent()
        .done();
  }

  // Docs: docs.camunda.io/docs/components/modeler/bpmn/service-tasks/
  @Test
  @DisplayName("an activated job carries type, keys, element, headers, retries, worker, deadline")
  void activatedJobFields() {
    final String id = uid("job_fields");
    final String type = uid("work");
    final var process = deploy(oneTask(id, type, uid("probe"))).getProcesses().get(0);
    final Instant now = pinNow();
    final long instance = start(id, Map.of("orderId", "o-1", "amount", 42));

    final ActivatedJob job = awaitJob(type, Duration.ofMinutes(1));

    assertThat(job.getKey()).isPositive();
    assertThat(job.getType()).isEqualTo(type);
    assertThat(job.getProcessInstanceKey()).isEqualTo(instance);
    assertThat(job.getBpmnProcessId()).isEqualTo(id);
    assertThat(job.getProcessDefinitionKey()).isEqualTo(process.getProcessDefinitionKey());
    assertThat(job.getProcessDefinitionVersion()).isEqualTo(1);
    assertThat(job.getElementId()).isEqualTo("work");
    assertThat(job.getElementInstanceKey()).isPositive();
    assertThat(job.getCustomHeaders())
        .containsEntry("channel", "sms")
        .containsEntry("priority", "high");
    assertThat(job.getRetries()).isEqualTo(5);
    assertThat(job.getWorker()).isEqualTo("conformance");
    assertThat(job.getDeadline())
        .isBetween(now.plusSeconds(59).toEpochMilli(), now.plusSeconds(61).toEpochMilli());
    assertThat(job.getVariablesAsMap()).containsEntry("orderId", "o-1").containsEntry("amount", 42);
  }

  @Test
  @DisplayName("fetchVariables limits the job's variables to the named ones")
  void fetchVariablesFilter() {
    final String id = uid("job_fetch");
    final String type = uid("work");
    deploy(oneTask(id, type, uid("probe")));
    start(id, Map.of("a", 1, "b", 2, "c", 3));

    final ActivatedJob job =
        await()
            .atMost(WAIT)
            .until(
                () ->
                    client
                        .newActivateJobsCommand()
                        .jobType(type)
                        .maxJobsToActivate(1)
                        .fetchVariables("a", "c", "missing")
                        .requestTimeout(Duration.ofMillis(500))
                        .send()
                        .join()
                        .getJobs(),
                jobs -> !jobs.isEmpty())
            .get(0);

    assertThat(job.getVariablesAsMap()).containsOnlyKeys("a", "c");
  }

  // Docs: docs.camunda.io/docs/components/modeler/bpmn/service-tasks/
  @Test
  @DisplayName("the job type may be a FEEL expression evaluated on activation of the task")
  void jobTypeExpression() {
    final String id = uid("job_type_feel");
    final String prefix = uid("kind");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .serviceTask("work", t -> t.zeebeJobTypeExpression("\"" + prefix + "_\" + kind"))
            .endEvent()
            .done());
    start(id, Map.of("kind", "mail"));

    assertThat(awaitJob(prefix + "_mail").getElementId()).isEqualTo("work");
  }

  @Test
  @DisplayName("maxJobsToActivate bounds one activation; an activated job is not handed out again")
  void maxJobsAndExclusiveActivation() {
    final String id = uid("job_max");
    final String type = uid("work");
    deploy(oneTask(id, type, uid("probe")));
    start(id);
    start(id);
    start(id);

    final List<ActivatedJob> first = awaitJobs(type, 2);
    assertThat(first).hasSize(2);
    final List<ActivatedJob> rest = awaitJobs(type, 1);
    assertThat(rest).hasSize(1);
    assertThat(rest.get(0).getKey()).isNotIn(first.get(0).getKey(), first.get(1).getKey());
    assertNoJob(type);
  }

  @Test
  @DisplayName("complete merges variables into the instance; completing twice → NOT_FOUND")
  void completeAndCompleteTwice() {
    final String id = uid("job_complete");
    final String type = uid("work");
    final String probe = uid("probe");
    deploy(oneTask(id, type, probe));
    start(id, Map.of("orderId", "o-2"));
    final ActivatedJob job = awaitJob(type);

    complete(job, Map.of("status", "sent"));
    final Throwable twice = failure(() -> complete(job));

    assertThat(errorCode(twice)).isEqualTo(Status.Code.NOT_FOUND);
    assertThat(probe(probe)).containsEntry("orderId", "o-2").containsEntry("status", "sent");
  }

  // Docs: docs.camunda.io/docs/apis-tools/zeebe-api/gateway-service/
  @Test
  @DisplayName("complete, fail, throwError or updateRetries on an unknown job key → NOT_FOUND")
  void unknownJobKey() {
    final long unknown = 2251799813685249L + 123456789L;
    assertThat(errorCode(failure(() -> client.newCompleteCommand(unknown).send().join())))
        .isEqualTo(Status.Code.NOT_FOUND);
    assertThat(errorCode(failure(() -> client.newFailCommand(unknown).retries(1).send().join())))
        .isEqualTo(Status.Code.NOT_FOUND);
    assertThat(
            errorCode(
                failure(() -> client.newThrowErrorCommand(unknown).errorCode("X").send().join())))
        .isEqualTo(Status.Code.NOT_FOUND);
    assertThat(
            errorCode(
                failure(() -> client.newUpdateRetriesCommand(unknown).retries(2).send().join())))
        .isEqualTo(Status.Code.NOT_FOUND);
  }

  @Test
  @DisplayName("fail with retries left and no backoff: the job is activatable again at once")
  void failWithoutBackoff() {
    final String id = uid("job_fail");
    final String type = uid("work");
    deploy(oneTask(id, type, uid("probe")));
    start(id);
    final ActivatedJob job = awaitJob(type);

    client.newFailCommand(job.getKey()).retries(4).errorMessage("temporary").send().join();

    final ActivatedJob again = awaitJob(type);
    assertThat(again.getKey()).isEqualTo(job.getKey());
    assertThat(again.getRetries()).isEqualTo(4);
  }

  @Test
  @DisplayName("fail with a retry backoff: the job comes back only after the backoff (clock)")
  void failWithBackoff() {
    final String id = uid("job_backoff");
    final String type = uid("work");
    deploy(oneTask(id, type, uid("probe")));
    pinNow();
    start(id);
    final ActivatedJob job = awaitJob(type);

    client
        .newFailCommand(job.getKey())
        .retries(2)
        .retryBackoff(Duration.ofMinutes(5))
        .errorMessage("try later")
        .send()
        .join();

    assertNoJob(type);
    advance(Duration.ofMinutes(4));
    assertNoJob(type);
    advance(Duration.ofMinutes(2));
    final ActivatedJob again = awaitJob(type);
    assertThat(again.getKey()).isEqualTo(job.getKey());
    assertThat(again.getRetries()).isEqualTo(2);
  }

  // Docs: docs.camunda.io/docs/components/concepts/incidents/
  @Test
  @DisplayName("fail to 0 retries → incident; updateRetries + resolveIncident → job again")
  void failToZeroRaisesIncidentAndResolve() {
    final String id = uid("job_incident");
    final String type = uid("work");
    final String probe = uid("probe");
    deploy(oneTask(id, type, probe));
    final long instance = start(id);
    final ActivatedJob job = awaitJob(type);

    client.newFailCommand(job.getKey()).retries(0).errorMessage("mail server down").send().join();

    final IncidentView incident = awaitIncident(instance);
    assertThat(incident.errorType()).isEqualTo("JOB_NO_RETRIES");
    assertThat(incident.errorMessage()).contains("mail server down");
    assertThat(incident.elementId()).isEqualTo("work");
    assertThat(incident.jobKey()).isEqualTo(job.getKey());
    assertNoJob(type);

    client.newUpdateRetriesCommand(job.getKey()).retries(3).send().join();
    client.newResolveIncidentCommand(incident.incidentKey()).send().join();

    final ActivatedJob again = awaitJob(type);
    assertThat(again.getKey()).isEqualTo(job.getKey());
    assertThat(again.getRetries()).isEqualTo(3);
    complete(again);
    assertThat(awaitJob(probe).getProcessInstanceKey()).isEqualTo(instance);
  }

  // Docs: docs.camunda.io/docs/components/concepts/incidents/
  @Test
  @DisplayName("resolving an unknown incident → NOT_FOUND")
  void resolveUnknownIncident() {
    final Throwable thrown =
        failure(() -> client.newResolveIncidentCommand(2251799813685249L + 55555L).send().join());
    assertThat(errorCode(thrown)).isEqualTo(Status.Code.NOT_FOUND);
  }

  @Test
  @DisplayName("a job not completed before its deadline times out and is activated again")
  void jobTimeoutReactivates() {
    final String id = uid("job_timeout");
    final String type = uid("work");
    deploy(oneTask(id, type, uid("probe")));
    pinNow();
    start(id);
    final ActivatedJob job = awaitJob(type, Duration.ofMinutes(1));

    assertNoJob(type);
    advance(Duration.ofMinutes(2));

    final ActivatedJob again = awaitJob(type, Duration.ofMinutes(1));
    assertThat(again.getKey()).isEqualTo(job.getKey());
    assertThat(again.getRetries()).isEqualTo(job.getRetries());
  }

  @Test
  @DisplayName("updateTimeout extends the deadline of an activated job")
  void updateTimeoutExtendsDeadline() {
    final String id = uid("job_update_timeout");
    final String type = uid("work");
    deploy(oneTask(id, type, uid("probe")));
    pinNow();
    start(id);
    final ActivatedJob job = awaitJob(type, Duration.ofMinutes(1));

    client.newUpdateTimeoutCommand(job.getKey()).timeout(Duration.ofMinutes(10)).send().join();
    advance(Duration.ofMinutes(2));
    assertNoJob(type);
    advance(Duration.ofMinutes(10));
    assertThat(awaitJob(type).getKey()).isEqualTo(job.getKey());
  }

  @Test
  @DisplayName("a polling job worker receives and completes jobs")
  void jobWorkerCompletesJobs() {
    final String id = uid("job_worker");
    final String type = uid("work");
    final String probe = uid("probe");
    deploy(oneTask(id, type, probe));
    final Map<Long, String> handled = new ConcurrentHashMap<>();

    try (JobWorker worker =
        client
            .newWorker()
            .jobType(type)
            .handler(
                (jobClient, job) -> {
                  handled.put(job.getKey(), job.getElementId());
                  jobClient
                      .newCompleteCommand(job.getKey())
                      .variables(Map.of("handledBy", "worker"))
                      .send()
                      .join();
                })
            .name("conformance-worker")
            .pollInterval(Duration.ofMillis(100))
            .streamEnabled(false)
            .open()) {
      start(id);
      start(id);
      final List<ActivatedJob> probes = awaitJobs(probe, 2);
      assertThat(handled).hasSize(2);
      assertThat(probes)
          .allSatisfy(j -> assertThat(j.getVariablesAsMap()).containsEntry("handledBy", "worker"));
    }
  }

  // Docs: docs.camunda.io/docs/apis-tools/zeebe-api/gateway-service/ (ActivateJobs, long polling)
  @Test
  @DisplayName("long polling: a waiting activation receives a job created after it was sent")
  void longPollingActivation() throws Exception {
    final String id = uid("job_long_poll");
    final String type = uid("work");
    deploy(oneTask(id, type, uid("probe")));

    final var pending =
        client
            .newActivateJobsCommand()
            .jobType(type)
            .maxJobsToActivate(1)
            .requestTimeout(Duration.ofSeconds(20))
            .send()
            .toCompletableFuture();
    final long instance = start(id);

    final List<ActivatedJob> jobs =
        pending.get(15, java.util.concurrent.TimeUnit.SECONDS).getJobs();
    assertThat(jobs).hasSize(1);
    assertThat(jobs.get(0).getProcessInstanceKey()).isEqualTo(instance);
  }

  // Docs: docs.camunda.io/docs/apis-tools/zeebe-api/gateway-service/ (CompleteJob)
  @Test
  @DisplayName("completing a job with variables that are not a JSON object → INVALID_ARGUMENT")
  void completeWithNonObjectVariables() {
    final String id = uid("job_bad_vars");
    final String type = uid("work");
    deploy(oneTask(id, type, uid("probe")));
    start(id);
    final ActivatedJob job = awaitJob(type);

    final Throwable thrown =
        failure(() -> client.newCompleteCommand(job.getKey()).variables("\"text\"").send().join());

    assertNotAnObjectRefused(thrown);
    complete(job); // the job is unaffected
  }
}
