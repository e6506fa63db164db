package nl.knooppunt.bench.gateway;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Future;
import java.util.function.LongSupplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import nl.knooppunt.processes.Task;
import nl.knooppunt.processes.events.Area;
import nl.knooppunt.processes.events.CloudEvent;
import nl.knooppunt.processes.events.CloudEventJson;
import nl.knooppunt.processes.events.CrisisStarted;
import nl.knooppunt.processes.events.EventPayload;
import nl.knooppunt.processes.events.EventType;
import nl.knooppunt.processes.events.FactRecorded;
import nl.knooppunt.processes.events.Origin;
import nl.knooppunt.processes.events.TaskCreated;
import nl.knooppunt.processes.events.Topic;
import nl.knooppunt.processes.variables.LevelFiveArea;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The seeding tool of P3: crises, open tasks and logbook facts as events on {@link Topic#EVENTS},
 * the topic the gateway's projection reads (its consumer, its projector, its logbook chain), the
 * way the workers and the user-task listeners write them. The bulk of the logbook can go through a
 * faster path: the same rows (the shape of a fact the projection wrote, one row per event in {@code
 * processed_event} and {@code logbook}, the chain continued with the logbook's key from the hub's
 * data directory) inserted in batches straight into PostgreSQL. docs/performance.md says which part
 * took which path.
 */
final class Seeder {

  /** The 25 veiligheidsregio's: the seeded crises and tasks are spread over them. */
  static final List<String> REGIONS =
      java.util.stream.IntStream.rangeClosed(1, 25)
          .mapToObj(i -> String.format("VR%02d", i))
          .toList();

  /** The lock {@code Logbook} takes for every append (one chain, also across gateways). */
  private static final long APPEND_LOCK = 0x4b4e50_4c4f47L;

  private static final String SOURCE = "/knooppunt/bench";

  /** What was seeded and how long each part took. */
  record Result(
      int crises,
      int tasks,
      int realPathEvents,
      Duration realPath,
      long bulkRows,
      Duration bulk,
      long logbookRows,
      long openTasks,
      long crisesInReadModel) {

    double realPathPerSecond() {
      return realPathEvents / Math.max(0.001, realPath.toMillis() / 1000.0);
    }
  }

  private final String bootstrap;
  private final String jdbcUrl;
  private final Path keyFile;

  Seeder(String bootstrap, String jdbcUrl, Path keyFile) {
    this.bootstrap = bootstrap;
    this.jdbcUrl = jdbcUrl;
    this.keyFile = keyFile;
  }

  /** The seeded crises are {@code DN5-BENCH-1} to {@code DN5-BENCH-<crises>}. */
  static final String CRISIS_PREFIX = "DN5-BENCH-";

  static String crisisId(int n) {
    return CRISIS_PREFIX + n;
  }

  static String region(int crisis) {
    return REGIONS.get((crisis - 1) % REGIONS.size());
  }

  Result seed(int crises, int tasks, int logbookTotal, int logbookRealPath) throws Exception {
    long before = count("select count(*) from processed_event");
    Instant t0 = Instant.now();
    int sent = 0;
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    try (KafkaProducer<String, String> kafka = new KafkaProducer<>(p)) {
      Future<RecordMetadata> last = null;
      Instant now = Instant.now();
      for (int c = 1; c <= crises; c++) {
        String vr = region(c);
        last =
            send(
                kafka,
                CloudEvent.of(
                        "bench-crisis-" + c,
                        EventType.CRISIS_GESTART,
                        SOURCE,
                        now.minusSeconds(crises - c),
                        crisisId(c),
                        false,
                        new CrisisStarted(
                            "dreigingsniveau-5",
                            "Dreigingsniveau 5 (belasting) " + c,
                            new Area(LevelFiveArea.Kind.VEILIGHEIDSREGIO, List.of(vr), vr),
                            List.of(vr),
                            null,
                            "operator",
                            null,
                            null,
                            null,
                            null))
                    .by("operator", "Dienstdoende operator"));
        sent++;
      }
      // per crisis: most tasks for its region (the alignment and the picture), a few national ones
      Task[] regional = {Task.AFSTEMMEN_LOKAAL_GEZAG, Task.SITUATIERAPPORT_BEELD};
      for (int t = 1; t <= tasks; t++) {
        int c = (t - 1) % crises + 1;
        int slot = (t - 1) / crises;
        String vr = region(c);
        Task task;
        List<String> groups;
        String vrCode;
        if (slot % 10 == 8) {
          task = Task.BESLUIT_AFKONDIGING;
          groups = List.of("nctv-besluitvormer");
          vrCode = null;
        } else if (slot % 10 == 9) {
          task = Task.REGIO_BELLEN;
          groups = List.of("landelijk-operator");
          vrCode = vr;
        } else {
          task = regional[slot % regional.length];
          groups = List.of("regio-" + vr);
          vrCode = vr;
        }
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("crisisId", crisisId(c));
        variables.put("vrCode", vr);
        last =
            send(
                kafka,
                CloudEvent.of(
                    "bench-task-" + t,
                    EventType.TAAK_AANGEMAAKT,
                    SOURCE,
                    now,
                    crisisId(c),
                    false,
                    new TaskCreated(
                        9_000_000_000L + t,
                        task.process().id(),
                        task.elementId(),
                        null,
                        task.elementId().replace('_', ' '),
                        task.form().key(),
                        nl.knooppunt.processes.SlaTable.shipped().term(task).toString(),
                        groups,
                        List.of(),
                        null,
                        now.plus(nl.knooppunt.processes.SlaTable.shipped().term(task))
                            .plusSeconds(t % 3600),
                        vrCode,
                        variables)));
        sent++;
      }
      for (int f = 1; f <= logbookRealPath; f++) {
        int c = (f - 1) % crises + 1;
        last = send(kafka, fact("bench-fact-" + f, c, now));
        sent++;
      }
      kafka.flush();
      if (last != null) {
        last.get();
      }
    }
    long target = before + sent;
    awaitCount("select count(*) from processed_event", target, Duration.ofMinutes(30));
    Duration realPath = Duration.between(t0, Instant.now());
    Instant b0 = Instant.now();
    long logbookNow = count("select count(*) from logbook");
    long bulk = Math.max(0, logbookTotal - logbookNow);
    if (bulk > 0) {
      bulk(bulk, crises);
    }
    Duration bulkTime = Duration.between(b0, Instant.now());
    try (Connection db = connect();
        Statement s = db.createStatement()) {
      s.execute("analyze");
    }
    return new Result(
        crises,
        tasks,
        sent,
        realPath,
        bulk,
        bulkTime,
        count("select count(*) from logbook"),
        count("select count(*) from task where state = 'OPEN'"),
        count("select count(*) from crisis"));
  }

  /** The seed of a previous run, left in the hub's data directory: nothing is added. */
  Result existing(int crises, int tasks) throws SQLException {
    Result r =
        new Result(
            crises,
            tasks,
            0,
            Duration.ZERO,
            0,
            Duration.ZERO,
            count("select count(*) from logbook"),
            count("select count(*) from task where state = 'OPEN'"),
            count("select count(*) from crisis"));
    if (r.crisesInReadModel() < crises || r.openTasks() < tasks) {
      throw new IllegalStateException("the hub's data holds no seed of this size: " + r);
    }
    return r;
  }

  private static CloudEvent<FactRecorded> fact(String id, int crisis, Instant now) {
    return CloudEvent.of(
        id,
        EventType.LOGBOEK_FEIT,
        SOURCE,
        now,
        crisisId(crisis),
        false,
        new FactRecorded(
            "STILZWIJGEN_REGIO",
            null,
            region(crisis),
            new Origin("dreigingsniveau-5", Task.AFSTEMMEN_LOKAAL_GEZAG.elementId(), null)));
  }

  private static Future<RecordMetadata> send(
      KafkaProducer<String, String> kafka, CloudEvent<? extends EventPayload> e) {
    return kafka.send(
        new ProducerRecord<>(Topic.Names.EVENTS, e.crisisId(), CloudEventJson.write(e)));
  }

  /**
   * The faster path: {@code rows} more facts of the same shape as the last fact the projection
   * wrote, spread over the crises, each with its {@code processed_event} row, the chain continued
   * in batches under the logbook's own lock.
   */
  private void bulk(long rows, int crises)
      throws SQLException, IOException, GeneralSecurityException {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(
        new SecretKeySpec(
            Base64.getDecoder().decode(Files.readString(keyFile).strip()), "HmacSHA256"));
    String type = EventType.LOGBOEK_FEIT.type();
    try (Connection db = connect()) {
      db.setAutoCommit(false);
      String summary;
      String data;
      String actor;
      try (PreparedStatement q =
          db.prepareStatement(
              "select summary, data, actor from logbook where type = ? order by sequence desc"
                  + " limit 1")) {
        q.setString(1, type);
        try (ResultSet rs = q.executeQuery()) {
          if (!rs.next()) {
            throw new IllegalStateException("no fact in the logbook to take the shape from");
          }
          summary = rs.getString(1);
          data = rs.getString(2);
          actor = rs.getString(3);
        }
      }
      db.commit();
      long done = 0;
      long batch = 20_000;
      LongSupplier clock = System::currentTimeMillis;
      long started = clock.getAsLong();
      while (done < rows) {
        long n = Math.min(batch, rows - done);
        try (Statement s = db.createStatement()) {
          s.execute("select pg_advisory_xact_lock(" + APPEND_LOCK + ")");
        }
        long sequence;
        String previous;
        try (Statement s = db.createStatement();
            ResultSet rs =
                s.executeQuery(
                    "select sequence, hash from logbook order by sequence desc limit 1")) {
          rs.next();
          sequence = rs.getLong(1);
          previous = rs.getString(2);
        }
        try (PreparedStatement pe =
                db.prepareStatement(
                    "insert into processed_event (event_id, type, processed_at) values (?, ?, ?)");
            PreparedStatement lb =
                db.prepareStatement(
                    "insert into logbook (sequence, event_id, crisis_id, type, occurred_at,"
                        + " recorded_at, actor, summary, exercise, data, previous_hash, hash)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, false, ?, ?, ?)")) {
          Instant recorded = Instant.now().truncatedTo(ChronoUnit.MICROS);
          OffsetDateTime recordedAt = OffsetDateTime.ofInstant(recorded, ZoneOffset.UTC);
          for (long i = 0; i < n; i++) {
            long k = done + i + 1;
            sequence++;
            String eventId = "bench-bulk-fact-" + k;
            String crisisId = crisisId((int) ((k - 1) % crises) + 1);
            Instant occurred = recorded.minusMillis(rows - k);
            String hash =
                mac(
                    mac, previous, sequence, eventId, crisisId, type, occurred, recorded, actor,
                    summary, false, data);
            pe.setString(1, eventId);
            pe.setString(2, type);
            pe.setObject(3, recordedAt);
            pe.addBatch();
            lb.setLong(1, sequence);
            lb.setString(2, eventId);
            lb.setString(3, crisisId);
            lb.setString(4, type);
            lb.setObject(5, OffsetDateTime.ofInstant(occurred, ZoneOffset.UTC));
            lb.setObject(6, recordedAt);
            lb.setString(7, actor);
            lb.setString(8, summary);
            lb.setString(9, data);
            lb.setString(10, previous);
            lb.setString(11, hash);
            lb.addBatch();
            previous = hash;
          }
          pe.executeBatch();
          lb.executeBatch();
        }
        db.commit();
        done += n;
        if (done % 200_000 == 0 || done == rows) {
          System.out.printf(
              "P3 seed: %,d of %,d logbook rows through the bulk path (%d s)%n",
              done, rows, (clock.getAsLong() - started) / 1000);
        }
      }
    }
  }

  /** The logbook's hash of one entry: the same fields, in the same order, as {@code Logbook}. */
  private static String mac(Mac mac, Object... parts) {
    StringBuilder s = new StringBuilder();
    for (Object part : parts) {
      s.append(part == null ? "" : part.toString()).append('\n');
    }
    return HexFormat.of().formatHex(mac.doFinal(s.toString().getBytes(StandardCharsets.UTF_8)));
  }

  Connection connect() throws SQLException {
    return DriverManager.getConnection(jdbcUrl + "?reWriteBatchedInserts=true", "postgres", "");
  }

  long count(String sql) throws SQLException {
    try (Connection db = connect();
        Statement s = db.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private void awaitCount(String sql, long target, Duration limit)
      throws SQLException, InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    long last = -1;
    long lastPrint = 0;
    while (true) {
      long n = count(sql);
      if (n >= target) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "the projection applied " + n + " of " + target + " events within " + limit);
      }
      if (n != last && System.nanoTime() - lastPrint > 10_000_000_000L) {
        System.out.printf("P3 seed: the projection applied %,d of %,d events%n", n, target);
        lastPrint = System.nanoTime();
      }
      last = n;
      Thread.sleep(250);
    }
  }

  /** The tool on its own: seeds a running hub. Arguments: bootstrap jdbc-url key-file. */
  public static void main(String[] args) throws Exception {
    if (args.length < 3) {
      System.err.println(
          "usage: Seeder <kafka bootstrap> <jdbc url> <logbook key file> [crises tasks logbook"
              + " logbook-real-path]");
      System.exit(2);
    }
    int crises = args.length > 3 ? Integer.parseInt(args[3]) : 1000;
    int tasks = args.length > 4 ? Integer.parseInt(args[4]) : 10_000;
    int logbook = args.length > 5 ? Integer.parseInt(args[5]) : 1_000_000;
    int real = args.length > 6 ? Integer.parseInt(args[6]) : 20_000;
    System.out.println(
        new Seeder(args[0], args[1], Path.of(args[2])).seed(crises, tasks, logbook, real));
  }
}
