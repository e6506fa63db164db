package nl.knooppunt.gateway.logbook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import nl.knooppunt.gateway.events.AnchorOutbox;
import nl.knooppunt.processes.events.CloudEvent;
import nl.knooppunt.processes.events.CloudEventJson;
import nl.knooppunt.processes.events.EventType;
import nl.knooppunt.processes.events.LogbookAnchored;
import nl.knooppunt.processes.events.Topic;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Anchors of the logbook's chain outside the database: every {@code anchor-every} entries or every
 * {@code anchor-interval}, the position and hash of the last entry with the time, sealed with the
 * logbook's key, appended to the anchor file (a file in the data directory in the embedded default,
 * a configured location in production), and the same anchor on Kafka ({@link
 * Topic#LOGBOOK_ANCHORS}, through the outbox). An entry rewritten with its whole tail, or entries
 * cut off the end, no longer match an anchor written before, even when one of the two copies was
 * removed as well.
 */
public class LogbookAnchors {

  private static final Logger LOG = LoggerFactory.getLogger(LogbookAnchors.class);

  /** One anchor: the chain was at this position with this hash at this time. */
  public record Anchor(long sequence, String hash, Instant time, String seal) {}

  private final JdbcTemplate jdbc;
  private final LogbookSeal seal;
  private final LogbookSettings settings;
  private final Clock clock;
  private final AnchorOutbox outbox;
  private final ConsumerFactory<String, String> consumers;
  private final ObjectMapper json = new ObjectMapper();
  private Anchor last;

  LogbookAnchors(
      JdbcTemplate jdbc,
      LogbookSeal seal,
      LogbookSettings settings,
      Clock clock,
      AnchorOutbox outbox,
      ConsumerFactory<String, String> consumers) {
    this.jdbc = jdbc;
    this.seal = seal;
    this.settings = settings;
    this.clock = clock;
    this.outbox = outbox;
    this.consumers = consumers;
  }

  static String sealed(LogbookSeal seal, long sequence, String hash, Instant time) {
    return seal.mac("anker\n" + sequence + "\n" + hash + "\n" + time + "\n");
  }

  /** Whether an anchor is what this key sealed. */
  boolean genuine(Anchor a) {
    return sealed(seal, a.sequence(), a.hash(), a.time()).equals(a.seal());
  }

  @Scheduled(fixedDelayString = "${knooppunt.logbook.anchor-check:PT10S}")
  void anchorIfDue() {
    if (settings.getAnchorFile() == null) {
      return;
    }
    List<Object[]> head =
        jdbc.query(
            "select sequence, hash from logbook order by sequence desc limit 1",
            (rs, i) -> new Object[] {rs.getLong(1), rs.getString(2)});
    if (head.isEmpty()) {
      return;
    }
    long sequence = (long) head.get(0)[0];
    Anchor previous = last();
    Instant now = clock.instant();
    boolean due =
        previous == null
            || sequence - previous.sequence() >= settings.getAnchorEvery()
            || (sequence > previous.sequence()
                && !now.isBefore(previous.time().plus(settings.getAnchorInterval())));
    if (due) {
      anchor(sequence, (String) head.get(0)[1], now);
    }
  }

  /** Writes an anchor now for the chain's current end (and answers it). */
  public synchronized Anchor anchorNow() {
    List<Object[]> head =
        jdbc.query(
            "select sequence, hash from logbook order by sequence desc limit 1",
            (rs, i) -> new Object[] {rs.getLong(1), rs.getString(2)});
    if (head.isEmpty()) {
      return null;
    }
    return anchor((long) head.get(0)[0], (String) head.get(0)[1], clock.instant());
  }

  private synchronized Anchor anchor(long sequence, String hash, Instant time) {
    Anchor a = new Anchor(sequence, hash, time, sealed(seal, sequence, hash, time));
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("sequence", a.sequence());
    line.put("hash", a.hash());
    line.put("time", a.time().toString());
    line.put("seal", a.seal());
    Path file = settings.getAnchorFile();
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      try (FileChannel out =
          FileChannel.open(
              file,
              StandardOpenOption.CREATE,
              StandardOpenOption.WRITE,
              StandardOpenOption.APPEND)) {
        out.write(
            ByteBuffer.wrap(
                (json.writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8)));
        out.force(true);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not write the logbook anchor to " + file, e);
    }
    outbox.publish(
        CloudEvent.of(
            "logboek-anker/" + a.sequence() + "/" + a.time(),
            EventType.LOGBOEK_VERANKERD,
            "/knooppunt/gateway",
            a.time(),
            null,
            false,
            new LogbookAnchored(a.sequence(), a.hash(), a.time(), a.seal())));
    last = a;
    LOG.info("Logbook anchored at entry {} ({} and {})", sequence, file, Topic.LOGBOOK_ANCHORS);
    return a;
  }

  private Anchor last() {
    if (last == null) {
      List<Anchor> all = read();
      last = all.isEmpty() ? null : all.get(all.size() - 1);
    }
    return last;
  }

  /** Every anchor in the file, in order; a line that is not an anchor is returned unsealed. */
  public List<Anchor> read() {
    Path file = settings.getAnchorFile();
    List<Anchor> anchors = new ArrayList<>();
    if (file == null || !Files.exists(file)) {
      return anchors;
    }
    try {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        if (line.isBlank()) {
          continue;
        }
        try {
          JsonNode n = json.readTree(line);
          anchors.add(
              new Anchor(
                  n.path("sequence").asLong(),
                  n.path("hash").asText(),
                  Instant.parse(n.path("time").asText()),
                  n.path("seal").asText()));
        } catch (IOException | RuntimeException unreadable) {
          anchors.add(new Anchor(-1, "", Instant.EPOCH, ""));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not read the logbook anchors " + file, e);
    }
    return anchors;
  }

  /**
   * Every anchor on {@link Topic#LOGBOOK_ANCHORS} from its start, in order (a record that is not an
   * anchor is returned unsealed); empty when Kafka cannot be read within {@code
   * kafka-read-timeout}.
   */
  public Optional<List<Anchor>> readKafka() {
    Duration timeout = settings.getKafkaReadTimeout();
    Properties props = new Properties();
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    props.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
    List<Anchor> anchors = new ArrayList<>();
    try (Consumer<String, String> consumer =
        consumers.createConsumer(
            "knooppunt-gateway-logbook-verification-" + UUID.randomUUID(),
            "logbook-verification",
            null,
            props)) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(Topic.Names.LOGBOOK_ANCHORS, timeout).stream()
              .map(p -> new TopicPartition(p.topic(), p.partition()))
              .toList();
      if (partitions.isEmpty()) {
        return Optional.empty();
      }
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
      Instant giveUp = Instant.now().plus(timeout);
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
        if (Instant.now().isAfter(giveUp)) {
          return Optional.empty();
        }
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
          try {
            if (CloudEventJson.read(record.value()).data() instanceof LogbookAnchored a) {
              anchors.add(new Anchor(a.sequence(), a.hash(), a.time(), a.seal()));
            } else {
              anchors.add(new Anchor(-1, "", Instant.EPOCH, ""));
            }
          } catch (RuntimeException unreadable) {
            anchors.add(new Anchor(-1, "", Instant.EPOCH, ""));
          }
        }
      }
    } catch (KafkaException e) {
      LOG.warn("The logbook's anchors on Kafka could not be read: {}", e.toString());
      return Optional.empty();
    }
    return Optional.of(anchors);
  }
}
