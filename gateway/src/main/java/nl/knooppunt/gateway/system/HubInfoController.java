package nl.knooppunt.gateway.system;

import nl.knooppunt.api.SysteemApi;
import nl.knooppunt.api.model.HubInfo;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/** Tells which installation this is: name, version and mode. */
@RestController
class HubInfoController implements SysteemApi {

  private final String version;
  private final HubInfo.ModeEnum mode;

  HubInfoController(
      @Value("${knooppunt.version:development}") String version,
      @Value("${knooppunt.mode:embedded}") String mode) {
    this.version = version;
    this.mode = HubInfo.ModeEnum.fromValue(mode);
  }

  @Override
  public ResponseEntity<HubInfo> getHubInfo() {
    return ResponseEntity.ok(new HubInfo("Landelijk Knooppunt", version, mode));
  }
}
