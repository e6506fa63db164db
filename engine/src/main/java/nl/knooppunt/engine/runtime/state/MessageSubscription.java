package nl.knooppunt.engine.runtime.state;

/** An open message subscription of a catch event, receive task or boundary event. */
public final class MessageSubscription {
  public long key;
  public String messageName;
  public String correlationKey;

  /** The element instance that waits (the activity for a boundary event). */
  public long elementInstanceKey;

  public long processInstanceKey;

  /** The catching element: the catch event, receive task, or the boundary event. */
  public String elementId;

  public boolean interrupting = true;

  /** A signal subscription (name = signal name, no correlation key). */
  public boolean signal;
}
