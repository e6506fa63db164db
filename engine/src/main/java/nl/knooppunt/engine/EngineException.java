package nl.knooppunt.engine;

/** A command was rejected; {@link #reason()} maps to a gRPC status or an HTTP problem status. */
public final class EngineException extends RuntimeException {

  /** Why a command was rejected. */
  public enum Reason {
    NOT_FOUND,
    INVALID_ARGUMENT,
    FAILED_PRECONDITION,
    ALREADY_EXISTS,
    RESOURCE_EXHAUSTED,
    INVALID_STATE,
    FORBIDDEN,
    UNAVAILABLE,
    /** A failure inside the engine, not caused by the request (queries). */
    INTERNAL
  }

  private final Reason reason;

  public EngineException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }

  public static EngineException notFound(String message) {
    return new EngineException(Reason.NOT_FOUND, message);
  }

  public static EngineException invalidArgument(String message) {
    return new EngineException(Reason.INVALID_ARGUMENT, message);
  }

  public static EngineException invalidState(String message) {
    return new EngineException(Reason.INVALID_STATE, message);
  }

  public static EngineException precondition(String message) {
    return new EngineException(Reason.FAILED_PRECONDITION, message);
  }
}
