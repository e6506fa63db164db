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
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

/**
 * The hub's REST API as the demo users use it in tests (HTTP Basic, password {@code
 * <account>-demo}): send a request and check its status, wait for a task and complete it.
 */
public final class HubApi {

  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();
  private final TestHubs hub;

  public HubApi(TestHubs hub) {
    this.hub = hub;
  }

  /** Sends a request as a demo user and asserts the status; returns the JSON body. */
  public JsonNode send(String user, String method, String path, Object body, int expected)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(hub.url(path)))
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

  /** Waits until the task (BPMN element id) of the crisis is in the user's inbox. */
  public JsonNode awaitTask(String user, String crisisId, String elementId) {
    return await()
        .atMost(Duration.ofMinutes(1))
        .until(
            () -> {
              JsonNode page = send(user, "GET", "/api/v1/tasks?crisisId=" + crisisId, null, 200);
              for (JsonNode t : page.path("items")) {
                if (elementId.equals(t.path("elementId").asText())) {
                  return t;
                }
              }
              return null;
            },
            t -> t != null);
  }

  /** Waits for the task in the user's inbox, claims it and completes it with the form. */
  public void complete(String user, String crisisId, String elementId, Map<String, Object> form)
      throws Exception {
    String key = awaitTask(user, crisisId, elementId).path("taskKey").asText();
    send(user, "POST", "/api/v1/tasks/" + key + "/claim", null, 200);
    send(user, "POST", "/api/v1/tasks/" + key + "/completion", form, 200);
  }

  /** The notifications of a crisis. */
  public List<JsonNode> notifications(String crisisId) throws Exception {
    JsonNode list =
        send("operator", "GET", "/api/v1/crises/" + crisisId + "/notifications", null, 200);
    return StreamSupport.stream(list.spliterator(), false).toList();
  }

  /** Waits until the declaration's notices reached all 26 mayors of the province of Utrecht. */
  public List<JsonNode> awaitNoticesToTheMayorsOfUtrecht(String crisisId) {
    return await()
        .atMost(Duration.ofMinutes(2))
        .until(
            () -> notifications(crisisId),
            list ->
                list.stream()
                        .filter(n -> n.path("recipientCode").asText().startsWith("BM-"))
                        .count()
                    == 26);
  }

  /** The mayor of Utrecht acknowledges the declaration's notice; returns its id. */
  public String acknowledgeAsTheMayorOfUtrecht(String crisisId) throws Exception {
    String mayorOfUtrecht = crisisId + "/afkondiging/BM-GM0344";
    send(
        "gezag-utrecht",
        "POST",
        "/api/v1/notifications/acknowledgements",
        Map.of("notificationId", mayorOfUtrecht),
        200);
    return mayorOfUtrecht;
  }

  /**
   * The NCTV declares level 5 for six hours (the operator proposed: four eyes hold) and the other
   * NCTV decider co-signs; only then is the level registered.
   */
  public void nctvDeclaresLevelFive(String crisisId) throws Exception {
    complete(
        "nctv",
        crisisId,
        "Besluit_Afkondiging",
        Map.of(
            "uitkomst", "AFKONDIGEN",
            "eindtijd", inSixHours(),
            "motivering", "Dader voortvluchtig, vervolgaanslag niet uit te sluiten"));
    complete(
        "nctv2", crisisId, "Medeondertekenen_Afkondiging", Map.of("goedkeuring", "GOEDGEKEURD"));
  }

  /**
   * Police and OM each share their own information on a level-5 proposal (first step of the
   * process): the decision waits for both.
   */
  public void policeSharesInformation(String crisisId) throws Exception {
    complete(
        "politie",
        crisisId,
        "Informatie_Delen",
        Map.of(
            "samenvatting", "Eén dader voortvluchtig, mogelijk terroristisch motief",
            "dreigingsinschatting", "VERVOLGDREIGING_MOGELIJK",
            "vertrouwelijkheid", "DEPARTEMENTAAL_VERTROUWELIJK"));
    omSharesInformation(crisisId);
  }

  /** The OM shares its own information on a level-5 proposal (its task, beside the police's). */
  public void omSharesInformation(String crisisId) throws Exception {
    complete(
        "om",
        crisisId,
        "Informatie_Delen",
        Map.of(
            "samenvatting", "Strafrechtelijk onderzoek onder leiding van de OvJ; geen handlangers",
            "dreigingsinschatting", "VERVOLGDREIGING_MOGELIJK",
            "vertrouwelijkheid", "DEPARTEMENTAAL_VERTROUWELIJK"));
  }

  /** The body of a level-5 proposal for the province of Utrecht (the tram attack). */
  /** Six hours from now: an end time inside the window the hub takes (2000 to a year ahead). */
  public static String inSixHours() {
    return java.time.OffsetDateTime.now()
        .plusHours(6)
        .truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
        // always with seconds: toString() leaves ":00" out, one minute in sixty, and the form
        // then refuses the value
        .format(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME);
  }

  public static Map<String, Object> levelFiveProposalForUtrecht(boolean exercise) {
    return Map.of(
        "area",
        Map.of("kind", "PROVINCIE", "codes", List.of("PV26"), "name", "provincie Utrecht"),
        "reason",
        "Aanslag in een tram in Utrecht; dader voortvluchtig",
        "proposedEnd",
        inSixHours(),
        "exercise",
        exercise);
  }

  /** Starts a level-5 proposal for the province of Utrecht as the duty officer. */
  public String proposeLevelFiveForUtrecht(boolean exercise) throws Exception {
    JsonNode started =
        send(
            "operator",
            "POST",
            "/api/v1/processes/threat-level-proposals",
            levelFiveProposalForUtrecht(exercise),
            201);
    return started.path("crisisId").asText();
  }

  /** The hub's URL of a path. */
  public String url(String path) {
    return hub.url(path);
  }
}
