package nl.knooppunt.standalone.resilience;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import nl.knooppunt.standalone.StandaloneHub;
import nl.knooppunt.standalone.TestHubs;

/**
 * A hub for the chaos run: it runs in a child JVM on one data directory and is killed with SIGKILL
 * ({@link Process#destroyForcibly()}) when asked, then started again at once on the same data
 * directory. Kills are carried out one after the other on one thread: a kill asked while the hub is
 * still coming back happens as soon as it is healthy again. After the last kill the hub starts in
 * this JVM, so the checks at the end can read its beans (the read model, the rebuild).
 */
final class ChaosHub implements AutoCloseable {

  private final TestHubs settings;
  private final List<String> args;
  private final Path logs;
  private final int plannedKills;
  private final ScheduledExecutorService killer = Executors.newSingleThreadScheduledExecutor();
  private final List<ScheduledFuture<?>> pending = new ArrayList<>();
  private final List<String> report = new ArrayList<>();
  private final AtomicInteger kills = new AtomicInteger();
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final long started = System.nanoTime();
  private volatile Process child;
  private volatile StandaloneHub inThisJvm;
  private int runs;

  ChaosHub(TestHubs settings, List<String> args, Path logs, int plannedKills) {
    this.settings = settings;
    this.args = List.copyOf(args);
    this.logs = logs;
    this.plannedKills = plannedKills;
  }

  /** Starts the first run: in a child JVM when kills are planned, else in this JVM. */
  void start() {
    if (plannedKills == 0) {
      inThisJvm = StandaloneHub.start(args.toArray(String[]::new));
    } else {
      child = startChild();
      awaitHealthy();
    }
  }

  /**
   * Kills the hub {@code delay} from now (or as soon as it is healthy again, if it is coming back
   * then) and starts it again on the same data directory; {@code moment} says where in the story.
   */
  synchronized void killAfter(Duration delay, String moment) {
    pending.add(
        killer.schedule(
            () -> killAndRestart(delay, moment), delay.toMillis(), TimeUnit.MILLISECONDS));
  }

  /** Waits until every kill asked for happened and the hub is healthy again. */
  void awaitKillsDone() {
    List<ScheduledFuture<?>> all;
    synchronized (this) {
      all = new ArrayList<>(pending);
    }
    for (ScheduledFuture<?> kill : all) {
      try {
        kill.get(30, TimeUnit.MINUTES);
      } catch (Exception e) {
        throw new AssertionError("a kill and restart of the hub failed", e);
      }
    }
    awaitHealthy();
  }

  int kills() {
    return kills.get();
  }

  List<String> report() {
    return List.copyOf(report);
  }

  /** The hub in this JVM (after the last kill, or when none was planned). */
  StandaloneHub inThisJvm() {
    if (inThisJvm == null) {
      throw new IllegalStateException("the hub still runs in a child JVM");
    }
    return inThisJvm;
  }

  private void killAndRestart(Duration delay, String moment) {
    int n = kills.incrementAndGet();
    Process victim = child;
    if (victim == null) {
      throw new IllegalStateException("kill " + n + ": no child JVM to kill");
    }
    double at = (System.nanoTime() - started) / 1e9;
    victim.destroyForcibly(); // SIGKILL: no shutdown hook runs
    try {
      if (!victim.waitFor(60, TimeUnit.SECONDS)) {
        throw new IllegalStateException("the killed hub did not end");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    child = null;
    long restarting = System.nanoTime();
    String line =
        String.format(
            "CHAOS kill %d/%d at %.1f s, %s + %d ms (pid %d)",
            n, plannedKills, at, moment, delay.toMillis(), victim.pid());
    System.out.println(line);
    if (n == plannedKills) {
      inThisJvm = StandaloneHub.start(args.toArray(String[]::new));
    } else {
      child = startChild();
      awaitHealthy();
    }
    String back =
        String.format(
            "%s; healthy again after %.1f s", line, (System.nanoTime() - restarting) / 1e9);
    System.out.println(back);
    synchronized (this) {
      report.add(back);
    }
  }

  private Process startChild() {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx512m");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(StandaloneHub.class.getName());
    command.addAll(args);
    try {
      Files.createDirectories(logs);
      return new ProcessBuilder(command)
          .redirectErrorStream(true)
          .redirectOutput(logs.resolve("run-" + (++runs) + ".log").toFile())
          .start();
    } catch (IOException e) {
      throw new UncheckedIOException("could not start the hub in a child JVM", e);
    }
  }

  private void awaitHealthy() {
    HttpRequest health =
        HttpRequest.newBuilder(URI.create(settings.url("/actuator/health")))
            .timeout(Duration.ofSeconds(5))
            .build();
    await()
        // a start takes 35-45 s on 2 idle cores, minutes on a loaded machine
        .atMost(Duration.ofMinutes(10))
        .pollInterval(Duration.ofMillis(250))
        .ignoreExceptions()
        .until(
            () -> {
              Process running = child;
              if (running != null && !running.isAlive()) {
                throw new AssertionError(
                    "the hub's child JVM ended with " + running.exitValue() + "; see " + logs);
              }
              return http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            });
  }

  /**
   * Stops what this run started: the kill thread, a child JVM still running and the PostgreSQL
   * server a killed child left behind (a hub in this JVM stops its own).
   */
  @Override
  public void close() {
    killer.shutdownNow();
    Process running = child;
    if (running != null) {
      running.destroyForcibly();
      try {
        running.waitFor(60, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (inThisJvm != null) {
      inThisJvm.close();
    } else {
      strayPostmaster().ifPresent(ProcessHandle::destroy);
    }
  }

  /** The PostgreSQL server of a killed child (it outlives its JVM), if it still runs. */
  private Optional<ProcessHandle> strayPostmaster() {
    Path pidFile = settings.dataDir().resolve("postgres").resolve("postmaster.pid");
    try {
      if (!Files.exists(pidFile)) {
        return Optional.empty();
      }
      String first = Files.readAllLines(pidFile).stream().findFirst().orElse("").trim();
      return ProcessHandle.of(Long.parseLong(first)).filter(ProcessHandle::isAlive);
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }
}
