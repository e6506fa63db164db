package nl.knooppunt.workers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import nl.knooppunt.engine.EmbeddedEngine;
import nl.knooppunt.engine.EngineSettings;
import nl.knooppunt.processes.events.Topic;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The workers app as it runs, against the embedded engine through the real Camunda client and a
 * real in-process Kafka broker (KRaft). One engine and one broker for all worker ITs.
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
abstract class WorkersIT {

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
