package nl.knooppunt.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.knooppunt.directory.DemoContactBook;
import nl.knooppunt.standalone.infra.EmbeddedMailServer;
import nl.knooppunt.standalone.infra.SmsGatewayStandIn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole hub, everything real (engine, workers, Kafka, PostgreSQL, gateway), driven only through
 * the REST API as the people who use it would: level 5 for the province of Utrecht, as an exercise,
 * from the duty officer's proposal to the notified and acknowledging mayor.
 */
class LevelFiveStoryIT {

  @TempDir static Path dataDir;

  private static TestHubs settings;
  private static StandaloneHub hub;
  private static HubApi api;

  @BeforeAll
  static void startHub() {
    settings = TestHubs.in(dataDir);
    hub = StandaloneHub.start(settings.args());
    api = new HubApi(settings);
  }

  @AfterAll
  static void stopHub() {
    hub.close();
  }

  @Test
  void level5ForUtrechtIsProposedAlignedDecidedRegisteredAndEveryMayorIsNotified()
      throws Exception {
    String crisisId = api.proposeLevelFiveForUtrecht(true);

    // police and OM share what the investigation knows before anyone decides
    api.policeSharesInformation(crisisId);
    // region Utrecht aligns with its lokaal gezag
    api.complete(
        "regio-utrecht",
        crisisId,
        "Afstemmen_Lokaal_Gezag",
        Map.of("standpuntGezag", "STEUNT", "maatregelen", "Extra bewaking OV-knooppunten"));
    // the NCTV decides, the other decider co-signs; the proposer (operator) is neither
    api.nctvDeclaresLevelFive(crisisId);

    JsonNode levels =
        await()
            .atMost(Duration.ofMinutes(2))
            .until(
                () ->
                    api.send("management", "GET", "/api/v1/threat-levels?exercise=true", null, 200),
                body -> level(body, "VR09") == 5);
    assertThat(level(levels, "VR09")).isEqualTo(5);

    List<JsonNode> notices = api.awaitNoticesToTheMayorsOfUtrecht(crisisId);
    assertThat(notices).allSatisfy(n -> assertThat(n.path("exercise").asBoolean()).isTrue());
    everyMayorIsMailedOrTextedByTheHub(notices);

    String mayorOfUtrecht = api.acknowledgeAsTheMayorOfUtrecht(crisisId);
    await()
        .atMost(Duration.ofMinutes(1))
        .until(
            () ->
                api.notifications(crisisId).stream()
                    .filter(n -> mayorOfUtrecht.equals(n.path("notificationId").asText()))
                    .anyMatch(
                        n ->
                            !n.path("acknowledgedAt").isMissingNode()
                                && !n.path("acknowledgedAt").isNull()));

    JsonNode verification =
        api.send("management", "GET", "/api/v1/logbook/verification", null, 200);
    assertThat(verification.path("valid").asBoolean()).isTrue();
    assertThat(verification.path("entriesChecked").asInt()).isGreaterThan(26);
  }

  /**
   * Every mayor's holder gets the notice by e-mail in the hub's SMTP server, marked OEFENING; the
   * mayor of De Bilt's demo mail bounces (550), so her notice goes out by SMS at once.
   */
  private static void everyMayorIsMailedOrTextedByTheHub(List<JsonNode> notices) {
    EmbeddedMailServer mail = hub.infrastructure().getBean(EmbeddedMailServer.class);
    SmsGatewayStandIn sms = hub.infrastructure().getBean(SmsGatewayStandIn.class);
    List<String> mayors =
        notices.stream()
            .map(n -> n.path("recipientCode").asText())
            .filter(code -> code.startsWith("BM-"))
            .toList();
    for (String code : mayors) {
      if (code.equals(DemoContactBook.BOUNCING_AUTHORITY)) {
        await()
            .atMost(Duration.ofMinutes(1))
            .until(
                () ->
                    sms.received().stream()
                        .anyMatch(
                            m ->
                                m.reference().contains("/afkondiging/" + code + "#")
                                    && m.text().startsWith("[OEFENING] ")));
      } else {
        String holder = "houder." + code.toLowerCase(Locale.ROOT) + "@" + DemoContactBook.DOMAIN;
        await()
            .atMost(Duration.ofMinutes(1))
            .until(
                () ->
                    mail.received().stream()
                        .anyMatch(
                            m ->
                                HubMail.addressedTo(m, holder)
                                    && HubMail.subject(m).startsWith("OEFENING")));
      }
    }
  }

  private static int level(JsonNode levels, String areaCode) {
    for (JsonNode level : levels) {
      if (areaCode.equals(level.path("areaCode").asText())) {
        return level.path("level").asInt();
      }
    }
    return 0;
  }
}
