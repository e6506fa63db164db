package nl.knooppunt.gateway.config;

import nl.knooppunt.productioncheck.ProductionCheckPostProcessor;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * In the {@code production} profile the gateway refuses to start when a required setting is missing
 * or still has an embedded-only default (see {@link GatewayProductionSettings}), naming every such
 * setting with its environment variable. The check runs before any bean is created: no database
 * migration, no Kafka consumer, no web server with a wrong setting.
 */
@Configuration(proxyBeanMethods = false)
@Profile("production")
class GatewayProductionSettingsCheck {

  @Bean
  static BeanFactoryPostProcessor knooppuntGatewayProductionSettingsCheck() {
    return new ProductionCheckPostProcessor(GatewayProductionSettings.CHECK);
  }
}
