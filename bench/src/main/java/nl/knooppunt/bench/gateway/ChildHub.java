package nl.knooppunt.bench.gateway;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The standalone hub ({@code knooppunt-hub.jar}) in a child JVM, as {@code ./hub} runs it: fresh
 * data (or the previous run's), durability on (the engine's journal fsyncs every batch, PostgreSQL
 * with fsync on), every port picked free on 127.0.0.1 so that other hubs on the machine do not
 * collide.
 */
final class ChildHub implements AutoCloseable {

  final int httpPort;
  final int postgresPort;
  final int kafkaPort;
  final Path dataDir;
  private final Process process;
  final Duration startTime;

  private ChildHub(Process process, Path dataDir, int[] ports, Duration startTime) {
    this.process = process;
    this.dataDir = dataDir;
    this.httpPort = ports[0];
    this.postgresPort = ports[1];
    this.kafkaPort = ports[2];
    this.startTime = startTime;
  }

  /**
   * Starts the hub (with {@code extra} arguments, e.g. a setting to compare) and waits until its
   * health is UP (at most five minutes).
   */
  static ChildHub start(Path jar, Path work, String maxHeap, boolean fresh, List<String> extra)
      throws IOException {
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(
          "no hub jar at " + jar + ": build the standalone module first");
    }
    Files.createDirectories(work);
    Path data = work.resolve("hub-data");
    // a hub on its previous data keeps its ports (Kafka's controller is known by its address)
    Path portsFile = work.resolve("hub-ports.txt");
    int[] ports =
        !fresh && Files.exists(portsFile)
            ? java.util.Arrays.stream(Files.readString(portsFile).trim().split(","))
                .mapToInt(Integer::parseInt)
                .toArray()
            : freePorts(9);
    Files.writeString(
        portsFile,
        String.join(",", java.util.Arrays.stream(ports).mapToObj(String::valueOf).toList()));
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx" + maxHeap);
    command.add("-jar");
    command.add(jar.toString());
    command.add("--knooppunt.standalone.clean=" + fresh);
    command.add("--knooppunt.standalone.data-dir=" + data);
    command.add("--knooppunt.standalone.http-port=" + ports[0]);
    command.add("--knooppunt.standalone.postgres-port=" + ports[1]);
    command.add("--knooppunt.standalone.kafka-port=" + ports[2]);
    command.add("--knooppunt.standalone.kafka-controller-port=" + ports[3]);
    command.add("--knooppunt.standalone.engine.grpc-port=" + ports[4]);
    command.add("--knooppunt.standalone.engine.rest-port=" + ports[5]);
    command.add("--knooppunt.standalone.smtp-port=" + ports[6]);
    command.add("--knooppunt.standalone.sms-port=" + ports[7]);
    command.addAll(extra);
    long started = System.nanoTime();
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(work.resolve("hub.log").toFile())
            .start();
    ChildHub hub = new ChildHub(process, data, ports, Duration.ZERO);
    try {
      hub.awaitHealthy(Duration.ofMinutes(5));
    } catch (RuntimeException | IOException e) {
      hub.close();
      throw e;
    }
    return new ChildHub(process, data, ports, Duration.ofNanos(System.nanoTime() - started));
  }

  String baseUrl() {
    return "http://127.0.0.1:" + httpPort;
  }

  String kafkaBootstrap() {
    return "127.0.0.1:" + kafkaPort;
  }

  String jdbcUrl() {
    return "jdbc:postgresql://127.0.0.1:" + postgresPort + "/knooppunt";
  }

  Path logbookKeyFile() {
    return dataDir.resolve("logbook.key");
  }

  private void awaitHealthy(Duration limit) throws IOException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    long deadline = System.nanoTime() + limit.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "the hub stopped while starting (exit " + process.exitValue() + "); see hub.log");
      }
      try {
        HttpResponse<String> r =
            http.send(
                HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
                    .timeout(Duration.ofSeconds(5))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200 && r.body().contains("\"UP\"")) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      try {
        process.waitFor(500, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new IllegalStateException("the hub was not healthy within " + limit);
  }

  private static int[] freePorts(int n) throws IOException {
    int[] ports = new int[n];
    List<ServerSocket> held = new ArrayList<>();
    try {
      for (int i = 0; i < n; i++) {
        ServerSocket s = new ServerSocket(0);
        held.add(s);
        ports[i] = s.getLocalPort();
      }
    } finally {
      for (ServerSocket s : held) {
        s.close();
      }
    }
    return ports;
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
