package nl.knooppunt.gateway.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import nl.knooppunt.gateway.security.KnooppuntUser;
import nl.knooppunt.gateway.security.Rol;
import org.junit.jupiter.api.Test;

class TaskPagesTest {

  /** The OM shared classified information; the police have not shared yet. */
  static final Map<String, Object> SHARED =
      Map.of(
          "informatiepartners",
          List.of("politie", "om"),
          "opsporingsinformatie",
          Map.of(
              "om",
              Map.of(
                  "samenvatting",
                  "Tweede verdachte in beeld",
                  "vertrouwelijkheid",
                  "STAATSGEHEIM_CONFIDENTIEEL",
                  "gedeeldDoor",
                  "om")));

  static KnooppuntUser user(Rol role) {
    return new KnooppuntUser(
        role.name(), role.name(), EnumSet.of(role), null, null, null, KnooppuntUser.Source.LOCAL);
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> overview(Map<String, Object> seen) {
    assertThat(seen).doesNotContainKey("opsporingsinformatie");
    return (List<Map<String, Object>>) seen.get(TaskWords.INFORMATION_OVERVIEW);
  }

  @Test
  void theCommunicationAdviserSeesThatInformationWasSharedNotWhat() {
    var rows =
        overview(TaskPages.cleared(SHARED, user(Rol.COMMUNICATIEADVISEUR), u -> "Thomas Hendriks"));
    assertThat(rows.get(1))
        .containsEntry("partner", "Openbaar Ministerie")
        .containsEntry("status", "GEDEELD")
        .containsEntry("gedeeldDoor", "Thomas Hendriks")
        .containsEntry("vertrouwelijkheid", "STAATSGEHEIM_CONFIDENTIEEL");
    assertThat(String.valueOf(rows)).doesNotContain("Tweede verdachte");
  }

  @Test
  void theNctvDeciderReadsWhatEachPartnerSharedAndSeesWhoseInformationIsMissing() {
    var rows =
        overview(TaskPages.cleared(SHARED, user(Rol.NCTV_BESLUITVORMER), Function.identity()));
    assertThat(rows)
        .extracting(r -> r.get("partner") + ":" + r.get("status"))
        .containsExactly("Politie:ONTBREEKT", "Openbaar Ministerie:GEDEELD");
    assertThat(rows.get(1)).containsEntry("samenvatting", "Tweede verdachte in beeld");
    var tables =
        TaskWords.tables(
            TaskPages.cleared(SHARED, user(Rol.NCTV_BESLUITVORMER), Function.identity()),
            vr -> java.util.Optional.empty());
    assertThat(tables.get(0).title()).isEqualTo("Informatie van politie, OM en partners");
    assertThat(tables.get(0).rows().get(0).attention()).isTrue();
    assertThat(tables.get(0).rows().get(0).cells())
        .contains("Politie", "Ontbreekt (nog niet gedeeld)");
  }

  @Test
  void publicInformationIsForEveryone() {
    Map<String, Object> open =
        Map.of(
            "opsporingsinformatie",
            Map.of("politie", Map.of("samenvatting", "x", "vertrouwelijkheid", "OPENBAAR")));
    assertThat(overview(TaskPages.cleared(open, user(Rol.REGIO), Function.identity())))
        .singleElement()
        .satisfies(r -> assertThat(r).containsEntry("samenvatting", "x"));
  }
}
