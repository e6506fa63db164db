package nl.knooppunt.gateway.api;

import java.util.List;
import nl.knooppunt.api.AdresboekApi;
import nl.knooppunt.api.DashboardsApi;
import nl.knooppunt.api.DreigingsniveausApi;
import nl.knooppunt.api.GebruikerApi;
import nl.knooppunt.api.model.CurrentUser;
import nl.knooppunt.api.model.Dashboard;
import nl.knooppunt.api.model.Municipality;
import nl.knooppunt.api.model.Region;
import nl.knooppunt.api.model.ThreatLevel;
import nl.knooppunt.api.model.ThreatLevelChange;
import nl.knooppunt.gateway.directory.DirectoryAdapter;
import nl.knooppunt.gateway.readmodel.Queries;
import nl.knooppunt.gateway.security.CurrentUsers;
import nl.knooppunt.gateway.security.KnooppuntUser;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/** Read-only views: threat levels, the dashboard, the directory and the current user. */
@RestController
public class ReadController
    implements DreigingsniveausApi, DashboardsApi, AdresboekApi, GebruikerApi {

  private final Queries queries;
  private final DirectoryAdapter directory;

  ReadController(Queries queries, DirectoryAdapter directory) {
    this.queries = queries;
    this.directory = directory;
  }

  @Override
  public ResponseEntity<List<ThreatLevel>> listThreatLevels(Boolean exercise) {
    return ResponseEntity.ok(queries.threatLevels(Boolean.TRUE.equals(exercise), null));
  }

  @Override
  public ResponseEntity<List<ThreatLevelChange>> listThreatLevelHistory(
      String areaCode, Boolean exercise) {
    return ResponseEntity.ok(queries.threatLevelHistory(areaCode, Boolean.TRUE.equals(exercise)));
  }

  @Override
  public ResponseEntity<Dashboard> getDashboard(Boolean exercise) {
    return ResponseEntity.ok(queries.dashboard(Boolean.TRUE.equals(exercise)));
  }

  @Override
  public ResponseEntity<List<Region>> listRegions() {
    return ResponseEntity.ok(directory.regions());
  }

  @Override
  public ResponseEntity<List<Municipality>> listMunicipalities(String region, String province) {
    return ResponseEntity.ok(directory.municipalities(region, province));
  }

  @Override
  public ResponseEntity<CurrentUser> getCurrentUser() {
    KnooppuntUser u = CurrentUsers.current();
    CurrentUser out =
        new CurrentUser(u.username(), u.roles().stream().map(Enum::name).toList())
            .displayName(u.displayName())
            .candidateGroups(u.candidateGroups())
            .vrCode(u.vrCode())
            .policeUnit(u.policeUnit())
            .municipalityCode(u.municipalityCode())
            .authentication(CurrentUser.AuthenticationEnum.fromValue(u.source().name()));
    return ResponseEntity.ok(out);
  }
}
