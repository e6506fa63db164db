package nl.knooppunt.workers.notification;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.knooppunt.directory.LevelFiveMeasures;
import nl.knooppunt.directory.MeasureRole;
import nl.knooppunt.processes.events.CloudEventJson;
import nl.knooppunt.processes.events.MeasuresSet;
import nl.knooppunt.processes.events.Topic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.stereotype.Component;
import org.springframework.util.backoff.FixedBackOff;

/**
 * Reads the compacted topic {@link Topic#MEASURES} from its start on every start of the workers, so
 * {@link CurrentMeasures} holds the newest version the beheerder set (docs/adr/0023). A record that
 * cannot be read is logged and skipped: the notices keep the version they had.
 */
@Component
public class MeasuresListener {

  /** The consumer factory of the listeners that read a compacted topic from its start. */
  public static final String FACTORY = "measuresListenerFactory";

  private static final Logger log = LoggerFactory.getLogger(MeasuresListener.class);

  private final CurrentMeasures current;

  MeasuresListener(CurrentMeasures current) {
    this.current = current;
  }

  /**
   * Every start is a new consumer group that reads from the earliest offset, so each instance sees
   * the whole (compacted) topic, whatever its partition count; it never commits an offset.
   */
  @KafkaListener(
      id = "measures",
      topics = Topic.Names.MEASURES,
      groupId = "#{'knooppunt-workers-measures-' + T(java.util.UUID).randomUUID()}",
      containerFactory = FACTORY)
  void onMeasures(String record) {
    if (CloudEventJson.read(record).data() instanceof MeasuresSet set) {
      current.offer(measures(set));
      log.info("Maatregelen bij dreigingsniveau 5: versie {} ontvangen", set.version());
    }
  }

  /** The event's measures as the directory's type; roles it does not know are left out. */
  static LevelFiveMeasures measures(MeasuresSet set) {
    Map<MeasureRole, List<String>> perRole = new EnumMap<>(MeasureRole.class);
    for (MeasureRole role : MeasureRole.values()) {
      List<String> list = set.measures().get(role.name());
      if (list != null) {
        perRole.put(role, list);
      }
    }
    return new LevelFiveMeasures(set.version(), perRole);
  }

  /** The consumer: strings, from the start, no offsets committed; a bad record is skipped. */
  @Configuration(proxyBeanMethods = false)
  static class MeasuresKafkaConfiguration {

    @Bean(FACTORY)
    ConcurrentKafkaListenerContainerFactory<String, String> measuresListenerFactory(
        KafkaProperties properties) {
      Map<String, Object> config = new HashMap<>(properties.buildConsumerProperties());
      config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
      config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
      var factory = new ConcurrentKafkaListenerContainerFactory<String, String>();
      factory.setConsumerFactory(
          new DefaultKafkaConsumerFactory<>(
              config, new StringDeserializer(), new StringDeserializer()));
      factory.setCommonErrorHandler(new DefaultErrorHandler(new FixedBackOff(0, 0)));
      // offsets are never committed: every start reads the topic from its start again
      factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.MANUAL);
      return factory;
    }
  }
}
