package nl.knooppunt.gateway.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import nl.knooppunt.gateway.GatewayITBase;
import nl.knooppunt.gateway.PageClient;
import nl.knooppunt.gateway.PageClient.Page;
import nl.knooppunt.gateway.readmodel.Projector;
import nl.knooppunt.gateway.security.LoginThrottle;
import nl.knooppunt.processes.events.Acknowledgement;
import nl.knooppunt.processes.events.CloudEvent;
import nl.knooppunt.processes.events.DeliveryAttempt;
import nl.knooppunt.processes.events.EventType;
import nl.knooppunt.processes.events.Notice;
import nl.knooppunt.processes.events.RoundCompleted;
import nl.knooppunt.processes.events.Topic;
import nl.knooppunt.processes.links.AcknowledgementLinks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A notice is read and acknowledged on a page by the authority it is addressed to, or from the
 * personal link in its e-mail or SMS without login; its delivery attempts are shown with it.
 */
class NoticePagesIT extends GatewayITBase {

  private static final String HUB_LINE =
      "Landelijk Knooppunt (NCC), 24/7 bereikbaar: 070 000 0000 (demonummer)";

  private final AcknowledgementLinks links = new AcknowledgementLinks(LINK_KEY);

  @Autowired private Projector projector;

  /** The wait after the wrong links of another test has passed. */
  @BeforeEach
  void throttleWaitPassed() {
    clock.advance(LoginThrottle.LOCK_TIME);
  }

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

  @Test
  void everyAttemptToDeliverANoticeIsShownWithItWhereNoticesAreListed() {
    String crisis = fixtures.crisis("dreigingsniveau-5");
    String notice = fixtures.notification(crisis, "GM0344", "VR09");
    fixtures.deliveryAttempt(
        crisis,
        false,
        notice,
        "BM-GM0344",
        1,
        "M. Jansen",
        "EMAIL",
        "m.jansen@utrecht.example",
        DeliveryAttempt.Status.ONBESTELBAAR,
        "550 5.1.1 onbekende ontvanger");
    // the workers retried the job: the same event again is the same row
    fixtures.deliveryAttempt(
        crisis,
        false,
        notice,
        "BM-GM0344",
        1,
        "M. Jansen",
        "EMAIL",
        "m.jansen@utrecht.example",
        DeliveryAttempt.Status.ONBESTELBAAR,
        "550 5.1.1 onbekende ontvanger");
    fixtures.deliveryAttempt(
        crisis,
        false,
        notice,
        "BM-GM0344",
        1,
        "M. Jansen",
        "SMS",
        "06 0000 0001",
        DeliveryAttempt.Status.GEACCEPTEERD,
        null);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from delivery_attempt where notification_id = ?",
                Integer.class,
                notice))
        .isEqualTo(2);

    String crisisPage = PageClient.login(port, "operator").get("/crises/" + crisis).body();
    assertThat(crisisPage)
        .contains("data-poging=\"1-E-mail\"")
        .contains("m.jansen@utrecht.example")
        .contains("onbestelbaar")
        .contains("550 5.1.1 onbekende ontvanger")
        .contains("is-mislukt")
        .contains("data-poging=\"1-Sms\"")
        .contains("afgeleverd");

    PageClient mayor = PageClient.login(port, "gezag-utrecht");
    assertThat(mayor.get("/meldingen/melding?id=" + encode(notice)).body())
        .contains("id=\"aflevering\"")
        .contains("onbestelbaar")
        .contains("06 0000 0001");
    assertThat(mayor.get("/meldingen").body()).contains("m.jansen@utrecht.example");

    // a region elsewhere does not read this crisis, nor its attempts
    Page amsterdam = PageClient.login(port, "regio-amsterdam").get("/crises/" + crisis);
    assertThat(amsterdam.status()).isEqualTo(404);
    assertThat(amsterdam.body()).doesNotContain("m.jansen@utrecht.example");
  }

  @Test
  void thePersonalLinkAcknowledgesOnceExactlyLikeTheHubAndASecondUseChangesNothing()
      throws Exception {
    String crisis = fixtures.crisis("dreigingsniveau-5");
    String notice = noticeToUtrecht(crisis);
    fixtures.deliveryAttempt(
        crisis,
        false,
        notice,
        "BM-GM0344",
        2,
        "M. Jansen",
        "EMAIL",
        "m.jansen@utrecht.example",
        DeliveryAttempt.Status.GEACCEPTEERD,
        null);
    String token = token(notice, "BM-GM0344", 2, Duration.ofHours(1));
    PageClient phone = PageClient.anonymous(port);

    // a mail scanner or the person opens the link: the page, and nothing changes
    HttpResponse<String> opened = rawGet("/bevestigen/" + token);
    assertThat(opened.statusCode()).isEqualTo(200);
    assertThat(opened.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
    assertThat(opened.headers().firstValue("Cache-Control")).hasValue("no-store");
    assertThat(opened.headers().firstValue("X-Robots-Tag")).hasValue("noindex");
    Page page = phone.get("/bevestigen/" + token);
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body())
        .contains("Burgemeester van Utrecht")
        .contains("M. Jansen")
        .contains("Dreigingsniveau 5 voor de provincie Utrecht.")
        .contains("id=\"ontvangst-bevestigen\"")
        .doesNotContain("Uitloggen")
        .doesNotContain("Hoofdmenu");
    assertNothingChanged(notice);

    Page confirmed = phone.post("/bevestigen/" + token);
    assertThat(confirmed.status()).isEqualTo(200);
    assertThat(confirmed.body()).containsPattern("Bevestigd om \\d\\d:\\d\\d — dank u");
    assertThat(
            jdbc.queryForMap(
                "select acknowledged_by, ack_route from notification where notification_id = ?",
                notice))
        .containsEntry("acknowledged_by", "M. Jansen")
        .containsEntry("ack_route", Acknowledgement.ROUTE_LINK);
    assertThat(acknowledgementRecords(notice)).isEqualTo(1);
    assertThat(
            jdbc.queryForObject(
                "select summary from logbook where event_id = ?",
                String.class,
                Acknowledgement.eventId(notice)))
        .isEqualTo(
            "Burgemeester van Utrecht bevestigde de melding (via persoonlijke link: M. Jansen)");
    assertThat(
            jdbc.queryForMap(
                "select notification_id, chain_order, person from acknowledgement_link_use where"
                    + " fingerprint = ?",
                AcknowledgementLinks.fingerprint(token)))
        .containsEntry("notification_id", notice)
        .containsEntry("chain_order", 2)
        .containsEntry("person", "M. Jansen");
    assertThat(api.get("/api/v1/crises/" + crisis + "/notifications", "operator").json())
        .singleElement()
        .satisfies(n -> assertThat(n.path("status").asText()).isEqualTo("BEVESTIGD"));

    // the second use: refused, nothing changes
    Page again = PageClient.anonymous(port).get("/bevestigen/" + token);
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.body()).contains("Deze link is al gebruikt op");
    Page twice = phone.post("/bevestigen/" + token);
    assertThat(twice.status()).isEqualTo(409);
    assertThat(twice.body()).contains("Deze link is al gebruikt op");
    assertThat(acknowledgementRecords(notice)).isEqualTo(1);
    assertThat(linkUses(notice)).isEqualTo(1);
  }

  @Test
  void anAlteredForeignExpiredOrMisdirectedLinkIsRefusedAndChangesNothing() {
    String crisis = fixtures.crisis("dreigingsniveau-5");
    String notice = noticeToUtrecht(crisis);
    String valid = token(notice, "BM-GM0344", 1, Duration.ofHours(1));
    int dot = valid.indexOf('.');
    char c = valid.charAt(dot - 2);
    String altered =
        valid.substring(0, dot - 2) + (c == 'A' ? 'B' : 'A') + valid.substring(dot - 1);
    String foreign =
        new AcknowledgementLinks(
                java.util.Base64.getEncoder()
                    .encodeToString("een-andere-sleutel-van-iemand-anders-0123456789".getBytes()))
            .token(
                new AcknowledgementLinks.Claims(
                    notice, "BM-GM0344", 1, clock.instant().plus(Duration.ofHours(1))));
    String otherRecipient = token(notice, "BM-GM0363", 1, Duration.ofHours(1));
    String unknownNotice =
        token(crisis + "/afkondiging/BM-GM9999", "BM-GM9999", 1, Duration.ofHours(1));

    for (String token : List.of(altered, foreign, otherRecipient, unknownNotice, "geen-token")) {
      PageClient visitor = PageClient.anonymous(port);
      clock.advance(LoginThrottle.LOCK_TIME); // the wait of earlier refusals has passed
      Page opened = visitor.get("/bevestigen/" + token);
      assertThat(opened.status()).as(token).isEqualTo(404);
      assertThat(opened.body()).contains("Deze link is niet geldig");
      clock.advance(LoginThrottle.LOCK_TIME);
      Page pressed = visitor.post("/bevestigen/" + token);
      assertThat(pressed.status()).as(token).isEqualTo(404);
      assertThat(pressed.body()).contains("Deze link is niet geldig");
    }
    assertNothingChanged(notice);

    // the valid link after its expiry: refused, with the hub's line to call
    clock.advance(LoginThrottle.LOCK_TIME);
    clock.advance(Duration.ofHours(1));
    PageClient late = PageClient.anonymous(port);
    Page expired = late.get("/bevestigen/" + valid);
    assertThat(expired.status()).isEqualTo(410);
    assertThat(expired.body()).contains("Deze link is verlopen").contains(HUB_LINE);
    assertThat(late.post("/bevestigen/" + valid).status()).isEqualTo(410);
    assertNothingChanged(notice);
  }

  @Test
  void aLinkToANoticeSomeoneElseAcknowledgedSaysByWhomAndAcknowledgesNothingTwice() {
    String crisis = fixtures.crisis("dreigingsniveau-5");
    String notice = noticeToUtrecht(crisis);
    String token = token(notice, "BM-GM0344", 3, Duration.ofHours(1));
    PageClient mayor = PageClient.login(port, "gezag-utrecht");
    mayor.get("/meldingen/melding?id=" + encode(notice));
    assertThat(mayor.post("/meldingen/bevestigen", "id", notice).status()).isEqualTo(302);

    PageClient deputy = PageClient.anonymous(port);
    Page opened = deputy.get("/bevestigen/" + token);
    assertThat(opened.status()).isEqualTo(200);
    assertThat(opened.body())
        .contains("Deze melding is al bevestigd")
        .contains("Al bevestigd door Lotte van Dam")
        .doesNotContain("id=\"ontvangst-bevestigen\"");
    assertThat(linkUses(notice)).isZero();
    Page pressed = deputy.post("/bevestigen/" + token);
    assertThat(pressed.status()).isEqualTo(200);
    assertThat(pressed.body()).contains("Al bevestigd door Lotte van Dam");
    assertThat(linkUses(notice)).isEqualTo(1);
    assertThat(acknowledgementRecords(notice)).isEqualTo(1);
    assertThat(
            jdbc.queryForObject(
                "select ack_route from notification where notification_id = ?",
                String.class,
                notice))
        .isEqualTo(Acknowledgement.ROUTE_KNOOPPUNT);
  }

  @Test
  void aLinkOfAClosedRoundStillRecordsTheAcknowledgement() {
    String crisis = fixtures.crisis("dreigingsniveau-5");
    String notice = noticeToUtrecht(crisis);
    String round = crisis + "/afkondiging";
    projector.apply(
        CloudEvent.of(
            round + "#ronde-afgerond",
            EventType.MELDINGRONDE_AFGEROND,
            "/test",
            java.time.Instant.now(),
            crisis,
            false,
            new RoundCompleted(round, 1, 0, 0, 1, List.of(), null)));
    String token = token(notice, "BM-GM0344", 1, Duration.ofHours(1));
    PageClient visitor = PageClient.anonymous(port);
    visitor.get("/bevestigen/" + token);

    Page confirmed = visitor.post("/bevestigen/" + token);
    assertThat(confirmed.status()).isEqualTo(200);
    assertThat(confirmed.body())
        .contains("dank u")
        .contains("De meldronde was al afgerond; uw bevestiging is toch vastgelegd");
    assertThat(acknowledgementRecords(notice)).isEqualTo(1);
  }

  @Test
  void manyWrongLinksFromOneAddressAreSlowedDownLikeFailedSignIns() {
    String crisis = fixtures.crisis("dreigingsniveau-5");
    String notice = noticeToUtrecht(crisis);
    String valid = token(notice, "BM-GM0344", 1, Duration.ofHours(1));
    PageClient guesser = PageClient.anonymous(port);
    clock.advance(LoginThrottle.LOCK_TIME);

    Page last = null;
    for (int i = 0; i <= LoginThrottle.FREE_FAILURES; i++) {
      last = guesser.get("/bevestigen/geraden-" + i);
      if (last.status() == 429) {
        break;
      }
    }
    assertThat(last.status()).isEqualTo(429);
    assertThat(last.body()).contains("Te veel ongeldige links");
    // while it waits, even a valid link from that address is not looked at
    assertThat(guesser.get("/bevestigen/" + valid).status()).isEqualTo(429);

    clock.advance(LoginThrottle.LOCK_TIME);
    assertThat(guesser.get("/bevestigen/" + valid).status()).isEqualTo(200);
    assertNothingChanged(notice);
  }

  @Test
  void theMailAndSmsTheHubSentAreListedForTheBeheerderAndForEachAuthorityItsOwn() {
    String crisis = fixtures.crisis("dreigingsniveau-5", "VR09", true);
    String utrecht = fixtures.notification(crisis, "GM0344", "VR09");
    String amsterdam = fixtures.notification(crisis, "GM0363", "VR13");
    String mail = "burgemeester-" + crisis.toLowerCase() + "@utrecht.example";
    String sms = "06 1" + Math.abs(crisis.hashCode() % 10_000_000);
    String elsewhere = "burgemeester-" + crisis.toLowerCase() + "@amsterdam.example";
    fixtures.deliveryAttempt(
        crisis,
        true,
        utrecht,
        "BM-GM0344",
        1,
        "M. Jansen",
        "EMAIL",
        mail,
        DeliveryAttempt.Status.GEACCEPTEERD,
        null);
    fixtures.deliveryAttempt(
        crisis,
        true,
        utrecht,
        "BM-GM0344",
        1,
        "M. Jansen",
        "SMS",
        sms,
        DeliveryAttempt.Status.ONBESTELBAAR,
        "nummer bestaat niet");
    fixtures.deliveryAttempt(
        crisis,
        true,
        amsterdam,
        "BM-GM0363",
        1,
        "K. de Wit",
        "EMAIL",
        elsewhere,
        DeliveryAttempt.Status.GEACCEPTEERD,
        null);

    PageClient beheerder = PageClient.login(port, "beheerder");
    Page all = beheerder.get("/berichten?crisis=" + encode(crisis));
    assertThat(all.status()).isEqualTo(200);
    assertThat(all.body())
        .contains("href=\"/berichten\"")
        .contains(mail)
        .contains(sms)
        .contains(elsewhere)
        .contains("OEFENING")
        .contains("nummer bestaat niet")
        .contains("<details>")
        .contains("Tekst van de melding aan M. Jansen");
    assertThat(beheerder.get("/berichten?crisis=" + encode(crisis) + "&kanaal=SMS").body())
        .contains(sms)
        .doesNotContain(mail)
        .doesNotContain(elsewhere);

    assertThat(PageClient.login(port, "regio-utrecht").get("/berichten").body())
        .contains(mail)
        .contains(sms)
        .doesNotContain(elsewhere);
    assertThat(PageClient.login(port, "gezag-utrecht").get("/berichten").body())
        .contains(mail)
        .doesNotContain(elsewhere);
    assertThat(PageClient.login(port, "regio-amsterdam").get("/berichten").body())
        .contains(elsewhere)
        .doesNotContain(mail);
    PageClient operator = PageClient.login(port, "operator");
    assertThat(operator.get("/berichten").status()).isEqualTo(403);
    assertThat(operator.get("/crises").body()).doesNotContain("href=\"/berichten\"");
  }

  /** A notice of the declaration to the mayor of Utrecht with its text and the hub's line. */
  private String noticeToUtrecht(String crisis) {
    String id = crisis + "/afkondiging/BM-GM0344";
    fixtures.apply(
        EventType.MELDING_VERSTUURD,
        crisis,
        false,
        null,
        new Notice(
            id,
            crisis,
            "BM-GM0344",
            "Burgemeester van Utrecht",
            null,
            "PRIMAIR",
            null,
            true,
            "AFKONDIGING",
            "Dreigingsniveau 5 afgekondigd",
            "Dreigingsniveau 5 voor de provincie Utrecht.",
            null,
            null,
            5,
            null,
            HUB_LINE,
            null,
            null,
            null,
            true));
    return id;
  }

  private String token(String notice, String recipient, int order, Duration valid) {
    return links.token(
        new AcknowledgementLinks.Claims(notice, recipient, order, clock.instant().plus(valid)));
  }

  private void assertNothingChanged(String notice) {
    assertThat(
            jdbc.queryForObject(
                "select acknowledged_at is null from notification where notification_id = ?",
                Boolean.class,
                notice))
        .as("not acknowledged")
        .isTrue();
    assertThat(linkUses(notice)).as("no link use").isZero();
    assertThat(acknowledgementRecords(notice)).as("no record for the workers").isZero();
  }

  private int linkUses(String notice) {
    return jdbc.queryForObject(
        "select count(*) from acknowledgement_link_use where notification_id = ?",
        Integer.class,
        notice);
  }

  /** The outbox records on the acknowledgements topic for a notice (what the workers correlate). */
  private int acknowledgementRecords(String notice) {
    return jdbc.queryForObject(
        "select count(*) from event_publication where serialized_event like ? and"
            + " serialized_event like ?",
        Integer.class,
        "%" + Topic.ACKNOWLEDGEMENTS.topicName() + "%",
        "%\"bevestiging:" + notice + "\"%");
  }

  private HttpResponse<String> rawGet(String path) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
            HttpResponse.BodyHandlers.ofString());
  }

  private static String encode(String id) {
    return URLEncoder.encode(id, StandardCharsets.UTF_8);
  }
}
