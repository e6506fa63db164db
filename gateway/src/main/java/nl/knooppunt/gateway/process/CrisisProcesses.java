package nl.knooppunt.gateway.process;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.knooppunt.api.model.CommandAccepted;
import nl.knooppunt.api.model.CrisisStarted;
import nl.knooppunt.api.model.CrisisType;
import nl.knooppunt.gateway.engine.Orchestration;
import nl.knooppunt.gateway.events.OutboxPublisher;
import nl.knooppunt.gateway.events.Sources;
import nl.knooppunt.gateway.readmodel.Queries;
import nl.knooppunt.gateway.scope.CrisisScope;
import nl.knooppunt.gateway.security.KnooppuntUser;
import nl.knooppunt.gateway.web.Problems;
import nl.knooppunt.processes.MessageName;
import nl.knooppunt.processes.ProcessId;
import nl.knooppunt.processes.Variable;
import nl.knooppunt.processes.events.Area;
import nl.knooppunt.processes.events.CloudEvent;
import nl.knooppunt.processes.events.EventType;
import nl.knooppunt.processes.events.MessageDelivered;
import nl.knooppunt.processes.variables.AssistanceStart;
import nl.knooppunt.processes.variables.LevelFiveArea;
import nl.knooppunt.processes.variables.ThreatLevelStart;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What every crisis process shares: starting it (a new crisis id, the process in the engine, the
 * fact {@code crisis.gestart}) and delivering a message to it while it runs (checked to be open and
 * of the right kind, recorded as {@code bericht.gemeld}). The features (threat level, manhunt,
 * assistance) decide what to start and which message to send.
 */
@Component
public class CrisisProcesses {

  private static final org.slf4j.Logger LOG =
      org.slf4j.LoggerFactory.getLogger(CrisisProcesses.class);

  private final Orchestration engine;
  private final OutboxPublisher events;
  private final CrisisIds ids;
  private final CrisisScope scope;

  private final JdbcTemplate jdbc;

  CrisisProcesses(
      Orchestration engine,
      OutboxPublisher events,
      CrisisIds ids,
      CrisisScope scope,
      JdbcTemplate jdbc) {
    this.jdbc = jdbc;
    this.scope = scope;
    this.engine = engine;
    this.events = events;
    this.ids = ids;
  }

  /** A new crisis id with the process's prefix ({@code DN5}, {@code MH}, {@code BA}). */
  public String nextId(String prefix) {
    return ids.next(prefix);
  }

  /**
   * Starts the process and records the crisis ({@code crisis.gestart}) in the same breath; the
   * answer for the caller. Never an orphan on either side: the input is validated before (by the
   * features), an engine that refuses or cannot be reached leaves nothing behind (no instance, no
   * record), and a crisis that cannot be recorded after its process started has that process
   * cancelled at once (the caller gets 503 and may try again).
   */
  public CrisisStarted start(
      ProcessId process,
      String crisisId,
      boolean exercise,
      String title,
      Record start,
      KnooppuntUser user,
      String areaKind,
      List<String> codes,
      String areaName,
      List<String> regions,
      String linked) {
    // the database first: while it is away nothing starts in the engine (a 503, docs/adr/0039),
    // rather than an instance that must be cancelled again and whose first steps already ran
    jdbc.queryForObject("select 1", Integer.class);
    // a crisis an exercise scenario starts as a simulated participant keeps its notices in the hub:
    // nothing of it reaches anybody's e-mail or phone (the live participants read it in the hub)
    long key =
        exercise && user.source() == KnooppuntUser.Source.SIMULATED
            ? engine.startProcess(
                process.id(), start, Map.of(Variable.ALLEEN_IN_KNOOPPUNT.variableName(), true))
            : engine.startProcess(process.id(), start);
    try {
      record(
          process, crisisId, exercise, title, start, user, areaKind, codes, areaName, regions,
          linked, key);
    } catch (RuntimeException e) {
      LOG.error(
          "Crisis {} could not be recorded; cancelling its process instance {}", crisisId, key, e);
      try {
        engine.cancelProcessInstance(key);
      } catch (RuntimeException cancel) {
        LOG.error(
            "Process instance {} of crisis {} could not be cancelled: cancel it in the engine"
                + " (Operate); it has no crisis in the hub",
            key,
            crisisId,
            cancel);
      }
      throw new Problems.Unavailable(
          "De crisis kon niet worden vastgelegd; het gestarte proces is weer gestopt. Probeer het"
              + " opnieuw.");
    }
    CrisisStarted out =
        new CrisisStarted(crisisId, CrisisType.fromValue(process.id()))
            .processInstanceKey(String.valueOf(key))
            .exercise(exercise);
    return out;
  }

  private void record(
      ProcessId process,
      String crisisId,
      boolean exercise,
      String title,
      Record start,
      KnooppuntUser user,
      String areaKind,
      List<String> codes,
      String areaName,
      List<String> regions,
      String linked,
      long key) {
    events.publish(
        CloudEvent.of(
                "crisis-gestart:" + crisisId,
                EventType.CRISIS_GESTART,
                Sources.GATEWAY,
                Instant.now(),
                crisisId,
                exercise,
                new nl.knooppunt.processes.events.CrisisStarted(
                    process.id(),
                    title,
                    new Area(LevelFiveArea.Kind.valueOf(areaKind), codes, areaName),
                    regions,
                    key,
                    user.username(),
                    linked,
                    start instanceof ThreatLevelStart s ? s : null,
                    start instanceof nl.knooppunt.processes.variables.ManhuntStart m ? m : null,
                    start instanceof AssistanceStart b ? b : null))
            .by(user.username(), null));
  }

  /** Delivers a message to the running process and records it ({@code bericht.gemeld}). */
  public CommandAccepted deliver(
      Queries.CrisisRow crisis,
      MessageName message,
      String correlationKey,
      Map<String, Object> vars,
      KnooppuntUser user) {
    engine.publishMessage(message.messageName(), correlationKey, vars);
    Map<String, String> carried = new LinkedHashMap<>();
    vars.forEach((name, value) -> carried.put(name, value == null ? null : value.toString()));
    events.publish(
        CloudEvent.of(
                "bericht:" + UUID.randomUUID(),
                EventType.BERICHT_GEMELD,
                Sources.GATEWAY,
                Instant.now(),
                crisis.summary().getCrisisId(),
                Boolean.TRUE.equals(crisis.summary().getExercise()),
                new MessageDelivered(message.messageName(), correlationKey, carried))
            .by(user.username(), null));
    return new CommandAccepted(crisis.summary().getCrisisId(), message.messageName());
  }

  /**
   * The crisis, when the signed-in user may read it; else 404, as for a crisis that does not exist:
   * a write on a crisis (a message to its process) is scoped like the read (docs/adr/0037).
   */
  public Queries.CrisisRow crisis(String crisisId) {
    return scope.crisis(crisisId);
  }

  /** The crisis if it runs the expected process and is not closed; 404 or 409 otherwise. */
  public Queries.CrisisRow openCrisis(String crisisId, ProcessId expected) {
    Queries.CrisisRow crisis = crisis(crisisId);
    if (!expected.id().equals(crisis.processId())) {
      throw new Problems.Conflict(
          "Crisis " + crisisId + " is geen " + expected.id() + " maar " + crisis.processId() + ".");
    }
    if (Boolean.TRUE.equals(crisis.summary().getClosed())) {
      throw new Problems.Conflict("Crisis " + crisisId + " is al afgesloten.");
    }
    return crisis;
  }
}
