package nl.knooppunt.gateway.exercise;

/** A scenario file that cannot be used: the line (1-based) and the reason, in Dutch. */
public class ScenarioException extends RuntimeException {

  private final String source;
  private final int line;
  private final String reason;

  public ScenarioException(String source, int line, String reason) {
    super(source + ", regel " + line + ": " + reason);
    this.source = source;
    this.line = line;
    this.reason = reason;
  }

  public String source() {
    return source;
  }

  public int line() {
    return line;
  }

  public String reason() {
    return reason;
  }
}
