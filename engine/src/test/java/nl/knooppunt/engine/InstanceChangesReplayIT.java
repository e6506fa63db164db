package nl.knooppunt.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.api.command.ClientStatusException;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.response.DeploymentEvent;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.grpc.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import nl.knooppunt.engine.journal.Journal;
import nl.knooppunt.engine.journal.Json;
import nl.knooppunt.engine.journal.SnapshotStore;
import nl.knooppunt.engine.runtime.Engine;
import nl.knooppunt.engine.runtime.EngineState;
import nl.knooppunt.engine.support.Scenario;
import nl.knooppunt.engine.support.TestEngine;
import org.junit.jupiter.api.Test;

/**
 * Resource deletion, process instance modification and migration are journaled engine commands:
 * replaying the journal rebuilds exactly the state the live engine had, and after a restart the
 * instances go on where the commands left them.
 */
class InstanceChangesReplayIT {

  @Test
  void deletionModificationAndMigrationSurviveARestartAndReplayIdentically() throws Exception {
    TestEngine engine = TestEngine.start(false);
    Scenario s = new Scenario(engine);
    s.deploy(
        Bpmn.createExecutableProcess("wijziging")
            .startEvent()
            .serviceTask("beoordelen", t -> t.zeebeJobType("rc-beoordelen"))
            .serviceTask("afronden", t -> t.zeebeJobType("rc-afronden"))
            .endEvent()
            .done());
    DeploymentEvent target =
        s.client()
            .newDeployResourceCommand()
            .addProcessModel(
                Bpmn.createExecutableProcess("wijzigingNieuw")
                    .startEvent()
                    .serviceTask("beoordelen", t -> t.zeebeJobType("rc-beoordelen"))
                    .serviceTask("melden", t -> t.zeebeJobType("rc-melden"))
                    .endEvent()
                    .done(),
                "wijzigingNieuw.bpmn")
            .send()
            .join();
    long targetKey = target.getProcesses().get(0).getProcessDefinitionKey();
    long modified = s.create("wijziging", Map.of("zaak", "M"));
    long migrated = s.create("wijziging", Map.of("zaak", "G"));
    ActivatedJob first = null;
    ActivatedJob toMigrate = null;
    for (ActivatedJob j : s.jobs("rc-beoordelen", 2)) {
      if (j.getProcessInstanceKey() == modified) {
        first = j;
      } else {
        toMigrate = j;
      }
    }
    long sourceKey = first.getProcessDefinitionKey();
    s.client()
        .newModifyProcessInstanceCommand(modified)
        .activateElement("afronden")
        .withVariable("reden", "spoed")
        .and()
        .terminateElement(first.getElementInstanceKey())
        .send()
        .join();
    s.client()
        .newMigrateProcessInstanceCommand(migrated)
        .migrationPlan(targetKey)
        .addMappingInstruction("beoordelen", "beoordelen")
        .send()
        .join();
    // the source definition still has the modified instance: it drains
    s.client().newDeleteResourceCommand(sourceKey).send().join();

    Path copy = Files.createTempDirectory("changes-replay");
    try (var files = Files.list(engine.directory())) {
      for (Path f : files.toList()) {
        if (f.getFileName().toString().startsWith("journal-")) {
          Files.copy(f, copy.resolve(f.getFileName()));
        }
      }
    }
    engine.restart();

    ObjectMapper mapper = Json.stateMapper();
    EngineState live = new SnapshotStore(engine.directory(), mapper).loadLatest().state();
    Engine replay = new Engine(new EngineState());
    new Journal(copy, Json.commandMapper())
        .replay(
            0,
            entry -> {
              replay.setNow(entry.time());
              try {
                replay.process(entry.command());
              } catch (RuntimeException e) {
                // rejected live as well
              }
              replay.drainRecords();
            });
    assertThat(live.drainingProcesses).containsExactly(sourceKey);
    assertThat(mapper.writeValueAsString(replay.state()))
        .isEqualTo(mapper.writeValueAsString(live));

    // after the restart: the migrated job (same key) goes on in the target definition
    s = new Scenario(engine);
    s.client().newCompleteCommand(toMigrate.getKey()).send().join();
    ActivatedJob melden = s.job("rc-melden");
    assertThat(melden.getProcessInstanceKey()).isEqualTo(migrated);
    assertThat(melden.getProcessDefinitionKey()).isEqualTo(targetKey);
    // the modified instance is at afronden, the deleted definition cannot be started
    ActivatedJob afronden = s.job("rc-afronden");
    assertThat(afronden.getProcessInstanceKey()).isEqualTo(modified);
    assertThat(afronden.getVariablesAsMap()).containsEntry("reden", "spoed");
    Throwable create =
        catchThrowable(
            () ->
                engine
                    .client()
                    .newCreateInstanceCommand()
                    .processDefinitionKey(sourceKey)
                    .send()
                    .join());
    Throwable cause = create;
    while (cause != null && !(cause instanceof ClientStatusException)) {
      cause = cause.getCause();
    }
    assertThat(cause).isInstanceOf(ClientStatusException.class);
    assertThat(((ClientStatusException) cause).getStatusCode()).isEqualTo(Status.Code.NOT_FOUND);
    engine.close();
  }
}
