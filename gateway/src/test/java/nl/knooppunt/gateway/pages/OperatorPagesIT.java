package nl.knooppunt.gateway.pages;

import static org.assertj.core.api.Assertions.assertThat;

import nl.knooppunt.gateway.GatewayITBase;
import nl.knooppunt.gateway.pages.PageClient.Page;
import org.junit.jupiter.api.Test;

/** The duty officer's console: the board of active crises and the start forms' checks. */
class OperatorPagesIT extends GatewayITBase {

  @Test
  void the_board_names_who_is_silent_and_counts_the_rest() {
    String crisisId = fixtures.crisis("dreigingsniveau-5", "VR09", false);
    for (int i = 0; i < 5; i++) {
      fixtures.notification(crisisId, "GM0344", "VR09");
    }

    Page board = PageClient.login(port, "operator").get("/operator/bord");

    assertThat(board.status()).isEqualTo(200);
    assertThat(board.body())
        .contains("data-crisis=\"" + crisisId + "\"")
        .contains("<strong>5</strong> <span>ontvangers</span>")
        .contains("Ontvanger " + crisisId + "/afkondiging/")
        .contains(" en 2 anderen");
  }

  @Test
  void a_proposal_without_an_area_or_reason_is_refused_beside_its_fields() {
    PageClient operator = PageClient.login(port, "operator");
    operator.get("/operator");
    int before = engine.calls.size();

    Page refused =
        operator.post(
            "/operator/dreigingsniveau", "soort", "PROVINCIE", "reden", "", "eindtijd", "morgen");

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body())
        .contains("Controleer de gemarkeerde velden.")
        .contains("id=\"fout-gebied\"", "Kies ten minste één gebied.")
        .contains("id=\"fout-reden\"", "Vul dit veld in.")
        .contains("id=\"fout-eindtijd\"");
    assertThat(engine.calls).as("nothing started").hasSize(before);
  }

  @Test
  void a_region_officer_may_request_bijstand_but_not_propose_level_5() {
    PageClient region = PageClient.login(port, "regio-utrecht");

    Page console = region.get("/operator");
    assertThat(console.status()).isEqualTo(200);
    assertThat(console.body()).contains("Bijstand aanvragen").doesNotContain("id=\"dn5\"");

    Page refused = region.post("/operator/dreigingsniveau", "soort", "PROVINCIE");
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.body()).contains("<h1>Geen toegang</h1>");
  }
}
