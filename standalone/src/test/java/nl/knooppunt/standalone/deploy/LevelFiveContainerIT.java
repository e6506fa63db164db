package nl.knooppunt.standalone.deploy;

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
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import nl.knooppunt.gateway.GatewayApplication;
import nl.knooppunt.processes.events.EventType;
import nl.knooppunt.processes.events.Topic;
import nl.knooppunt.workers.WorkersApplication;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * One level-5 scenario against the real Camunda 8.8 image (with Elasticsearch as its secondary
 * storage), Apache Kafka and PostgreSQL, with our workers and gateway as in production: a duty
 * officer proposes level 5 for the province of Utrecht through the REST API, the workers deploy the
 * models and do the service tasks, the region Utrecht finds its alignment task in its inbox (task
 * listeners → gateway read model), claims and completes it, and the events reach Kafka.
 *
 * <p>Runs only where a Docker engine is available ({@code disabledWithoutDocker}): it is skipped
 * cleanly elsewhere. The images are the ones pinned in deploy/compose/compose.yaml. Camunda runs
 * with an unprotected API here (no Keycloak); the OIDC wiring is covered by the gateway's
 * production-profile tests and DeploymentFilesTest.
 */
@Testcontainers(disabledWithoutDocker = true)
class LevelFiveContainerIT {

  static final String CAMUNDA_IMAGE = "camunda/camunda:8.8.14";
  static final String ELASTIC_IMAGE = "docker.elastic.co/elasticsearch/elasticsearch:8.17.5";
  static final String KAFKA_IMAGE = "apache/kafka:3.9.1";
  static final String POSTGRES_IMAGE = "postgres:17.6";

  static final Network NETWORK = Network.newNetwork();

  @Container
  static final GenericContainer<?> ELASTIC =
      new GenericContainer<>(DockerImageName.parse(ELASTIC_IMAGE))
          .withNetwork(NETWORK)
          .withNetworkAliases("elasticsearch")
          .withEnv("discovery.type", "single-node")
          .withEnv("xpack.security.enabled", "false")
          .withEnv("ES_JAVA_OPTS", "-Xms512m -Xmx512m")
          .withExposedPorts(9200)
          .waitingFor(
              Wait.forHttp("/_cluster/health?wait_for_status=yellow")
                  .forPort(9200)
                  .withStartupTimeout(Duration.ofMinutes(3)));

  @Container
  static final GenericContainer<?> CAMUNDA =
      new GenericContainer<>(DockerImageName.parse(CAMUNDA_IMAGE))
          .withNetwork(NETWORK)
          .withNetworkAliases("camunda")
          .dependsOn(ELASTIC)
          .withEnv("CAMUNDA_DATA_SECONDARYSTORAGE_TYPE", "elasticsearch")
          .withEnv("CAMUNDA_DATA_SECONDARYSTORAGE_ELASTICSEARCH_URL", "http://elasticsearch:9200")
          .withEnv("CAMUNDA_DATABASE_TYPE", "elasticsearch")
          .withEnv("CAMUNDA_DATABASE_URL", "http://elasticsearch:9200")
          .withEnv("CAMUNDA_SECURITY_AUTHENTICATION_UNPROTECTEDAPI", "true")
          .withEnv("CAMUNDA_SECURITY_AUTHORIZATIONS_ENABLED", "false")
          .withEnv("JAVA_TOOL_OPTIONS", "-Xms512m -Xmx1g")
          .withExposedPorts(26500, 8080, 9600)
          .waitingFor(
              Wait.forHttp("/actuator/health/readiness")
                  .forPort(9600)
                  .withStartupTimeout(Duration.ofMinutes(5)));

  @Container static final KafkaContainer KAFKA = new KafkaContainer(KAFKA_IMAGE);

  @Container
  static final PostgreSQLContainer<?> POSTGRES =
      new PostgreSQLContainer<>(POSTGRES_IMAGE)
          .withDatabaseName("knooppunt")
          .withUsername("knooppunt")
          .withPassword("knooppunt-test");

  static ConfigurableApplicationContext workers;
  static ConfigurableApplicationContext gateway;
  static final HttpClient HTTP = HttpClient.newHttpClient();
  static final ObjectMapper JSON = new ObjectMapper();
  static String base;

  @BeforeAll
  static void startTheHub() throws Exception {
    try (Admin admin =
        Admin.create(
            Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.getBootstrapServers()))) {
      List<NewTopic> topics = new ArrayList<>();
      for (Topic t : Topic.values()) {
        topics.add(new NewTopic(t.topicName(), 3, (short) 1));
      }
      admin.createTopics(topics).all().get();
    }
    String grpc = "http://" + CAMUNDA.getHost() + ":" + CAMUNDA.getMappedPort(26500);
    String rest = "http://" + CAMUNDA.getHost() + ":" + CAMUNDA.getMappedPort(8080);
    List<String> common =
        List.of(
            "--spring.kafka.bootstrap-servers=" + KAFKA.getBootstrapServers(),
            "--camunda.client.mode=self-managed",
            "--camunda.client.grpc-address=" + grpc,
            "--camunda.client.rest-address=" + rest,
            "--camunda.client.prefer-rest-over-grpc=false");
    workers =
        new SpringApplicationBuilder(WorkersApplication.class)
            .properties("spring.config.name=" + WorkersApplication.CONFIG_NAME)
            .run(
                Stream.concat(common.stream(), Stream.of("--server.port=0"))
                    .toArray(String[]::new));
    gateway =
        new SpringApplicationBuilder(GatewayApplication.class)
            .properties("spring.config.name=" + GatewayApplication.CONFIG_NAME)
            .run(
                Stream.concat(
                        common.stream(),
                        Stream.of(
                            "--server.port=0",
                            "--spring.datasource.url=" + POSTGRES.getJdbcUrl(),
                            "--spring.datasource.username=" + POSTGRES.getUsername(),
                            "--spring.datasource.password=" + POSTGRES.getPassword()))
                    .toArray(String[]::new));
    int port = ((WebServerApplicationContext) gateway).getWebServer().getPort();
    base = "http://localhost:" + port;
  }

  @AfterAll
  static void stopTheHub() {
    if (gateway != null) {
      gateway.close();
    }
    if (workers != null) {
      workers.close();
    }
  }

  static HttpResponse<String> call(String user, String method, String path, String body)
      throws Exception {
    String auth =
        Base64.getEncoder()
            .encodeToString((user + ":" + user + "-demo").getBytes(StandardCharsets.UTF_8));
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Authorization", "Basic " + auth)
            .header("Accept", "application/json")
            .timeout(Duration.ofSeconds(30));
    if (body == null) {
      b.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      b.header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(body));
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  static String eventType(String json) {
    try {
      return JSON.readTree(json).path("type").asText();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void aRegionAlignsWithItsGezagOnALevelFiveProposalRunOnCamunda() throws Exception {
    String proposedEnd = OffsetDateTime.now(ZoneOffset.UTC).plusHours(6).withNano(0).toString();
    HttpResponse<String> started =
        call(
            "operator",
            "POST",
            "/api/v1/processes/threat-level-proposals",
            """
            {"area": {"kind": "PROVINCIE", "codes": ["Utrecht"], "name": "provincie Utrecht"},
             "reason": "Containertest: concrete dreiging", "proposedEnd": "%s",
             "exercise": true}"""
                .formatted(proposedEnd));
    assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
    String crisisId = JSON.readTree(started.body()).get("crisisId").asText();

    // the creating listener of the region's user task reaches the gateway's read model
    JsonNode task =
        await()
            .atMost(Duration.ofMinutes(2))
            .pollInterval(Duration.ofSeconds(1))
            .until(
                () -> {
                  JsonNode page =
                      JSON.readTree(
                          call("regio-utrecht", "GET", "/api/v1/tasks?sort=DUE_ASC&size=50", null)
                              .body());
                  for (JsonNode t : page.get("items")) {
                    if (crisisId.equals(t.path("crisisId").asText())) {
                      return t;
                    }
                  }
                  return null;
                },
                t -> t != null);
    assertThat(task.path("vrCode").asText()).isEqualTo("VR09");
    String key = task.get("taskKey").asText();

    assertThat(call("regio-utrecht", "POST", "/api/v1/tasks/" + key + "/claim", null).statusCode())
        .isBetween(200, 204);
    HttpResponse<String> completed =
        call(
            "regio-utrecht",
            "POST",
            "/api/v1/tasks/" + key + "/completion",
            """
            {"standpuntGezag": "STEUNT_MET_KANTTEKENINGEN",
             "maatregelen": "Extra bewaking stations",
             "toelichting": "Burgemeester geïnformeerd"}""");
    assertThat(completed.statusCode()).as(completed.body()).isBetween(200, 204);
    // completing twice: the real engine refuses, the gateway answers 409
    assertThat(
            call("regio-utrecht", "POST", "/api/v1/tasks/" + key + "/completion", "{}")
                .statusCode())
        .isIn(400, 409);

    // the opening of the crisis and the task's events are on the logbook topic
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.getBootstrapServers());
    p.put(ConsumerConfig.GROUP_ID_CONFIG, "level-five-container-it");
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
      consumer.subscribe(List.of(Topic.EVENTS.topicName()));
      List<String> types = new ArrayList<>();
      await()
          .atMost(Duration.ofMinutes(1))
          .untilAsserted(
              () -> {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                  if (crisisId.equals(r.key())) {
                    types.add(eventType(r.value()));
                  }
                }
                assertThat(types)
                    .contains(
                        EventType.CRISIS_GESTART.type(), EventType.PROCES_GEREGISTREERD.type());
                assertThat(types).anyMatch(t -> t.startsWith("nl.knooppunt.taak."));
              });
    }

    HttpResponse<String> timeline =
        call("operator", "GET", "/api/v1/crises/" + crisisId + "/timeline", null);
    assertThat(timeline.statusCode()).isEqualTo(200);
    assertThat(timeline.body()).contains(crisisId);
  }
}
