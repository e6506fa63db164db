package nl.knooppunt.gateway.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.knooppunt.api.ProcessenApi;
import nl.knooppunt.api.model.AssistanceRequestStart;
import nl.knooppunt.api.model.CommandAccepted;
import nl.knooppunt.api.model.CrisisStarted;
import nl.knooppunt.api.model.CrisisType;
import nl.knooppunt.api.model.ExtensionRequest;
import nl.knooppunt.api.model.FieldError;
import nl.knooppunt.api.model.LoweringProposal;
import nl.knooppunt.api.model.ManhuntStart;
import nl.knooppunt.api.model.OutcomeReport;
import nl.knooppunt.api.model.ThreatLevelProposal;
import nl.knooppunt.gateway.directory.DirectoryAdapter;
import nl.knooppunt.gateway.engine.Orchestration;
import nl.knooppunt.gateway.events.OutboxPublisher;
import nl.knooppunt.gateway.events.Sources;
import nl.knooppunt.gateway.readmodel.Queries;
import nl.knooppunt.gateway.security.CurrentUsers;
import nl.knooppunt.gateway.security.KnooppuntUser;
import nl.knooppunt.gateway.security.Rol;
import nl.knooppunt.gateway.web.Problems;
import nl.knooppunt.processes.MessageName;
import nl.knooppunt.processes.ProcessId;
import nl.knooppunt.processes.Variable;
import nl.knooppunt.processes.events.Area;
import nl.knooppunt.processes.events.CloudEvent;
import nl.knooppunt.processes.events.EventType;
import nl.knooppunt.processes.events.MessageDelivered;
import nl.knooppunt.processes.variables.AssistanceRequest;
import nl.knooppunt.processes.variables.AssistanceStart;
import nl.knooppunt.processes.variables.LevelFiveArea;
import nl.knooppunt.processes.variables.ProposedLowering;
import nl.knooppunt.processes.variables.ThreatLevelStart;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/** Starts the processes and delivers messages to running ones (lowering, extension, ends). */
@RestController
public class ProcessController implements ProcessenApi {

  private final Orchestration engine;
  private final OutboxPublisher events;
  private final DirectoryAdapter directory;
  private final Queries queries;
  private final CrisisIds ids;
  private final ObjectMapper json;

  ProcessController(
      Orchestration engine,
      OutboxPublisher events,
      DirectoryAdapter directory,
      Queries queries,
      CrisisIds ids,
      ObjectMapper json) {
    this.engine = engine;
    this.events = events;
    this.directory = directory;
    this.queries = queries;
    this.ids = ids;
    this.json = json;
  }

  @Override
  public ResponseEntity<CrisisStarted> startThreatLevelProposal(ThreatLevelProposal body) {
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
    if (body.getLinkedManhuntId() != null
        && queries
            .crisis(body.getLinkedManhuntId())
            .filter(c -> ProcessId.MANHUNT.id().equals(c.processId()))
            .isEmpty()) {
      errors.add(new FieldError("linkedManhuntId", "onbekende manhunt"));
    }
    if (!errors.isEmpty()) {
      throw new Problems.Invalid("Het voorstel is niet geldig.", errors);
    }
    String name =
        body.getArea().getName() != null && !body.getArea().getName().isBlank()
            ? body.getArea().getName()
            : String.join(", ", codes);
    String crisisId = ids.next("DN5");
    boolean exercise = Boolean.TRUE.equals(body.getExercise());
    ThreatLevelStart start =
        new ThreatLevelStart(
            crisisId,
            exercise,
            new LevelFiveArea(LevelFiveArea.Kind.valueOf(kind), codes, name),
            body.getReason(),
            user.username(),
            body.getProposedEnd().toInstant().toString(),
            body.getLinkedManhuntId());
    List<String> regions = directory.regionsOf(kind, codes);
    return started(
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

  @Override
  public ResponseEntity<CrisisStarted> startManhunt(ManhuntStart body) {
    KnooppuntUser user = CurrentUsers.current();
    var loc = body.getLocation();
    if (!directory.regionExists(loc.getVrCode())) {
      throw Problems.Invalid.field("location.vrCode", "onbekende veiligheidsregio");
    }
    if (loc.getMunicipalityCode() != null) {
      String region = directory.regionOfMunicipality(loc.getMunicipalityCode()).orElse(null);
      if (region == null) {
        throw Problems.Invalid.field("location.municipalityCode", "onbekende gemeente");
      }
      if (!region.equals(loc.getVrCode())) {
        throw Problems.Invalid.field(
            "location.municipalityCode", "gemeente ligt niet in " + loc.getVrCode());
      }
    }
    String crisisId = ids.next("MH");
    boolean exercise = Boolean.TRUE.equals(body.getExercise());
    var p = body.getPerpetrators();
    nl.knooppunt.processes.variables.ManhuntStart start =
        new nl.knooppunt.processes.variables.ManhuntStart(
            crisisId,
            exercise,
            new nl.knooppunt.processes.variables.ManhuntStart.Location(
                loc.getDescription(), loc.getMunicipalityCode(), loc.getVrCode()),
            body.getTime().toInstant().toString(),
            new nl.knooppunt.processes.variables.ManhuntStart.Perpetrators(
                Boolean.TRUE.equals(p.getKnown()), p.getCount(), p.getDescription()),
            Boolean.TRUE.equals(body.getPossibleTerroristMotive()),
            user.username());
    return started(
        ProcessId.MANHUNT,
        crisisId,
        exercise,
        "Manhunt: " + loc.getDescription(),
        start,
        user,
        loc.getMunicipalityCode() != null ? "GEMEENTE" : "VEILIGHEIDSREGIO",
        List.of(loc.getMunicipalityCode() != null ? loc.getMunicipalityCode() : loc.getVrCode()),
        (loc.getMunicipalityCode() != null
                ? "gemeente " + directory.municipalityName(loc.getMunicipalityCode()).orElse("")
                : "veiligheidsregio " + directory.regionName(loc.getVrCode()).orElse(""))
            + " ("
            + loc.getDescription()
            + ")",
        List.of(loc.getVrCode()),
        null);
  }

  @Override
  public ResponseEntity<CrisisStarted> startAssistanceRequest(AssistanceRequestStart body) {
    KnooppuntUser user = CurrentUsers.current();
    String region = body.getRequestingRegion();
    if (!directory.regionExists(region)) {
      throw Problems.Invalid.field("requestingRegion", "onbekende veiligheidsregio");
    }
    requireOwnRegion(user, region, "een bijstandsaanvraag indienen");
    String crisisId = ids.next("BA");
    boolean exercise = Boolean.TRUE.equals(body.getExercise());
    AssistanceRequest aanvraag =
        new AssistanceRequest(
            region,
            AssistanceRequest.Capacity.valueOf(body.getCapacity().getValue()),
            body.getAmount(),
            body.getLocation(),
            body.getFrom().toInstant().toString(),
            body.getDuration(),
            AssistanceRequest.LegalBasis.valueOf(body.getLegalBasis().getValue()));
    AssistanceStart start =
        new AssistanceStart(crisisId, crisisId, exercise, aanvraag, user.username());
    String regionName = directory.regionName(region).orElse(region);
    return started(
        ProcessId.BIJSTANDSAANVRAAG,
        crisisId,
        exercise,
        "Bijstand " + body.getCapacity().getValue().toLowerCase() + " voor " + regionName,
        start,
        user,
        "VEILIGHEIDSREGIO",
        List.of(region),
        regionName,
        List.of(region),
        null);
  }

  private ResponseEntity<CrisisStarted> started(
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
    long key = engine.startProcess(process.id(), start);
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
    CrisisStarted out =
        new CrisisStarted(crisisId, CrisisType.fromValue(process.id()))
            .processInstanceKey(String.valueOf(key))
            .exercise(exercise);
    return ResponseEntity.status(HttpStatus.CREATED).body(out);
  }

  // --- messages to running processes

  @Override
  public ResponseEntity<CommandAccepted> proposeLowering(String crisisId, LoweringProposal body) {
    KnooppuntUser user = CurrentUsers.current();
    Queries.CrisisRow crisis = openCrisis(crisisId, ProcessId.DREIGINGSNIVEAU_5);
    Map<String, Object> vars = new LinkedHashMap<>();
    vars.put(Variable.AFSCHALING_VOORGESTELD_DOOR.variableName(), user.username());
    vars.put(Variable.AFSCHALING_REDEN.variableName(), body.getReason());
    vars.put(
        Variable.AFSCHALING_BRON.variableName(), ProposedLowering.Source.LANDELIJK_OPERATOR.name());
    return deliver(crisis, MessageName.AFSCHALING_VOORGESTELD, crisisId, vars, user);
  }

  @Override
  public ResponseEntity<CommandAccepted> requestExtension(String crisisId, ExtensionRequest body) {
    KnooppuntUser user = CurrentUsers.current();
    Queries.CrisisRow crisis = crisisOrThrow(crisisId);
    if (ProcessId.DREIGINGSNIVEAU_5.id().equals(crisis.processId())) {
      throw new Problems.Conflict(
          "Verlenging van dreigingsniveau 5 wordt besloten in de herbeoordeling vóór de eindtijd"
              + " (taak van de NCTV), niet met een verzoek.");
    }
    openCrisis(crisisId, ProcessId.BIJSTANDSAANVRAAG);
    requireOwnRegion(user, requestingRegion(crisis), "verlenging aanvragen");
    Map<String, Object> vars = new LinkedHashMap<>();
    vars.put(Variable.VERLENGING_TOT.variableName(), body.getUntil().toInstant().toString());
    vars.put(Variable.VERLENGING_REDEN.variableName(), body.getReason());
    vars.put(Variable.VERLENGING_AANGEVRAAGD_DOOR.variableName(), user.username());
    return deliver(
        crisis, MessageName.BIJSTAND_VERLENGING_AANGEVRAAGD, aanvraagId(crisis), vars, user);
  }

  @Override
  public ResponseEntity<CommandAccepted> reportArrest(String crisisId, OutcomeReport body) {
    KnooppuntUser user = CurrentUsers.current();
    Queries.CrisisRow crisis = openCrisis(crisisId, ProcessId.MANHUNT);
    return deliver(
        crisis,
        MessageName.DADER_AANGEHOUDEN,
        crisisId,
        Map.of(Variable.TOELICHTING.variableName(), body.getExplanation()),
        user);
  }

  @Override
  public ResponseEntity<CommandAccepted> endManhunt(String crisisId, OutcomeReport body) {
    KnooppuntUser user = CurrentUsers.current();
    Queries.CrisisRow crisis = openCrisis(crisisId, ProcessId.MANHUNT);
    return deliver(
        crisis,
        MessageName.MANHUNT_BEEINDIGD,
        crisisId,
        Map.of(Variable.TOELICHTING.variableName(), body.getExplanation()),
        user);
  }

  @Override
  public ResponseEntity<CommandAccepted> endDeployment(String crisisId, OutcomeReport body) {
    KnooppuntUser user = CurrentUsers.current();
    Queries.CrisisRow crisis = openCrisis(crisisId, ProcessId.BIJSTANDSAANVRAAG);
    requireOwnRegion(user, requestingRegion(crisis), "de inzet beëindigen");
    return deliver(
        crisis,
        MessageName.BIJSTAND_INZET_BEEINDIGD,
        aanvraagId(crisis),
        Map.of(Variable.TOELICHTING.variableName(), body.getExplanation()),
        user);
  }

  private ResponseEntity<CommandAccepted> deliver(
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
    return ResponseEntity.status(HttpStatus.ACCEPTED)
        .body(new CommandAccepted(crisis.summary().getCrisisId(), message.messageName()));
  }

  private Queries.CrisisRow crisisOrThrow(String crisisId) {
    return queries
        .crisis(crisisId)
        .orElseThrow(() -> new Problems.NotFound("Crisis " + crisisId + " is onbekend."));
  }

  private Queries.CrisisRow openCrisis(String crisisId, ProcessId expected) {
    Queries.CrisisRow crisis = crisisOrThrow(crisisId);
    if (!expected.id().equals(crisis.processId())) {
      throw new Problems.Conflict(
          "Crisis " + crisisId + " is geen " + expected.id() + " maar " + crisis.processId() + ".");
    }
    if (Boolean.TRUE.equals(crisis.summary().getClosed())) {
      throw new Problems.Conflict("Crisis " + crisisId + " is al afgesloten.");
    }
    return crisis;
  }

  private JsonNode startData(Queries.CrisisRow crisis) {
    try {
      return crisis.startData() == null
          ? json.createObjectNode()
          : json.readTree(crisis.startData());
    } catch (Exception e) {
      return json.createObjectNode();
    }
  }

  private String aanvraagId(Queries.CrisisRow crisis) {
    return startData(crisis).path("aanvraagId").asText(crisis.summary().getCrisisId());
  }

  private String requestingRegion(Queries.CrisisRow crisis) {
    String r = startData(crisis).path("aanvraag").path("aanvragendeRegio").asText(null);
    return r != null ? r : crisis.summary().getRegions().stream().findFirst().orElse(null);
  }

  /** A region user acts only for its own region; other allowed roles for every region. */
  static void requireOwnRegion(KnooppuntUser user, String region, String what) {
    boolean national =
        user.has(Rol.LOCC_OFFICIER) || user.has(Rol.LANDELIJK_OPERATOR) || user.has(Rol.BEHEERDER);
    if (!national && user.has(Rol.REGIO) && !java.util.Objects.equals(user.vrCode(), region)) {
      throw new Problems.OutOfScope(
          "Alleen regio "
              + region
              + " mag "
              + what
              + "; u bent ingelogd voor "
              + user.vrCode()
              + ".");
    }
  }
}
