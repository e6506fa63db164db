package nl.knooppunt.gateway.assistance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.knooppunt.api.model.AssistanceRequestStart;
import nl.knooppunt.api.model.CommandAccepted;
import nl.knooppunt.api.model.CrisisStarted;
import nl.knooppunt.api.model.ExtensionRequest;
import nl.knooppunt.api.model.OutcomeReport;
import nl.knooppunt.gateway.directory.DirectoryAdapter;
import nl.knooppunt.gateway.process.CrisisProcesses;
import nl.knooppunt.gateway.readmodel.Queries;
import nl.knooppunt.gateway.security.CurrentUsers;
import nl.knooppunt.gateway.security.KnooppuntUser;
import nl.knooppunt.gateway.security.Rol;
import nl.knooppunt.gateway.web.Problems;
import nl.knooppunt.processes.MessageName;
import nl.knooppunt.processes.ProcessId;
import nl.knooppunt.processes.Variable;
import nl.knooppunt.processes.variables.AssistanceRequest;
import nl.knooppunt.processes.variables.AssistanceStart;
import org.springframework.stereotype.Service;

/**
 * A request for assistance between regions: starting one, asking for an extension, ending the
 * deployment; for the API and the pages alike. A region user acts only for its own region.
 */
@Service
public class AssistanceService {

  private final DirectoryAdapter directory;
  private final CrisisProcesses processes;
  private final Queries queries;
  private final ObjectMapper json;

  AssistanceService(
      DirectoryAdapter directory, CrisisProcesses processes, Queries queries, ObjectMapper json) {
    this.directory = directory;
    this.processes = processes;
    this.queries = queries;
    this.json = json;
  }

  /** Starts a request for assistance by a region (a region user only for its own). */
  public CrisisStarted start(AssistanceRequestStart body) {
    KnooppuntUser user = CurrentUsers.current();
    String region = body.getRequestingRegion();
    if (!directory.regionExists(region)) {
      throw Problems.Invalid.field("requestingRegion", "onbekende veiligheidsregio");
    }
    requireOwnRegion(user, region, "een bijstandsaanvraag indienen");
    boolean exercise = Boolean.TRUE.equals(body.getExercise());
    String linked = linkedCrisis(body.getLinkedCrisisId(), exercise);
    String crisisId = processes.nextId("BA");
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
        new AssistanceStart(crisisId, crisisId, exercise, aanvraag, user.username(), linked);
    String regionName = directory.regionName(region).orElse(region);
    return processes.start(
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
        linked);
  }

  /**
   * The crisis a request serves: a level 5 or a manhunt of the same world; {@code null} when none
   * is given.
   */
  private String linkedCrisis(String linkedCrisisId, boolean exercise) {
    if (linkedCrisisId == null || linkedCrisisId.isBlank()) {
      return null;
    }
    Queries.CrisisRow crisis =
        queries
            .crisis(linkedCrisisId)
            .filter(
                c ->
                    ProcessId.DREIGINGSNIVEAU_5.id().equals(c.processId())
                        || ProcessId.MANHUNT.id().equals(c.processId()))
            .orElseThrow(
                () ->
                    Problems.Invalid.field(
                        "linkedCrisisId", "onbekende crisis (dreigingsniveau 5 of manhunt)"));
    if (exercise != Boolean.TRUE.equals(crisis.summary().getExercise())) {
      throw new Problems.Conflict(
          exercise
              ? "Crisis "
                  + linkedCrisisId
                  + " is echt; een oefenaanvraag kan er niet aan gekoppeld worden."
              : "Crisis "
                  + linkedCrisisId
                  + " is een oefening; een echte bijstandsaanvraag kan er niet aan gekoppeld"
                  + " worden.");
    }
    return linkedCrisisId;
  }

  /** Asks to extend a deployment (not for threat level 5: that is decided in its reassessment). */
  public CommandAccepted requestExtension(String crisisId, ExtensionRequest body) {
    KnooppuntUser user = CurrentUsers.current();
    Queries.CrisisRow crisis = processes.crisis(crisisId);
    if (ProcessId.DREIGINGSNIVEAU_5.id().equals(crisis.processId())) {
      throw new Problems.Conflict(
          "Verlenging van dreigingsniveau 5 wordt besloten in de herbeoordeling vóór de eindtijd"
              + " (taak van de NCTV), niet met een verzoek.");
    }
    processes.openCrisis(crisisId, ProcessId.BIJSTANDSAANVRAAG);
    requireOwnRegion(user, requestingRegion(crisis), "verlenging aanvragen");
    Map<String, Object> vars = new LinkedHashMap<>();
    vars.put(Variable.VERLENGING_TOT.variableName(), body.getUntil().toInstant().toString());
    vars.put(Variable.VERLENGING_REDEN.variableName(), body.getReason());
    vars.put(Variable.VERLENGING_AANGEVRAAGD_DOOR.variableName(), user.username());
    return processes.deliver(
        crisis, MessageName.BIJSTAND_VERLENGING_AANGEVRAAGD, aanvraagId(crisis), vars, user);
  }

  /** Ends the deployment. */
  public CommandAccepted endDeployment(String crisisId, OutcomeReport body) {
    KnooppuntUser user = CurrentUsers.current();
    Queries.CrisisRow crisis = processes.openCrisis(crisisId, ProcessId.BIJSTANDSAANVRAAG);
    requireOwnRegion(user, requestingRegion(crisis), "de inzet beëindigen");
    return processes.deliver(
        crisis,
        MessageName.BIJSTAND_INZET_BEEINDIGD,
        aanvraagId(crisis),
        Map.of(Variable.TOELICHTING.variableName(), body.getExplanation()),
        user);
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
