package nl.knooppunt.engine.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.response.DeploymentEvent;
import io.camunda.client.api.response.Process;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.grpc.Status;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Deleting deployed resources: process definitions and decision requirements graphs.
 *
 * <p>Docs: docs.camunda.io/docs/components/concepts/resource-deletion/ and
 * docs.camunda.io/docs/apis-tools/zeebe-api/gateway-service/ (DeleteResource);
 * docs.camunda.io/docs/apis-tools/orchestration-cluster-api-rest/specifications/delete-resource/
 */
@DisplayName("Resource deletion — docs.camunda.io/docs/components/concepts/resource-deletion/")
class ResourceDeletionIT extends ConformanceTestBase {

  private static BpmnModelInstance twoTasks(
      final String id, final String first, final String second) {
    return Bpmn.createExecutableProcess(id)
        .startEvent()
        .serviceTask("eerste", t -> t.zeebeJobType(first))
        .serviceTask("tweede", t -> t.zeebeJobType(second))
        .endEvent()
        .done();
  }

  private static Process process(final DeploymentEvent deployment) {
    return deployment.getProcesses().get(0);
  }

  @Test
  @DisplayName(
      "deleting the latest version: it cannot be started any more, the previous version is the"
          + " latest again and its version number is never given again")
  void deletingTheLatestVersionFallsBackToThePreviousOne() {
    final String id = uid("del_latest");
    final String type = uid("del_job");
    final Process v1 = process(deploy(twoTasks(id, type, type)));
    final Process v2 = process(deploy(twoTasks(id, type, type + "_v2")));
    assertThat(v2.getVersion()).isEqualTo(2);

    client.newDeleteResourceCommand(v2.getProcessDefinitionKey()).send().join();

    final Throwable byKey =
        failure(
            () ->
                client
                    .newCreateInstanceCommand()
                    .processDefinitionKey(v2.getProcessDefinitionKey())
                    .send()
                    .join());
    assertThat(errorCode(byKey)).isEqualTo(Status.Code.NOT_FOUND);
    final var latest =
        client.newCreateInstanceCommand().bpmnProcessId(id).latestVersion().send().join();
    assertThat(latest.getProcessDefinitionKey()).isEqualTo(v1.getProcessDefinitionKey());
    assertThat(latest.getVersion()).isEqualTo(1);

    final Process v3 = process(deploy(twoTasks(id, type, type + "_v3")));
    assertThat(v3.getVersion()).isEqualTo(3);
  }

  @Test
  @DisplayName(
      "deleting a definition with a running instance: the instance runs to its end, new ones"
          + " cannot be started")
  void aDeletedDefinitionDrainsItsRunningInstances() {
    final String id = uid("del_running");
    final String first = uid("del_first");
    final String second = uid("del_second");
    final Process p = process(deploy(twoTasks(id, first, second)));
    final long instance = start(id, Map.of("zaak", "Z-1"));
    final ActivatedJob job = awaitJob(first);

    client.newDeleteResourceCommand(p.getProcessDefinitionKey()).send().join();

    assertThat(
            errorCode(
                failure(
                    () ->
                        client
                            .newCreateInstanceCommand()
                            .processDefinitionKey(p.getProcessDefinitionKey())
                            .send()
                            .join())))
        .isEqualTo(Status.Code.NOT_FOUND);
    complete(job);
    final ActivatedJob next = awaitJob(second);
    assertThat(next.getProcessInstanceKey()).isEqualTo(instance);
    assertThat(next.getVariablesAsMap()).containsEntry("zaak", "Z-1");
    complete(next);
    // once its last instance ended, the definition is gone: deleting it again finds nothing
    assertThat(
            errorCode(
                failure(
                    () ->
                        client
                            .newDeleteResourceCommand(p.getProcessDefinitionKey())
                            .send()
                            .join())))
        .isEqualTo(Status.Code.NOT_FOUND);
  }

  @Test
  @DisplayName("deleting an unknown resource key → NOT_FOUND")
  void unknownKeyIsNotFound() {
    final Throwable thrown =
        failure(() -> client.newDeleteResourceCommand(2251799813999999L).send().join());
    assertThat(errorCode(thrown)).isEqualTo(Status.Code.NOT_FOUND);
  }

  @Test
  @DisplayName("deleting a decision requirements graph removes its decisions")
  void deletingADecisionRequirementsGraphRemovesItsDecisions() {
    final String drg = uid("drg");
    final String decision = uid("besluit");
    final DeploymentEvent deployment =
        client
            .newDeployResourceCommand()
            .addResourceStringUtf8(
                resourceXml(
                    "decision.dmn",
                    Map.of("drg", drg, "decision", decision, "threshold", String.valueOf(5))),
                "opschaling.dmn")
            .send()
            .join();
    final long drgKey = deployment.getDecisionRequirements().get(0).getDecisionRequirementsKey();

    client.newDeleteResourceCommand(drgKey).send().join();

    final Throwable thrown =
        failure(
            () ->
                client
                    .newEvaluateDecisionCommand()
                    .decisionId(decision)
                    .variables(Map.of("ernst", 6))
                    .send()
                    .join());
    assertThat(errorCode(thrown)).isEqualTo(Status.Code.NOT_FOUND);
  }

  @Test
  @DisplayName("over REST: POST /v2/resources/{key}/deletion, an unknown key is a 404 problem")
  void deletionOverRest() {
    final String id = uid("del_rest");
    final Process p = process(deploy(twoTasks(id, uid("a"), uid("b"))));

    client.newDeleteResourceCommand(p.getProcessDefinitionKey()).useRest().send().join();

    assertThat(
            errorCode(
                failure(
                    () ->
                        client
                            .newCreateInstanceCommand()
                            .processDefinitionKey(p.getProcessDefinitionKey())
                            .send()
                            .join())))
        .isEqualTo(Status.Code.NOT_FOUND);
    final Throwable again =
        failure(
            () ->
                client
                    .newDeleteResourceCommand(p.getProcessDefinitionKey())
                    .useRest()
                    .send()
                    .join());
    assertThat(httpCode(again)).isEqualTo(404);
  }
}
