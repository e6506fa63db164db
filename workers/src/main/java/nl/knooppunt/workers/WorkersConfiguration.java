package nl.knooppunt.workers;

import java.time.Clock;
import nl.knooppunt.directory.AreaResolver;
import nl.knooppunt.directory.DemoContactBook;
import nl.knooppunt.directory.Directory;
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

  /** Demo contacts until a contact register is connected (see ADR 0004). */
  @Bean
  Directory directory() {
    return Directory.load(new DemoContactBook());
  }

  @Bean
  AreaResolver areaResolver(Directory directory) {
    return new AreaResolver(directory);
  }
}
