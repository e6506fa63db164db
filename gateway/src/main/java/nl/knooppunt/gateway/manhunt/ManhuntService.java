package nl.knooppunt.gateway.manhunt;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import nl.knooppunt.api.model.CommandAccepted;
import nl.knooppunt.api.model.CrisisStarted;
import nl.knooppunt.api.model.ManhuntStart;
import nl.knooppunt.api.model.OutcomeReport;
import nl.knooppunt.gateway.directory.DirectoryAdapter;
import nl.knooppunt.gateway.process.CrisisProcesses;
import nl.knooppunt.gateway.readmodel.Queries;
import nl.knooppunt.gateway.security.CurrentUsers;
import nl.knooppunt.gateway.security.KnooppuntUser;
import nl.knooppunt.gateway.web.Problems;
import nl.knooppunt.processes.MessageName;
import nl.knooppunt.processes.ProcessId;
import nl.knooppunt.processes.Variable;
import org.springframework.stereotype.Service;

/** A manhunt: starting one, reporting an arrest, ending it; for the API and the pages alike. */
@Service
public class ManhuntService {

  private final DirectoryAdapter directory;
  private final CrisisProcesses processes;
  private final ObjectMapper json;

  ManhuntService(DirectoryAdapter directory, CrisisProcesses processes, ObjectMapper json) {
    this.directory = directory;
    this.processes = processes;
    this.json = json;
  }

  /** Starts a manhunt at a place in a region (and municipality, if given). */
  public CrisisStarted start(ManhuntStart body) {
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
    String crisisId = processes.nextId("MH");
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
    return processes.start(
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

  /** Reports that the perpetrator was arrested. */
  public CommandAccepted reportArrest(String crisisId, OutcomeReport body) {
    KnooppuntUser user = CurrentUsers.current();
    Queries.CrisisRow crisis = processes.openCrisis(crisisId, ProcessId.MANHUNT);
    return processes.deliver(
        crisis,
        MessageName.DADER_AANGEHOUDEN,
        crisisId,
        Map.of(Variable.TOELICHTING.variableName(), body.getExplanation()),
        user);
  }

  /**
   * Raises the possible terrorist motive during the manhunt: the region gets the GRIP 3 advice at
   * once and the NCTV considers level 5. A manhunt that knew the motive at its start: 409.
   */
  public CommandAccepted reportTerroristMotive(String crisisId, OutcomeReport body) {
    KnooppuntUser user = CurrentUsers.current();
    Queries.CrisisRow crisis = processes.openCrisis(crisisId, ProcessId.MANHUNT);
    if (motiveKnownAtStart(crisis)) {
      throw new Problems.Conflict(
          "Manhunt "
              + crisisId
              + " is gestart met een mogelijk terroristisch motief: GRIP 3 is al geadviseerd en"
              + " de NCTV overweegt dreigingsniveau 5 al.");
    }
    return processes.deliver(
        crisis,
        MessageName.TERRORISTISCH_MOTIEF_GEMELD,
        crisisId,
        Map.of(Variable.TOELICHTING.variableName(), body.getExplanation()),
        user);
  }

  /** Whether the manhunt was started with a possible terrorist motive. */
  public boolean motiveKnownAtStart(Queries.CrisisRow crisis) {
    if (crisis.startData() == null) {
      return false;
    }
    try {
      return json.readTree(crisis.startData())
          .path(Variable.MOGELIJK_TERRORISTISCH_MOTIEF.variableName())
          .asBoolean(false);
    } catch (Exception e) {
      return false;
    }
  }

  /** Ends the manhunt without an arrest. */
  public CommandAccepted end(String crisisId, OutcomeReport body) {
    KnooppuntUser user = CurrentUsers.current();
    Queries.CrisisRow crisis = processes.openCrisis(crisisId, ProcessId.MANHUNT);
    return processes.deliver(
        crisis,
        MessageName.MANHUNT_BEEINDIGD,
        crisisId,
        Map.of(Variable.TOELICHTING.variableName(), body.getExplanation()),
        user);
  }
}
