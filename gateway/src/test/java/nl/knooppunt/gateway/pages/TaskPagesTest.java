package nl.knooppunt.gateway.pages;

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
  void the_communication_adviser_sees_that_information_was_shared_not_what() {
    Map<String, Object> seen =
        TaskPages.cleared(SHARED, user(Rol.COMMUNICATIEADVISEUR), u -> "Thomas Hendriks");
    assertThat(String.valueOf(seen.get("opsporingsinformatie")))
        .contains("Gedeeld door Thomas Hendriks")
        .contains("Staatsgeheim confidentieel")
        .doesNotContain("Tweede verdachte");
  }

  @Test
  void the_nctv_decider_reads_it_and_public_information_is_for_everyone() {
    assertThat(TaskPages.cleared(SHARED, user(Rol.NCTV_BESLUITVORMER), Function.identity()))
        .isSameAs(SHARED);
    Map<String, Object> open =
        Map.of(
            "opsporingsinformatie", Map.of("samenvatting", "x", "vertrouwelijkheid", "OPENBAAR"));
    assertThat(TaskPages.cleared(open, user(Rol.REGIO), Function.identity())).isSameAs(open);
  }
}
