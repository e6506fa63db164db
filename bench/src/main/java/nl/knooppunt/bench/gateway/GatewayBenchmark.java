package nl.knooppunt.bench.gateway;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import us.abstracta.jmeter.javadsl.core.TestPlanStats;
import us.abstracta.jmeter.javadsl.core.stats.StatsSummary;

/**
 * P3 gateway under load (issue 18): the standalone hub in a child JVM with durability on, seeded
 * with crises, open tasks and logbook rows through the real projection path ({@link Seeder}), then
 * {@code p3.users} people of mixed roles ({@link GatewayLoad}); prints p50/p95/p99 per page and
 * operation beside the goal (p99 &lt; 100 ms) and writes them to {@code target/p3/p3-gateway.md}.
 * It asserts no time: it prints figures. Runs when {@code -Dbench} is {@code all} or {@code P3}.
 */
public final class GatewayBenchmark {

  static final double GOAL_P99_MS = 100;

  private GatewayBenchmark() {}

  public static void main(String[] args) throws Exception {
    String selection = System.getProperty("bench", "all");
    java.util.Set<String> selected =
        java.util.Arrays.stream(selection.toUpperCase(java.util.Locale.ROOT).split(","))
            .map(String::trim)
            .collect(java.util.stream.Collectors.toSet());
    if (!selected.contains("ALL") && !selected.contains("P3")) {
      System.out.println("P3 gateway: skipped (-Dbench=" + selection + ")");
      return;
    }
    int users = Integer.getInteger("p3.users", 200);
    int seconds = Integer.getInteger("p3.seconds", 60);
    int tasks = Integer.getInteger("p3.tasks", 10_000);
    int crises = Integer.getInteger("p3.crises", 1_000);
    int logbook = Integer.getInteger("p3.logbook", 1_000_000);
    int logbookRealPath = Integer.getInteger("p3.logbook-real-path", 2_000);
    // false: keep the hub's data of the previous run (seeded already), e.g. to measure a migration
    boolean fresh = Boolean.parseBoolean(System.getProperty("p3.fresh", "true"));
    // extra arguments of the hub, space-separated: a setting to compare side by side
    List<String> hubArgs =
        java.util.Arrays.stream(System.getProperty("p3.hub-args", "").trim().split("\\s+"))
            .filter(a -> !a.isBlank())
            .toList();
    Path jar = Path.of(System.getProperty("p3.hub-jar", "standalone/target/knooppunt-hub.jar"));
    Path work = Path.of(System.getProperty("p3.work", "target/p3"));
    Duration thinkMin = Duration.ofMillis(Long.getLong("p3.think-min-ms", 1000));
    Duration thinkMax = Duration.ofMillis(Long.getLong("p3.think-max-ms", 3000));

    int cores = Runtime.getRuntime().availableProcessors();
    System.out.printf(
        "P3 gateway: %d users, %d s, seed %,d crises / %,d open tasks / %,d logbook rows, %d"
            + " cores%n",
        users, seconds, crises, tasks, logbook, cores);
    try (ChildHub hub =
        ChildHub.start(jar.toAbsolutePath(), work.toAbsolutePath(), "1g", fresh, hubArgs)) {
      System.out.printf(
          "P3 gateway: hub healthy after %.1f s on %s%n",
          hub.startTime.toMillis() / 1000.0, hub.baseUrl());
      Seeder seeder = new Seeder(hub.kafkaBootstrap(), hub.jdbcUrl(), hub.logbookKeyFile());
      Seeder.Result seed =
          fresh
              ? seeder.seed(crises, tasks, logbook, logbookRealPath)
              : seeder.existing(crises, tasks);
      System.out.printf(
          "P3 seed: %,d events through Kafka and the projection in %.1f s (%.0f events/s); %,d"
              + " logbook rows through the bulk path in %.1f s; read model: %,d crises, %,d open"
              + " tasks, %,d logbook rows%n",
          seed.realPathEvents(),
          seed.realPath().toMillis() / 1000.0,
          seed.realPathPerSecond(),
          seed.bulkRows(),
          seed.bulk().toMillis() / 1000.0,
          seed.crisesInReadModel(),
          seed.openTasks(),
          seed.logbookRows());

      GatewayLoad load = new GatewayLoad(hub.baseUrl(), crises, thinkMin, thinkMax);
      // warm-up (not measured): the JIT, the connection pools, PostgreSQL's caches
      Path errors = work.resolve("errors");
      for (Path old : List.of(errors, work.resolve("warm-up-errors"))) {
        if (Files.isDirectory(old)) {
          try (Stream<Path> files = Files.list(old)) {
            for (Path f : files.toList()) {
              Files.delete(f);
            }
          }
        }
      }
      load.run(
          Math.max(4, users / 10),
          Duration.ofSeconds(5),
          Duration.ofSeconds(20),
          work.resolve("warm-up-errors"));
      Instant start = Instant.now();
      TestPlanStats stats =
          load.run(
              users,
              Duration.ofSeconds(Math.min(30, seconds / 2)),
              Duration.ofSeconds(seconds),
              errors);
      Duration took = Duration.between(start, Instant.now());
      String report =
          (hubArgs.isEmpty() ? "" : "hub arguments: " + String.join(" ", hubArgs) + "\n\n")
              + report(stats, users, seconds, cores, seed, took, thinkMin, thinkMax)
              + failures(errors);
      System.out.println(report);
      Files.createDirectories(work);
      Files.writeString(work.resolve("p3-gateway.md"), report);
    }
  }

  static String report(
      TestPlanStats stats,
      int users,
      int seconds,
      int cores,
      Seeder.Result seed,
      Duration took,
      Duration thinkMin,
      Duration thinkMax) {
    StringBuilder s = new StringBuilder();
    s.append(
        String.format(
            Locale.ROOT,
            "P3 gateway, %s, %d cores: %d users (think time %d-%d ms), %d s held (run %d s);"
                + " seed: %,d crises, %,d open tasks, %,d logbook rows%n%n",
            Instant.now().truncatedTo(ChronoUnit.SECONDS),
            cores,
            users,
            thinkMin.toMillis(),
            thinkMax.toMillis(),
            seconds,
            took.toSeconds(),
            seed.crisesInReadModel(),
            seed.openTasks(),
            seed.logbookRows()));
    s.append(
        "| page / operation | requests | errors | req/s | p50 ms | p95 ms | p99 ms | max ms | goal p99"
            + " < 100 ms |\n");
    s.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |\n");
    for (String label : GatewayLoad.LABELS) {
      StatsSummary l = stats.byLabel(label);
      if (l == null) {
        continue;
      }
      row(s, label, l, took);
    }
    row(s, "all requests", stats.overall(), took);
    return s.toString();
  }

  /** The failed samples by page and response code (from the JTL of the errors). */
  static String failures(Path dir) throws IOException {
    Map<String, Integer> counts = new TreeMap<>();
    if (Files.isDirectory(dir)) {
      try (Stream<Path> files = Files.list(dir)) {
        for (Path f : files.filter(p -> p.toString().endsWith(".jtl")).toList()) {
          List<String> lines = Files.readAllLines(f);
          if (lines.isEmpty()) {
            continue;
          }
          List<String> header = List.of(lines.get(0).split(","));
          int label = header.indexOf("label");
          int code = header.indexOf("responseCode");
          int message = header.indexOf("failureMessage");
          for (String line : lines.subList(1, lines.size())) {
            List<String> cells = csv(line);
            if (cells.size() <= Math.max(label, Math.max(code, message))) {
              continue;
            }
            String text = message < 0 ? "" : cells.get(message);
            counts.merge(
                cells.get(label)
                    + " | "
                    + cells.get(code)
                    + " | "
                    + (text.length() > 80 ? text.substring(0, 80) : text),
                1,
                Integer::sum);
          }
        }
      }
    }
    if (counts.isEmpty()) {
      return "\nNo failed requests.\n";
    }
    StringBuilder s =
        new StringBuilder("\n| failed: page / operation | code | message | count |\n");
    s.append("| --- | --- | --- | ---: |\n");
    counts.forEach((k, v) -> s.append("| ").append(k).append(" | ").append(v).append(" |\n"));
    return s.toString();
  }

  private static List<String> csv(String line) {
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (c == ',' && !quoted) {
        cells.add(cell.toString());
        cell.setLength(0);
      } else {
        cell.append(c);
      }
    }
    cells.add(cell.toString());
    return cells;
  }

  private static void row(StringBuilder s, String label, StatsSummary l, Duration took) {
    double p99 = l.sampleTime().perc99().toMillis();
    s.append(
        String.format(
            Locale.ROOT,
            "| %s | %d | %d | %.1f | %d | %d | %d | %d | %s |%n",
            label,
            l.samplesCount(),
            l.errorsCount(),
            l.samplesCount() / Math.max(1.0, took.toSeconds()),
            l.sampleTime().median().toMillis(),
            l.sampleTime().perc95().toMillis(),
            l.sampleTime().perc99().toMillis(),
            l.sampleTime().max().toMillis(),
            p99 < GOAL_P99_MS ? "met" : "**missed**"));
  }
}
