package nl.knooppunt.gateway;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * The gateway: REST API, web pages, read model and security. Runs alone in production and as a
 * child context of the standalone hub in the embedded default.
 */
@SpringBootApplication
public class GatewayApplication {

  /**
   * Configuration file names: {@code gateway.yaml}, then an operator's {@code application.yaml}.
   */
  public static final String CONFIG_NAME = "gateway,application";

  public static void main(String[] args) {
    new SpringApplicationBuilder(GatewayApplication.class)
        .properties("spring.config.name=" + CONFIG_NAME)
        .run(args);
  }
}
