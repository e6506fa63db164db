package nl.knooppunt.gateway.directory;

import java.util.List;
import nl.knooppunt.api.AdresboekApi;
import nl.knooppunt.api.model.Municipality;
import nl.knooppunt.api.model.Region;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/** The directory over REST: regions and municipalities. */
@RestController
class DirectoryController implements AdresboekApi {

  private final DirectoryAdapter directory;

  DirectoryController(DirectoryAdapter directory) {
    this.directory = directory;
  }

  @Override
  public ResponseEntity<List<Region>> listRegions() {
    return ResponseEntity.ok(directory.regions());
  }

  @Override
  public ResponseEntity<List<Municipality>> listMunicipalities(String region, String province) {
    return ResponseEntity.ok(directory.municipalities(region, province));
  }
}
