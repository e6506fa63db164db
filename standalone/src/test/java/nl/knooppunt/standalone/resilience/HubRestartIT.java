package nl.knooppunt.standalone.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camunda.client.CamundaClient;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import nl.knooppunt.standalone.StandaloneHub;
import nl.knooppunt.standalone.TestHubs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hub is killed hard (kill -9, no shutdown hook runs) and started again on the same data
 * directory: every row in PostgreSQL, every record in Kafka and every process instance in the
 * engine is still there.
 */
class HubRestartIT {

  private static final String TOPIC = nl.knooppunt.processes.events.Topic.Names.EVENTS;

  @TempDir Path dataDir;

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void aRowAKafkaRecordAndAWaitingInstanceSurviveAKillMinusNineOfTheHub() throws Exception {
    TestHubs settings = TestHubs.withKnownEnginePorts(dataDir);
    String marker = "restart-" + UUID.randomUUID();

    Process firstRun = startInChildJvm(settings);
    try {
      awaitHealthy(settings);
      try (Connection db = connect(settings);
          Statement statement = db.createStatement()) {
        statement.execute("create table restart_check (marker text primary key)");
        statement.execute("insert into restart_check values ('" + marker + "')");
      }
      try (KafkaProducer<String, String> producer = producer(settings)) {
        producer.send(new ProducerRecord<>(TOPIC, "crisis-1", marker)).get(30, TimeUnit.SECONDS);
      }
      try (CamundaClient camunda = client(settings)) {
        camunda
            .newDeployResourceCommand()
            .addProcessModel(waitingProcess(), "wacht.bpmn")
            .send()
            .join();
        camunda
            .newCreateInstanceCommand()
            .bpmnProcessId("test-wacht-op-bericht")
            .latestVersion()
            .variables(Map.of("sleutel", marker))
            .send()
            .join();
      }
    } finally {
      firstRun.destroyForcibly(); // SIGKILL
      assertThat(firstRun.waitFor(60, TimeUnit.SECONDS)).isTrue();
    }

    try (StandaloneHub secondRun = StandaloneHub.start(settings.args())) {
      try (Connection db = connect(settings);
          Statement statement = db.createStatement();
          ResultSet rows = statement.executeQuery("select marker from restart_check")) {
        assertThat(rows.next()).isTrue();
        assertThat(rows.getString(1)).isEqualTo(marker);
      }
      try (Connection db = connect(settings);
          Statement statement = db.createStatement();
          ResultSet starts = statement.executeQuery("select count(*) from installation_start")) {
        starts.next();
        assertThat(starts.getInt(1)).as("both starts are recorded").isEqualTo(2);
      }
      assertThat(readAll(settings)).contains(marker);
      try (CamundaClient camunda = client(settings)) {
        camunda
            .newPublishMessageCommand()
            .messageName("test-bericht")
            .correlationKey(marker)
            .send()
            .join();
        var jobs =
            await()
                .atMost(Duration.ofMinutes(1))
                .until(
                    () ->
                        camunda
                            .newActivateJobsCommand()
                            .jobType("test.na-herstart")
                            .maxJobsToActivate(1)
                            .send()
                            .join()
                            .getJobs(),
                    list -> !list.isEmpty());
        assertThat(jobs.get(0).getVariablesAsMap())
            .as("the instance created before the kill went on after the restart")
            .containsEntry("sleutel", marker);
      }
    }
  }

  /** Waits for a message keyed by {@code sleutel}, then offers a job no worker of the hub takes. */
  private static BpmnModelInstance waitingProcess() {
    return Bpmn.createExecutableProcess("test-wacht-op-bericht")
        .startEvent()
        .intermediateCatchEvent("wacht")
        .message(m -> m.name("test-bericht").zeebeCorrelationKeyExpression("sleutel"))
        .serviceTask("daarna", t -> t.zeebeJobType("test.na-herstart"))
        .endEvent()
        .done();
  }

  private static CamundaClient client(TestHubs settings) {
    return CamundaClient.newClientBuilder()
        .grpcAddress(URI.create("http://localhost:" + settings.grpcPort()))
        .restAddress(URI.create("http://localhost:" + settings.restPort()))
        .preferRestOverGrpc(false)
        .build();
  }

  private static Process startInChildJvm(TestHubs settings) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx512m");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(StandaloneHub.class.getName());
    command.addAll(List.of(settings.args()));
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(settings.dataDir().resolve("first-run.log").toFile())
        .start();
  }

  private void awaitHealthy(TestHubs settings) {
    HttpRequest health =
        HttpRequest.newBuilder(URI.create(settings.url("/actuator/health"))).build();
    await()
        .atMost(Duration.ofMinutes(3))
        .pollInterval(Duration.ofMillis(500))
        .ignoreExceptions()
        .until(() -> http.send(health, HttpResponse.BodyHandlers.ofString()).statusCode() == 200);
  }

  private static Connection connect(TestHubs settings) throws Exception {
    return DriverManager.getConnection(settings.jdbcUrl(), "postgres", "");
  }

  private static KafkaProducer<String, String> producer(TestHubs settings) {
    return new KafkaProducer<>(
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            settings.bootstrapServers(),
            ProducerConfig.ACKS_CONFIG,
            "all",
            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
            true),
        new StringSerializer(),
        new StringSerializer());
  }

  private static List<String> readAll(TestHubs settings) {
    List<String> values = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                settings.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG,
                "restart-check-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest"),
            new StringDeserializer(),
            new StringDeserializer())) {
      consumer.subscribe(List.of(TOPIC));
      await()
          .atMost(Duration.ofMinutes(1))
          .until(
              () -> {
                for (ConsumerRecord<String, String> record :
                    consumer.poll(Duration.ofMillis(500))) {
                  values.add(record.value());
                }
                return !values.isEmpty();
              });
    }
    return values;
  }
}
