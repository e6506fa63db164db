package nl.knooppunt.engine.model;

/** A resource cannot be deployed: malformed, invalid, or using something the engine refuses. */
public final class DeploymentException extends RuntimeException {
  public DeploymentException(String message) {
    super(message);
  }

  public DeploymentException(String message, Throwable cause) {
    super(message, cause);
  }
}
