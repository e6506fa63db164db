package nl.knooppunt.engine.model;

/** Event definition of an event element. */
public enum EventDefinitionType {
  NONE,
  MESSAGE,
  TIMER,
  ERROR,
  TERMINATE,
  SIGNAL,
  ESCALATION
}
