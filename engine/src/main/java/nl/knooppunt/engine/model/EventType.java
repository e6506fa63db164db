package nl.knooppunt.engine.model;

/** Event definition of an event element. */
public enum EventType {
  NONE,
  MESSAGE,
  TIMER,
  ERROR,
  TERMINATE,
  SIGNAL
}
