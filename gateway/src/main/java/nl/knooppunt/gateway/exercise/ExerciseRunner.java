package nl.knooppunt.gateway.exercise;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import nl.knooppunt.gateway.security.KnooppuntUser;
import nl.knooppunt.gateway.web.Problems;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * Plays exercise runs: each inject at its offset, in real time on the live hub, or accelerated in
 * the exercise environment (one inject after the other, the engine's clock pinned to the scenario
 * time so the hub's norm timers fire as they would have). A simulated participant's inject goes
 * through the hub's services ({@link InjectPlayer}); a live participant's inject becomes a card in
 * their own inbox. Everything runs in the OEFENING world. The state is in the database (V17): a
 * restart resumes a running run at its first inject not yet played.
 */
@Service
public class ExerciseRunner {

  private static final org.slf4j.Logger LOG =
      org.slf4j.LoggerFactory.getLogger(ExerciseRunner.class);

  /** How often a real-time run looks whether its next inject is due. */
  static final Duration TICK = Duration.ofSeconds(1);

  /** How long a simulated inject waits for the hub (the task to complete) before it fails. */
  static final Duration PATIENCE = Duration.ofMinutes(2);

  /** In an accelerated run, the real time the hub gets to settle after each inject. */
  static final Duration SETTLE = Duration.ofMillis(1500);

  private final ExerciseRuns runs;
  private final InjectPlayer player;
  private final EngineClock engineClock;
  private final Clock clock;
  private final org.springframework.context.ApplicationEventPublisher events;
  private final Map<String, Scenario> scenarios = new LinkedHashMap<>();

  /** This runner's name in the claims: the replica's host and a number of this start. */
  private final String name = runnerName();

  private final Map<String, Instant> waitingSince = new java.util.concurrent.ConcurrentHashMap<>();
  private final ScheduledExecutorService executor =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "oefening");
            t.setDaemon(true);
            return t;
          });

  ExerciseRunner(
      ExerciseRuns runs,
      InjectPlayer player,
      EngineClock engineClock,
      org.springframework.beans.factory.ObjectProvider<Clock> clock,
      org.springframework.context.ApplicationEventPublisher events) {
    this.events = events;
    this.runs = runs;
    this.player = player;
    this.engineClock = engineClock;
    this.clock = clock.getIfAvailable(Clock::systemUTC);
    scenarios.putAll(ScenarioLoader.shipped());
  }

  /**
   * The scenarios the director may start: the shipped ones and those uploaded (kept in the
   * database: a restart or the other replica knows them too; a later upload of an id wins).
   */
  public synchronized List<Scenario> scenarios() {
    return List.copyOf(all().values());
  }

  private Map<String, Scenario> all() {
    Map<String, Scenario> all = new LinkedHashMap<>(scenarios);
    for (ExerciseRuns.UploadedScenario uploaded : runs.uploadedScenarios()) {
      try {
        Scenario s = ScenarioLoader.read(uploaded.fileName(), uploaded.text());
        all.put(s.id(), s);
      } catch (ScenarioException e) {
        // accepted when uploaded: only a stricter loader of a later version refuses it now
        LOG.warn(
            "geüpload scenario {} wordt niet meer geaccepteerd: {}",
            uploaded.fileName(),
            e.getMessage());
      }
    }
    return all;
  }

  public synchronized Scenario scenario(String id) {
    Scenario s = all().get(id);
    if (s == null) {
      throw new Problems.NotFound("Scenario " + id + " is onbekend.");
    }
    return s;
  }

  /** Adds an uploaded scenario (checked by the loader; a bad file is refused with its line). */
  public synchronized Scenario upload(String fileName, String text, String uploadedBy) {
    Scenario s = ScenarioLoader.read(fileName, text);
    runs.saveScenario(s.id(), s.version(), fileName, text, clock.instant(), uploadedBy);
    return s;
  }

  /** True when runs may be accelerated (the exercise environment). */
  public boolean accelerationAvailable() {
    return engineClock.enabled();
  }

  /**
   * Starts a run of a scenario: the participants in {@code live} play themselves, every other one
   * is simulated.
   */
  public ExerciseRuns.Run start(
      String scenarioId, Set<String> live, boolean accelerated, KnooppuntUser director) {
    Scenario scenario = scenario(scenarioId);
    for (String p : live) {
      if (!scenario.participants().contains(p)) {
        throw Problems.Invalid.field("live", "'" + p + "' doet niet mee aan dit scenario");
      }
    }
    if (accelerated && !engineClock.enabled()) {
      throw new Problems.Conflict(
          "Versneld oefenen kan alleen in de oefenomgeving (knooppunt.oefenomgeving=true).");
    }
    Instant now = clock.instant();
    ExerciseRuns.Run run =
        new ExerciseRuns.Run(
            "OEF-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(),
            scenario.id(),
            scenario.version(),
            scenario.title(),
            scenario.participants().stream().filter(live::contains).toList(),
            accelerated,
            ExerciseRuns.Status.LOOPT,
            now,
            director.username(),
            null,
            0,
            null,
            null);
    runs.create(run);
    LOG.info("oefening {} gestart: {} (live: {})", run.runId(), scenario.id(), run.live());
    schedule(run.runId(), Duration.ZERO);
    return run;
  }

  public void pause(String runId) {
    ExerciseRuns.Run run = existing(runId);
    runs.pause(runId, clock.instant());
    note(run, "gepauzeerd door de oefenleider");
  }

  public void resume(String runId) {
    ExerciseRuns.Run run = existing(runId);
    runs.resume(runId, clock.instant());
    note(run, "hervat door de oefenleider");
    schedule(runId, Duration.ZERO);
  }

  /** Ends a run; an accelerated run gives the engine its wall clock back. */
  public void end(String runId) {
    ExerciseRuns.Run run = existing(runId);
    if (run.status() == ExerciseRuns.Status.BEEINDIGD) {
      return;
    }
    note(run, "beëindigd");
    runs.end(runId, clock.instant());
    if (run.accelerated()) {
      engineClock.reset();
    }
    changed();
  }

  /** A manual inject by the director: a card in a live participant's inbox, now. */
  public void manualInject(String runId, String participant, String text) {
    ExerciseRuns.Run run = existing(runId);
    Scenario scenario = scenario(run.scenarioId());
    if (!scenario.participants().contains(participant)) {
      throw Problems.Invalid.field("deelnemer", "'" + participant + "' doet niet mee");
    }
    if (text == null || text.isBlank()) {
      throw Problems.Invalid.field("tekst", "een inject heeft een tekst");
    }
    Instant now = clock.instant();
    runs.addCard(runId, participant, text.strip(), now);
    changed();
    runs.record(
        runId,
        new ExerciseRuns.Event(
            0,
            null,
            offsetNow(run, scenario, now),
            now,
            "handmatig",
            participant,
            run.live().contains(participant),
            text.strip(),
            "kaart in de inbox"));
  }

  /** Lessons the director enters for the report. */
  public void lessons(String runId, String lessons) {
    existing(runId);
    runs.lessons(runId, lessons == null ? null : lessons.strip());
  }

  /** After a restart: every running run goes on at its first inject not yet played. */
  @EventListener(ApplicationReadyEvent.class)
  void resumeRunning() {
    for (ExerciseRuns.Run run : runs.running()) {
      LOG.info("oefening {} loopt door na een herstart", run.runId());
      schedule(run.runId(), Duration.ZERO);
    }
  }

  private ExerciseRuns.Run existing(String runId) {
    return runs.run(runId)
        .orElseThrow(() -> new Problems.NotFound("Oefening " + runId + " is onbekend."));
  }

  private void schedule(String runId, Duration delay) {
    if (executor.isShutdown()) {
      return; // stopped: another runner plays on
    }
    executor.schedule(() -> tick(runId), delay.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Stops playing (the replica shuts down): whatever it was playing another runner takes over. */
  @jakarta.annotation.PreDestroy
  void stop() {
    executor.shutdownNow();
    try {
      if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
        LOG.warn("oefeningen: de speler stopte niet binnen 10 seconden");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Plays what is due of one run and schedules the next look, only while holding the run (no other
   * runner, of this or another replica, plays it at the same time); when another holds it, this one
   * looks again later and so takes over when the other stops.
   */
  void tick(String runId) {
    try {
      if (!runs.whilePlaying(runId, () -> play(runId))) {
        LOG.debug("oefening {} wordt door een andere speler gespeeld", runId);
        schedule(runId, TICK);
      }
    } catch (RuntimeException e) {
      LOG.warn("oefening {}: {}", runId, e.toString());
      schedule(runId, TICK);
    }
  }

  private void play(String runId) {
    ExerciseRuns.Run run = runs.run(runId).orElse(null);
    if (run == null || run.status() != ExerciseRuns.Status.LOOPT) {
      return;
    }
    Scenario scenario = scenario(run.scenarioId());
    int next = runs.nextInject(runId);
    if (next >= scenario.injects().size()) {
      if (run.accelerated()) {
        // everything is played: the accelerated run ends by itself once the hub has settled
        end(runId);
      }
      return;
    }
    Scenario.Inject inject = scenario.injects().get(next);
    Instant now = clock.instant();
    if (!run.accelerated() && run.offsetAt(now).compareTo(inject.at()) < 0) {
      schedule(runId, TICK);
      return;
    }
    Instant scenarioNow = run.accelerated() ? run.startedAt().plus(inject.at()) : now;
    if (run.accelerated()) {
      engineClock.pin(scenarioNow);
    }
    boolean live = run.live().contains(inject.as());
    Optional<String> interrupted = runs.claim(runId, next, name, now);
    String outcome;
    if (live) {
      runs.addCard(runId, inject.as(), inject.text(), now);
      outcome = "kaart in de inbox";
    } else {
      InjectPlayer.Outcome o = player.play(inject, runs.crises(runId), scenarioNow);
      if (o instanceof InjectPlayer.Outcome.NotYet notYet) {
        Instant since = waitingSince.computeIfAbsent(runId + "#" + next, k -> now);
        if (Duration.between(since, now).compareTo(PATIENCE) < 0) {
          runs.release(runId, next, name);
          schedule(runId, Duration.ofMillis(500));
          return;
        }
        outcome = "mislukt: " + notYet.waitingFor() + " verscheen niet";
      } else if (o instanceof InjectPlayer.Outcome.Played played) {
        if (played.crisisId() != null) {
          runs.addCrisis(runId, played.crisisId());
        }
        outcome = "gesimuleerd: " + played.description();
      } else {
        outcome = ((InjectPlayer.Outcome.Failed) o).reason();
      }
    }
    if (interrupted.isPresent()) {
      outcome = "opnieuw gespeeld (onderbroken bij " + interrupted.get() + "): " + outcome;
    }
    waitingSince.remove(runId + "#" + next);
    runs.record(
        runId,
        new ExerciseRuns.Event(
            0,
            next,
            run.accelerated() ? inject.at() : run.offsetAt(now),
            now,
            inject.kind().word(),
            inject.as(),
            live,
            inject.text(),
            outcome));
    changed();
    schedule(runId, run.accelerated() ? SETTLE : Duration.ZERO);
  }

  /** The pages that show exercises (the director's live view, the inboxes) reload. */
  private void changed() {
    events.publishEvent(new nl.knooppunt.gateway.readmodel.ReadModelChanged(CHANGE, null));
  }

  private static String runnerName() {
    String host;
    try {
      host = java.net.InetAddress.getLocalHost().getHostName();
    } catch (java.io.IOException e) {
      host = "gateway";
    }
    return host + "/" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** The type of the change the pages hear of when a run moved on. */
  static final String CHANGE = "oefening";

  private void note(ExerciseRuns.Run run, String text) {
    Instant now = clock.instant();
    runs.record(
        run.runId(),
        new ExerciseRuns.Event(
            0,
            null,
            offsetNow(run, scenario(run.scenarioId()), now),
            now,
            "oefenleider",
            run.startedBy(),
            true,
            text,
            text));
    changed();
  }

  /** The scenario time now: in an accelerated run, that of the last inject played. */
  private Duration offsetNow(ExerciseRuns.Run run, Scenario scenario, Instant now) {
    if (!run.accelerated()) {
      return run.offsetAt(now);
    }
    List<ExerciseRuns.Event> events = new ArrayList<>(runs.events(run.runId()));
    return events.isEmpty() ? Duration.ZERO : events.get(events.size() - 1).offset();
  }
}
