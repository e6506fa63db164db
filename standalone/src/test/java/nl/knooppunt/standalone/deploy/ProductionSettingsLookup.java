package nl.knooppunt.standalone.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import nl.knooppunt.workers.config.ProductionSettings;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * Applies the workers' production-settings rules to the environment a deployment file gives them,
 * as the workers would read it: the variables as the OS environment, then workers.yaml.
 */
final class ProductionSettingsLookup {

  private ProductionSettingsLookup() {}

  static List<String> problems(Map<String, Object> environmentVariables) {
    StandardEnvironment environment = new StandardEnvironment();
    environment
        .getPropertySources()
        .replace(
            StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
            new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, environmentVariables));
    environment
        .getPropertySources()
        .remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
    try {
      for (PropertySource<?> source :
          new YamlPropertySourceLoader()
              .load("workers.yaml", new ClassPathResource("workers.yaml"))) {
        environment.getPropertySources().addLast(source);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Binder binder = Binder.get(environment);
    return ProductionSettings.problems(
        name ->
            binder
                .bind(name, String.class)
                .orElseGet(
                    () ->
                        binder
                            .bind(name, Bindable.listOf(String.class))
                            .map(l -> String.join(",", l))
                            .orElse(null)));
  }
}
