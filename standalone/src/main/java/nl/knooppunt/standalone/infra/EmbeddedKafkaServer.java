package nl.knooppunt.standalone.infra;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Kafka broker in this JVM, in KRaft mode (combined broker and controller, no ZooKeeper),
 * its logs kept in a directory so a restart keeps every record. The directory is formatted once, on
 * the first start.
 */
public final class EmbeddedKafkaServer implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedKafkaServer.class);
  private static final int NODE_ID = 1;
  private static final String CONTROLLER_LISTENER = "CONTROLLER";

  private final Properties config;
  private final int port;
  private KafkaRaftServer server;

  private EmbeddedKafkaServer(KafkaRaftServer server, Properties config, int port) {
    this.server = server;
    this.config = config;
    this.port = port;
  }

  public static EmbeddedKafkaServer start(Path logDirectory, int port, int controllerPort) {
    try {
      Files.createDirectories(logDirectory);
      Properties config = brokerConfig(logDirectory, port, controllerPort);
      if (!Files.exists(logDirectory.resolve("meta.properties"))) {
        format(logDirectory);
      }
      KafkaRaftServer server = new KafkaRaftServer(new KafkaConfig(config), Time.SYSTEM);
      server.startup();
      log.info("Kafka (KRaft) runs on localhost:{} with logs in {}", port, logDirectory);
      return new EmbeddedKafkaServer(server, config, port);
    } catch (IOException e) {
      throw new UncheckedIOException("Kafka did not start in " + logDirectory, e);
    }
  }

  public String bootstrapServers() {
    return "localhost:" + port;
  }

  private static Properties brokerConfig(Path logDirectory, int port, int controllerPort) {
    Properties p = new Properties();
    p.put("process.roles", "broker,controller");
    p.put("node.id", String.valueOf(NODE_ID));
    p.put("controller.quorum.voters", NODE_ID + "@localhost:" + controllerPort);
    p.put(
        "listeners",
        "PLAINTEXT://localhost:"
            + port
            + ","
            + CONTROLLER_LISTENER
            + "://localhost:"
            + controllerPort);
    p.put("advertised.listeners", "PLAINTEXT://localhost:" + port);
    p.put("controller.listener.names", CONTROLLER_LISTENER);
    p.put("inter.broker.listener.name", "PLAINTEXT");
    p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
    p.put("log.dirs", logDirectory.toString());
    // one broker: every internal topic has a single replica
    p.put("offsets.topic.replication.factor", "1");
    p.put("offsets.topic.num.partitions", "3");
    p.put("transaction.state.log.replication.factor", "1");
    p.put("transaction.state.log.min.isr", "1");
    p.put("default.replication.factor", "1");
    p.put("min.insync.replicas", "1");
    p.put("num.partitions", "3");
    p.put("group.initial.rebalance.delay.ms", "0");
    p.put("auto.create.topics.enable", "true");
    return p;
  }

  private static void format(Path logDirectory) {
    try (PrintStream quiet = new PrintStream(OutputStream.nullOutputStream())) {
      new Formatter()
          .setPrintStream(quiet)
          .setClusterId(Uuid.randomUuid().toString())
          .setNodeId(NODE_ID)
          .setDirectories(List.of(logDirectory.toString()))
          .setMetadataLogDirectory(logDirectory.toString())
          .setControllerListenerName(CONTROLLER_LISTENER)
          .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
          .run();
    } catch (Exception e) {
      throw new IllegalStateException(
          "could not format the Kafka log directory " + logDirectory, e);
    }
  }

  /**
   * Stops the broker and keeps its logs: a Kafka outage (tests). {@link #restart()} brings it back
   * on the same logs and ports.
   */
  public synchronized void stop() {
    if (server != null) {
      server.shutdown();
      server.awaitShutdown();
      server = null;
      log.info("Kafka (KRaft) on localhost:{} stopped", port);
    }
  }

  /** Starts a stopped broker again on its logs and ports. */
  public synchronized void restart() {
    if (server == null) {
      server = new KafkaRaftServer(new KafkaConfig(config), Time.SYSTEM);
      server.startup();
      log.info("Kafka (KRaft) runs again on localhost:{}", port);
    }
  }

  @Override
  public synchronized void close() {
    stop();
  }
}
