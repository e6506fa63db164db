package nl.knooppunt.engine.starter;

import io.camunda.client.annotation.Deployment;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import java.util.Map;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A plain Spring Boot app using the Camunda starter: a deployment and a job worker. */
@SpringBootApplication
@Deployment(resources = "file:" + StarterApp.BPMN_DIR + "/*.bpmn")
public class StarterApp {

  /** Written by the test before the context starts (test resources are not ours to add). */
  static final String BPMN_DIR = "target/starter-it";

  @JobWorker(type = "starter-double")
  public Map<String, Object> doubleIt(@Variable("x") int x) {
    return Map.of("y", x * 2);
  }
}
