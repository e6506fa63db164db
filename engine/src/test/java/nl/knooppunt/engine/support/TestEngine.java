package nl.knooppunt.engine.support;

import io.camunda.client.CamundaClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import nl.knooppunt.engine.EmbeddedEngine;
import nl.knooppunt.engine.EngineSettings;
import nl.knooppunt.engine.export.EngineRecord;

/** Starts an engine on free ports in a fresh directory, with a client and a record collector. */
public final class TestEngine implements AutoCloseable {

  private final Path directory;
  private final boolean clockControl;
  private final boolean overRest;
  private EmbeddedEngine engine;
  private CamundaClient client;
  public final List<EngineRecord> records = new CopyOnWriteArrayList<>();

  private TestEngine(Path directory, boolean clockControl, boolean overRest) {
    this.directory = directory;
    this.clockControl = clockControl;
    this.overRest = overRest;
    start();
  }

  public static TestEngine start(boolean clockControl) {
    return start(clockControl, false);
  }

  /**
   * An engine for the test class: over REST with the client's defaults when the class (an {@code
   * ...OverRestIT} twin) is annotated {@link nl.knooppunt.engine.conformance.OverRest}, over gRPC
   * otherwise.
   */
  public static TestEngine startFor(org.junit.jupiter.api.TestInfo test, boolean clockControl) {
    return start(
        clockControl,
        test.getTestClass()
            .map(c -> c.isAnnotationPresent(nl.knooppunt.engine.conformance.OverRest.class))
            .orElse(false));
  }

  /**
   * An engine whose client sends its commands over gRPC, or ({@code overRest}) with the Camunda
   * client's defaults: REST preferred.
   */
  public static TestEngine start(boolean clockControl, boolean overRest) {
    try {
      return new TestEngine(Files.createTempDirectory("engine-test"), clockControl, overRest);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void start() {
    engine = EmbeddedEngine.start(new EngineSettings(directory, 0, 0, clockControl));
    engine.addRecordListener(records::add);
    client = overRest ? newRestClient(engine) : newClient(engine);
  }

  /** A client with the Camunda client's defaults: its commands go over REST. */
  public static CamundaClient newRestClient(EmbeddedEngine engine) {
    return CamundaClient.newClientBuilder()
        .grpcAddress(URI.create(engine.grpcAddress()))
        .restAddress(URI.create(engine.restAddress()))
        .defaultRequestTimeout(Duration.ofSeconds(10))
        .build();
  }

  public static CamundaClient newClient(EmbeddedEngine engine) {
    return CamundaClient.newClientBuilder()
        .grpcAddress(URI.create(engine.grpcAddress()))
        .restAddress(URI.create(engine.restAddress()))
        .preferRestOverGrpc(false)
        .defaultRequestTimeout(Duration.ofSeconds(10))
        .build();
  }

  /** Closes the engine (cleanly) and starts it again on the same directory. */
  public void restart() {
    client.close();
    engine.close();
    records.clear();
    start();
  }

  public CamundaClient client() {
    return client;
  }

  public EmbeddedEngine engine() {
    return engine;
  }

  public Path directory() {
    return directory;
  }

  public List<EngineRecord> records(String valueType, String intent) {
    return records.stream()
        .filter(r -> r.valueType().equals(valueType) && r.intent().equals(intent))
        .toList();
  }

  public boolean has(Predicate<EngineRecord> p) {
    return records.stream().anyMatch(p);
  }

  /** Whether the element reached the intent (e.g. ELEMENT_COMPLETED) in the instance. */
  public boolean element(long processInstanceKey, String elementId, String intent) {
    return records.stream()
        .anyMatch(
            r ->
                r.valueType().equals("PROCESS_INSTANCE")
                    && r.intent().equals(intent)
                    && elementId.equals(r.get("elementId"))
                    && Long.valueOf(processInstanceKey).equals(r.get("processInstanceKey")));
  }

  public boolean completed(long processInstanceKey) {
    return records.stream()
        .anyMatch(
            r ->
                r.valueType().equals("PROCESS_INSTANCE")
                    && r.intent().equals("ELEMENT_COMPLETED")
                    && r.key() == processInstanceKey);
  }

  public boolean terminated(long processInstanceKey) {
    return records.stream()
        .anyMatch(
            r ->
                r.valueType().equals("PROCESS_INSTANCE")
                    && r.intent().equals("ELEMENT_TERMINATED")
                    && r.key() == processInstanceKey);
  }

  @Override
  public void close() {
    client.close();
    engine.close();
  }
}
