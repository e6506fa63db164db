package nl.knooppunt.engine.feel;

/** A FEEL expression failed to evaluate or produced a value of the wrong type. */
public class FeelException extends RuntimeException {
  public FeelException(String message) {
    super(message);
  }
}
