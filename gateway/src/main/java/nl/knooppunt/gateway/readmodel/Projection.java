package nl.knooppunt.gateway.readmodel;

import nl.knooppunt.processes.events.CloudEvent;
import nl.knooppunt.processes.events.EventPayload;

/**
 * A feature's part of the read model: the tables it keeps, changed by the events it cares about.
 * The {@link Projector} calls every projection for every event in one transaction, once per event
 * id; a projection ignores the types it does not handle.
 */
public interface Projection {

  /**
   * Every delivery of an event, also a repeated one, before the check whether it was applied before
   * (the logbook, which is idempotent on its own).
   */
  default void delivered(CloudEvent<? extends EventPayload> e) {}

  /** An event applied for the first time. */
  void project(CloudEvent<? extends EventPayload> e);
}
