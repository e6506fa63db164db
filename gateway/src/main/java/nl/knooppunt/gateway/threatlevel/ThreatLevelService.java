package nl.knooppunt.gateway.threatlevel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.knooppunt.api.model.CommandAccepted;
import nl.knooppunt.api.model.CrisisStarted;
import nl.knooppunt.api.model.DecisionWithoutFullInformation;
import nl.knooppunt.api.model.FieldError;
import nl.knooppunt.api.model.LoweringProposal;
import nl.knooppunt.api.model.ThreatLevel;
import nl.knooppunt.api.model.ThreatLevelChange;
import nl.knooppunt.api.model.ThreatLevelProposal;
import nl.knooppunt.gateway.directory.DirectoryAdapter;
import nl.knooppunt.gateway.process.CrisisProcesses;
import nl.knooppunt.gateway.readmodel.Queries;
import nl.knooppunt.gateway.security.CurrentUsers;
import nl.knooppunt.gateway.security.KnooppuntUser;
import nl.knooppunt.gateway.task.TaskQueries;
import nl.knooppunt.gateway.web.Problems;
import nl.knooppunt.processes.MessageName;
import nl.knooppunt.processes.ProcessId;
import nl.knooppunt.processes.Task;
import nl.knooppunt.processes.Variable;
import nl.knooppunt.processes.variables.LevelFiveArea;
import nl.knooppunt.processes.variables.ProposedLowering;
import nl.knooppunt.processes.variables.ThreatLevelStart;
import org.springframework.stereotype.Service;

/**
 * Threat levels per area and their history, a proposal for level 5 and lowering it again: for the
 * API and the pages alike.
 */
@Service
public class ThreatLevelService {

  private final Queries queries;
  private final DirectoryAdapter directory;
  private final CrisisProcesses processes;
  private final ThreatLevelQueries levels;
  private final TaskQueries tasks;

  /**
   * How long the affected municipalities have for a local message (a setting); null: the term of
   * the SLA table (ADR 0048).
   */
  private final java.time.Duration localMessageSla;

  /**
   * How often situation reports are asked while level 5 holds (a setting); null: the term of the
   * SLA table (ADR 0048).
   */
  private final java.time.Duration reportInterval;

  ThreatLevelService(
      Queries queries,
      DirectoryAdapter directory,
      CrisisProcesses processes,
      ThreatLevelQueries levels,
      TaskQueries tasks,
      @org.springframework.beans.factory.annotation.Value(
              "${" + ThreatLevelStart.SLA_LOKALE_BOODSCHAP_SETTING + ":}")
          String localMessageSla,
      @org.springframework.beans.factory.annotation.Value(
              "${" + ThreatLevelStart.INTERVAL_SITUATIERAPPORT_SETTING + ":}")
          String reportInterval) {
    this.localMessageSla = ThreatLevelStart.setting(localMessageSla);
    this.reportInterval = ThreatLevelStart.setting(reportInterval);
    this.tasks = tasks;
    this.levels = levels;
    this.queries = queries;
    this.directory = directory;
    this.processes = processes;
  }

  /** The current level of every area that is not at the base level. */
  public List<ThreatLevel> current(boolean exercise) {
    return levels.threatLevels(exercise, null);
  }

  /** Changes of one area's level, or of all areas. */
  public List<ThreatLevelChange> history(String areaCode, boolean exercise) {
    return levels.threatLevelHistory(areaCode, exercise);
  }

  /** Starts a proposal for threat level 5 for an area (codes checked against the directory). */
  public CrisisStarted startProposal(ThreatLevelProposal body) {
    KnooppuntUser user = CurrentUsers.current();
    String kind = body.getArea().getKind().getValue();
    List<String> codes = new ArrayList<>();
    List<FieldError> errors = new ArrayList<>();
    for (int i = 0; i < body.getArea().getCodes().size(); i++) {
      String code = body.getArea().getCodes().get(i).trim();
      String normalized =
          switch (kind) {
            case "PROVINCIE" -> directory.provinceCode(code).orElse(null);
            case "VEILIGHEIDSREGIO" -> directory.regionExists(code) ? code : null;
            default -> directory.regionOfMunicipality(code).isPresent() ? code : null;
          };
      if (normalized == null) {
        errors.add(new FieldError("area.codes[" + i + "]", "onbekende code '" + code + "'"));
      } else if (!codes.contains(normalized)) {
        codes.add(normalized);
      }
    }
    Optional<Queries.CrisisRow> manhunt =
        Optional.ofNullable(body.getLinkedManhuntId())
            .flatMap(queries::crisis)
            .filter(c -> ProcessId.MANHUNT.id().equals(c.processId()));
    if (body.getLinkedManhuntId() != null && manhunt.isEmpty()) {
      errors.add(new FieldError("linkedManhuntId", "onbekende manhunt"));
    }
    if (!errors.isEmpty()) {
      throw new Problems.Invalid("Het voorstel is niet geldig.", errors);
    }
    boolean exercise = Boolean.TRUE.equals(body.getExercise());
    if (manhunt.isPresent()
        && exercise != Boolean.TRUE.equals(manhunt.get().summary().getExercise())) {
      throw new Problems.Conflict(
          exercise
              ? "Manhunt "
                  + body.getLinkedManhuntId()
                  + " is echt; een oefening kan er niet aan gekoppeld worden."
              : "Manhunt "
                  + body.getLinkedManhuntId()
                  + " is een oefening; een echt dreigingsniveau kan er niet aan gekoppeld worden.");
    }
    String name =
        body.getArea().getName() != null && !body.getArea().getName().isBlank()
            ? body.getArea().getName()
            : String.join(", ", codes);
    String crisisId = processes.nextId("DN5");
    ThreatLevelStart start =
        new ThreatLevelStart(
            crisisId,
            exercise,
            new LevelFiveArea(LevelFiveArea.Kind.valueOf(kind), codes, name),
            body.getReason(),
            user.username(),
            body.getProposedEnd().toInstant().toString(),
            body.getLinkedManhuntId(),
            localMessageSla == null ? null : localMessageSla.toString(),
            reportInterval == null ? null : reportInterval.toString(),
            Boolean.TRUE.equals(body.getAfterAttack()));
    List<String> regions = directory.regionsOf(kind, codes);
    return processes.start(
        ProcessId.DREIGINGSNIVEAU_5,
        crisisId,
        exercise,
        "Dreigingsniveau 5: " + name,
        start,
        user,
        kind,
        codes,
        name,
        regions,
        body.getLinkedManhuntId());
  }

  /** Proposes to lower the level of a running threat-level crisis. */
  public CommandAccepted proposeLowering(String crisisId, LoweringProposal body) {
    KnooppuntUser user = CurrentUsers.current();
    Queries.CrisisRow crisis = processes.openCrisis(crisisId, ProcessId.DREIGINGSNIVEAU_5);
    Map<String, Object> vars = new LinkedHashMap<>();
    vars.put(Variable.AFSCHALING_VOORGESTELD_DOOR.variableName(), user.username());
    vars.put(Variable.AFSCHALING_REDEN.variableName(), body.getReason());
    vars.put(
        Variable.AFSCHALING_BRON.variableName(), ProposedLowering.Source.LANDELIJK_OPERATOR.name());
    return processes.deliver(crisis, MessageName.AFSCHALING_VOORGESTELD, crisisId, vars, user);
  }

  /** The information tasks of police, OM and partners before a declaration, review or lowering. */
  public static final java.util.Set<String> INFORMATION_TASKS =
      java.util.Set.of(
          Task.INFORMATIE_DELEN.elementId(),
          Task.INFORMATIE_HERBEOORDELING.elementId(),
          Task.INFORMATIE_AFSCHALING.elementId());

  /**
   * An NCTV decider ends the waiting for the missing information before a level decision, with a
   * reason: logged with who and why, and shown with the decision. Only while information is awaited
   * (an information task is open), 409 otherwise.
   */
  public CommandAccepted decideWithoutFullInformation(
      String crisisId, DecisionWithoutFullInformation body) {
    KnooppuntUser user = CurrentUsers.current();
    Queries.CrisisRow crisis = processes.openCrisis(crisisId, ProcessId.DREIGINGSNIVEAU_5);
    if (body == null || body.getReason() == null || body.getReason().isBlank()) {
      throw Problems.Invalid.field(
          "reason", "Geef de reden waarom niet op de informatie wordt gewacht");
    }
    boolean awaited =
        tasks.openTasksOf(crisisId).stream()
            .anyMatch(t -> INFORMATION_TASKS.contains(t.getElementId()));
    if (!awaited) {
      throw new Problems.Conflict(
          "Crisis "
              + crisisId
              + " wacht niet op informatie van politie, OM of partners: er is niets om zonder te"
              + " besluiten.");
    }
    Map<String, Object> vars = new LinkedHashMap<>();
    vars.put(Variable.ZONDER_INFORMATIE_REDEN.variableName(), body.getReason().trim());
    vars.put(Variable.ZONDER_INFORMATIE_DOOR.variableName(), user.username());
    return processes.deliver(
        crisis, MessageName.BESLUIT_ZONDER_VOLLEDIGE_INFORMATIE, crisisId, vars, user);
  }
}
