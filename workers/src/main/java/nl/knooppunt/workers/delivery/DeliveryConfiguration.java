package nl.knooppunt.workers.delivery;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import nl.knooppunt.processes.links.AcknowledgementLinks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The contact register's chains and the signer of the personal acknowledgement links. */
@Configuration(proxyBeanMethods = false)
class DeliveryConfiguration {

  private static final Logger log = LoggerFactory.getLogger(DeliveryConfiguration.class);

  @Bean
  RegisterContactBook registerContactBook(
      @Value("${" + RegisterContactBook.DEMO_ALLOWED + ":true}") boolean demoAllowed, Clock clock) {
    return new RegisterContactBook(demoAllowed, clock);
  }

  /**
   * The links are signed with the key the gateway checks them with. Without a key (a workers
   * instance on its own, in development) a key is made for this run: its links then cannot be
   * checked by a gateway; production requires the key (WorkersProductionSettings).
   */
  @Bean
  AcknowledgementLinks acknowledgementLinks(
      @Value("${" + AcknowledgementLinks.KEY_SETTING + ":}") String key) {
    if (key == null || key.isBlank()) {
      log.warn(
          "{} is not set: acknowledgement links are signed with a key made for this run only",
          AcknowledgementLinks.KEY_SETTING);
      byte[] random = new byte[32];
      new SecureRandom().nextBytes(random);
      return new AcknowledgementLinks(Base64.getEncoder().encodeToString(random));
    }
    return new AcknowledgementLinks(key);
  }
}
