package nl.knooppunt.workers.config;

import java.util.List;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;

/**
 * In the {@code production} profile the workers refuse to start when a required setting is missing
 * or still has an embedded-only default (see {@link ProductionSettings}). The check runs before any
 * bean is created, so no job worker polls and no process is deployed with a wrong setting. Settings
 * are read with Spring's relaxed binding: {@code camunda.client.grpc-address}, {@code
 * CAMUNDA_CLIENT_GRPCADDRESS} and {@code CAMUNDA_CLIENT_GRPC_ADDRESS} are the same.
 */
@Configuration(proxyBeanMethods = false)
@Profile("production")
public class ProductionSettingsCheck {

  @Bean
  static BeanFactoryPostProcessor knooppuntProductionSettingsCheck() {
    return new Check();
  }

  /** Thrown when the production settings are incomplete; names every offending setting. */
  public static class ProductionSettingsException extends IllegalStateException {
    private final transient List<String> problems;

    public ProductionSettingsException(List<String> problems) {
      super(
          "The workers refuse to start in profile 'production' ("
              + problems.size()
              + " setting(s), see docs/operations.md):\n - "
              + String.join("\n - ", problems));
      this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
      return problems;
    }
  }

  /** A setting as one string; a YAML list (e.g. of bootstrap servers) is joined with commas. */
  static String setting(Binder binder, String name) {
    return binder
        .bind(name, String.class)
        .orElseGet(
            () ->
                binder
                    .bind(name, Bindable.listOf(String.class))
                    .map(list -> String.join(",", list))
                    .orElse(null));
  }

  static final class Check implements BeanFactoryPostProcessor, EnvironmentAware {
    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
      this.environment = environment;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
      Binder binder = Binder.get(environment);
      List<String> problems = ProductionSettings.problems(name -> setting(binder, name));
      if (!problems.isEmpty()) {
        throw new ProductionSettingsException(problems);
      }
      if ("true".equalsIgnoreCase(setting(binder, ProductionSettings.ALLOW_LOOPBACK))) {
        LogFactory.getLog(ProductionSettingsCheck.class)
            .warn(
                ProductionSettings.ALLOW_LOOPBACK
                    + "=true: Camunda and Kafka on this machine are accepted; "
                    + "for tests and rehearsals only, never in a production installation");
      }
    }
  }
}
