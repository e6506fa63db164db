package nl.knooppunt.engine.runtime;

import java.util.List;

/**
 * What can trigger an event a scope waits for, evaluated when the scope activates (FEEL: message
 * name and correlation key, timer, signal name) and then opened by {@link EventScopes} as a
 * subscription or timer of the scope. Error triggers are never opened: a thrown error looks for
 * them ({@link EventScopes#findErrorCatch}).
 */
sealed interface Trigger {

  /**
   * The catching element: a catch event or receive task, a boundary event of the scope, or a target
   * of an event-based gateway.
   */
  String elementId();

  /** A message with this name and correlation key (the key is evaluated when it opens). */
  record Message(String elementId, String name, String correlationKey, boolean interrupting)
      implements Trigger {}

  /**
   * A timer first due at {@code dueDate}; a cycle repeats {@code repetitions} times (-1 without
   * end) every {@code interval}, a date or duration fires once ({@code repetitions} 1, no
   * interval).
   */
  record Timer(String elementId, long dueDate, int repetitions, String interval)
      implements Trigger {

    static Timer once(String elementId, long dueDate) {
      return new Timer(elementId, dueDate, 1, null);
    }
  }

  /** A signal with this name (signals have no correlation key). */
  record Signal(String elementId, String name, boolean interrupting) implements Trigger {}

  /** An error boundary event: by error code, or every error when it has no code. */
  record Error(String elementId, String errorCode) implements Trigger {

    boolean catchesAll() {
      return errorCode == null || errorCode.isBlank();
    }

    /**
     * Which of one scope's error boundaries catches {@code code}: the one with that code, else the
     * first without a code, else none (null).
     */
    static Error catching(List<Error> boundaries, String code) {
      Error catchAll = null;
      for (Error e : boundaries) {
        if (e.catchesAll()) {
          catchAll = catchAll == null ? e : catchAll;
        } else if (e.errorCode().equals(code)) {
          return e;
        }
      }
      return catchAll;
    }
  }
}
