package nl.knooppunt.standalone.resilience;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.knooppunt.engine.EmbeddedEngine;
import nl.knooppunt.engine.export.EngineRecord;
import nl.knooppunt.engine.export.RecordListener;
import nl.knooppunt.gateway.readmodel.ReadModelRebuilder;
import nl.knooppunt.processes.events.CloudEvent;
import nl.knooppunt.processes.events.EventPayload;
import nl.knooppunt.processes.events.Topic;
import nl.knooppunt.standalone.HubApi;
import nl.knooppunt.standalone.HubQuiet;
import nl.knooppunt.standalone.StandaloneHub;
import nl.knooppunt.standalone.TestHubs;
import nl.knooppunt.standalone.infra.EmbeddedKafkaServer;
import nl.knooppunt.standalone.infra.EmbeddedPostgresServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The events topic is the source of truth (docs/adr/0016): a level-5 story through the API, then
 * the read model rebuilt from the topic alone equals the one the hub built live, table by table.
 * And when Kafka stops in the middle of a story, every write still answers, the workers' jobs fail
 * and are retried with their backoff (no incident), and once Kafka is back every event of the
 * gateway is on the topic exactly once, none lost: the outbox delays, it never loses. When
 * PostgreSQL stops, the API answers 503 and the pages show a banner while the engine and the
 * workers go on; the read model catches up after (docs/adr/0039).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EventsTopicIT {

  @TempDir static Path dataDir;

  private static TestHubs settings;
  private static StandaloneHub hub;
  private static HubApi api;
  private static JdbcTemplate jdbc;

  @BeforeAll
  static void startHub() {
    settings = TestHubs.in(dataDir);
    hub = StandaloneHub.start(settings.args());
    api = new HubApi(settings);
    jdbc = hub.gateway().getBean(JdbcTemplate.class);
  }

  @AfterAll
  static void stopHub() {
    hub.close();
  }

  @Test
  @Order(1)
  void aReadModelRebuiltFromTheEventsTopicEqualsTheOneBuiltLive() throws Exception {
    String crisisId = api.proposeLevelFiveForUtrecht(true);
    declareAndNotify(crisisId);
    api.acknowledgeAsTheMayorOfUtrecht(crisisId);

    assertTheTopicRebuildsTheReadModel();
  }

  @Test
  @Order(2)
  void aKafkaOutageDuringALevel5StoryDelaysTheEventsAndLosesNone() throws Exception {
    EmbeddedKafkaServer kafka = hub.infrastructure().getBean(EmbeddedKafkaServer.class);
    EmbeddedEngine engine = hub.infrastructure().getBean(EmbeddedEngine.class);
    List<EngineRecord> jobsAndIncidents = new CopyOnWriteArrayList<>();
    RecordListener watch =
        r -> {
          if (r.valueType().equals("JOB") || r.valueType().equals("INCIDENT")) {
            jobsAndIncidents.add(r);
          }
        };
    String crisisId = api.proposeLevelFiveForUtrecht(true);
    api.awaitTask("politie", crisisId, "Informatie_Delen");
    api.awaitTask("regio-utrecht", crisisId, "Afstemmen_Lokaal_Gezag");

    engine.addRecordListener(watch);
    kafka.stop();
    try {
      // the police and the OM share what they know, the region aligns and the NCTV declares: every
      // write answers
      api.policeSharesInformation(crisisId);
      api.complete(
          "regio-utrecht",
          crisisId,
          "Afstemmen_Lokaal_Gezag",
          Map.of("standpuntGezag", "STEUNT", "maatregelen", "Extra bewaking OV-knooppunten"));
      assertThat(
              jdbc.queryForObject(
                  "select count(*) from task where crisis_id = ? and element_id in"
                      + " ('Informatie_Delen', 'Afstemmen_Lokaal_Gezag') and state = 'COMPLETED'"
                      + " and completed_by is not null",
                  Integer.class,
                  crisisId))
          .as("the read model follows at once, without Kafka")
          .isEqualTo(3);
      api.nctvDeclaresLevelFive(crisisId);
      // Kafka stays away until the workers felt it: a job that publishes waits 15 s for Kafka,
      // then fails and is retried 5 s later (then 30 s, 3 min: an incident only after the third
      // failure, at the earliest 65 s after the first attempt began). So the outage lasts as long
      // as it takes the first job to fail (about 15 s after the declaration), not a fixed 30 s; all
      // that time what the gateway owes Kafka waits in the outbox.
      await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(500))
          .untilAsserted(
              () -> {
                assertThat(incompleteRecords())
                    .as("what the gateway owes Kafka waits in the outbox")
                    .isPositive();
                assertThat(failedJobs(jobsAndIncidents))
                    .as("a worker's job failed on Kafka")
                    .isNotEmpty();
              });
    } finally {
      kafka.restart();
    }
    EngineRecord failed = failedJobs(jobsAndIncidents).get(0);
    assertThat(failed.get("errorMessage").toString()).contains("KafkaUnavailableException");
    assertThat(failed.get("retries")).as("one retry used, two left").isEqualTo(2);

    // the story goes on: notified, acknowledged
    api.awaitNoticesToTheMayorsOfUtrecht(crisisId);
    api.acknowledgeAsTheMayorOfUtrecht(crisisId);

    Map<String, List<CloudEvent<EventPayload>>> byId = awaitQuiet();
    engine.removeRecordListener(watch);
    long failedKey = failed.key();
    EngineRecord recurred =
        jobsAndIncidents.stream()
            .filter(r -> r.key() == failedKey && r.intent().equals("RECURRED_AFTER_BACKOFF"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("the failed job was not retried"));
    assertThat(recurred.timestamp() - failed.timestamp())
        .as("the retry waited for its backoff")
        .isGreaterThanOrEqualTo(5_000);
    assertThat(jobsAndIncidents)
        .as("the failed job completed on its retry")
        .anyMatch(r -> r.key() == failedKey && r.intent().equals("COMPLETED"));
    assertThat(jobsAndIncidents)
        .as("no incident: the retries outlasted the outage")
        .noneMatch(r -> r.valueType().equals("INCIDENT"));
    List<String> noticeIds =
        api.notifications(crisisId).stream().map(n -> n.path("notificationId").asText()).toList();
    assertThat(noticeIds).as("every notice once").doesNotHaveDuplicates();
    assertThat(incompleteRecords()).as("the outbox is empty").isZero();
    List<String> gatewayIdsMoreThanOnce =
        byId.entrySet().stream()
            .filter(e -> e.getValue().get(0).source().equals("/knooppunt/gateway"))
            .filter(e -> e.getValue().size() > 1)
            .map(Map.Entry::getKey)
            .toList();
    assertThat(gatewayIdsMoreThanOnce).as("every event of the gateway exactly once").isEmpty();
    List<String> ofTheOutage =
        byId.values().stream()
            .map(list -> list.get(0))
            .filter(e -> crisisId.equals(e.crisisId()))
            .map(e -> e.type().type())
            .toList();
    assertThat(ofTheOutage)
        .as("the events written during the outage reached the topic")
        .contains(
            "nl.knooppunt.crisis.gestart",
            "nl.knooppunt.proces.geregistreerd",
            "nl.knooppunt.taak.geclaimd",
            "nl.knooppunt.taak.afgerond",
            "nl.knooppunt.taak.voltooid",
            "nl.knooppunt.dreigingsniveau.gewijzigd",
            "nl.knooppunt.melding.bevestigd");
    List<String> processed =
        jdbc.queryForList("select event_id from processed_event", String.class);
    assertThat(byId.keySet())
        .as("no event of the read model is missing on the topic")
        .containsAll(processed);

    assertTheTopicRebuildsTheReadModel();
  }

  @Test
  @Order(3)
  void aDatabaseOutageAnswers503WhileTheEngineAndTheWorkersGoOnAndTheReadModelCatchesUp()
      throws Exception {
    EmbeddedPostgresServer postgres = hub.infrastructure().getBean(EmbeddedPostgresServer.class);
    EmbeddedEngine engine = hub.infrastructure().getBean(EmbeddedEngine.class);
    String crisisId = api.proposeLevelFiveForUtrecht(true);
    declareAndAlign(crisisId);
    HttpClient operator = signedIn("operator");
    // the engine holds the declaration's fan-out until the database is down, so all of it runs
    // during the outage (the decision itself is saved before: the gateway records it)
    CountDownLatch databaseDown = new CountDownLatch(1);
    AtomicBoolean held = new AtomicBoolean();
    List<EngineRecord> jobsAndIncidents = new CopyOnWriteArrayList<>();
    RecordListener watch =
        r -> {
          if (r.valueType().equals("JOB") || r.valueType().equals("INCIDENT")) {
            jobsAndIncidents.add(r);
          }
          if (r.valueType().equals("PROCESS_INSTANCE")
              && r.intent().equals("ELEMENT_ACTIVATED")
              && "Informeren_Afkondiging".equals(r.get("elementId"))
              && held.compareAndSet(false, true)) {
            try {
              databaseDown.await(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
        };
    engine.addRecordListener(watch);
    try {
      api.nctvDeclaresLevelFive(crisisId);
      postgres.stop();
    } finally {
      databaseDown.countDown();
    }
    try {
      // the API answers 503 problem+json with Retry-After, never 500: a read and a write
      HttpResponse<String> read =
          raw("nctv", "GET", "/api/v1/crises/" + crisisId + "/notifications", null);
      assertThat(read.statusCode()).isEqualTo(503);
      assertThat(read.headers().firstValue("Content-Type")).hasValue("application/problem+json");
      assertThat(read.headers().firstValue("Retry-After")).hasValue("30");
      assertThat(read.headers().firstValue("API-Version")).isPresent();
      JsonNode problem = new ObjectMapper().readTree(read.body());
      assertThat(problem.path("status").asInt()).isEqualTo(503);
      assertThat(problem.path("detail").asText())
          .contains("De database van het knooppunt is tijdelijk niet bereikbaar")
          .contains("The hub's database is temporarily unavailable");
      HttpResponse<String> write =
          raw(
              "operator",
              "POST",
              "/api/v1/processes/threat-level-proposals",
              HubApi.levelFiveProposalForUtrecht(true));
      assertThat(write.statusCode()).as(write.body()).isEqualTo(503);
      // a page shows the Dutch banner, announced to screen readers, not a white page
      HttpResponse<String> page =
          operator.send(
              HttpRequest.newBuilder(URI.create(api.url("/crises/" + crisisId))).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(page.statusCode()).isEqualTo(503);
      assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
      assertThat(page.body())
          .contains("role=\"alert\"")
          .contains("De database is tijdelijk niet bereikbaar")
          .contains("opslaan lukt nu")
          // the signed-in user is not known: the session itself is in the database (ADR 0038)
          .doesNotContain("Whitelabel");

      // the engine and the workers go on: every mayor of Utrecht is notified during the outage,
      // and the gateway's task listener waits for the database without using up its retries
      await()
          .atMost(Duration.ofMinutes(2))
          .pollInterval(Duration.ofSeconds(1))
          .untilAsserted(
              () -> {
                assertThat(
                        noticesOnTheTopic(crisisId).stream()
                            .filter(id -> id.startsWith(crisisId + "/afkondiging/BM-"))
                            .count())
                    .isEqualTo(26);
                assertThat(jobsAndIncidents)
                    .anyMatch(
                        r ->
                            r.intent().equals("FAILED")
                                && String.valueOf(r.get("errorMessage"))
                                    .contains("De database is niet bereikbaar"));
              });
    } finally {
      postgres.restart();
    }

    // the read model catches up: the notices, the tasks of the declaration, every event once
    api.awaitNoticesToTheMayorsOfUtrecht(crisisId);
    api.awaitTask("communicatie", crisisId, "Communicatie_Afkondiging");
    api.acknowledgeAsTheMayorOfUtrecht(crisisId);
    assertTheTopicRebuildsTheReadModel();
    engine.removeRecordListener(watch);
    assertThat(jobsAndIncidents)
        .as("no incident: the task listener waited for the database")
        .noneMatch(r -> r.valueType().equals("INCIDENT"));
    assertThat(
            jobsAndIncidents.stream()
                .filter(r -> r.intent().equals("FAILED"))
                .filter(r -> String.valueOf(r.get("errorMessage")).contains("De database"))
                .map(r -> r.get("retries"))
                .distinct()
                .toList())
        .as("a listener job that waited for the database kept its retries")
        .containsOnly(3);
  }

  // --- the story

  private static void declareAndAlign(String crisisId) throws Exception {
    api.policeSharesInformation(crisisId);
    api.complete(
        "regio-utrecht",
        crisisId,
        "Afstemmen_Lokaal_Gezag",
        Map.of("standpuntGezag", "STEUNT", "maatregelen", "Extra bewaking OV-knooppunten"));
  }

  /** A request whose answer is checked by the caller (with Basic, as {@link HubApi} sends). */
  private static HttpResponse<String> raw(String user, String method, String path, Object body)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(api.url(path)))
            .header(
                "Authorization",
                "Basic "
                    + Base64.getEncoder()
                        .encodeToString((user + ":" + user + "-demo").getBytes(UTF_8)))
            .header("Content-Type", "application/json");
    request.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(new ObjectMapper().writeValueAsString(body)));
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** A browser-like client signed in on the login page (a session cookie). */
  private static HttpClient signedIn(String user) throws Exception {
    HttpClient client =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    HttpResponse<String> login =
        client.send(
            HttpRequest.newBuilder(URI.create(api.url("/login"))).build(),
            HttpResponse.BodyHandlers.ofString());
    Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(login.body());
    assertThat(csrf.find()).as("the login form's CSRF token").isTrue();
    String form =
        "username="
            + user
            + "&password="
            + user
            + "-demo&_csrf="
            + URLEncoder.encode(csrf.group(1), UTF_8);
    HttpResponse<String> signIn =
        client.send(
            HttpRequest.newBuilder(URI.create(api.url("/login")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(signIn.headers().firstValue("Location").orElse("")).doesNotContain("error");
    return client;
  }

  /** The ids of the notices of a crisis on the notifications topic (Kafka, not the database). */
  private static List<String> noticesOnTheTopic(String crisisId) {
    return new ArrayList<>(
        HubQuiet.ofTheCrisis(settings.bootstrapServers(), Topic.NOTIFICATIONS, crisisId).keySet());
  }

  private static void declareAndNotify(String crisisId) throws Exception {
    api.policeSharesInformation(crisisId);
    api.complete(
        "regio-utrecht",
        crisisId,
        "Afstemmen_Lokaal_Gezag",
        Map.of("standpuntGezag", "STEUNT", "maatregelen", "Extra bewaking OV-knooppunten"));
    api.nctvDeclaresLevelFive(crisisId);
    api.awaitNoticesToTheMayorsOfUtrecht(crisisId);
  }

  // --- the topic and the read model

  private static List<EngineRecord> failedJobs(List<EngineRecord> records) {
    return records.stream()
        .filter(r -> r.valueType().equals("JOB") && r.intent().equals("FAILED"))
        .toList();
  }

  private static long incompleteRecords() {
    return quiet().incompleteRecords();
  }

  private static HubQuiet quiet() {
    return new HubQuiet(settings.bootstrapServers(), jdbc);
  }

  /**
   * Waits until the hub is quiet: the outbox is empty, every event on the topic is in the read
   * model, and the topic did not grow between two looks. Returns the topic's events by id.
   */
  private static Map<String, List<CloudEvent<EventPayload>>> awaitQuiet() {
    return quiet().awaitQuiet(Duration.ofMinutes(3));
  }

  private static void assertTheTopicRebuildsTheReadModel() {
    Map<String, List<CloudEvent<EventPayload>>> topic = awaitQuiet();
    assertThat(quiet().readModel().get("crisis")).isNotEmpty();
    quiet()
        .assertARebuildEqualsTheReadModel(hub.gateway().getBean(ReadModelRebuilder.class), topic);
    JsonNode verification =
        call(() -> api.send("management", "GET", "/api/v1/logbook/verification", null, 200));
    assertThat(verification.path("valid").asBoolean()).isTrue();
  }

  private interface Call {
    JsonNode run() throws Exception;
  }

  private static JsonNode call(Call call) {
    try {
      return call.run();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
