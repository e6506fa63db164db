package nl.knooppunt.engine.model;

import nl.knooppunt.engine.feel.Expression;

/** A timer event definition: timeDate, timeDuration or timeCycle. */
public record TimerDefinition(Kind kind, Expression expression) {
  public enum Kind {
    DATE,
    DURATION,
    CYCLE
  }
}
