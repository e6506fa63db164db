package nl.knooppunt.gateway.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import nl.knooppunt.gateway.GatewayITBase;
import nl.knooppunt.gateway.PageClient;
import nl.knooppunt.gateway.PageClient.Page;
import org.junit.jupiter.api.Test;

/** A notice is read and acknowledged on a page by the authority it is addressed to. */
class NoticePagesIT extends GatewayITBase {

  @Test
  void theMayorFindsTheNoticeFirstInHerInboxReadsItAndConfirmsReceipt() {
    String crisis = fixtures.crisis("dreigingsniveau-5");
    String notice = fixtures.notification(crisis, "GM0344", "VR09");
    PageClient mayor = PageClient.login(port, "gezag-utrecht");

    Page inbox = mayor.get("/taken");
    assertThat(inbox.body())
        .containsPattern("melding(en)? om te bevestigen")
        .contains("data-melding=\"" + notice + "\"");

    Page page = mayor.get("/meldingen/melding?id=" + encode(notice));
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body())
        .contains("Afkondiging dreigingsniveau 5")
        .contains("Nog niet bevestigd")
        .contains("id=\"bevestigen\"");

    Page confirmed = mayor.post("/meldingen/bevestigen", "id", notice);
    assertThat(confirmed.status()).isEqualTo(302);
    assertThat(confirmed.location()).endsWith("/taken");
    assertThat(mayor.get("/taken").body()).doesNotContain("data-melding=\"" + notice + "\"");
    assertThat(mayor.get("/meldingen/melding?id=" + encode(notice)).body())
        .contains("Bevestigd op")
        .contains("Lotte van Dam")
        .doesNotContain("id=\"bevestigen\"");
    assertThat(api.get("/api/v1/crises/" + crisis + "/notifications", "operator").json())
        .singleElement()
        .satisfies(n -> assertThat(n.path("status").asText()).isEqualTo("BEVESTIGD"));
  }

  @Test
  void aNoticeToSomeoneElseIsNotThereForYou() {
    String crisis = fixtures.crisis("dreigingsniveau-5");
    String notice = fixtures.notification(crisis, "GM0344", "VR09");
    PageClient amsterdam = PageClient.login(port, "regio-amsterdam");

    assertThat(amsterdam.get("/meldingen/melding?id=" + encode(notice)).status()).isEqualTo(404);
    assertThat(amsterdam.post("/meldingen/bevestigen", "id", notice).status()).isEqualTo(404);
    assertThat(amsterdam.get("/taken").body()).doesNotContain(notice);
  }

  @Test
  void aRegionAndThePoliceAnswerForTheirOwnAuthorities() {
    String crisis = fixtures.crisis("dreigingsniveau-5");
    String toRegion = fixtures.notificationTo(crisis, "VZ-VR09");
    String toPolice = fixtures.notificationTo(crisis, "PC-MIDDEN-NEDERLAND");

    assertThat(api.get("/api/v1/notifications?open=true", "regio-utrecht").json().toString())
        .contains(toRegion)
        .doesNotContain(toPolice);
    assertThat(api.get("/api/v1/notifications?open=true", "politie").json().toString())
        .contains(toPolice)
        .doesNotContain(toRegion);
  }

  private static String encode(String id) {
    return URLEncoder.encode(id, StandardCharsets.UTF_8);
  }
}
