package nl.knooppunt.gateway.scope;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.knooppunt.gateway.security.KnooppuntUser;
import nl.knooppunt.gateway.security.Rol;
import org.junit.jupiter.api.Test;

class ClearanceTest {

  static KnooppuntUser user(Rol role) {
    return new KnooppuntUser(
        "u", "U", Set.of(role), "VR09", "Midden-Nederland", "GM0344", KnooppuntUser.Source.LOCAL);
  }

  static Map<String, Object> shared(String level) {
    return Map.of(
        "samenvatting", "Wat de recherche weet",
        "opsporingsbelang", "Niet naar buiten",
        "vertrouwelijkheid", level,
        "gedeeldDoor", "Eva de Boer, politie");
  }

  /** A task's variables with the information nested, beside other data, and in a list. */
  static Map<String, Object> variables(String level) {
    return Map.of(
        "crisisId", "DN5-1",
        "opsporingsinformatie", shared(level),
        "bronnen", List.of(Map.of("bron", "OM", "informatie", shared(level))));
  }

  @Test
  void aRoleWithoutClearanceSeesWhoSharedAndTheClassificationNotTheContent() {
    Map<String, Object> cleared =
        Clearance.clear(variables("STAATSGEHEIM_CONFIDENTIEEL"), user(Rol.GEZAG));

    assertThat(cleared.toString()).doesNotContain("Wat de recherche weet", "Niet naar buiten");
    assertThat(cleared.get("crisisId")).isEqualTo("DN5-1");
    assertThat(cleared.get("opsporingsinformatie"))
        .isEqualTo(
            Map.of(
                "vertrouwelijkheid",
                "STAATSGEHEIM_CONFIDENTIEEL",
                "gedeeldDoor",
                "Eva de Boer, politie",
                Clearance.WITHHELD,
                true));
    assertThat(cleared.get("bronnen").toString()).contains("bron=OM", "afgeschermd=true");
    assertThat(Clearance.withholds(variables("DEPARTEMENTAAL_VERTROUWELIJK"), user(Rol.REGIO)))
        .isTrue();
  }

  @Test
  void theClearedRolesSeeEveryClassification() {
    for (Rol role : Rol.values()) {
      Map<String, Object> data = variables("STAATSGEHEIM_CONFIDENTIEEL");
      boolean cleared =
          Set.of(
                  Rol.NCTV_BESLUITVORMER,
                  Rol.NCTV_TWEEDE_BESLUITVORMER,
                  Rol.NCTV_HOOFD,
                  Rol.LANDELIJK_OPERATOR,
                  Rol.OM,
                  Rol.POLITIE,
                  Rol.KORPSCHEF)
              .contains(role);
      assertThat(Clearance.clear(data, user(role)) == data).as(role.name()).isEqualTo(cleared);
    }
  }

  @Test
  void publicInformationIsShownToEveryoneAndAnUnknownMarkIsNot() {
    Map<String, Object> open = variables("OPENBAAR");
    assertThat(Clearance.clear(open, user(Rol.COMMUNICATIEADVISEUR))).isSameAs(open);
    assertThat(Clearance.clear(variables("GEHEIM_VOLGENS_IEMAND"), user(Rol.MANAGEMENT)).toString())
        .doesNotContain("Wat de recherche weet");
    assertThat(Clearance.withholds(variables("OPENBAAR"), null)).isFalse();
    assertThat(Clearance.withholds(variables("DEPARTEMENTAAL_VERTROUWELIJK"), null))
        .as("nobody signed in: not cleared")
        .isTrue();
  }
}
