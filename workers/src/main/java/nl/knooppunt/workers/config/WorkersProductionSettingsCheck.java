package nl.knooppunt.workers.config;

import nl.knooppunt.productioncheck.ProductionCheckPostProcessor;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * In the {@code production} profile the workers refuse to start when a required setting is missing
 * or still has an embedded-only default (see {@link WorkersProductionSettings}). The check runs
 * before any bean is created, so no job worker polls and no process is deployed with a wrong
 * setting. Settings are read with Spring's relaxed binding: {@code camunda.client.grpc-address},
 * {@code CAMUNDA_CLIENT_GRPCADDRESS} and {@code CAMUNDA_CLIENT_GRPC_ADDRESS} are the same.
 */
@Configuration(proxyBeanMethods = false)
@Profile("production")
public class WorkersProductionSettingsCheck {

  @Bean
  static BeanFactoryPostProcessor knooppuntProductionSettingsCheck() {
    return new ProductionCheckPostProcessor(WorkersProductionSettings.CHECK);
  }
}
