package nl.knooppunt.bench.hub;

import static nl.knooppunt.bench.hub.HubBenchmarks.print;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * P4: {@code ./hub} on a built jar (the script finds nothing newer than the jar, so it runs no
 * Maven) until health UP and the first page served; the resident memory then; the phases as Spring
 * Boot logs them. Cold starts on an empty data directory, then a start on the data of the first.
 */
final class StartUp {

  private static final int COLD_STARTS = Integer.getInteger("bench.p4.cold-starts", 2);

  private final Path root;
  private final Path work;

  StartUp(Path root, Path work) {
    this.root = root;
    this.work = work;
  }

  void run() throws Exception {
    List<Double> ready = new ArrayList<>();
    Path firstData = null;
    for (int i = 1; i <= COLD_STARTS + 1; i++) {
      boolean warm = i > COLD_STARTS;
      Path data = warm ? firstData : Files.createTempDirectory(work, "p4-");
      if (firstData == null) {
        firstData = data;
      }
      Hub hub = new Hub(data, List.of());
      try {
        hub.startScript(root, "start" + i);
        long health = hub.awaitHealthUp(Duration.ofMinutes(10));
        long page = hub.firstPage();
        long all = hub.awaitAllStarted(Duration.ofMinutes(10));
        double rss = hub.memoryMiB("VmRSS");
        double peak = hub.memoryMiB("VmHWM");
        double seconds = (page - hub.startedAt()) / 1e9;
        if (!warm) {
          ready.add(seconds * 1000);
        }
        print(
            String.format(
                "%s start %d: health UP %.1f s, first page %.1f s, workers too %.1f s | RSS %.0f MiB (peak %.0f MiB) |"
                    + " phases (Spring Boot's 'Started … in'): %s",
                warm ? "warm (existing data)" : "cold (empty data)",
                i,
                (health - hub.startedAt()) / 1e9,
                seconds,
                (all - hub.startedAt()) / 1e9,
                rss,
                peak,
                hub.phaseSummary()));
      } finally {
        hub.close();
      }
    }
    print(
        String.format(
            "P4 cold start to first page: median %.1f s over %d (goal < 20 s, RSS < 1.5 GiB)",
            Stats.median(ready) / 1000, ready.size()));
  }
}
