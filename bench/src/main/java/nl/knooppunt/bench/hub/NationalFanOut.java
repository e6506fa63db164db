package nl.knooppunt.bench.hub;

import static nl.knooppunt.bench.hub.HubBenchmarks.print;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import nl.knooppunt.processes.events.Topic;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * P1: level 5 for all 12 provinces, driven through the REST API like LevelFiveStoryIT: the duty
 * officer proposes, police and OM share information, all 25 regions align with their lokaal gezag
 * (bench accounts, below), the NCTV decides and the second decider co-signs. Measured: from the
 * co-signature's completion answer (the moment the decision is in force, four eyes) to the last
 * declaration notice a consumer of the notification topic receives. Beside it in the same run, on
 * the same broker: a bare Kafka producer with the workers' settings (acks=all, idempotence) sends
 * as many records of the same size, once one at a time (each send waits for its acknowledgement)
 * and once all at once (flush), to the last record the same consumer receives.
 *
 * <p>The 25 regions' accounts exist only in this hub: they are arguments of the child JVM ({@code
 * --knooppunt.security.users.bench-vrNN...}), the same local-account mechanism as the demo
 * accounts, so nothing of it is in any configuration file or in production.
 */
final class NationalFanOut {

  static final List<String> PROVINCES =
      List.of(
          "PV20", "PV21", "PV22", "PV23", "PV24", "PV25", "PV26", "PV27", "PV28", "PV29", "PV30",
          "PV31");
  private static final String BARE_TOPIC = "bench.bare-producer";
  private static final String DECLARATION = "/afkondiging/";

  private final Path jar;
  private final Path work;
  private final int runs = Integer.getInteger("bench.p1.runs", 20);
  private final ObjectMapper json = new ObjectMapper();

  /** Receive moments (System.nanoTime) per crisis id or bare batch, by record id. */
  private final Map<String, Map<String, Long>> received = new ConcurrentHashMap<>();

  private final AtomicReference<String> sampleNotice = new AtomicReference<>();

  NationalFanOut(Path jar, Path work) {
    this.jar = jar;
    this.work = work;
  }

  private static String region(int i) {
    return String.format("VR%02d", i);
  }

  private static String account(int i) {
    return "bench-vr" + String.format("%02d", i);
  }

  private static List<String> benchAccounts() {
    List<String> args = new ArrayList<>();
    // the setup of each run logs in about 90 times (HTTP Basic): a cheaper hash than the default
    // keeps it short; the measured window has no logins
    args.add("--knooppunt.security.bcrypt-strength=4");
    for (int i = 1; i <= 25; i++) {
      String prefix = "--knooppunt.security.users." + account(i);
      args.add(prefix + ".name=Bench piket " + region(i));
      args.add(prefix + ".password=" + account(i) + "-demo");
      args.add(prefix + ".roles=REGIO");
      args.add(prefix + ".vr-code=" + region(i));
    }
    return args;
  }

  void run() throws Exception {
    Path data = Files.createTempDirectory(work, "p1-");
    try (Hub hub = new Hub(data, benchAccounts())) {
      hub.startJar(jar, "hub");
      hub.awaitHealthUp(Duration.ofMinutes(10));
      hub.awaitAllStarted(Duration.ofMinutes(10));
      Api api = new Api(hub);
      String bootstrap = "localhost:" + hub.kafkaPort;
      int partitions = createBareTopic(bootstrap);
      AtomicBoolean consuming = new AtomicBoolean(true);
      Thread consumer = new Thread(() -> consume(bootstrap, consuming), "bench-consumer");
      consumer.start();
      ExecutorService regions = Executors.newFixedThreadPool(5);
      try (KafkaProducer<String, String> producer = producer(bootstrap)) {
        List<Double> hubMs = new ArrayList<>();
        List<Double> bareSyncMs = new ArrayList<>();
        List<Double> bareBatchMs = new ArrayList<>();
        int expected = -1;
        for (int run = 0; run <= runs; run++) {
          String crisisId = proposeAndAlign(api, regions);
          api.complete(
              "nctv",
              crisisId,
              "Besluit_Afkondiging",
              Map.of(
                  "uitkomst",
                  "AFKONDIGEN",
                  "eindtijd",
                  inSixHours(),
                  "motivering",
                  "Benchmark: landelijke dreiging"));
          long inForce =
              api.complete(
                  "nctv2",
                  crisisId,
                  "Medeondertekenen_Afkondiging",
                  Map.of("goedkeuring", "GOEDGEKEURD"));
          Map<String, Long> notices = awaitNotices(crisisId, expected);
          if (expected < 0) {
            expected = notices.size();
            print(
                "declaration notices per national level 5: "
                    + expected
                    + " (first run, a warm-up: not counted)");
            continue;
          }
          if (notices.size() != expected) {
            print("run " + run + ": " + notices.size() + " notices, not " + expected);
          }
          double hubRun = (last(notices) - inForce) / 1e6;
          hubMs.add(hubRun);
          double sync = bare(producer, "sync" + run, expected, true);
          double batch = bare(producer, "batch" + run, expected, false);
          bareSyncMs.add(sync);
          bareBatchMs.add(batch);
          print(
              String.format(
                  "run %d: hub %.0f ms | bare producer one at a time %.0f ms, all at once %.0f ms",
                  run, hubRun, sync, batch));
        }
        print(
            String.format(
                "P1 hub (co-signature answered -> last of %d notices consumed): %s",
                expected, Stats.summary(hubMs)));
        print(
            "P1 bare producer, one at a time (acks=all, idempotent): " + Stats.summary(bareSyncMs));
        print("P1 bare producer, all at once then flush: " + Stats.summary(bareBatchMs));
        print(
            String.format(
                "P1 ratio hub / bare one at a time: p50 %.1f x, p99 %.1f x | hub / bare all at once:"
                    + " p50 %.1f x, p99 %.1f x | topic partitions %d (goal p99 < 1 s and <= 5 x)",
                Stats.pct(hubMs, 50) / Stats.pct(bareSyncMs, 50),
                Stats.pct(hubMs, 99) / Stats.pct(bareSyncMs, 99),
                Stats.pct(hubMs, 50) / Stats.pct(bareBatchMs, 50),
                Stats.pct(hubMs, 99) / Stats.pct(bareBatchMs, 99),
                partitions));
      } finally {
        regions.shutdownNow();
        consuming.set(false);
        consumer.join(10_000);
      }
    }
  }

  /** Proposal, information of police and OM, the 25 regions' alignment: up to the decision. */
  private String proposeAndAlign(Api api, ExecutorService regions) throws Exception {
    String crisisId =
        api.send(
                "operator",
                "POST",
                "/api/v1/processes/threat-level-proposals",
                Map.of(
                    "area",
                    Map.of("kind", "PROVINCIE", "codes", PROVINCES, "name", "heel Nederland"),
                    "reason",
                    "Benchmark: landelijke dreiging",
                    "proposedEnd",
                    inSixHours(),
                    "exercise",
                    true),
                201)
            .path("crisisId")
            .asText();
    List<Future<?>> done = new ArrayList<>();
    for (String partner : List.of("politie", "om")) {
      done.add(
          regions.submit(
              () ->
                  api.complete(
                      partner,
                      crisisId,
                      "Informatie_Delen",
                      Map.of(
                          "samenvatting", "Benchmark",
                          "dreigingsinschatting", "VERVOLGDREIGING_MOGELIJK",
                          "vertrouwelijkheid", "DEPARTEMENTAAL_VERTROUWELIJK"))));
    }
    for (int i = 1; i <= 25; i++) {
      String user = account(i);
      done.add(
          regions.submit(
              () ->
                  api.complete(
                      user,
                      crisisId,
                      "Afstemmen_Lokaal_Gezag",
                      Map.of("standpuntGezag", "STEUNT", "maatregelen", "Benchmark"))));
    }
    for (Future<?> f : done) {
      f.get(5, TimeUnit.MINUTES);
    }
    return crisisId;
  }

  /**
   * Waits for the crisis's declaration notices: as many as the first run had, or (first run) until
   * none came for 5 s.
   */
  private Map<String, Long> awaitNotices(String crisisId, int expected) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
    Map<String, Long> notices = received.computeIfAbsent(crisisId, k -> new ConcurrentHashMap<>());
    int seen = -1;
    long quietSince = System.nanoTime();
    while (System.nanoTime() < deadline) {
      int now = notices.size();
      if (expected > 0 && now >= expected) {
        break;
      }
      if (now != seen) {
        seen = now;
        quietSince = System.nanoTime();
      } else if (now > 0 && System.nanoTime() - quietSince > TimeUnit.SECONDS.toNanos(5)) {
        break;
      }
      TimeUnit.MILLISECONDS.sleep(20);
    }
    return Map.copyOf(notices);
  }

  private static long last(Map<String, Long> times) {
    return times.values().stream().mapToLong(Long::longValue).max().orElseThrow();
  }

  /** The bare producer: as many records of a notice's size; ms from first send to last consumed. */
  private double bare(KafkaProducer<String, String> producer, String batch, int count, boolean sync)
      throws Exception {
    String value = sampleNotice.get();
    Map<String, Long> times = received.computeIfAbsent(batch, k -> new ConcurrentHashMap<>());
    long start = System.nanoTime();
    for (int i = 0; i < count; i++) {
      var send = producer.send(new ProducerRecord<>(BARE_TOPIC, batch + "|" + i, value));
      if (sync) {
        send.get(30, TimeUnit.SECONDS);
      }
    }
    producer.flush();
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
    while (times.size() < count && System.nanoTime() < deadline) {
      TimeUnit.MILLISECONDS.sleep(2);
    }
    return (last(times) - start) / 1e6;
  }

  private void consume(String bootstrap, AtomicBoolean consuming) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    p.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 10);
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
      List<TopicPartition> partitions = new ArrayList<>();
      for (String topic : List.of(Topic.NOTIFICATIONS.topicName(), BARE_TOPIC)) {
        consumer
            .partitionsFor(topic)
            .forEach(i -> partitions.add(new TopicPartition(topic, i.partition())));
      }
      consumer.assign(partitions);
      consumer.seekToEnd(partitions);
      partitions.forEach(consumer::position);
      while (consuming.get()) {
        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(20))) {
          long now = System.nanoTime();
          if (BARE_TOPIC.equals(r.topic())) {
            String key = r.key();
            received
                .computeIfAbsent(key.substring(0, key.indexOf('|')), k -> new ConcurrentHashMap<>())
                .putIfAbsent(key, now);
          } else {
            String id = id(r.value());
            int at = id.indexOf(DECLARATION);
            if (at > 0) {
              sampleNotice.compareAndSet(null, r.value());
              received
                  .computeIfAbsent(id.substring(0, at), k -> new ConcurrentHashMap<>())
                  .putIfAbsent(id, now);
            }
          }
        }
      }
    }
  }

  private String id(String value) {
    try {
      JsonNode event = json.readTree(value);
      return event.path("id").asText();
    } catch (Exception e) {
      return "";
    }
  }

  /** The bench topic: like the notification topic (same partitions), on the same broker. */
  private static int createBareTopic(String bootstrap) throws Exception {
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
      TopicDescription notifications =
          admin
              .describeTopics(List.of(Topic.NOTIFICATIONS.topicName()))
              .allTopicNames()
              .get(1, TimeUnit.MINUTES)
              .get(Topic.NOTIFICATIONS.topicName());
      int partitions = notifications.partitions().size();
      short replicas = (short) notifications.partitions().get(0).replicas().size();
      admin
          .createTopics(List.of(new NewTopic(BARE_TOPIC, partitions, replicas)))
          .all()
          .get(1, TimeUnit.MINUTES);
      return partitions;
    }
  }

  /** The workers' producer settings (workers.yaml): acks=all, idempotence on. */
  private static KafkaProducer<String, String> producer(String bootstrap) {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    return new KafkaProducer<>(p);
  }

  /**
   * Six hours from now as RFC 3339 with seconds always written (OffsetDateTime.toString() leaves
   * ":00" seconds out, which the forms' date-time check refuses).
   */
  static String inSixHours() {
    return OffsetDateTime.now()
        .plusHours(6)
        .truncatedTo(ChronoUnit.SECONDS)
        .format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX"));
  }
}
