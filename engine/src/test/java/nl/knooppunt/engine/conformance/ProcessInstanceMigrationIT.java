package nl.knooppunt.engine.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.response.Process;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.grpc.Status;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Process instance migration: mapping active elements onto a target definition.
 *
 * <p>Docs: docs.camunda.io/docs/components/concepts/process-instance-migration/ and
 * docs.camunda.io/docs/apis-tools/zeebe-api/gateway-service/ (MigrateProcessInstance)
 */
@DisplayName(
    "Process instance migration —"
        + " docs.camunda.io/docs/components/concepts/process-instance-migration/")
class ProcessInstanceMigrationIT extends ConformanceTestBase {

  private static Process deployed(final io.camunda.zeebe.model.bpmn.BpmnModelInstance model) {
    return deploy(model).getProcesses().get(0);
  }

  @Test
  @DisplayName(
      "a service task mapped onto the target: its job keeps its key, the variables stay and the"
          + " instance goes on in the target definition")
  void serviceTaskMigratesWithItsJob() {
    final String type = uid("controle");
    final String next = uid("melden");
    final String sourceId = uid("mig_src");
    final String targetId = uid("mig_tgt");
    deployed(
        Bpmn.createExecutableProcess(sourceId)
            .startEvent()
            .serviceTask("controleren", t -> t.zeebeJobType(type))
            .endEvent()
            .done());
    final Process target =
        deployed(
            Bpmn.createExecutableProcess(targetId)
                .startEvent()
                .serviceTask("controlerenNieuw", t -> t.zeebeJobType(type))
                .serviceTask("melden", t -> t.zeebeJobType(next))
                .endEvent()
                .done());
    final long instance = start(sourceId, Map.of("zaak", "Z-3"));
    final ActivatedJob job = awaitJob(type);

    client
        .newMigrateProcessInstanceCommand(instance)
        .migrationPlan(target.getProcessDefinitionKey())
        .addMappingInstruction("controleren", "controlerenNieuw")
        .send()
        .join();

    complete(job); // the same job key, after the migration
    final ActivatedJob after = awaitJob(next);
    assertThat(after.getProcessInstanceKey()).isEqualTo(instance);
    assertThat(after.getProcessDefinitionKey()).isEqualTo(target.getProcessDefinitionKey());
    assertThat(after.getBpmnProcessId()).isEqualTo(targetId);
    assertThat(after.getVariablesAsMap()).containsEntry("zaak", "Z-3");
  }

  @Test
  @DisplayName("a message catch event mapped onto the target keeps its subscription")
  void messageCatchEventKeepsItsSubscription() {
    final String message = uid("bericht");
    final String after = uid("verwerken");
    final String sourceId = uid("mig_msg_src");
    final String targetId = uid("mig_msg_tgt");
    deployed(
        Bpmn.createExecutableProcess(sourceId)
            .startEvent()
            .intermediateCatchEvent(
                "wachten",
                e -> e.message(m -> m.name(message).zeebeCorrelationKeyExpression("zaak")))
            .endEvent()
            .done());
    final Process target =
        deployed(
            Bpmn.createExecutableProcess(targetId)
                .startEvent()
                .intermediateCatchEvent(
                    "wachtenNieuw",
                    e -> e.message(m -> m.name(message).zeebeCorrelationKeyExpression("zaak")))
                .serviceTask("verwerken", t -> t.zeebeJobType(after))
                .endEvent()
                .done());
    final long instance = start(sourceId, Map.of("zaak", "Z-4"));

    client
        .newMigrateProcessInstanceCommand(instance)
        .migrationPlan(target.getProcessDefinitionKey())
        .addMappingInstruction("wachten", "wachtenNieuw")
        .send()
        .join();
    client
        .newPublishMessageCommand()
        .messageName(message)
        .correlationKey("Z-4")
        .timeToLive(Duration.ofMinutes(1))
        .variables(Map.of("antwoord", "ja"))
        .send()
        .join();

    final ActivatedJob job = awaitJob(after);
    assertThat(job.getProcessInstanceKey()).isEqualTo(instance);
    assertThat(job.getVariablesAsMap()).containsEntry("antwoord", "ja");
  }

  @Test
  @DisplayName(
      "a user task mapped onto the target keeps its key; completing it goes on in the target")
  void userTaskMigratesWithItsKey() {
    final String creating = uid("aanmaken");
    final String next = uid("melden");
    final String sourceId = uid("mig_ut_src");
    deployed(
        Bpmn.createExecutableProcess(sourceId)
            .startEvent()
            .userTask(
                "beoordelen",
                u -> u.zeebeUserTask().zeebeTaskListener(l -> l.creating().type(creating)))
            .endEvent()
            .done());
    final Process target =
        deployed(
            Bpmn.createExecutableProcess(uid("mig_ut_tgt"))
                .startEvent()
                .userTask("beoordelenNieuw", u -> u.zeebeUserTask())
                .serviceTask("melden", t -> t.zeebeJobType(next))
                .endEvent()
                .done());
    final long instance = start(sourceId);
    final ActivatedJob listener = awaitJob(creating);
    final long userTaskKey = listener.getUserTask().getUserTaskKey();
    complete(listener);

    client
        .newMigrateProcessInstanceCommand(instance)
        .migrationPlan(target.getProcessDefinitionKey())
        .addMappingInstruction("beoordelen", "beoordelenNieuw")
        .send()
        .join();
    client
        .newCompleteUserTaskCommand(userTaskKey)
        .variables(Map.of("oordeel", "goed"))
        .send()
        .join();

    final ActivatedJob after = awaitJob(next);
    assertThat(after.getProcessInstanceKey()).isEqualTo(instance);
    assertThat(after.getVariablesAsMap()).containsEntry("oordeel", "goed");
  }

  @Test
  @DisplayName(
      "a boundary event of the target that no source event was mapped onto is opened by the"
          + " migration")
  void unmappedTargetBoundaryEventOpens() {
    final String type = uid("controle");
    final String stopped = uid("gestopt");
    final String message = uid("stop");
    final String sourceId = uid("mig_bnd_src");
    deployed(
        Bpmn.createExecutableProcess(sourceId)
            .startEvent()
            .serviceTask("controleren", t -> t.zeebeJobType(type))
            .endEvent()
            .done());
    final Process target =
        deployed(
            Bpmn.createExecutableProcess(uid("mig_bnd_tgt"))
                .startEvent()
                .serviceTask("controleren", t -> t.zeebeJobType(type))
                .boundaryEvent(
                    "stoppen",
                    b -> b.message(m -> m.name(message).zeebeCorrelationKeyExpression("zaak")))
                .serviceTask("afhandelen", t -> t.zeebeJobType(stopped))
                .endEvent()
                .moveToActivity("controleren")
                .endEvent()
                .done());
    final long instance = start(sourceId, Map.of("zaak", "Z-9"));
    final ActivatedJob job = awaitJob(type);

    client
        .newMigrateProcessInstanceCommand(instance)
        .migrationPlan(target.getProcessDefinitionKey())
        .addMappingInstruction("controleren", "controleren")
        .send()
        .join();
    client
        .newPublishMessageCommand()
        .messageName(message)
        .correlationKey("Z-9")
        .timeToLive(Duration.ofMinutes(1))
        .send()
        .join();

    assertThat(awaitJob(stopped).getProcessInstanceKey()).isEqualTo(instance);
    // the interrupting boundary event terminated the task: its job is gone
    assertThat(errorCode(failure(() -> complete(job)))).isEqualTo(Status.Code.NOT_FOUND);
  }

  @Test
  @DisplayName(
      "an active element without a mapping, or mapped onto another element type, is"
          + " INVALID_ARGUMENT naming it; an unknown target is NOT_FOUND; nothing changes")
  void rejectedMigrations() {
    final String type = uid("controle");
    final String sourceId = uid("mig_rej_src");
    deployed(
        Bpmn.createExecutableProcess(sourceId)
            .startEvent("start")
            .serviceTask("controleren", t -> t.zeebeJobType(type))
            .endEvent()
            .done());
    final Process target =
        deployed(
            Bpmn.createExecutableProcess(uid("mig_rej_tgt"))
                .startEvent("start")
                .userTask("beoordelen", u -> u.zeebeUserTask())
                .endEvent()
                .done());
    final long instance = start(sourceId);
    final ActivatedJob job = awaitJob(type);

    final Throwable unmapped =
        failure(
            () ->
                client
                    .newMigrateProcessInstanceCommand(instance)
                    .migrationPlan(target.getProcessDefinitionKey())
                    .addMappingInstruction("start", "start")
                    .send()
                    .join());
    assertThat(errorCode(unmapped)).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(errorMessage(unmapped)).contains("'controleren'");

    final Throwable otherType =
        failure(
            () ->
                client
                    .newMigrateProcessInstanceCommand(instance)
                    .migrationPlan(target.getProcessDefinitionKey())
                    .addMappingInstruction("controleren", "beoordelen")
                    .send()
                    .join());
    assertThat(errorCode(otherType)).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(errorMessage(otherType)).contains("'controleren'").contains("'beoordelen'");

    final Throwable unknownTarget =
        failure(
            () ->
                client
                    .newMigrateProcessInstanceCommand(instance)
                    .migrationPlan(2251799813999999L)
                    .addMappingInstruction("controleren", "controleren")
                    .send()
                    .join());
    assertThat(errorCode(unknownTarget)).isEqualTo(Status.Code.NOT_FOUND);

    complete(job); // still in the source definition, unchanged
  }

  @Test
  @DisplayName("over REST: POST /v2/process-instances/{key}/migration; errors are problems")
  void migrationOverRest() {
    final String type = uid("controle");
    final String next = uid("melden");
    final String sourceId = uid("mig_rest_src");
    deployed(
        Bpmn.createExecutableProcess(sourceId)
            .startEvent()
            .serviceTask("controleren", t -> t.zeebeJobType(type))
            .endEvent()
            .done());
    final Process target =
        deployed(
            Bpmn.createExecutableProcess(uid("mig_rest_tgt"))
                .startEvent()
                .serviceTask("controleren", t -> t.zeebeJobType(type))
                .serviceTask("melden", t -> t.zeebeJobType(next))
                .endEvent()
                .done());
    final long instance = start(sourceId);
    final ActivatedJob job = awaitJob(type);

    client
        .newMigrateProcessInstanceCommand(instance)
        .useRest()
        .migrationPlan(target.getProcessDefinitionKey())
        .addMappingInstruction("controleren", "controleren")
        .send()
        .join();
    complete(job);
    assertThat(awaitJob(next).getProcessInstanceKey()).isEqualTo(instance);

    final Throwable unknown =
        failure(
            () ->
                client
                    .newMigrateProcessInstanceCommand(2251799813999999L)
                    .useRest()
                    .migrationPlan(target.getProcessDefinitionKey())
                    .addMappingInstruction("controleren", "controleren")
                    .send()
                    .join());
    assertThat(httpCode(unknown)).isEqualTo(404);
  }
}
