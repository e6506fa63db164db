package nl.knooppunt.engine;
public final class EmbeddedEngine implements AutoCloseable {
  public static EmbeddedEngine start(EngineSettings s) { throw new UnsupportedOperationException(); }
  public String grpcAddress() { return null; } public String restAddress() { return null; }
  public void close() {}
}
