package nl.knooppunt.workers;

import java.time.Clock;
import nl.knooppunt.directory.AreaResolver;
import nl.knooppunt.directory.Directory;
import nl.knooppunt.workers.delivery.RegisterContactBook;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The directory, the clock and other plain collaborators of the workers. */
@Configuration(proxyBeanMethods = false)
class WorkersConfiguration {

  @Bean
  @ConditionalOnMissingBean
  Clock clock() {
    return Clock.systemUTC();
  }

  /**
   * The reference data with the contacts of the contact register (demo contacts only where allowed;
   * see ADR 0004 and 0033).
   */
  @Bean
  Directory directory(RegisterContactBook contacts) {
    return Directory.load(contacts);
  }

  @Bean
  AreaResolver areaResolver(Directory directory) {
    return new AreaResolver(directory);
  }
}
