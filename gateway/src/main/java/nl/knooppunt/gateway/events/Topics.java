package nl.knooppunt.gateway.events;

import nl.knooppunt.processes.events.Topic;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/**
 * The Kafka topics the gateway reads or writes ({@link Topic}, declared in the catalogue), created
 * when missing.
 */
@Configuration(proxyBeanMethods = false)
class Topics {

  @Bean
  NewTopic eventsTopic() {
    return TopicBuilder.name(Topic.Names.EVENTS).partitions(3).build();
  }

  /** Compacted: the level-5 measures per role in force, for the workers (docs/adr/0023). */
  @Bean
  NewTopic measuresTopic() {
    return TopicBuilder.name(Topic.Names.MEASURES).partitions(1).compact().build();
  }

  /** Compacted: the contact register's chain per authority, for the workers (docs/adr/0035). */
  @Bean
  NewTopic contactsTopic() {
    return TopicBuilder.name(Topic.Names.CONTACTS).partitions(1).compact().build();
  }

  @Bean
  NewTopic acknowledgementsTopic() {
    return TopicBuilder.name(Topic.Names.ACKNOWLEDGEMENTS).partitions(3).build();
  }

  /** The logbook's anchors: one key, so in order on one partition; kept forever (ADR 0037). */
  @Bean
  NewTopic logbookAnchorsTopic() {
    return TopicBuilder.name(Topic.Names.LOGBOOK_ANCHORS)
        .partitions(3)
        .config("retention.ms", "-1")
        .config("retention.bytes", "-1")
        .build();
  }
}
