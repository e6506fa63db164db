package nl.knooppunt.bench.hub;

import static nl.knooppunt.bench.hub.HubBenchmarks.print;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * P5: a hub with 10,000 active process instances, each waiting on a user task in the LOCC's inbox
 * (assistance requests started through the REST API, the real path: engine, workers, Kafka,
 * projection), and 1,000,000 logbook rows, is killed with SIGKILL and started again on the same
 * data: the time to health UP and to all 10,000 tasks counted in the inbox again.
 *
 * <p>The 1,000,000 logbook rows are a bulk insert into the read model's logbook table (the same
 * columns, sizes and index, appended after the hub's own rows under the logbook's append lock) with
 * hashes that are not the logbook's HMAC chain: seeding them through the projection would take
 * hours on this machine. The logbook's verification would report those rows; P5 does not verify.
 */
final class Restart {

  /** Logbook's append lock (nl.knooppunt.gateway.logbook.Logbook): appends wait for the seed. */
  private static final long APPEND_LOCK = 0x4b4e50_4c4f47L;

  private final Path jar;
  private final Path work;
  private final int instances = Integer.getInteger("bench.p5.instances", 10_000);
  private final int logbookRows = Integer.getInteger("bench.p5.logbook-rows", 1_000_000);

  Restart(Path jar, Path work) {
    this.jar = jar;
    this.work = work;
  }

  void run() throws Exception {
    Path data = Files.createTempDirectory(work, "p5-");
    Hub hub = new Hub(data, List.of());
    try {
      hub.startJar(jar, "first");
      hub.awaitHealthUp(Duration.ofMinutes(10));
      hub.awaitAllStarted(Duration.ofMinutes(10));
      Api api = new Api(hub);
      long t0 = System.nanoTime();
      seedLogbook(hub);
      print(
          String.format(
              "seeded %,d logbook rows (bulk insert) in %.1f s",
              logbookRows, (System.nanoTime() - t0) / 1e9));
      t0 = System.nanoTime();
      startAssistanceRequests(api);
      long started = System.nanoTime();
      long inbox = awaitInbox(api, instances, Duration.ofMinutes(20));
      print(
          String.format(
              "started %,d assistance requests through the REST API in %.1f s (%.0f/s); all %,d"
                  + " LOCC tasks in the inbox after %.1f s",
              instances,
              (started - t0) / 1e9,
              instances / ((started - t0) / 1e9),
              inbox,
              (System.nanoTime() - t0) / 1e9));
      print(
          String.format(
              "before the kill: logbook %,d rows | RSS %.0f MiB",
              logbookCount(hub), hub.memoryMiB("VmRSS")));
      hub.kill();
      hub = new Hub(data, List.of(), hub);
      long restart = System.nanoTime();
      hub.startJar(jar, "after-kill");
      long health = hub.awaitHealthUp(Duration.ofMinutes(10));
      long page = hub.firstPage();
      api = new Api(hub);
      long counted = awaitInbox(api, instances, Duration.ofMinutes(5));
      long all = System.nanoTime();
      long workers = hub.awaitAllStarted(Duration.ofMinutes(10));
      print(
          String.format(
              "P5 kill -9 with %,d waiting instances and %,d logbook rows -> health UP %.1f s, first"
                  + " page %.1f s, all %,d tasks in the inbox count %.1f s (goal < 10 s), workers"
                  + " too %.1f s | RSS %.0f"
                  + " MiB | phases: %s",
              instances,
              logbookRows,
              (health - restart) / 1e9,
              (page - restart) / 1e9,
              counted,
              (all - restart) / 1e9,
              (workers - restart) / 1e9,
              hub.memoryMiB("VmRSS"),
              hub.phaseSummary()));
    } finally {
      hub.close();
    }
  }

  private void seedLogbook(Hub hub) throws Exception {
    try (Connection db =
        DriverManager.getConnection(
            "jdbc:postgresql://localhost:" + hub.postgresPort + "/knooppunt", "postgres", "")) {
      db.setAutoCommit(false);
      try (Statement s = db.createStatement()) {
        s.execute("select pg_advisory_xact_lock(" + APPEND_LOCK + ")");
        long last = 0;
        try (ResultSet r = s.executeQuery("select coalesce(max(sequence), 0) from logbook")) {
          r.next();
          last = r.getLong(1);
        }
        try (PreparedStatement insert =
            db.prepareStatement(
                "insert into logbook (sequence, event_id, crisis_id, type, occurred_at,"
                    + " recorded_at, actor, summary, exercise, data, previous_hash, hash)"
                    + " select ? + g, 'bench-' || g, 'BENCH-' || lpad((g % 1000)::text, 4, '0'),"
                    + " 'TAAK_AANGEMAAKT', now() - (? - g) * interval '1 second',"
                    + " now() - (? - g) * interval '1 second', 'bench', 'Taak aangemaakt:"
                    + " Aanvraag beoordelen (LOCC), benchmarkregel ' || g, true,"
                    + " '{\"specversion\":\"1.0\",\"id\":\"bench-' || g || '\",\"type\":"
                    + "\"nl.knooppunt.taak.aangemaakt\",\"source\":\"bench\",\"subject\":\"BENCH-'"
                    + " || (g % 1000) || '\",\"data\":{\"taskKey\":' || (2251799813685248 + g)"
                    + " || ',\"elementId\":\"Aanvraag_Beoordelen\",\"candidateGroups\":"
                    + "[\"locc-officier\"]}}',"
                    + " encode(sha256(('bench' || (g - 1))::bytea), 'hex'),"
                    + " encode(sha256(('bench' || g)::bytea), 'hex')"
                    + " from generate_series(1, ?) g")) {
          insert.setLong(1, last);
          insert.setLong(2, logbookRows);
          insert.setLong(3, logbookRows);
          insert.setLong(4, logbookRows);
          insert.executeUpdate();
        }
      }
      db.commit();
      try (Statement s = db.createStatement()) {
        s.execute("analyze logbook");
      }
    }
  }

  private long logbookCount(Hub hub) throws Exception {
    try (Connection db =
            DriverManager.getConnection(
                "jdbc:postgresql://localhost:" + hub.postgresPort + "/knooppunt", "postgres", "");
        Statement s = db.createStatement();
        ResultSet r = s.executeQuery("select count(*) from logbook")) {
      r.next();
      return r.getLong(1);
    }
  }

  /** The LOCC starts the requests, 8 at a time (the regions in turn request). */
  private void startAssistanceRequests(Api api) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> pending = new ArrayList<>();
      for (int i = 0; i < instances; i++) {
        String region = String.format("VR%02d", i % 25 + 1);
        int n = i;
        pending.add(
            pool.submit(
                () -> {
                  api.sendTryingAgain(
                      "locc",
                      "POST",
                      "/api/v1/processes/assistance-requests",
                      Map.of(
                          "requestingRegion",
                          region,
                          "capacity",
                          "BRANDWEER",
                          "amount",
                          1 + n % 20,
                          "location",
                          "Benchmark " + n,
                          "from",
                          NationalFanOut.inSixHours(),
                          "duration",
                          "PT12H",
                          "legalBasis",
                          "WVR_ART_51"),
                      201);
                  return null;
                }));
        if (pending.size() >= 500) {
          for (Future<?> f : pending) {
            f.get(5, TimeUnit.MINUTES);
          }
          pending.clear();
          if ((i + 1) % 1000 == 0) {
            System.out.println("[bench] P5 seeding: " + (i + 1) + " requests started");
          }
        }
      }
      for (Future<?> f : pending) {
        f.get(5, TimeUnit.MINUTES);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static long awaitInbox(Api api, long count, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    long total = -1;
    while (System.nanoTime() < deadline) {
      try {
        total = api.inboxTotal("locc");
        if (total >= count) {
          return total;
        }
      } catch (IllegalStateException notYet) {
        // e.g. 503 while the engine or the database is not there yet
      }
      TimeUnit.MILLISECONDS.sleep(total < 0 ? 50 : 200);
    }
    throw new IllegalStateException("inbox has " + total + " of " + count + " tasks");
  }
}
