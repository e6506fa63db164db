package nl.knooppunt.gateway.threatlevel;

import java.util.List;
import nl.knooppunt.api.DreigingsniveausApi;
import nl.knooppunt.api.model.ThreatLevel;
import nl.knooppunt.api.model.ThreatLevelChange;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/**
 * Threat levels over REST: the generated {@link DreigingsniveausApi} on {@link ThreatLevelService}.
 */
@RestController
class ThreatLevelController implements DreigingsniveausApi {

  private final ThreatLevelService threatLevels;

  ThreatLevelController(ThreatLevelService threatLevels) {
    this.threatLevels = threatLevels;
  }

  @Override
  public ResponseEntity<List<ThreatLevel>> listThreatLevels(Boolean exercise) {
    return ResponseEntity.ok(threatLevels.current(Boolean.TRUE.equals(exercise)));
  }

  @Override
  public ResponseEntity<List<ThreatLevelChange>> listThreatLevelHistory(
      String areaCode, Boolean exercise) {
    return ResponseEntity.ok(threatLevels.history(areaCode, Boolean.TRUE.equals(exercise)));
  }
}
