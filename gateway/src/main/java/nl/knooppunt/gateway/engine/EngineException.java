package nl.knooppunt.gateway.engine;

/**
 * What can go wrong when the gateway asks the process engine something. Thrown by {@link
 * Orchestration}; the web layer turns each into a problem response ({@code
 * nl.knooppunt.gateway.web.ProblemHandler}), the engine adapter knows nothing of HTTP.
 */
public abstract sealed class EngineException extends RuntimeException {

  private EngineException(String message) {
    super(message);
  }

  /** The engine does not know the instance, task or process (it ended, or never was). */
  public static final class UnknownToEngine extends EngineException {
    public UnknownToEngine(String message) {
      super(message);
    }
  }

  /**
   * The engine refused the command in its current state: a task already completed or claimed by
   * someone else, a message it cannot take, variables it rejects.
   */
  public static final class Rejected extends EngineException {
    public Rejected(String message) {
      super(message);
    }
  }

  /** No engine is coupled, it cannot be reached or it failed on its side. */
  public static final class Unavailable extends EngineException {
    public Unavailable(String message) {
      super(message);
    }
  }
}
