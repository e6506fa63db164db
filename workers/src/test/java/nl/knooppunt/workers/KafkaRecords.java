package nl.knooppunt.workers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads what the workers wrote to a topic, from the beginning, as JSON. */
final class KafkaRecords implements AutoCloseable {

  private final KafkaConsumer<String, String> consumer;
  private final ObjectMapper json = new ObjectMapper();
  private final List<ConsumerRecord<String, JsonNode>> seen = new ArrayList<>();

  KafkaRecords(String bootstrapServers, String topic) {
    consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG,
                "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest"),
            new StringDeserializer(),
            new StringDeserializer());
    consumer.subscribe(List.of(topic));
  }

  /** Everything read so far, after one more poll. */
  List<ConsumerRecord<String, JsonNode>> poll() {
    for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
      try {
        seen.add(
            new ConsumerRecord<>(
                r.topic(), r.partition(), r.offset(), r.key(), json.readTree(r.value())));
      } catch (Exception e) {
        seen.add(
            new ConsumerRecord<>(
                r.topic(),
                r.partition(),
                r.offset(),
                r.key(),
                json.getNodeFactory().textNode(r.value())));
      }
    }
    return List.copyOf(seen);
  }

  @Override
  public void close() {
    consumer.close();
  }
}
