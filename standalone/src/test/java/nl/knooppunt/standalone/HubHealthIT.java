package nl.knooppunt.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import io.camunda.client.annotation.value.JobWorkerValue;
import io.camunda.client.jobhandling.JobWorkerManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import nl.knooppunt.processes.JobType;
import nl.knooppunt.processes.ProcessId;
import nl.knooppunt.processes.TaskListenerJobType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded default comes up in one JVM and says so on its health endpoint. */
class HubHealthIT {

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
  void healthIsUpWithTheDatabaseAndKafkaAsComponentsForTheAdministrator() throws Exception {
    JsonNode anonymous = get("/actuator/health", null);
    assertThat(anonymous.path("status").asText()).isEqualTo("UP");
    assertThat(anonymous.has("components")).as("components for an anonymous caller").isFalse();

    JsonNode health = get("/actuator/health", "beheerder:beheerder-demo");

    assertThat(health.path("status").asText()).isEqualTo("UP");
    assertThat(health.at("/components/db/status").asText()).isEqualTo("UP");
    assertThat(health.at("/components/db/details/database").asText()).isEqualTo("PostgreSQL");
    assertThat(health.at("/components/kafka/status").asText()).isEqualTo("UP");
    assertThat(health.at("/components/kafka/details/brokers").asInt()).isEqualTo(1);
    // the whole hub started (gateway and workers, processes deployed): not only its web server
    assertThat(health.at("/components/hubStartup/status").asText()).isEqualTo("UP");
  }

  @Test
  void theHubTellsItRunsEmbedded() throws Exception {
    JsonNode info = get("/api/v1/info");

    assertThat(info.path("name").asText()).isEqualTo("Landelijk Knooppunt");
    assertThat(info.path("mode").asText()).isEqualTo("embedded");
  }

  @Test
  void theEngineAnswersTheCamundaClientAndRunsTheHubsProcesses() throws Exception {
    CamundaClient camunda = hub.workers().getBean(CamundaClient.class);

    assertThat(camunda.newTopologyRequest().send().join().getBrokers()).hasSize(1);
    var redeployed =
        camunda
            .newDeployResourceCommand()
            .addResourceBytes(
                getClass()
                    .getClassLoader()
                    .getResourceAsStream(ProcessId.INFORMEER_GEZAGEN.resource())
                    .readAllBytes(),
                ProcessId.INFORMEER_GEZAGEN.id() + ".bpmn")
            .send()
            .join();
    assertThat(redeployed.getProcesses().get(0).getVersion())
        .as("the workers deployed it at start; unchanged, it keeps version 1")
        .isEqualTo(1);
  }

  /**
   * A worker killed while it holds a job (a notice, a task's listener) holds it back until the
   * job's timeout: one minute, not the client's default of five (docs/adr/0050).
   */
  @Test
  void aJobAKilledWorkerHeldGoesToAnotherWorkerWithinAMinute() {
    JobWorkerManager workers = hub.workers().getBean(JobWorkerManager.class);
    for (JobType type : JobType.values()) {
      assertThat(workers.findJobWorkerConfigByType(type.type()).map(JobWorkerValue::getTimeout))
          .as("the timeout of the workers' %s", type.type())
          .contains(Duration.ofMinutes(1));
    }
    JobWorkerManager gateway = hub.gateway().getBean(JobWorkerManager.class);
    for (TaskListenerJobType type : TaskListenerJobType.values()) {
      assertThat(gateway.findJobWorkerConfigByType(type.type()).map(JobWorkerValue::getTimeout))
          .as("the timeout of the gateway's %s", type.type())
          .contains(Duration.ofMinutes(1));
    }
  }

  @Test
  void theDemoAccountsOfTheEmbeddedDefaultAreSeeded() {
    assertThat(hub.demoAccounts()).contains("operator", "nctv", "regio-utrecht", "management");
  }

  @Test
  void theUrlToOpenIsTheGatewayPort() {
    assertThat(hub.url()).isEqualTo(settings.url("/"));
  }

  private JsonNode get(String path) throws Exception {
    return get(path, null);
  }

  private JsonNode get(String path, String credentials) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(settings.url(path))).GET();
    if (credentials != null) {
      request.header(
          "Authorization",
          "Basic "
              + java.util.Base64.getEncoder()
                  .encodeToString(credentials.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
    HttpResponse<String> response =
        http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as("status of %s", path).isEqualTo(200);
    return json.readTree(response.body());
  }
}
