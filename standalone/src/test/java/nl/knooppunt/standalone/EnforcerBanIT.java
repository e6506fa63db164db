package nl.knooppunt.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * DESIGN §2: no vendor-licensed engine artifact may enter the build, in any scope. A module that
 * declares one (here in test scope) fails the parent's enforcer; the same module with an Apache-2.0
 * client artifact passes, so the failure is the ban and nothing else.
 */
class EnforcerBanIT {

  private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

  @TempDir Path work;

  @ParameterizedTest(name = "{0}:{1} is refused")
  @CsvSource({
    "io.camunda, zeebe-workflow-engine",
    "io.camunda, zeebe-process-test-extension",
    "io.camunda, camunda-zeebe",
    "io.camunda, zeebe-broker",
    "io.camunda, zeebe-engine",
    "io.camunda, camunda-process-test-java",
    "org.camunda.community, eze"
  })
  void aVendorLicensedEngineArtifactFailsTheBuild(String group, String artifact) throws Exception {
    Result result = validate(group, artifact);

    assertThat(result.exitCode()).as(result.output()).isNotZero();
    assertThat(result.output())
        .contains("BannedDependencies")
        .contains(group + ":" + artifact)
        .contains("banned");
  }

  @Test
  void anOpenSourceClientArtifactPassesTheSameRules() throws Exception {
    Result result = validate("io.camunda", "zeebe-bpmn-model");

    assertThat(result.exitCode()).as(result.output()).isZero();
  }

  private Result validate(String group, String artifact) throws IOException, InterruptedException {
    Path fixture = work.resolve("fixture.xml");
    Files.writeString(fixture, template(group, artifact, fixture.getParent()));
    Path log = work.resolve("maven.log");
    Process maven =
        new ProcessBuilder(
                List.of(
                    ROOT.resolve("mvnw").toString(),
                    "--offline",
                    "--batch-mode",
                    "--file",
                    fixture.toString(),
                    "validate"))
            .directory(work.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    assertThat(maven.waitFor(5, TimeUnit.MINUTES)).as("maven finished").isTrue();
    return new Result(maven.exitValue(), Files.readString(log));
  }

  private static String template(String group, String artifact, Path fixtureDir)
      throws IOException {
    try (InputStream in =
        EnforcerBanIT.class.getResourceAsStream("/enforcer-ban/banned-engine.xml")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .replace("DEPENDENCY_GROUP", group)
          .replace("DEPENDENCY_ARTIFACT", artifact)
          .replace("PARENT_POM", fixtureDir.relativize(ROOT.resolve("pom.xml")).toString());
    }
  }

  private record Result(int exitCode, String output) {}
}
