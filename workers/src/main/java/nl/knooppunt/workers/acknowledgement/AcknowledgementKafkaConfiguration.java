package nl.knooppunt.workers.acknowledgement;

import java.util.HashMap;
import java.util.Map;
import nl.knooppunt.processes.events.Topic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * The consumer of acknowledgements. A record that can never be read (not JSON, not a CloudEvent of
 * the contract, missing fields) goes at once to the dead-letter topic with the reason in its
 * headers, so it never blocks the partition. Anything else (the engine is unreachable) is retried
 * with backoff, without limit: an acknowledgement is never dropped.
 */
@Configuration(proxyBeanMethods = false)
class AcknowledgementKafkaConfiguration {

  static final String FACTORY = "acknowledgementListenerFactory";
  static final String GROUP = "knooppunt-workers-acknowledgements";

  @Bean(FACTORY)
  ConcurrentKafkaListenerContainerFactory<String, String> acknowledgementListenerFactory(
      KafkaProperties properties,
      KafkaTemplate<String, byte[]> rawTemplate,
      KafkaTemplate<String, String> cloudEventTemplate) {
    Map<String, Object> config = new HashMap<>(properties.buildConsumerProperties());
    config.put(ConsumerConfig.GROUP_ID_CONFIG, GROUP);
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    var consumers =
        new DefaultKafkaConsumerFactory<>(
            config,
            new StringDeserializer(),
            new ErrorHandlingDeserializer<>(new StringDeserializer()));

    Map<Class<?>, org.springframework.kafka.core.KafkaOperations<?, ?>> templates =
        new java.util.LinkedHashMap<>();
    templates.put(byte[].class, rawTemplate);
    templates.put(String.class, cloudEventTemplate);
    DeadLetterPublishingRecoverer deadLetters =
        new DeadLetterPublishingRecoverer(
            templates,
            (record, exception) ->
                new TopicPartition(Topic.ACKNOWLEDGEMENTS_DEAD_LETTER.topicName(), -1));
    ExponentialBackOff backOff = new ExponentialBackOff(500, 2.0);
    backOff.setMaxInterval(30_000);
    DefaultErrorHandler errors = new DefaultErrorHandler(deadLetters, backOff);
    errors.addNotRetryableExceptions(
        DeserializationException.class,
        ReceivedAcknowledgement.MalformedAcknowledgementException.class);

    var factory = new ConcurrentKafkaListenerContainerFactory<String, String>();
    factory.setConsumerFactory(consumers);
    factory.setCommonErrorHandler(errors);
    return factory;
  }
}
