package nl.knooppunt.engine.support;

import io.camunda.client.CamundaClient;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** An engine in a child JVM that can be killed with SIGKILL (destroyForcibly). */
public final class ChildEngine implements AutoCloseable {
  private final Process process;
  public final int grpcPort;
  public final int restPort;
  public final CamundaClient client;

  private ChildEngine(Process process, int grpcPort, int restPort) {
    this.process = process;
    this.grpcPort = grpcPort;
    this.restPort = restPort;
    this.client =
        CamundaClient.newClientBuilder()
            .grpcAddress(URI.create("http://localhost:" + grpcPort))
            .restAddress(URI.create("http://localhost:" + restPort))
            .preferRestOverGrpc(false)
            .defaultRequestTimeout(Duration.ofSeconds(10))
            .build();
  }

  public static ChildEngine start(Path directory) throws IOException, InterruptedException {
    String classpath = System.getProperty("surefire.test.class.path");
    if (classpath == null || classpath.isBlank()) {
      classpath = System.getProperty("java.class.path");
    }
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Path log = directory.resolve("child-" + System.nanoTime() + ".log");
    Process p =
        new ProcessBuilder(
                List.of(
                    java,
                    "-Xmx512m",
                    "-cp",
                    classpath,
                    EngineMain.class.getName(),
                    directory.toString()))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      if (Files.exists(log)) {
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
          if (line.startsWith("READY ")) {
            String[] parts = line.split(" ");
            return new ChildEngine(p, Integer.parseInt(parts[1]), Integer.parseInt(parts[2]));
          }
        }
      }
      if (!p.isAlive()) {
        throw new IOException("child engine exited before it was ready: " + Files.readString(log));
      }
      p.waitFor(50, TimeUnit.MILLISECONDS);
    }
    p.destroyForcibly();
    throw new IOException("child engine did not start in time: " + Files.readString(log));
  }

  /** SIGKILL: no shutdown hooks, no flush, no snapshot. */
  public void kill() throws InterruptedException {
    client.close();
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  @Override
  public void close() throws InterruptedException {
    kill();
  }
}
