package nl.knooppunt.standalone;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the embedded default ({@code knooppunt.standalone.*}, or environment variables such
 * as {@code KNOOPPUNT_STANDALONE_HTTP_PORT}). A port of 0 means: pick a free one.
 *
 * @param dataDir where PostgreSQL, Kafka and the engine keep their data between restarts
 * @param clean wipe {@code dataDir} before starting (a fresh hub)
 * @param httpPort the gateway's pages and REST API
 * @param postgresPort the embedded PostgreSQL
 * @param kafkaPort the in-process Kafka broker (clients)
 * @param kafkaControllerPort the in-process Kafka KRaft controller
 * @param engine the embedded engine
 * @param smtpPort the embedded SMTP server notices are e-mailed to (on this machine only)
 * @param smsPort the embedded stand-in of the SMS provider's HTTP gateway (on this machine only)
 */
@ConfigurationProperties("knooppunt.standalone")
public record StandaloneProperties(
    Path dataDir,
    boolean clean,
    int httpPort,
    int postgresPort,
    int kafkaPort,
    int kafkaControllerPort,
    Engine engine,
    int smtpPort,
    int smsPort) {

  /**
   * @param enabled start the embedded engine and point the Camunda clients at it
   * @param grpcPort the Camunda 8 gateway protocol (gRPC)
   * @param restPort the Orchestration Cluster REST subset (user tasks, clock)
   * @param clockControl allow pinning the engine clock; for tests only, never in a normal run
   * @param bindAddress the address both engine ports listen on; 127.0.0.1 (this machine only) by
   *     default, {@code 0.0.0.0} to let other machines in
   */
  public record Engine(
      boolean enabled, int grpcPort, int restPort, boolean clockControl, String bindAddress) {}
}
