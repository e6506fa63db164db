package nl.knooppunt.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
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
  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();

  @BeforeAll
  static void startHub() {
    settings = TestHubs.in(dataDir);
    hub = StandaloneHub.start(settings.args());
  }

  @AfterAll
  static void stopHub() {
    hub.close();
  }

  @Test
  void level_5_for_utrecht_is_proposed_aligned_decided_registered_and_every_mayor_is_notified()
      throws Exception {
    JsonNode started =
        send(
            "operator",
            "POST",
            "/api/v1/processes/threat-level-proposals",
            Map.of(
                "area",
                Map.of("kind", "PROVINCIE", "codes", List.of("PV26"), "name", "provincie Utrecht"),
                "reason",
                "Aanslag in een tram in Utrecht; dader voortvluchtig",
                "proposedEnd",
                "2019-03-19T06:00:00+01:00",
                "exercise",
                true),
            201);
    String crisisId = started.path("crisisId").asText();

    // police and OM share what the investigation knows before anyone decides
    complete(
        "politie",
        crisisId,
        "Informatie_Delen",
        Map.of(
            "samenvatting", "Eén dader voortvluchtig, mogelijk terroristisch motief",
            "dreigingsinschatting", "VERVOLGDREIGING_MOGELIJK",
            "vertrouwelijkheid", "DEPARTEMENTAAL_VERTROUWELIJK"));
    // region Utrecht aligns with its lokaal gezag
    complete(
        "regio-utrecht",
        crisisId,
        "Afstemmen_Lokaal_Gezag",
        Map.of("standpuntGezag", "STEUNT", "maatregelen", "Extra bewaking OV-knooppunten"));
    // the NCTV decides; the proposer (operator) is someone else: four eyes hold
    complete(
        "nctv",
        crisisId,
        "Besluit_Afkondiging",
        Map.of(
            "uitkomst", "AFKONDIGEN",
            "eindtijd", "2019-03-19T06:00:00+01:00",
            "motivering", "Dader voortvluchtig, vervolgaanslag niet uit te sluiten"));

    JsonNode levels =
        await()
            .atMost(Duration.ofMinutes(2))
            .until(
                () -> send("management", "GET", "/api/v1/threat-levels?exercise=true", null, 200),
                body -> level(body, "VR09") == 5);
    assertThat(level(levels, "VR09")).isEqualTo(5);

    List<JsonNode> notices =
        await()
            .atMost(Duration.ofMinutes(2))
            .until(
                () -> notifications(crisisId),
                list ->
                    list.stream()
                            .filter(n -> n.path("recipientCode").asText().startsWith("BM-"))
                            .count()
                        == 26);
    assertThat(notices).allSatisfy(n -> assertThat(n.path("exercise").asBoolean()).isTrue());

    String mayorOfUtrecht = crisisId + "/afkondiging/BM-GM0344";
    send(
        "gezag-utrecht",
        "POST",
        "/api/v1/notifications/acknowledgements",
        Map.of("notificationId", mayorOfUtrecht),
        200);
    await()
        .atMost(Duration.ofMinutes(1))
        .until(
            () ->
                notifications(crisisId).stream()
                    .filter(n -> mayorOfUtrecht.equals(n.path("notificationId").asText()))
                    .anyMatch(
                        n ->
                            !n.path("acknowledgedAt").isMissingNode()
                                && !n.path("acknowledgedAt").isNull()));

    JsonNode verification = send("management", "GET", "/api/v1/logbook/verification", null, 200);
    assertThat(verification.path("valid").asBoolean()).isTrue();
    assertThat(verification.path("entriesChecked").asInt()).isGreaterThan(26);
  }

  private List<JsonNode> notifications(String crisisId) throws Exception {
    JsonNode list =
        send("operator", "GET", "/api/v1/crises/" + crisisId + "/notifications", null, 200);
    return StreamSupport.stream(list.spliterator(), false).toList();
  }

  private static int level(JsonNode levels, String areaCode) {
    for (JsonNode level : levels) {
      if (areaCode.equals(level.path("areaCode").asText())) {
        return level.path("level").asInt();
      }
    }
    return 0;
  }

  /** Waits for the task in the user's inbox, claims it and completes it with the form. */
  private void complete(String user, String crisisId, String elementId, Map<String, Object> form)
      throws Exception {
    JsonNode task =
        await()
            .atMost(Duration.ofMinutes(1))
            .until(
                () -> {
                  JsonNode page =
                      send(user, "GET", "/api/v1/tasks?crisisId=" + crisisId, null, 200);
                  for (JsonNode t : page.path("items")) {
                    if (elementId.equals(t.path("elementId").asText())) {
                      return t;
                    }
                  }
                  return null;
                },
                t -> t != null);
    String key = task.path("taskKey").asText();
    send(user, "POST", "/api/v1/tasks/" + key + "/claim", null, 200);
    send(user, "POST", "/api/v1/tasks/" + key + "/completion", form, 200);
  }

  private JsonNode send(String user, String method, String path, Object body, int expected)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(settings.url(path)))
            .header(
                "Authorization",
                "Basic "
                    + Base64.getEncoder()
                        .encodeToString(
                            (user + ":" + user + "-demo").getBytes(StandardCharsets.UTF_8)))
            .header("Content-Type", "application/json");
    request.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
    HttpResponse<String> response =
        http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode())
        .as("%s %s as %s: %s", method, path, user, response.body())
        .isEqualTo(expected);
    return response.body().isBlank() ? json.nullNode() : json.readTree(response.body());
  }
}
