package nl.knooppunt.workers;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * The workers: {@code @JobWorker}s, notification channels and Kafka producers. Runs alone in
 * production and as a child context of the standalone hub in the embedded default.
 */
@SpringBootApplication
public class WorkersApplication {

  /**
   * Configuration file names: {@code workers.yaml}, then an operator's {@code application.yaml}.
   */
  public static final String CONFIG_NAME = "workers,application";

  public static void main(String[] args) {
    new SpringApplicationBuilder(WorkersApplication.class)
        .properties("spring.config.name=" + CONFIG_NAME)
        .run(args);
  }
}
