package nl.knooppunt.gateway.readmodel;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import nl.knooppunt.processes.events.CloudEventJson;
import nl.knooppunt.processes.events.Topic;
import nl.knooppunt.processes.events.UnreadableEventException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.stereotype.Component;

/**
 * Rebuilds the projections from {@link Topic#EVENTS}: empties them and replays the topic from the
 * start. The logbook is not touched (it is append-only and skips known event ids).
 */
@Component
public class ReadModelRebuilder {

  private static final Logger LOG = LoggerFactory.getLogger(ReadModelRebuilder.class);

  /** The projection tables, emptied before a replay. */
  public static final List<String> PROJECTIONS =
      List.of(
          "processed_event",
          "crisis",
          "task",
          "decision",
          "notification",
          "delivery_attempt",
          "threat_level",
          "threat_level_change",
          "assistance",
          "incident",
          "process_instance",
          "person",
          "measures_version",
          "crisis_region",
          "improvement_action",
          "evaluation_share");

  private final JdbcTemplate jdbc;
  private final Projector projector;
  private final ConsumerFactory<String, String> consumers;

  public ReadModelRebuilder(
      JdbcTemplate jdbc, Projector projector, ConsumerFactory<String, String> consumers) {
    this.jdbc = jdbc;
    this.projector = projector;
    this.consumers = consumers;
  }

  /** Empties the projections and replays the topic up to its current end; returns the count. */
  public long rebuild() {
    jdbc.execute("truncate table " + String.join(", ", PROJECTIONS));
    return replay();
  }

  /** Replays the topic from the start up to its current end without emptying anything. */
  public long replay() {
    Properties props = new Properties();
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "500");
    long applied = 0;
    try (Consumer<String, String> consumer =
        consumers.createConsumer("knooppunt-gateway-rebuild", "rebuild", null, props)) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(Topic.Names.EVENTS, Duration.ofSeconds(10)).stream()
              .map(p -> new TopicPartition(p.topic(), p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(10));
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
          try {
            if (projector.apply(CloudEventJson.read(record.value()))) {
              applied++;
            }
          } catch (UnreadableEventException e) {
            LOG.warn("Replay skipped offset {}: {}", record.offset(), e.getMessage());
          }
        }
      }
    }
    LOG.info("Read model replayed from {}: {} events applied", Topic.Names.EVENTS, applied);
    return applied;
  }
}
