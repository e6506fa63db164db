package nl.knooppunt.workers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import nl.knooppunt.engine.EmbeddedEngine;
import nl.knooppunt.engine.EngineSettings;
import nl.knooppunt.processes.events.EventType;
import nl.knooppunt.processes.events.Topic;
import nl.knooppunt.workers.kafka.EventPublisher;
import nl.knooppunt.workers.notification.Notice;
import nl.knooppunt.workers.notification.NoticeSender;
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
      "knooppunt.notifications.v1",
      "knooppunt.acknowledgements.v1",
      "knooppunt.acknowledgements.v1.dlt",
      "knooppunt.events.v1",
      "knooppunt.threat-levels.v1"
    })
@Import(WorkersIT.FailOnceAfterSending.class)
abstract class WorkersIT {

  /** Notices whose id starts with this fail once right after they were written. */
  static final String FLAKY = "FLAKY-";

  @TestConfiguration
  static class FailOnceAfterSending {
    @Bean
    @Primary
    NoticeSender flakyNoticeSender(EventPublisher publisher, Clock clock) {
      Set<String> failed = ConcurrentHashMap.newKeySet();
      return new NoticeSender(publisher, clock) {
        @Override
        public void send(Notice notice, EventType loggedAs) {
          super.send(notice, loggedAs);
          if (notice.notificationId().startsWith(FLAKY) && failed.add(notice.notificationId())) {
            throw new IllegalStateException("simulated crash after the notice was written");
          }
        }
      };
    }
  }

  static final EmbeddedEngine ENGINE = startEngine();

  @DynamicPropertySource
  static void pointTheClientAtTheEngine(DynamicPropertyRegistry registry) {
    registry.add("camunda.client.grpc-address", ENGINE::grpcAddress);
    registry.add("camunda.client.rest-address", ENGINE::restAddress);
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
