package nl.knooppunt.engine.export;

import java.util.Map;

/**
 * One exported record: what happened to which entity. Records are delivered to {@link
 * RecordListener}s in order, after the state change they describe is durable.
 *
 * @param position strictly increasing across the engine's life (also across restarts)
 * @param key the key of the entity (process instance, element instance, job, ...)
 * @param timestamp engine time in epoch millis
 * @param valueType e.g. DEPLOYMENT, PROCESS_INSTANCE, JOB, INCIDENT, MESSAGE, TIMER, USER_TASK
 * @param intent e.g. ELEMENT_ACTIVATED, CREATED, COMPLETED
 * @param value the entity's properties (processInstanceKey, elementId, bpmnProcessId, ...)
 */
public record EngineRecord(
    long position,
    long key,
    long timestamp,
    String valueType,
    String intent,
    Map<String, Object> value) {

  /** Convenience accessor of a value property. */
  public Object get(String name) {
    return value.get(name);
  }

  @Override
  public String toString() {
    return position + " " + valueType + "." + intent + " key=" + key + " " + value;
  }
}
