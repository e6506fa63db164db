package nl.knooppunt.workers.kafka;

import java.util.HashMap;
import java.util.Map;
import nl.knooppunt.processes.events.CloudEvent;
import nl.knooppunt.processes.events.Topic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * The topics of DESIGN §4 and the producers that write {@link CloudEvent}s to them: {@code
 * acks=all} and idempotent, so a send returns only once every in-sync replica has the record.
 */
@Configuration(proxyBeanMethods = false)
public class KafkaConfiguration {

  @Bean
  KafkaAdmin.NewTopics knooppuntTopics(
      @Value("${knooppunt.kafka.partitions:3}") int partitions,
      @Value("${knooppunt.kafka.replicas:1}") int replicas) {
    return new KafkaAdmin.NewTopics(
        TopicBuilder.name(Topic.NOTIFICATIONS.topicName())
            .partitions(partitions)
            .replicas(replicas)
            .build(),
        TopicBuilder.name(Topic.ACKNOWLEDGEMENTS.topicName())
            .partitions(partitions)
            .replicas(replicas)
            .build(),
        TopicBuilder.name(Topic.ACKNOWLEDGEMENTS_DEAD_LETTER.topicName())
            .partitions(1)
            .replicas(replicas)
            .build(),
        TopicBuilder.name(Topic.EVENTS.topicName())
            .partitions(partitions)
            .replicas(replicas)
            .config(TopicConfig.RETENTION_MS_CONFIG, "-1")
            .build(),
        TopicBuilder.name(Topic.THREAT_LEVELS.topicName())
            .partitions(1)
            .replicas(replicas)
            .compact()
            .build(),
        TopicBuilder.name(Topic.MEASURES.topicName())
            .partitions(1)
            .replicas(replicas)
            .compact()
            .build());
  }

  /**
   * The producers of CloudEvents, written as JSON text by {@link
   * nl.knooppunt.processes.events.CloudEventJson}. A bean, so the context closes its producer on
   * shutdown (a factory made inside a template bean is never closed and keeps reconnecting).
   */
  @Bean
  DefaultKafkaProducerFactory<String, String> cloudEventProducerFactory(
      KafkaProperties properties) {
    Map<String, Object> config = new HashMap<>(properties.buildProducerProperties());
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    return new DefaultKafkaProducerFactory<>(
        config, new StringSerializer(), new StringSerializer());
  }

  @Bean
  KafkaTemplate<String, String> cloudEventTemplate(
      DefaultKafkaProducerFactory<String, String> cloudEventProducerFactory) {
    return new KafkaTemplate<>(cloudEventProducerFactory);
  }

  /** The producers of raw records (dead letters), closed with the context. */
  @Bean
  DefaultKafkaProducerFactory<String, byte[]> rawProducerFactory(KafkaProperties properties) {
    Map<String, Object> config = new HashMap<>(properties.buildProducerProperties());
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    return new DefaultKafkaProducerFactory<>(
        config, new StringSerializer(), new ByteArraySerializer());
  }

  /** Forwards unreadable records to a dead-letter topic exactly as they arrived. */
  @Bean
  KafkaTemplate<String, byte[]> rawTemplate(
      DefaultKafkaProducerFactory<String, byte[]> rawProducerFactory) {
    return new KafkaTemplate<>(rawProducerFactory);
  }
}
