package nl.knooppunt.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.CamundaFuture;
import io.camunda.client.api.command.ClientStatusException;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.grpc.Status;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import nl.knooppunt.engine.command.Command;
import nl.knooppunt.engine.journal.Journal;
import nl.knooppunt.engine.journal.JournalEntry;
import nl.knooppunt.engine.journal.Json;
import nl.knooppunt.engine.support.FillingDisk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The journal's disk runs full (issue 18, docs/adr/0039): the command being written waits, every
 * further command is refused with RESOURCE_EXHAUSTED naming the cause, nothing acknowledged is
 * lost, and once there is space again the engine goes on by itself, without a restart.
 */
class JournalFullIT {

  @TempDir Path dir;

  @Test
  void aFullDiskRefusesCommandsLosesNothingAndTheEngineGoesOnWhenSpaceReturns() throws Exception {
    FillingDisk disk = new FillingDisk();
    long second;
    long third;
    try (EmbeddedEngine engine =
            EmbeddedEngine.start(new EngineSettings(dir, 0, 0, false).withJournalStorage(disk));
        CamundaClient client = client(engine)) {
      client
          .newDeployResourceCommand()
          .addProcessModel(
              Bpmn.createExecutableProcess("vol")
                  .startEvent()
                  .serviceTask("werk", t -> t.zeebeJobType("vol-werk"))
                  .endEvent()
                  .done(),
              "vol.bpmn")
          .send()
          .join();
      long first = start(client).join().getProcessInstanceKey();
      ActivatedJob job = activate(client, 1).get(0);
      assertThat(job.getProcessInstanceKey()).isEqualTo(first);

      // the disk fills up in the middle of the next write: that command waits, unanswered
      disk.leaveRoomFor(10);
      CamundaFuture<ProcessInstanceEvent> waiting = start(client);
      await().atMost(Duration.ofSeconds(10)).until(() -> !engine.journalWritable());
      assertThat(waiting.isDone()).as("neither acknowledged nor refused while unwritten").isFalse();

      // every further command is refused, with the cause for the client to show
      assertThatThrownBy(() -> client.newCompleteCommand(job.getKey()).send().join())
          .isInstanceOfSatisfying(
              ClientStatusException.class,
              e -> assertThat(e.getStatusCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED))
          .hasMessageContaining("journal cannot be written")
          .hasMessageContaining(FillingDisk.NO_SPACE);
      assertThatThrownBy(() -> start(client).join())
          .isInstanceOfSatisfying(
              ClientStatusException.class,
              e -> assertThat(e.getStatusCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED));

      // space returns: the waiting command is written and answered, the next ones are accepted
      disk.makeRoom();
      second = waiting.join().getProcessInstanceKey();
      assertThat(engine.journalWritable()).isTrue();
      client.newCompleteCommand(job.getKey()).send().join();
      third = start(client).join().getProcessInstanceKey();

      // the batch written in two parts (before and after the disk was full) reads back whole
      List<JournalEntry> entries = new ArrayList<>();
      new Journal(dir, Json.commandMapper()).replay(0, entries::add);
      assertThat(
              entries.stream().filter(e -> e.command() instanceof Command.CreateInstance).count())
          .as("three instances created, each journaled once")
          .isEqualTo(3);
    }

    // nothing acknowledged is lost: the engine again on the same directory
    try (EmbeddedEngine again = EmbeddedEngine.start(new EngineSettings(dir, 0, 0, false));
        CamundaClient client = client(again)) {
      assertThat(activate(client, 10).stream().map(ActivatedJob::getProcessInstanceKey).toList())
          .as("the first instance completed; the second and third wait at their job")
          .containsExactlyInAnyOrder(second, third);
    }
  }

  private static CamundaFuture<ProcessInstanceEvent> start(CamundaClient client) {
    return client.newCreateInstanceCommand().bpmnProcessId("vol").latestVersion().send();
  }

  private static List<ActivatedJob> activate(CamundaClient client, int max) {
    return client
        .newActivateJobsCommand()
        .jobType("vol-werk")
        .maxJobsToActivate(max)
        .timeout(Duration.ofMinutes(5))
        .send()
        .join()
        .getJobs();
  }

  /** A client that waits long enough for the command held while the disk is full. */
  private static CamundaClient client(EmbeddedEngine engine) {
    return CamundaClient.newClientBuilder()
        .grpcAddress(URI.create(engine.grpcAddress()))
        .restAddress(URI.create(engine.restAddress()))
        .preferRestOverGrpc(false)
        .defaultRequestTimeout(Duration.ofMinutes(1))
        .build();
  }
}
