package nl.knooppunt.standalone;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import nl.knooppunt.standalone.infra.FreePorts;

/** Arguments for a hub in a test: its own data directory and free ports, nothing shared. */
public record TestHubs(
    Path dataDir,
    int httpPort,
    int postgresPort,
    int kafkaPort,
    int controllerPort,
    int grpcPort,
    int restPort) {

  /**
   * A hub whose engine binds free ports itself (port 0: no race between choosing a port and binding
   * it); the clients inside the hub get the engine's real addresses.
   */
  public static TestHubs in(Path dataDir) {
    return new TestHubs(
        dataDir,
        FreePorts.resolve(0),
        FreePorts.resolve(0),
        FreePorts.resolve(0),
        FreePorts.resolve(0),
        0,
        0);
  }

  /** A hub whose engine ports are known up front: a test outside the hub's JVM connects to it. */
  public static TestHubs withKnownEnginePorts(Path dataDir) {
    return new TestHubs(
        dataDir,
        FreePorts.resolve(0),
        FreePorts.resolve(0),
        FreePorts.resolve(0),
        FreePorts.resolve(0),
        FreePorts.resolve(0),
        FreePorts.resolve(0));
  }

  public String[] args() {
    List<String> args = new ArrayList<>();
    args.add("--knooppunt.standalone.data-dir=" + dataDir);
    args.add("--knooppunt.standalone.http-port=" + httpPort);
    args.add("--knooppunt.standalone.postgres-port=" + postgresPort);
    args.add("--knooppunt.standalone.kafka-port=" + kafkaPort);
    args.add("--knooppunt.standalone.kafka-controller-port=" + controllerPort);
    args.add("--knooppunt.standalone.engine.grpc-port=" + grpcPort);
    args.add("--knooppunt.standalone.engine.rest-port=" + restPort);
    // the embedded SMTP server and SMS stand-in bind free ports themselves
    args.add("--knooppunt.standalone.smtp-port=0");
    args.add("--knooppunt.standalone.sms-port=0");
    // the stories walk on in real time: a municipality that adds no local message holds the
    // public communication for seconds, not the half hour of production
    args.add("--knooppunt.dreigingsniveau.sla-lokale-boodschap=PT5S");
    return args.toArray(String[]::new);
  }

  public String jdbcUrl() {
    return "jdbc:postgresql://localhost:" + postgresPort + "/knooppunt";
  }

  public String bootstrapServers() {
    return "localhost:" + kafkaPort;
  }

  public String url(String path) {
    return "http://localhost:" + httpPort + path;
  }
}
