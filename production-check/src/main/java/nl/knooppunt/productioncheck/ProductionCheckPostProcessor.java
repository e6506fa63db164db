package nl.knooppunt.productioncheck;

import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

/**
 * Applies a {@link ProductionCheck} before any bean is created, so nothing connects, polls or
 * deploys with a wrong setting. Register it as a {@code static @Bean} in a configuration class of
 * profile {@code production}; settings are read with relaxed binding ({@link Settings#of(
 * Environment)}).
 */
public final class ProductionCheckPostProcessor
    implements BeanFactoryPostProcessor, EnvironmentAware, Ordered {

  private final ProductionCheck check;
  private Environment environment;

  public ProductionCheckPostProcessor(ProductionCheck check) {
    this.check = check;
  }

  @Override
  public void setEnvironment(Environment environment) {
    this.environment = environment;
  }

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE;
  }

  @Override
  public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
    Settings settings = Settings.of(environment);
    check.verify(settings);
    if ("true".equalsIgnoreCase(settings.get(ProductionCheck.ALLOW_LOOPBACK))) {
      LogFactory.getLog(ProductionCheckPostProcessor.class)
          .warn(
              ProductionCheck.ALLOW_LOOPBACK
                  + "=true: servers on this machine are accepted for "
                  + check.application()
                  + "; for tests and rehearsals only, never in a production installation");
    }
  }
}
