package nl.knooppunt.gateway.beheer;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.knooppunt.gateway.engine.EngineException;
import nl.knooppunt.gateway.engine.Orchestration;
import nl.knooppunt.gateway.events.OutboxPublisher;
import nl.knooppunt.gateway.events.Sources;
import nl.knooppunt.gateway.readmodel.Queries;
import nl.knooppunt.gateway.security.KnooppuntUser;
import nl.knooppunt.processes.Steps;
import nl.knooppunt.processes.events.CloudEvent;
import nl.knooppunt.processes.events.EventType;
import nl.knooppunt.processes.events.ProcessRepaired;
import org.springframework.stereotype.Service;

/**
 * What the beheerder sees and repairs of the running processes, entirely through the Camunda
 * client's calls ({@link Orchestration}: incident search, process-instance search, update retries,
 * resolve incident, cancel instance), so the page works the same against the embedded engine and a
 * Camunda 8 cluster. The read model only adds the crisis an instance belongs to. Each repair is an
 * event ({@code proces.opnieuw-geprobeerd}, {@code proces.geannuleerd}) with the beheerder as
 * actor, so the logbook keeps who did what, when and why.
 */
@Service
public class BeheerService {

  /** Incidents shown at most. */
  static final int MAX_INCIDENTS = 200;

  /** Running instances counted at most. */
  static final int MAX_INSTANCES = 10_000;

  /** Retries a retried job gets back: one try; if it fails again, a new incident. */
  static final int RETRIES = 1;

  /** How many call levels up a cancellation looks for the root instance. */
  private static final int MAX_PARENTS = 5;

  /** Shortest reason for a cancellation. */
  static final int MIN_REASON = 5;

  private final Orchestration engine;
  private final Queries queries;
  private final OutboxPublisher events;

  public BeheerService(Orchestration engine, Queries queries, OutboxPublisher events) {
    this.engine = engine;
    this.queries = queries;
    this.events = events;
  }

  /**
   * An incident as the beheerder sees it: the step, the error, the process, the crisis, the age.
   */
  public record IncidentView(
      long incidentKey,
      long processInstanceKey,
      String processId,
      String elementId,
      String step,
      String errorType,
      String errorMessage,
      String errorBrief,
      String crisisId,
      String crisisTitle,
      boolean exercise,
      OffsetDateTime since,
      String age) {}

  /**
   * The active incidents, oldest first, with the crisis each stops when the read model knows it.
   */
  public List<IncidentView> incidents(Instant now) {
    List<IncidentView> out = new ArrayList<>();
    for (Orchestration.Incident i : engine.activeIncidents(MAX_INCIDENTS)) {
      Optional<Queries.CrisisRow> crisis =
          queries
              .incidentCrisis(i.key())
              .or(() -> queries.crisisOfProcessInstance(i.processInstanceKey()))
              .flatMap(queries::crisis);
      out.add(
          new IncidentView(
              i.key(),
              i.processInstanceKey(),
              i.processId(),
              i.elementId(),
              Steps.name(i.processId(), i.elementId()).orElse(i.elementId()),
              i.errorType(),
              i.errorMessage(),
              Queries.brief(i.errorMessage()),
              crisis.map(c -> c.summary().getCrisisId()).orElse(null),
              crisis.map(c -> c.summary().getTitle()).orElse(null),
              crisis.map(c -> Boolean.TRUE.equals(c.summary().getExercise())).orElse(false),
              i.createdAt(),
              age(i.createdAt(), now)));
    }
    return out;
  }

  /** The running instances per process and version. */
  public List<Orchestration.RunningProcess> running() {
    return engine.runningProcesses(MAX_INSTANCES);
  }

  /**
   * Tries the step of an incident again: its job gets a retry back and the incident is resolved.
   *
   * @throws EngineException.UnknownToEngine when the incident is no longer active
   */
  public IncidentView retry(long incidentKey, KnooppuntUser user) {
    Orchestration.Incident incident = activeIncident(incidentKey);
    engine.retryIncident(incidentKey, incident.jobKey(), RETRIES);
    IncidentView view = view(incident);
    events.publish(
        event(
                "opnieuw-geprobeerd:" + incidentKey,
                EventType.PROCES_OPNIEUW_GEPROBEERD,
                view,
                new ProcessRepaired(
                    incident.processInstanceKey(),
                    incident.processId(),
                    incidentKey,
                    incident.elementId(),
                    null))
            .by(user.username(), user.displayName()));
    return view;
  }

  /**
   * Cancels the process instance that stands still at this incident (its root instance when it was
   * called: the engine cancels a whole call tree from its root), with the beheerder's reason.
   *
   * @throws IllegalArgumentException when the reason is missing or too short
   * @throws EngineException.UnknownToEngine when the incident is no longer active
   */
  public IncidentView cancel(long incidentKey, String reason, KnooppuntUser user) {
    String why = reason == null ? "" : reason.strip();
    if (why.length() < MIN_REASON) {
      throw new IllegalArgumentException(
          "Geef een reden voor het annuleren (ten minste " + MIN_REASON + " tekens).");
    }
    Orchestration.Incident incident = activeIncident(incidentKey);
    long root = root(incident.processInstanceKey());
    engine.cancelProcessInstance(root);
    IncidentView view = view(incident);
    events.publish(
        event(
                "geannuleerd:" + root,
                EventType.PROCES_GEANNULEERD,
                view,
                new ProcessRepaired(
                    root, incident.processId(), incidentKey, incident.elementId(), why))
            .by(user.username(), user.displayName()));
    return view;
  }

  private Orchestration.Incident activeIncident(long incidentKey) {
    return engine
        .incident(incidentKey)
        .orElseThrow(
            () ->
                new EngineException.UnknownToEngine(
                    "Incident "
                        + incidentKey
                        + " is er niet meer: het is al opgelost of de procesinstantie is"
                        + " beëindigd."));
  }

  private long root(long processInstanceKey) {
    long key = processInstanceKey;
    for (int level = 0; level < MAX_PARENTS; level++) {
      Optional<Long> parent = engine.parentProcessInstance(key);
      if (parent.isEmpty()) {
        return key;
      }
      key = parent.get();
    }
    return key;
  }

  private IncidentView view(Orchestration.Incident i) {
    Optional<Queries.CrisisRow> crisis =
        queries
            .incidentCrisis(i.key())
            .or(() -> queries.crisisOfProcessInstance(i.processInstanceKey()))
            .flatMap(queries::crisis);
    return new IncidentView(
        i.key(),
        i.processInstanceKey(),
        i.processId(),
        i.elementId(),
        Steps.name(i.processId(), i.elementId()).orElse(i.elementId()),
        i.errorType(),
        i.errorMessage(),
        Queries.brief(i.errorMessage()),
        crisis.map(c -> c.summary().getCrisisId()).orElse(null),
        crisis.map(c -> c.summary().getTitle()).orElse(null),
        crisis.map(c -> Boolean.TRUE.equals(c.summary().getExercise())).orElse(false),
        i.createdAt(),
        null);
  }

  private static CloudEvent<ProcessRepaired> event(
      String id, EventType type, IncidentView view, ProcessRepaired data) {
    return CloudEvent.of(
        id, type, Sources.GATEWAY, Instant.now(), view.crisisId(), view.exercise(), data);
  }

  /** How long an incident stands still, as a person says it: "12 s", "3 min", "2 u 5 min". */
  static String age(OffsetDateTime since, Instant now) {
    if (since == null) {
      return "onbekend";
    }
    Duration d = Duration.between(since.toInstant(), now);
    if (d.isNegative()) {
      d = Duration.ZERO;
    }
    if (d.toMinutes() < 1) {
      return d.toSeconds() + " s";
    }
    if (d.toHours() < 1) {
      return d.toMinutes() + " min";
    }
    if (d.toDays() < 1) {
      return d.toHours() + " u " + d.toMinutesPart() + " min";
    }
    return d.toDays() + " d " + d.toHoursPart() + " u";
  }
}
