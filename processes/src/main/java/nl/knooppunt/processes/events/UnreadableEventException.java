package nl.knooppunt.processes.events;

/**
 * A record that is not an event of this contract: not JSON, a missing attribute, an unknown type,
 * or data that does not fit the type's record. It can never be processed: consumers log it and go
 * on (or dead-letter it), never retry it.
 */
public class UnreadableEventException extends IllegalArgumentException {

  public UnreadableEventException(String message) {
    super(message);
  }

  public UnreadableEventException(String message, Throwable cause) {
    super(message, cause);
  }
}
