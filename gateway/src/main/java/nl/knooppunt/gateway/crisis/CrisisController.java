package nl.knooppunt.gateway.crisis;

import java.util.List;
import nl.knooppunt.api.CrisesApi;
import nl.knooppunt.api.model.CrisisDetail;
import nl.knooppunt.api.model.CrisisPage;
import nl.knooppunt.api.model.CrisisStatusFilter;
import nl.knooppunt.api.model.CrisisType;
import nl.knooppunt.api.model.EvaluationReport;
import nl.knooppunt.api.model.EvaluationSharing;
import nl.knooppunt.api.model.ImprovementAction;
import nl.knooppunt.api.model.ImprovementActionCompletion;
import nl.knooppunt.api.model.ImprovementActionProposal;
import nl.knooppunt.api.model.LogbookEntry;
import nl.knooppunt.gateway.evaluation.EvaluationService;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/**
 * Crises over REST: the generated {@link CrisesApi} on {@link CrisisService} and, for the report,
 * {@link EvaluationService}.
 */
@RestController
class CrisisController implements CrisesApi {

  private final CrisisService crises;
  private final EvaluationService evaluations;

  CrisisController(CrisisService crises, EvaluationService evaluations) {
    this.crises = crises;
    this.evaluations = evaluations;
  }

  @Override
  public ResponseEntity<CrisisPage> listCrises(
      CrisisType type,
      CrisisStatusFilter status,
      String region,
      Boolean exercise,
      Integer page,
      Integer size) {
    return ResponseEntity.ok(crises.list(type, status, region, exercise, page, size));
  }

  @Override
  public ResponseEntity<CrisisDetail> getCrisis(String crisisId) {
    return ResponseEntity.ok(crises.detail(crisisId));
  }

  @Override
  public ResponseEntity<List<LogbookEntry>> getCrisisTimeline(String crisisId) {
    return ResponseEntity.ok(crises.timeline(crisisId));
  }

  @Override
  public ResponseEntity<EvaluationReport> getEvaluationReport(String crisisId) {
    return ResponseEntity.ok(evaluations.report(crisisId));
  }

  @Override
  public ResponseEntity<List<ImprovementAction>> listImprovementActions(String crisisId) {
    return ResponseEntity.ok(evaluations.actions(crisisId));
  }

  @Override
  public ResponseEntity<ImprovementAction> addImprovementAction(
      String crisisId, ImprovementActionProposal proposal) {
    return ResponseEntity.status(org.springframework.http.HttpStatus.CREATED)
        .body(evaluations.addAction(crisisId, proposal));
  }

  @Override
  public ResponseEntity<ImprovementAction> completeImprovementAction(
      String crisisId, String actionId, ImprovementActionCompletion completion) {
    return ResponseEntity.ok(
        evaluations.completeAction(
            crisisId, actionId, completion == null ? null : completion.getNote()));
  }

  @Override
  public ResponseEntity<List<ImprovementAction>> listOpenImprovementActions(Boolean exercise) {
    return ResponseEntity.ok(evaluations.openActions(Boolean.TRUE.equals(exercise)));
  }

  @Override
  public ResponseEntity<EvaluationSharing> shareEvaluation(String crisisId) {
    return ResponseEntity.ok(evaluations.share(crisisId));
  }
}
