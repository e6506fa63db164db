package nl.knooppunt.gateway.logbook;

import java.time.Clock;
import nl.knooppunt.gateway.events.AnchorOutbox;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.ConsumerFactory;

/** The logbook's key and anchors, from {@code knooppunt.logbook}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LogbookSettings.class)
class LogbookConfig {

  @Bean
  LogbookSeal logbookSeal(LogbookSettings settings) {
    return LogbookSeal.of(settings);
  }

  @Bean
  LogbookAnchors logbookAnchors(
      JdbcTemplate jdbc,
      LogbookSeal seal,
      LogbookSettings settings,
      AnchorOutbox outbox,
      ConsumerFactory<String, String> consumers) {
    return new LogbookAnchors(jdbc, seal, settings, Clock.systemUTC(), outbox, consumers);
  }
}
