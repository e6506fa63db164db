package nl.knooppunt.bench.hub;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The hub's benchmarks P1, P4 and P5 of docs/performance.md (P2 runs in the engine module, P3 in
 * nl.knooppunt.bench.gateway). Not tests: they print figures and assert nothing. Each starts its
 * own hub in a child JVM from the built jar (or with ./hub) with durability on, on free ports and a
 * fresh data directory under bench/target.
 *
 * <p>{@code -Dbench=all} (default) or a list such as {@code -Dbench=P1,P4}.
 */
public final class HubBenchmarks {

  private static Path out;

  private HubBenchmarks() {}

  public static void main(String[] args) throws Exception {
    String selection = System.getProperty("bench", "all").trim();
    Set<String> selected =
        Arrays.stream(selection.toUpperCase(Locale.ROOT).split(","))
            .map(String::trim)
            .collect(Collectors.toSet());
    boolean all = selected.contains("ALL") || selected.contains("");
    Path root = Path.of(System.getProperty("bench.root", ".")).toAbsolutePath().normalize();
    Path jar = Path.of(System.getProperty("bench.hub-jar")).toAbsolutePath().normalize();
    out = Path.of(System.getProperty("bench.out", "target/bench-hub.md"));
    Files.createDirectories(out.getParent());
    Path work = root.resolve("bench/target/hubs");
    Files.createDirectories(work);
    print(
        "hub benchmarks "
            + OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS)
            + " | cores (availableProcessors) "
            + Runtime.getRuntime().availableProcessors()
            + " | "
            + cpuModel()
            + " | "
            + System.getProperty("java.vm.name")
            + " "
            + System.getProperty("java.version")
            + " | selection "
            + selection);
    if (all || selected.contains("P4")) {
      section("P4 start");
      new StartUp(root, work).run();
    }
    if (all || selected.contains("P1")) {
      section("P1 national fan-out");
      new NationalFanOut(jar, work).run();
    }
    if (all || selected.contains("P5")) {
      section("P5 restart");
      new Restart(jar, work).run();
    }
  }

  static void section(String name) {
    print("");
    print("## " + name);
  }

  /** Prints a figure and keeps it in bench/target/bench-hub.md. */
  static synchronized void print(String line) {
    System.out.println("[bench] " + line);
    System.out.flush();
    try {
      Files.writeString(
          out,
          line + System.lineSeparator(),
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String cpuModel() {
    try {
      return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
          .filter(l -> l.startsWith("model name"))
          .findFirst()
          .map(l -> l.substring(l.indexOf(':') + 1).trim())
          .orElse("cpu unknown");
    } catch (IOException e) {
      return "cpu unknown";
    }
  }
}
