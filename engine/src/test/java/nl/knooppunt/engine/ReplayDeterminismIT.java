package nl.knooppunt.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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
 * The journal design rests on determinism: replaying the journaled commands must rebuild exactly
 * the state the live engine had. A mixed workload (with REST reads in between) runs live; then the
 * journal is replayed into a fresh engine and compared with the snapshot the live engine wrote at
 * close.
 */
class ReplayDeterminismIT {

  @Test
  void replayingTheJournalRebuildsTheLiveState() throws Exception {
    TestEngine engine = TestEngine.start(true);
    Scenario s = new Scenario(engine);
    Instant t0 = Instant.parse("2030-01-01T08:00:00Z");
    s.client().newPinClockCommand().time(t0).send().join();
    s.deploy(
        Bpmn.createExecutableProcess("mix")
            .startEvent()
            .serviceTask("work", t -> t.zeebeJobType("mix-work"))
            .parallelGateway("fork")
            .intermediateCatchEvent(
                "msg", e -> e.message(m -> m.name("mix-m").zeebeCorrelationKeyExpression("id")))
            .parallelGateway("join")
            .userTask(
                "review",
                u ->
                    u.zeebeUserTask()
                        .zeebeAssigneeExpression("who")
                        .zeebeTaskListener(l -> l.creating().type("mix-listener")))
            .endEvent()
            .moveToNode("fork")
            .serviceTask(
                "each",
                t ->
                    t.zeebeJobType("mix-each")
                        .multiInstance(
                            m ->
                                m.parallel()
                                    .zeebeInputCollectionExpression("items")
                                    .zeebeInputElement("item")
                                    .zeebeOutputCollection("out")
                                    .zeebeOutputElementExpression("r")))
            .connectTo("join")
            .moveToActivity("work")
            .boundaryEvent("late", b -> b.timerWithDuration("PT1H"))
            .endEvent("timedOut")
            .done());
    for (int i = 0; i < 6; i++) {
      s.create("mix", Map.of("id", "k" + i, "who", "u" + i, "items", List.of(1, 2)));
    }
    // some work is done, some fails, one times out, messages arrive or wait in the buffer
    List<ActivatedJob> work = s.jobs("mix-work", 6);
    for (int i = 0; i < 4; i++) {
      s.client().newCompleteCommand(work.get(i)).variables(Map.of("step", i)).send().join();
    }
    s.client().newFailCommand(work.get(4)).retries(0).errorMessage("down").send().join();
    // reads between the commands are queries on the engine thread, not commands: they are not
    // journaled, so the replay below must rebuild the same state all the same
    assertThat(
            s.client()
                .newIncidentSearchRequest()
                .filter(f -> f.jobKey(work.get(4).getKey()))
                .send()
                .join()
                .items())
        .hasSize(1);
    assertThat(
            s.client()
                .newProcessInstanceGetRequest(work.get(4).getProcessInstanceKey())
                .send()
                .join()
                .getHasIncident())
        .isTrue();
    s.client()
        .newPublishMessageCommand()
        .messageName("mix-m")
        .correlationKey("k0")
        .timeToLive(Duration.ofMinutes(10))
        .variables(Map.of("answer", 42))
        .send()
        .join();
    s.client()
        .newPublishMessageCommand()
        .messageName("mix-m")
        .correlationKey("k9")
        .timeToLive(Duration.ofMinutes(10))
        .send()
        .join();
    for (ActivatedJob each : s.jobs("mix-each", 8)) {
      s.client()
          .newCompleteCommand(each)
          .variables(Map.of("r", "done-" + each.getVariablesAsMap().get("item")))
          .send()
          .join();
    }
    s.client().newPinClockCommand().time(t0.plus(Duration.ofMinutes(30))).send().join();
    s.client().newCompleteCommand(s.job("mix-listener")).send().join();
    // the last work job times out through the boundary timer
    s.client().newPinClockCommand().time(t0.plus(Duration.ofMinutes(61))).send().join();
    s.client().newPublishMessageCommand().messageName("mix-m").correlationKey("k1").send().join();
    // message correlation (REST only, a journaled command of its own) replays the same
    assertThat(
            s.client()
                .newCorrelateMessageCommand()
                .messageName("mix-m")
                .correlationKey("k2")
                .send()
                .join()
                .getProcessInstanceKey())
        .isPositive();

    Path copy = Files.createTempDirectory("replay-copy");
    try (var files = Files.list(engine.directory())) {
      for (Path f : files.toList()) {
        if (f.getFileName().toString().startsWith("journal-")) {
          Files.copy(f, copy.resolve(f.getFileName()));
        }
      }
    }
    engine.close();

    ObjectMapper mapper = Json.stateMapper();
    EngineState live = new SnapshotStore(engine.directory(), mapper).loadLatest().state();
    Engine replay = new Engine(new EngineState());
    replay.replaceState(replay.state());
    long entries =
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
    assertThat(entries).isGreaterThan(30);
    assertThat(live.instances).isNotEmpty();
    assertThat(live.userTasks).isNotEmpty();
    assertThat(mapper.writeValueAsString(replay.state()))
        .isEqualTo(mapper.writeValueAsString(live));
  }
}
