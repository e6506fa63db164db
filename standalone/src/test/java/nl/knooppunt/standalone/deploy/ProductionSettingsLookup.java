package nl.knooppunt.standalone.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import nl.knooppunt.gateway.config.GatewayProductionSettings;
import nl.knooppunt.productioncheck.ProductionCheck;
import nl.knooppunt.productioncheck.Settings;
import nl.knooppunt.workers.config.WorkersProductionSettings;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * Applies an app's production-settings rules to the environment a deployment file gives it, as the
 * app would read it in profile production: the variables as the OS environment, then its own
 * configuration file (only the documents that apply in profile production).
 */
final class ProductionSettingsLookup {

  private ProductionSettingsLookup() {}

  /** The workers' problems with these environment variables. */
  static List<String> problems(Map<String, Object> environmentVariables) {
    return problems(WorkersProductionSettings.CHECK, "workers.yaml", environmentVariables);
  }

  /** The gateway's problems with these environment variables. */
  static List<String> gatewayProblems(Map<String, Object> environmentVariables) {
    return problems(GatewayProductionSettings.CHECK, "gateway.yaml", environmentVariables);
  }

  private static List<String> problems(
      ProductionCheck check, String configFile, Map<String, Object> environmentVariables) {
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
          new YamlPropertySourceLoader().load(configFile, new ClassPathResource(configFile))) {
        Object profile = source.getProperty("spring.config.activate.on-profile");
        if (profile == null || "production".equals(profile)) {
          environment.getPropertySources().addLast(source);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return check.problems(Settings.of(environment));
  }
}
