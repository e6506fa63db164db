package nl.knooppunt.gateway.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import nl.knooppunt.gateway.events.OutboxPublisher;
import nl.knooppunt.gateway.events.Sources;
import nl.knooppunt.gateway.readmodel.Queries;
import nl.knooppunt.processes.events.CloudEvent;
import nl.knooppunt.processes.events.EventType;
import nl.knooppunt.processes.events.ProcessResumed;
import nl.knooppunt.processes.events.ProcessStuck;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * A stuck process is never silent: every few seconds the gateway asks the engine for its active
 * incidents (through the Camunda client's incident search, the same call against a Camunda 8
 * cluster) and turns each new one into the event {@code proces.staat-stil} with the crisis it
 * stops, the step and the error; an incident that is gone becomes {@code proces.hersteld}. The
 * crisis page, the board, the dashboard and the beheerder's inbox show them in red; the logbook
 * keeps both. Event ids come from the incident key, so two gateways watching at once record each
 * incident once.
 */
@Component
public class IncidentWatcher implements SmartLifecycle {

  private static final Logger LOG = LoggerFactory.getLogger(IncidentWatcher.class);

  /** Incidents read per poll; when there are more, resolved ones are not concluded that round. */
  static final int PAGE = 1000;

  /** How many call levels up the watcher looks for the crisis of a called process instance. */
  private static final int MAX_PARENTS = 5;

  /** Who the events name as actor. */
  static final String ACTOR = "procesengine";

  private final Orchestration engine;
  private final Queries queries;
  private final OutboxPublisher events;
  private final Duration interval;
  private final boolean enabled;
  private ScheduledExecutorService timer;
  private volatile boolean running;
  private volatile boolean warned;

  public IncidentWatcher(
      Orchestration engine,
      Queries queries,
      OutboxPublisher events,
      @Value("${knooppunt.gateway.incident-watch.interval:PT5S}") Duration interval,
      @Value("${knooppunt.gateway.incident-watch.enabled:true}") boolean enabled) {
    this.engine = engine;
    this.queries = queries;
    this.events = events;
    this.interval = interval;
    this.enabled = enabled;
  }

  /** One look at the engine: records new incidents and the ones that were resolved. */
  public void poll() {
    List<Orchestration.Incident> active = engine.activeIncidents(PAGE);
    Set<Long> known = new HashSet<>(queries.openIncidentKeys());
    Set<Long> seen = new HashSet<>();
    for (Orchestration.Incident incident : active) {
      seen.add(incident.key());
      if (!known.contains(incident.key())) {
        raised(incident);
      }
    }
    if (active.size() < PAGE) {
      for (Long key : known) {
        if (!seen.contains(key)) {
          resolved(key);
        }
      }
    }
  }

  private void raised(Orchestration.Incident incident) {
    Optional<Queries.CrisisRow> crisis =
        crisisOf(incident.processInstanceKey()).flatMap(queries::crisis);
    String crisisId = crisis.map(c -> c.summary().getCrisisId()).orElse(null);
    boolean exercise =
        crisis.map(c -> Boolean.TRUE.equals(c.summary().getExercise())).orElse(false);
    ProcessStuck data =
        new ProcessStuck(
            incident.key(),
            incident.processInstanceKey(),
            incident.processId(),
            incident.elementId(),
            nl.knooppunt.processes.Steps.name(incident.processId(), incident.elementId())
                .orElse(incident.elementId()),
            incident.errorType(),
            incident.errorMessage(),
            incident.createdAt() == null ? null : incident.createdAt().toInstant());
    LOG.warn(
        "Process stuck: crisis {} step {} ({}): {}",
        crisisId,
        incident.elementId(),
        incident.errorType(),
        incident.errorMessage());
    events.publish(
        new CloudEvent<>(
            "incident:" + incident.key(),
            EventType.PROCES_STAAT_STIL,
            Sources.GATEWAY,
            Instant.now(),
            crisisId,
            exercise,
            ACTOR,
            null,
            data));
  }

  private void resolved(long key) {
    String crisisId = queries.incidentCrisis(key).orElse(null);
    boolean exercise =
        crisisId != null
            && queries
                .crisis(crisisId)
                .map(c -> Boolean.TRUE.equals(c.summary().getExercise()))
                .orElse(false);
    events.publish(
        new CloudEvent<>(
            "incident-hersteld:" + key,
            EventType.PROCES_HERSTELD,
            Sources.GATEWAY,
            Instant.now(),
            crisisId,
            exercise,
            ACTOR,
            null,
            new ProcessResumed(key)));
  }

  /** The crisis of a process instance: the read model knows it, or one of its callers does. */
  private Optional<String> crisisOf(long processInstanceKey) {
    long key = processInstanceKey;
    for (int level = 0; level <= MAX_PARENTS; level++) {
      Optional<String> crisis = queries.crisisOfProcessInstance(key);
      if (crisis.isPresent()) {
        return crisis;
      }
      Optional<Long> parent = engine.parentProcessInstance(key);
      if (parent.isEmpty()) {
        return Optional.empty();
      }
      key = parent.get();
    }
    return Optional.empty();
  }

  private void safePoll() {
    try {
      poll();
      warned = false;
    } catch (RuntimeException e) {
      if (!warned) {
        LOG.warn(
            "Cannot read the engine's incidents (stuck processes are not shown until it"
                + " answers): {}",
            e.getMessage());
        warned = true;
      }
    }
  }

  @Override
  public void start() {
    if (!enabled) {
      return;
    }
    timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "knooppunt-incident-watcher");
              t.setDaemon(true);
              return t;
            });
    timer.scheduleWithFixedDelay(
        this::safePoll, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    running = true;
  }

  @Override
  public void stop() {
    running = false;
    if (timer != null) {
      timer.shutdownNow();
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }
}
