package nl.knooppunt.standalone;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import nl.knooppunt.engine.EmbeddedEngine;
import nl.knooppunt.engine.EngineSettings;
import nl.knooppunt.standalone.infra.EmbeddedKafkaServer;
import nl.knooppunt.standalone.infra.EmbeddedMailServer;
import nl.knooppunt.standalone.infra.EmbeddedPostgresServer;
import nl.knooppunt.standalone.infra.FreePorts;
import nl.knooppunt.standalone.infra.SmsGatewayStandIn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The parent context of the embedded default: the infrastructure that production gets from outside
 * (PostgreSQL, Kafka, a Camunda 8 cluster), started in this JVM. The gateway and the workers run as
 * child contexts and are pointed at these servers.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StandaloneProperties.class)
public class StandaloneInfrastructure {

  private static final Logger log = LoggerFactory.getLogger(StandaloneInfrastructure.class);

  /** The data directory, wiped first when {@code knooppunt.standalone.clean} is set. */
  @Bean
  DataDirectory dataDirectory(StandaloneProperties properties) {
    Path dir = properties.dataDir().toAbsolutePath().normalize();
    if (properties.clean()) {
      log.warn("Starting clean: deleting {}", dir);
      deleteRecursively(dir);
    }
    return new DataDirectory(dir);
  }

  @Bean(destroyMethod = "close")
  EmbeddedPostgresServer embeddedPostgres(DataDirectory data, StandaloneProperties properties) {
    return EmbeddedPostgresServer.start(
        data.path().resolve("postgres"), FreePorts.resolve(properties.postgresPort()));
  }

  @Bean(destroyMethod = "close")
  EmbeddedKafkaServer embeddedKafka(DataDirectory data, StandaloneProperties properties) {
    return EmbeddedKafkaServer.start(
        data.path().resolve("kafka"),
        FreePorts.resolve(properties.kafkaPort()),
        FreePorts.resolve(properties.kafkaControllerPort()));
  }

  /** The seam for the embedded engine: started here, the Camunda clients point at it. */
  @Bean(destroyMethod = "close")
  @ConditionalOnProperty(name = "knooppunt.standalone.engine.enabled", havingValue = "true")
  EmbeddedEngine embeddedEngine(
      DataDirectory data,
      StandaloneProperties properties,
      @org.springframework.beans.factory.annotation.Value("${knooppunt.oefenomgeving:false}")
          boolean exerciseEnvironment) {
    StandaloneProperties.Engine engine = properties.engine();
    return EmbeddedEngine.start(
        new EngineSettings(
            data.path().resolve("engine"),
            // 0: the engine binds a free port itself (no race between choosing and binding)
            engine.grpcPort(),
            engine.restPort(),
            clockControl(engine, exerciseEnvironment),
            engine.bindAddress()));
  }

  /**
   * The engine's clock control: on in the exercise environment ({@code
   * --knooppunt.oefenomgeving=true}, where accelerated exercise runs move the clock, docs/adr/0043)
   * or when a test asks for it; off in every other hub.
   */
  static boolean clockControl(StandaloneProperties.Engine engine, boolean exerciseEnvironment) {
    return engine.clockControl() || exerciseEnvironment;
  }

  /** Notices by e-mail stay on this machine: GreenMail, refusing the bouncing demo domain. */
  @Bean(destroyMethod = "close")
  EmbeddedMailServer embeddedMailServer(StandaloneProperties properties) {
    return EmbeddedMailServer.start(properties.smtpPort());
  }

  /** Notices by SMS stay on this machine: a stand-in of the provider's HTTP gateway. */
  @Bean(destroyMethod = "close")
  SmsGatewayStandIn smsGatewayStandIn(StandaloneProperties properties) {
    return SmsGatewayStandIn.start(properties.smsPort());
  }

  /** Out of service until the gateway and the workers have both started (health). */
  @Bean
  HubStartup hubStartup() {
    return new HubStartup();
  }

  /** Where the hub keeps its state between restarts. */
  public record DataDirectory(Path path) {}

  private static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not delete " + dir, e);
    }
  }
}
