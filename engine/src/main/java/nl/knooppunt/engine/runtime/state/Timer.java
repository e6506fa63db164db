package nl.knooppunt.engine.runtime.state;

/** A scheduled timer of a catch event, a boundary event, or a timer start event. */
public final class Timer {
  public long key;
  public long dueDate;
  public String elementId;

  /** The element instance that owns the timer (-1 for a timer start event). */
  public long elementInstanceKey = -1;

  public long processInstanceKey = -1;
  public long processDefinitionKey;

  /** Remaining repetitions for a cycle; -1 unbounded; 1 for a one-shot timer. */
  public int repetitions = 1;

  /** The ISO interval for a cycle, else null. */
  public String interval;
}
