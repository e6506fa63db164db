package nl.knooppunt.gateway.exercise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nl.knooppunt.gateway.GatewayITBase;
import nl.knooppunt.gateway.security.KnooppuntUser;
import nl.knooppunt.gateway.security.Rol;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;

/**
 * Two gateway replicas share one database, and each runs an exercise runner: every inject of a run
 * is played exactly once, whichever replica plays it, also when a replica stops in the middle of a
 * run and the other (or the restarted one) goes on.
 */
class ExerciseReplicasIT extends GatewayITBase {

  private static final KnooppuntUser DIRECTOR =
      new KnooppuntUser(
          "oefenleider",
          "Oefenleider",
          EnumSet.of(Rol.OEFENLEIDER),
          null,
          null,
          null,
          KnooppuntUser.Source.LOCAL);

  @Autowired ExerciseRuns runs;
  @Autowired InjectPlayer player;
  @Autowired EngineClock engineClock;
  @Autowired ObjectProvider<Clock> clocks;
  @Autowired ApplicationEventPublisher events;

  private final List<ExerciseRunner> replicas = new ArrayList<>();

  /** A runner as the gateway of one replica has it, on the shared database. */
  private ExerciseRunner replica() {
    ExerciseRunner runner = new ExerciseRunner(runs, player, engineClock, clocks, events);
    replicas.add(runner);
    return runner;
  }

  @AfterEach
  void stopReplicas() {
    replicas.forEach(ExerciseRunner::stop);
  }

  /**
   * A scenario of cards for a region playing live: {@code now} at once, {@code later} after 10
   * minutes.
   */
  private static String scenario(String id, int now, int later) {
    StringBuilder s =
        new StringBuilder(
            """
            id: %s
            versie: 1
            titel: "Kaarten voor de regio"
            leerdoelen:
              - "Elke kaart komt één keer"
            deelnemers:
              - regio-VR09
            injects:
            """
                .formatted(id));
    for (int i = 0; i < now + later; i++) {
      s.append(
          """
            - na: %s
              soort: injectkaart
              als: regio-VR09
              tekst: "Kaart %d"
          """
              .formatted(i < now ? "PT0M" : "PT10M", i + 1));
    }
    return s.toString();
  }

  private int cards(String runId) {
    return jdbc.queryForObject(
        "select count(*) from exercise_card where run_id = ?", Integer.class, runId);
  }

  private int played(String runId) {
    return jdbc.queryForObject(
        "select count(*) from exercise_event where run_id = ? and inject_index is not null",
        Integer.class,
        runId);
  }

  @Test
  void twoReplicasPlayingTheSameRunAtOnceDealEveryCardExactlyOnce() throws Exception {
    ExerciseRunner one = replica();
    ExerciseRunner two = replica();
    String id = "replicas-" + UUID.randomUUID().toString().substring(0, 8);
    one.upload("replicas.yaml", scenario(id, 12, 0), "oefenleider");

    String runId = one.start(id, Set.of("regio-VR09"), false, DIRECTOR).runId();
    two.resumeRunning(); // the other replica finds the run running and plays along
    ExecutorService both = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> ticks = new ArrayList<>();
      for (int i = 0; i < 24; i++) {
        ExerciseRunner r = i % 2 == 0 ? one : two;
        ticks.add(both.submit(() -> r.tick(runId)));
      }
      for (Future<?> f : ticks) {
        f.get();
      }
    } finally {
      both.shutdown();
    }

    await().atMost(Duration.ofSeconds(60)).until(() -> played(runId) == 12);
    assertThat(cards(runId)).isEqualTo(12);
    assertThat(
            jdbc.queryForList(
                "select inject_index from exercise_event where run_id = ? and inject_index is not"
                    + " null order by inject_index",
                Integer.class,
                runId))
        .containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
  }

  @Test
  void aReplicaThatStopsMidRunIsTakenOverAndTheInjectItWasPlayingIsPlayedOnceAgainSaidSo() {
    ExerciseRunner first = replica();
    String id = "herstart-" + UUID.randomUUID().toString().substring(0, 8);
    first.upload("herstart.yaml", scenario(id, 2, 2), "oefenleider");
    String runId = first.start(id, Set.of("regio-VR09"), false, DIRECTOR).runId();
    await().atMost(Duration.ofSeconds(60)).until(() -> played(runId) == 2);

    // the replica stops; it had claimed the third inject and died before it recorded it
    first.stop();
    jdbc.update(
        "insert into exercise_inject_claim (run_id, inject_index, claimed_by, claimed_at)"
            + " values (?, 2, 'gateway-1/weg', now())",
        runId);
    // (a minute more than the offset: the database keeps the start to the microsecond)
    clock.advance(Duration.ofMinutes(11));

    ExerciseRunner restarted = replica();
    restarted.resumeRunning();
    await().atMost(Duration.ofSeconds(60)).until(() -> played(runId) == 4);
    assertThat(cards(runId)).isEqualTo(4);
    assertThat(runs.events(runId))
        .filteredOn(e -> Integer.valueOf(2).equals(e.injectIndex()))
        .singleElement()
        .satisfies(
            e ->
                assertThat(e.outcome())
                    .isEqualTo(
                        "opnieuw gespeeld (onderbroken bij gateway-1/weg): kaart in de inbox"));
    assertThat(runs.events(runId))
        .filteredOn(e -> Integer.valueOf(3).equals(e.injectIndex()))
        .singleElement()
        .satisfies(e -> assertThat(e.outcome()).isEqualTo("kaart in de inbox"));
  }
}
