package nl.knooppunt.gateway.crisis;

import nl.knooppunt.api.ProcessenApi;
import nl.knooppunt.api.model.AssistanceRequestStart;
import nl.knooppunt.api.model.CommandAccepted;
import nl.knooppunt.api.model.CrisisStarted;
import nl.knooppunt.api.model.DecisionWithoutFullInformation;
import nl.knooppunt.api.model.ExtensionRequest;
import nl.knooppunt.api.model.LoweringProposal;
import nl.knooppunt.api.model.ManhuntStart;
import nl.knooppunt.api.model.OutcomeReport;
import nl.knooppunt.api.model.ThreatLevelProposal;
import nl.knooppunt.gateway.assistance.AssistanceService;
import nl.knooppunt.gateway.manhunt.ManhuntService;
import nl.knooppunt.gateway.threatlevel.ThreatLevelService;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/**
 * Starting the processes and delivering messages to running ones over REST. The contract has one
 * interface for all processes ({@link ProcessenApi}), so this one controller takes it and hands
 * each call to its feature: {@link ThreatLevelService}, {@link ManhuntService}, {@link
 * AssistanceService}.
 */
@RestController
class ProcessController implements ProcessenApi {

  private final ThreatLevelService threatLevels;
  private final ManhuntService manhunts;
  private final AssistanceService assistance;

  ProcessController(
      ThreatLevelService threatLevels, ManhuntService manhunts, AssistanceService assistance) {
    this.threatLevels = threatLevels;
    this.manhunts = manhunts;
    this.assistance = assistance;
  }

  private static ResponseEntity<CrisisStarted> created(CrisisStarted started) {
    return ResponseEntity.status(HttpStatus.CREATED).body(started);
  }

  private static ResponseEntity<CommandAccepted> accepted(CommandAccepted accepted) {
    return ResponseEntity.status(HttpStatus.ACCEPTED).body(accepted);
  }

  @Override
  public ResponseEntity<CrisisStarted> startThreatLevelProposal(ThreatLevelProposal body) {
    return created(threatLevels.startProposal(body));
  }

  @Override
  public ResponseEntity<CrisisStarted> startManhunt(ManhuntStart body) {
    return created(manhunts.start(body));
  }

  @Override
  public ResponseEntity<CrisisStarted> startAssistanceRequest(AssistanceRequestStart body) {
    return created(assistance.start(body));
  }

  @Override
  public ResponseEntity<CommandAccepted> proposeLowering(String crisisId, LoweringProposal body) {
    return accepted(threatLevels.proposeLowering(crisisId, body));
  }

  @Override
  public ResponseEntity<CommandAccepted> decideWithoutFullInformation(
      String crisisId, DecisionWithoutFullInformation body) {
    return accepted(threatLevels.decideWithoutFullInformation(crisisId, body));
  }

  @Override
  public ResponseEntity<CommandAccepted> requestExtension(String crisisId, ExtensionRequest body) {
    return accepted(assistance.requestExtension(crisisId, body));
  }

  @Override
  public ResponseEntity<CommandAccepted> reportArrest(String crisisId, OutcomeReport body) {
    return accepted(manhunts.reportArrest(crisisId, body));
  }

  @Override
  public ResponseEntity<CommandAccepted> reportTerroristMotive(
      String crisisId, OutcomeReport body) {
    return accepted(manhunts.reportTerroristMotive(crisisId, body));
  }

  @Override
  public ResponseEntity<CommandAccepted> endManhunt(String crisisId, OutcomeReport body) {
    return accepted(manhunts.end(crisisId, body));
  }

  @Override
  public ResponseEntity<CommandAccepted> endDeployment(String crisisId, OutcomeReport body) {
    return accepted(assistance.endDeployment(crisisId, body));
  }
}
