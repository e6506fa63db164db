package nl.knooppunt.engine.starter;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import nl.knooppunt.engine.EmbeddedEngine;
import nl.knooppunt.engine.EngineSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The unmodified Camunda Spring Boot starter ({@code @Deployment}, {@code @JobWorker}) against the
 * embedded engine: self-managed mode, gRPC and REST addresses pointed at it,
 * prefer-rest-over-grpc=false.
 */
@SpringBootTest(classes = StarterApp.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
class SpringStarterIT {

  static EmbeddedEngine engine;

  @DynamicPropertySource
  static void camunda(DynamicPropertyRegistry registry) throws IOException {
    Path bpmn = Path.of(StarterApp.BPMN_DIR);
    Files.createDirectories(bpmn);
    Files.writeString(
        bpmn.resolve("starter.bpmn"),
        Bpmn.convertToString(
            Bpmn.createExecutableProcess("starter")
                .startEvent()
                .serviceTask("double", t -> t.zeebeJobType("starter-double"))
                .endEvent()
                .done()));
    try {
      engine =
          EmbeddedEngine.start(
              new EngineSettings(Files.createTempDirectory("starter-engine"), 0, 0, false));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    registry.add("camunda.client.mode", () -> "self-managed");
    registry.add("camunda.client.grpc-address", engine::grpcAddress);
    registry.add("camunda.client.rest-address", engine::restAddress);
    registry.add("camunda.client.prefer-rest-over-grpc", () -> "false");
  }

  @AfterAll
  static void stop() {
    if (engine != null) {
      engine.close();
    }
  }

  @Autowired CamundaClient client;

  @Test
  void deploymentAndJobWorkerWorkUnchanged() {
    var result =
        client
            .newCreateInstanceCommand()
            .bpmnProcessId("starter")
            .latestVersion()
            .variables(Map.of("x", 21))
            .withResult()
            .requestTimeout(Duration.ofSeconds(30))
            .send()
            .join();
    assertThat(result.getVariablesAsMap()).containsEntry("y", 42);
  }
}
