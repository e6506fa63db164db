package nl.knooppunt.bench.hub;

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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A hub in a child JVM (the built jar, or {@code ./hub}) on its own data directory and free ports,
 * so it never meets another hub on this machine. Durability is the hub's default (on).
 */
final class Hub implements AutoCloseable {

  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(2))
          .followRedirects(HttpClient.Redirect.NORMAL)
          .build();

  final Path dataDir;
  final int httpPort;
  final int postgresPort;
  final int kafkaPort;
  final int grpcPort;
  final int restPort;
  private final int controllerPort;
  private final List<String> extraArgs;
  private Process process;
  private Path log;
  private long startedAt;

  Hub(Path dataDir, List<String> extraArgs) throws IOException {
    this.dataDir = dataDir;
    this.extraArgs = extraArgs;
    this.httpPort = freePort();
    this.postgresPort = freePort();
    this.kafkaPort = freePort();
    this.controllerPort = freePort();
    this.grpcPort = freePort();
    this.restPort = freePort();
  }

  /** The same data directory and ports as a hub that ran before (a restart). */
  Hub(Path dataDir, List<String> extraArgs, Hub before) {
    this.dataDir = dataDir;
    this.extraArgs = extraArgs;
    this.httpPort = before.httpPort;
    this.postgresPort = before.postgresPort;
    this.kafkaPort = before.kafkaPort;
    this.controllerPort = before.controllerPort;
    this.grpcPort = before.grpcPort;
    this.restPort = before.restPort;
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  List<String> args() {
    List<String> args = new ArrayList<>();
    args.add("--knooppunt.standalone.data-dir=" + dataDir);
    args.add("--knooppunt.standalone.http-port=" + httpPort);
    args.add("--knooppunt.standalone.postgres-port=" + postgresPort);
    args.add("--knooppunt.standalone.kafka-port=" + kafkaPort);
    args.add("--knooppunt.standalone.kafka-controller-port=" + controllerPort);
    args.add("--knooppunt.standalone.engine.grpc-port=" + grpcPort);
    args.add("--knooppunt.standalone.engine.rest-port=" + restPort);
    args.add("--knooppunt.standalone.smtp-port=0");
    args.add("--knooppunt.standalone.sms-port=0");
    args.addAll(extraArgs);
    return args;
  }

  /**
   * Starts the built jar: {@code java -Xmx1g -jar knooppunt-hub.jar <args>} (the ./hub default).
   */
  Hub startJar(Path jar, String logName) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx1g");
    command.add("-jar");
    command.add(jar.toString());
    command.addAll(args());
    return start(command, logName);
  }

  /** Starts the hub with the project's own script: {@code ./hub <args>} (it execs java). */
  Hub startScript(Path root, String logName) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(root.resolve("hub").toString());
    command.addAll(args());
    return start(command, logName);
  }

  private Hub start(List<String> command, String logName) throws IOException {
    Files.createDirectories(dataDir);
    log = dataDir.resolveSibling(dataDir.getFileName() + "-" + logName + ".log");
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .directory(Path.of(System.getProperty("bench.root", ".")).toFile());
    builder.environment().remove("KNOOPPUNT_JAVA_OPTS");
    startedAt = System.nanoTime();
    process = builder.start();
    return this;
  }

  long startedAt() {
    return startedAt;
  }

  long pid() {
    return process.pid();
  }

  Path log() {
    return log;
  }

  String url(String path) {
    return "http://localhost:" + httpPort + path;
  }

  /** Polls until the health endpoint answers UP; returns the moment (System.nanoTime). */
  long awaitHealthUp(Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url("/actuator/health")))
            .timeout(Duration.ofSeconds(5))
            .build();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("the hub stopped; see " + log);
      }
      try {
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
          return System.nanoTime();
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      TimeUnit.MILLISECONDS.sleep(50);
    }
    throw new IllegalStateException("no health UP within " + timeout + "; see " + log);
  }

  /**
   * Waits for the hub's own line once all three contexts run ("Landelijk Knooppunt draait"): the
   * workers start after the gateway, so health can be UP before they take jobs.
   */
  long awaitAllStarted(Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (Files.readString(log).contains("Landelijk Knooppunt draait")) {
        return System.nanoTime();
      }
      if (!process.isAlive()) {
        throw new IllegalStateException("the hub stopped; see " + log);
      }
      TimeUnit.MILLISECONDS.sleep(50);
    }
    throw new IllegalStateException("the hub did not start within " + timeout + "; see " + log);
  }

  /** Fetches the first page a duty officer opens (the start page, redirected to the login). */
  long firstPage() throws Exception {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(url("/"))).timeout(Duration.ofSeconds(30)).build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200 || !response.body().contains("<html")) {
      throw new IllegalStateException("first page: " + response.statusCode());
    }
    return System.nanoTime();
  }

  /** A line of /proc/<pid>/status in MiB (VmRSS: resident now, VmHWM: its peak). */
  double memoryMiB(String field) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid()), "status"))) {
      if (line.startsWith(field + ":")) {
        return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
      }
    }
    return Double.NaN;
  }

  /**
   * Seconds Spring Boot logged for the hub's contexts, in their order (infrastructure, gateway,
   * workers): "Started StandaloneHub in 12.3 seconds" (each names the main class).
   */
  double[] phases() throws IOException {
    Pattern started = Pattern.compile("Started \\S+ in ([0-9.]+) seconds");
    double[] phases = {Double.NaN, Double.NaN, Double.NaN};
    int n = 0;
    for (String line : Files.readAllLines(log)) {
      Matcher m = started.matcher(line);
      if (m.find() && n < phases.length) {
        phases[n++] = Double.parseDouble(m.group(1));
      }
    }
    return phases;
  }

  /** "infrastructure 12.0 s, gateway 5.0 s, workers 15.0 s" from {@link #phases()}. */
  String phaseSummary() throws IOException {
    double[] p = phases();
    return String.format("infrastructure %.1f s, gateway %.1f s, workers %.1f s", p[0], p[1], p[2]);
  }

  /** kill -9: no shutdown hook runs; the embedded PostgreSQL is left to the next start. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(60, TimeUnit.SECONDS);
  }

  /** A normal stop (SIGTERM: the shutdown hook closes the contexts and the servers). */
  @Override
  public void close() throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.destroy();
      if (!process.waitFor(90, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
      }
    }
  }
}
