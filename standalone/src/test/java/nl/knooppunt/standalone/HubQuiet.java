package nl.knooppunt.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.knooppunt.gateway.readmodel.ReadModelRebuilder;
import nl.knooppunt.processes.events.CloudEvent;
import nl.knooppunt.processes.events.CloudEventJson;
import nl.knooppunt.processes.events.EventPayload;
import nl.knooppunt.processes.events.Topic;
import nl.knooppunt.processes.events.UnreadableEventException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What a hub's topics and read model hold, read as the tests of "nothing lost, nothing twice" need
 * it: every event of a topic by id (as a consumer reads it, committed only, from the start to the
 * end), the moment the hub is quiet, and the read model compared with a rebuild from the topic.
 */
public final class HubQuiet {

  private final String bootstrapServers;
  private final JdbcTemplate jdbc;

  public HubQuiet(String bootstrapServers, JdbcTemplate jdbc) {
    this.bootstrapServers = bootstrapServers;
    this.jdbc = jdbc;
  }

  /** Every record on a topic, read committed, from the start to its end, by event id. */
  public static Map<String, List<CloudEvent<EventPayload>>> onTheTopic(
      String bootstrapServers, Topic topic) {
    Map<String, Object> config = new HashMap<>();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    config.put(ConsumerConfig.GROUP_ID_CONFIG, "hub-quiet-" + UUID.randomUUID());
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    Map<String, List<CloudEvent<EventPayload>>> byId = new LinkedHashMap<>();
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic.topicName(), Duration.ofSeconds(10)).stream()
              .map(p -> new TopicPartition(p.topic(), p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(10));
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
          try {
            CloudEvent<EventPayload> e = CloudEventJson.read(r.value());
            byId.computeIfAbsent(e.id(), id -> new ArrayList<>()).add(e);
          } catch (UnreadableEventException e) {
            throw new AssertionError("not an event of the contract at " + r.offset(), e);
          }
        }
      }
    }
    return byId;
  }

  /** The records of a topic that belong to a crisis, by event id. */
  public static Map<String, List<CloudEvent<EventPayload>>> ofTheCrisis(
      String bootstrapServers, Topic topic, String crisisId) {
    Map<String, List<CloudEvent<EventPayload>>> byId = new LinkedHashMap<>();
    onTheTopic(bootstrapServers, topic)
        .forEach(
            (id, records) -> {
              if (crisisId.equals(records.get(0).crisisId())) {
                byId.put(id, records);
              }
            });
    return byId;
  }

  public Map<String, List<CloudEvent<EventPayload>>> onTheTopic(Topic topic) {
    return onTheTopic(bootstrapServers, topic);
  }

  /** The outbox's records not yet on Kafka. */
  public long incompleteRecords() {
    return jdbc.queryForObject(
        "select count(*) from event_publication where completion_date is null and event_type like"
            + " '%OutboundRecord'",
        Long.class);
  }

  /**
   * Waits until the hub is quiet: the outbox is empty, every event on the topic is in the read
   * model, and the topic did not grow between two looks. Returns the topic's events by id.
   */
  public Map<String, List<CloudEvent<EventPayload>>> awaitQuiet(Duration atMost) {
    List<Map<String, List<CloudEvent<EventPayload>>>> last = new ArrayList<>();
    return await()
        .atMost(atMost)
        .pollInterval(Duration.ofSeconds(2))
        .until(
            () -> {
              Map<String, List<CloudEvent<EventPayload>>> now = onTheTopic(Topic.EVENTS);
              boolean stable = !last.isEmpty() && last.get(0).keySet().equals(now.keySet());
              last.clear();
              last.add(now);
              if (!stable || incompleteRecords() > 0) {
                return null;
              }
              Integer applied =
                  jdbc.queryForObject(
                      "select count(*) from processed_event where event_id = any(?)",
                      Integer.class,
                      (Object) now.keySet().toArray(String[]::new));
              return applied != null && applied == now.size() ? now : null;
            },
            result -> result != null);
  }

  /** The projections, row by row, without the time each row was projected. */
  public Map<String, List<String>> readModel() {
    Map<String, List<String>> tables = new LinkedHashMap<>();
    for (String table : ReadModelRebuilder.PROJECTIONS) {
      tables.put(
          table,
          jdbc.queryForList(
              "select (to_jsonb(t) - 'processed_at')::text from " + table + " t order by 1",
              String.class));
    }
    return tables;
  }

  /**
   * The read model as it is equals the one the rebuilder makes from the events on the topic (every
   * event applied once).
   */
  public void assertARebuildEqualsTheReadModel(
      ReadModelRebuilder rebuilder, Map<String, List<CloudEvent<EventPayload>>> events) {
    Map<String, List<String>> live = readModel();
    long applied = rebuilder.rebuild();
    assertThat(applied).isEqualTo(events.size());
    Map<String, List<String>> rebuilt = readModel();
    for (String table : ReadModelRebuilder.PROJECTIONS) {
      assertThat(rebuilt.get(table))
          .as("table %s rebuilt from the topic", table)
          .containsExactlyElementsOf(live.get(table));
    }
  }
}
