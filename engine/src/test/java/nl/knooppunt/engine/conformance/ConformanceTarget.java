package nl.knooppunt.engine.conformance;

import io.camunda.client.CamundaClient;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import nl.knooppunt.engine.EmbeddedEngine;
import nl.knooppunt.engine.EngineSettings;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Where the conformance suite runs: a real Camunda 8 cluster when the system properties {@value
 * #ADDRESS_PROPERTY} (gRPC {@code host:port}) and {@value #REST_PROPERTY} (REST base URL) are set,
 * otherwise a fresh {@link EmbeddedEngine} with clock control enabled, one per test class.
 *
 * <p>Either way the tests talk to it only through the unmodified Camunda Java client, plaintext,
 * over gRPC ({@code preferRestOverGrpc(false)}), or with the client's default REST preference when
 * the test class is annotated {@link OverRest}.
 */
public final class ConformanceTarget implements BeforeAllCallback, AfterAllCallback {

  public static final String ADDRESS_PROPERTY = "conformance.address";
  public static final String REST_PROPERTY = "conformance.rest";

  private static volatile Target current;

  /** The target of the test class that is running. */
  public static Target current() {
    final Target target = current;
    if (target == null) {
      throw new IllegalStateException("ConformanceTarget extension is not registered");
    }
    return target;
  }

  /** Whether a remote cluster was requested through system properties. */
  public static boolean remoteRequested() {
    return notBlank(System.getProperty(ADDRESS_PROPERTY))
        && notBlank(System.getProperty(REST_PROPERTY));
  }

  @Override
  public void beforeAll(final ExtensionContext context) throws Exception {
    final boolean rest = context.getRequiredTestClass().isAnnotationPresent(OverRest.class);
    current = remoteRequested() ? connectRemote(rest) : startEmbedded(rest);
  }

  @Override
  public void afterAll(final ExtensionContext context) {
    final Target target = current;
    current = null;
    if (target != null) {
      target.close();
    }
  }

  private static Target connectRemote(final boolean rest) {
    final URI grpc = withScheme(System.getProperty(ADDRESS_PROPERTY));
    final URI restUrl = withScheme(System.getProperty(REST_PROPERTY));
    final CamundaClient client = newClient(grpc, restUrl, rest);
    return new Target(client, null, null, new SearchApiIncidentProbe(client));
  }

  private static Target startEmbedded(final boolean rest) throws IOException {
    final Path dataDirectory = Files.createTempDirectory("conformance-engine-");
    final EmbeddedEngine engine =
        EmbeddedEngine.start(new EngineSettings(dataDirectory, 0, 0, true));
    final CamundaClient client =
        newClient(withScheme(engine.grpcAddress()), withScheme(engine.restAddress()), rest);
    return new Target(client, engine, dataDirectory, new SearchApiIncidentProbe(client));
  }

  /**
   * The client as the hub configured it (gRPC preferred), or with the client's default protocol
   * (REST preferred) when {@code overRest}.
   */
  static CamundaClient newClient(final URI grpc, final URI rest, final boolean overRest) {
    final var builder =
        CamundaClient.newClientBuilder()
            .grpcAddress(grpc)
            .restAddress(rest)
            .defaultRequestTimeout(Duration.ofSeconds(20))
            .defaultJobWorkerStreamEnabled(false);
    if (!overRest) {
      builder.preferRestOverGrpc(false);
    }
    return builder.build();
  }

  /** {@code host:port} becomes {@code http://host:port} (plaintext), a URL stays as it is. */
  static URI withScheme(final String address) {
    final String trimmed = address.trim();
    return URI.create(trimmed.contains("://") ? trimmed : "http://" + trimmed);
  }

  private static boolean notBlank(final String value) {
    return value != null && !value.isBlank();
  }

  /** One connection: the client, and the embedded engine behind it when there is one. */
  public static final class Target implements AutoCloseable {
    private final CamundaClient client;
    private final EmbeddedEngine engine;
    private final Path dataDirectory;
    private final IncidentProbe incidents;

    Target(
        final CamundaClient client,
        final EmbeddedEngine engine,
        final Path dataDirectory,
        final IncidentProbe incidents) {
      this.client = client;
      this.engine = engine;
      this.dataDirectory = dataDirectory;
      this.incidents = incidents;
    }

    public CamundaClient client() {
      return client;
    }

    public boolean embedded() {
      return engine != null;
    }

    public IncidentProbe incidents() {
      return incidents;
    }

    @Override
    public void close() {
      try {
        client.close();
      } finally {
        if (engine != null) {
          engine.close();
          deleteQuietly(dataDirectory);
        }
      }
    }

    private static void deleteQuietly(final Path directory) {
      if (directory == null) {
        return;
      }
      try (Stream<Path> paths = Files.walk(directory)) {
        paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException ignored) {
        // a temp directory left behind is harmless
      }
    }
  }
}
