package nl.knooppunt.gateway.events;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/** The Kafka topics of DESIGN §4 the gateway reads or writes; created when missing. */
@Configuration(proxyBeanMethods = false)
public class Topics {

  /** Domain events: the logbook and the read model; key = crisis id. */
  public static final String EVENTS = "knooppunt.events.v1";

  /** Inbound acknowledgements; key = notification id. */
  public static final String ACKNOWLEDGEMENTS = "knooppunt.acknowledgements.v1";

  @Bean
  NewTopic eventsTopic() {
    return TopicBuilder.name(EVENTS).partitions(3).build();
  }

  @Bean
  NewTopic acknowledgementsTopic() {
    return TopicBuilder.name(ACKNOWLEDGEMENTS).partitions(3).build();
  }
}
