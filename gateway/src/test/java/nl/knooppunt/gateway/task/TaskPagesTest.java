package nl.knooppunt.gateway.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Map;
import java.util.function.Function;
import nl.knooppunt.gateway.security.KnooppuntUser;
import nl.knooppunt.gateway.security.Rol;
import org.junit.jupiter.api.Test;

class TaskPagesTest {

  static final Map<String, Object> SHARED =
      Map.of(
          "opsporingsinformatie",
          Map.of(
              "samenvatting",
              "Tweede verdachte in beeld",
              "vertrouwelijkheid",
              "STAATSGEHEIM_CONFIDENTIEEL",
              "gedeeldDoor",
              "om"));

  static KnooppuntUser user(Rol role) {
    return new KnooppuntUser(
        role.name(), role.name(), EnumSet.of(role), null, null, null, KnooppuntUser.Source.LOCAL);
  }

  @Test
  void theCommunicationAdviserSeesThatInformationWasSharedNotWhat() {
    Map<String, Object> seen =
        TaskPages.cleared(SHARED, user(Rol.COMMUNICATIEADVISEUR), u -> "Thomas Hendriks");
    assertThat(String.valueOf(seen.get("opsporingsinformatie")))
        .contains("Gedeeld door Thomas Hendriks")
        .contains("Staatsgeheim confidentieel")
        .doesNotContain("Tweede verdachte");
  }

  @Test
  void theNctvDeciderReadsItAndPublicInformationIsForEveryone() {
    assertThat(TaskPages.cleared(SHARED, user(Rol.NCTV_BESLUITVORMER), Function.identity()))
        .isSameAs(SHARED);
    Map<String, Object> open =
        Map.of(
            "opsporingsinformatie", Map.of("samenvatting", "x", "vertrouwelijkheid", "OPENBAAR"));
    assertThat(TaskPages.cleared(open, user(Rol.REGIO), Function.identity())).isSameAs(open);
  }
}
