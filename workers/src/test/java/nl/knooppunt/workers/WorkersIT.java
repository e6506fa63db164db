package nl.knooppunt.workers;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import io.camunda.client.CamundaClient;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import nl.knooppunt.engine.EmbeddedEngine;
import nl.knooppunt.engine.EngineSettings;
import nl.knooppunt.processes.events.EventType;
import nl.knooppunt.processes.events.Topic;
import nl.knooppunt.processes.links.AcknowledgementLinks;
import nl.knooppunt.workers.delivery.SmsChannel;
import nl.knooppunt.workers.kafka.KafkaPublisher;
import nl.knooppunt.workers.notification.NoticeSender;
import nl.knooppunt.workers.notification.OutgoingNotice;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The workers app as it runs, against the embedded engine through the real Camunda client and a
 * real in-process Kafka broker (KRaft). One engine, one broker and ONE Spring context for all
 * worker ITs: a second context would poll the same engine and write to its own broker.
 */
@SpringBootTest(
    classes = WorkersApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.NONE,
    properties = {"spring.config.name=workers", "camunda.client.request-timeout=PT1M"})
@EmbeddedKafka(
    kraft = true,
    partitions = 1,
    bootstrapServersProperty = "spring.kafka.bootstrap-servers",
    topics = {
      Topic.Names.NOTIFICATIONS,
      Topic.Names.ACKNOWLEDGEMENTS,
      Topic.Names.ACKNOWLEDGEMENTS_DEAD_LETTER,
      Topic.Names.EVENTS,
      Topic.Names.THREAT_LEVELS,
      Topic.Names.MEASURES,
      Topic.Names.CONTACTS
    })
@Import(WorkersIT.FailOnceAfterSending.class)
abstract class WorkersIT {

  /** Notices whose id starts with this fail once right after they were written. */
  static final String FLAKY = "FLAKY-";

  @TestConfiguration
  static class FailOnceAfterSending {
    @Bean
    @Primary
    NoticeSender flakyNoticeSender(
        KafkaPublisher publisher,
        Clock clock,
        @Value("${" + NoticeSender.HUB_CONTACT + "}") String hubContact) {
      Set<String> failed = ConcurrentHashMap.newKeySet();
      return new NoticeSender(publisher, clock, hubContact) {
        @Override
        public void send(OutgoingNotice notice, EventType loggedAs) {
          super.send(notice, loggedAs);
          if (notice.notificationId().startsWith(FLAKY) && failed.add(notice.notificationId())) {
            throw new IllegalStateException("simulated crash after the notice was written");
          }
        }
      };
    }
  }

  static final EmbeddedEngine ENGINE = startEngine();

  /** The SMTP server notices are e-mailed through (refuses the bouncing demo domain). */
  static final GreenMail MAIL = MailAndSmsStandIns.mailServer();

  /** The SMS gateway notices are texted through. */
  static final MailAndSmsStandIns.SmsGateway SMS = new MailAndSmsStandIns.SmsGateway();

  /** The key the acknowledgement links are signed with (the gateway's, in a real hub). */
  static final String LINK_KEY = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";

  static final String BASE_URL = "https://knooppunt.test";

  @DynamicPropertySource
  static void pointTheClientAtTheEngine(DynamicPropertyRegistry registry) {
    registry.add("camunda.client.grpc-address", ENGINE::grpcAddress);
    registry.add("camunda.client.rest-address", ENGINE::restAddress);
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
    registry.add(SmsChannel.URL, () -> SMS.url);
    registry.add(SmsChannel.TOKEN, () -> "test-token");
    registry.add(AcknowledgementLinks.KEY_SETTING, () -> LINK_KEY);
    registry.add(AcknowledgementLinks.BASE_URL_SETTING, () -> BASE_URL);
  }

  @Autowired CamundaClient camunda;

  @Value("${spring.kafka.bootstrap-servers}")
  String bootstrapServers;

  /**
   * Runs one job of {@code jobType} (with task headers) in a one-task process and returns the
   * variables at the end.
   */
  Map<String, Object> runJob(
      String jobType, Map<String, String> headers, Map<String, Object> variables) {
    String processId =
        "job-" + jobType.replace('.', '-') + "-" + Integer.toHexString(headers.hashCode());
    var model =
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .serviceTask(
                "taak",
                t -> {
                  t.zeebeJobType(jobType);
                  headers.forEach(t::zeebeTaskHeader);
                })
            .endEvent()
            .done();
    camunda.newDeployResourceCommand().addProcessModel(model, processId + ".bpmn").send().join();
    return camunda
        .newCreateInstanceCommand()
        .bpmnProcessId(processId)
        .latestVersion()
        .variables(variables)
        .withResult()
        .requestTimeout(Duration.ofMinutes(1))
        .send()
        .join()
        .getVariablesAsMap();
  }

  /** Waits until {@code topic} holds at least {@code atLeast} records about {@code subject}. */
  List<JsonNode> awaitRecords(Topic topic, String subject, int atLeast) {
    try (KafkaRecords records = new KafkaRecords(bootstrapServers, topic(topic))) {
      return await()
          .atMost(Duration.ofMinutes(1))
          .until(
              () ->
                  records.poll().stream()
                      .map(ConsumerRecord::value)
                      .filter(v -> subject.equals(v.path("subject").asText()))
                      .toList(),
              list -> list.size() >= atLeast);
    }
  }

  static String topic(Topic topic) {
    return topic.topicName();
  }

  private static EmbeddedEngine startEngine() {
    try {
      EmbeddedEngine engine =
          EmbeddedEngine.start(
              new EngineSettings(Files.createTempDirectory("workers-it-engine"), 0, 0, true));
      Runtime.getRuntime().addShutdownHook(new Thread(engine::close));
      return engine;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
