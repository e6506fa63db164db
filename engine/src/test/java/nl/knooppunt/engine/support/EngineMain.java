package nl.knooppunt.engine.support;

import java.nio.file.Path;
import nl.knooppunt.engine.EmbeddedEngine;
import nl.knooppunt.engine.EngineSettings;

/** Runs an engine in its own JVM (for the kill -9 test): prints "READY grpcPort restPort". */
public final class EngineMain {
  private EngineMain() {}

  public static void main(String[] args) throws Exception {
    EmbeddedEngine engine = EmbeddedEngine.start(new EngineSettings(Path.of(args[0]), 0, 0, true));
    System.out.println("READY " + engine.grpcPort() + " " + engine.restPort());
    System.out.flush();
    Thread.currentThread().join();
    engine.close();
  }
}
