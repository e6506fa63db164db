package nl.knooppunt.engine.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.response.DeploymentEvent;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.search.response.ProcessInstance;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.function.Predicate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A process instance read through the client ({@code newProcessInstanceGetRequest}, {@code GET
 * /v2/process-instances/{key}}, and {@code newProcessInstanceSearchRequest}): identity, call
 * hierarchy and the incident flag.
 *
 * <p>Docs:
 * docs.camunda.io/docs/apis-tools/orchestration-cluster-api-rest/specifications/get-process-instance/,
 * docs.camunda.io/docs/apis-tools/orchestration-cluster-api-rest/specifications/search-process-instances/
 * and docs.camunda.io/docs/components/modeler/bpmn/call-activities/
 */
@DisplayName(
    "Process instance get — docs.camunda.io/docs/apis-tools/orchestration-cluster-api-rest/specifications/get-process-instance/")
class ProcessInstanceQueryIT extends ConformanceTestBase {

  /** Gets the instance until the answer satisfies the condition (a cluster's storage lags). */
  static ProcessInstance awaitInstance(final long key, final Predicate<ProcessInstance> until) {
    return await("process instance " + key)
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(250))
        .ignoreException(ProblemException.class)
        .until(() -> client.newProcessInstanceGetRequest(key).send().join(), until);
  }

  @Test
  @DisplayName(
      "a running root instance: its process definition, version, name, start date, ACTIVE, no"
          + " parent, no incident")
  void rootInstance() {
    final String id = uid("pi_get_root");
    final String type = uid("work");
    final DeploymentEvent deployment =
        deploy(
            Bpmn.createExecutableProcess(id)
                .name("Crisis intake")
                .startEvent()
                .serviceTask("work", t -> t.zeebeJobType(type))
                .endEvent()
                .done());
    final OffsetDateTime before = OffsetDateTime.now();
    final long instance = start(id);

    final ProcessInstance pi = awaitInstance(instance, p -> true);

    assertThat(pi.getProcessInstanceKey()).isEqualTo(instance);
    assertThat(pi.getProcessDefinitionId()).isEqualTo(id);
    assertThat(pi.getProcessDefinitionName()).isEqualTo("Crisis intake");
    assertThat(pi.getProcessDefinitionVersion()).isEqualTo(1);
    assertThat(pi.getProcessDefinitionKey())
        .isEqualTo(deployment.getProcesses().get(0).getProcessDefinitionKey());
    assertThat(pi.getParentProcessInstanceKey()).isNull();
    assertThat(pi.getParentElementInstanceKey()).isNull();
    assertThat(pi.getState()).isEqualTo(ProcessInstanceState.ACTIVE);
    assertThat(pi.getHasIncident()).isFalse();
    assertThat(pi.getTenantId()).isEqualTo("<default>");
    assertThat(pi.getStartDate())
        .isAfter(before.minusMinutes(1))
        .isBefore(OffsetDateTime.now().plusMinutes(1));
    complete(awaitJob(type));
  }

  // Docs: docs.camunda.io/docs/components/modeler/bpmn/call-activities/ and
  // docs.camunda.io/docs/components/concepts/incidents/
  @Test
  @DisplayName(
      "a called child instance names its caller as parent; an incident in the child marks the"
          + " child and its caller with hasIncident")
  void calledChildWithIncident() {
    final String parent = uid("pi_get_parent");
    final String child = uid("pi_get_child");
    final String childWork = uid("childWork");
    deploy(
        Bpmn.createExecutableProcess(child)
            .startEvent()
            .serviceTask("childTask", t -> t.zeebeJobType(childWork))
            .endEvent()
            .done());
    deploy(
        Bpmn.createExecutableProcess(parent)
            .startEvent()
            .callActivity("call", c -> c.zeebeProcessId(child))
            .endEvent()
            .done());
    final long parentInstance = start(parent);
    final ActivatedJob job = awaitJob(childWork);
    final long childInstance = job.getProcessInstanceKey();
    assertThat(childInstance).isNotEqualTo(parentInstance);

    final ProcessInstance before = awaitInstance(childInstance, p -> true);
    assertThat(before.getParentProcessInstanceKey()).isEqualTo(parentInstance);
    assertThat(before.getParentElementInstanceKey()).isNotNull().isPositive();
    assertThat(before.getProcessDefinitionId()).isEqualTo(child);
    assertThat(before.getHasIncident()).isFalse();

    client.newFailCommand(job.getKey()).retries(0).errorMessage("child down").send().join();

    final ProcessInstance withIncident =
        awaitInstance(childInstance, ProcessInstance::getHasIncident);
    assertThat(withIncident.getState()).isEqualTo(ProcessInstanceState.ACTIVE);
    assertThat(withIncident.getParentProcessInstanceKey()).isEqualTo(parentInstance);
    final ProcessInstance caller = awaitInstance(parentInstance, ProcessInstance::getHasIncident);
    assertThat(caller.getParentProcessInstanceKey()).isNull();

    // the same through the process instance search
    final var children =
        await("the child in the process instance search")
            .atMost(WAIT)
            .until(
                () ->
                    client
                        .newProcessInstanceSearchRequest()
                        .filter(f -> f.parentProcessInstanceKey(parentInstance).hasIncident(true))
                        .send()
                        .join()
                        .items(),
                items -> !items.isEmpty());
    assertThat(children)
        .extracting(ProcessInstance::getProcessInstanceKey)
        .containsExactly(childInstance);
  }

  @Test
  @DisplayName("an unknown process instance key → ProblemException with status 404")
  void unknownKeyIsNotFound() {
    final Throwable thrown =
        failure(
            () -> client.newProcessInstanceGetRequest(2251799813685249L + 77777L).send().join());
    assertThat(httpCode(thrown)).isEqualTo(404);
  }

  @Test
  @DisplayName(
      "the embedded engine keeps no history: a completed instance is not found (404), unlike a"
          + " cluster with secondary storage")
  void completedInstanceIsNotFoundByEmbeddedEngine() {
    assumeTrue(
        target.embedded(),
        "a cluster with secondary storage returns completed instances with state COMPLETED");
    final String id = uid("pi_get_completed");
    deploy(Bpmn.createExecutableProcess(id).startEvent().endEvent().done());
    final long instance =
        client
            .newCreateInstanceCommand()
            .bpmnProcessId(id)
            .latestVersion()
            .withResult()
            .send()
            .join()
            .getProcessInstanceKey();

    final Throwable thrown =
        failure(() -> client.newProcessInstanceGetRequest(instance).send().join());
    assertThat(httpCode(thrown)).isEqualTo(404);
  }
}
