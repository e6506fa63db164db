package nl.knooppunt.engine.runtime;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.knooppunt.engine.EngineException;
import nl.knooppunt.engine.runtime.state.ElementInstance;
import nl.knooppunt.engine.runtime.state.Incident;

/**
 * Incidents: raising one stops an element instance (or its job) until it is resolved; resolving
 * removes it. What is retried after the resolution is the caller's business ({@link
 * Incident#retry}). The state keeps the error type as text (Camunda's names), so snapshots stay as
 * they are.
 */
final class Incidents {

  /** The error types the engine raises, with Camunda's names. */
  enum ErrorType {
    /** A FEEL failure in an input or output mapping. */
    IO_MAPPING_ERROR,
    /** A FEEL failure in any other expression (job type, timer, message name, ...). */
    EXTRACT_VALUE_ERROR,
    /** A gateway condition failed, or none was true and there is no default flow. */
    CONDITION_ERROR,
    /** The process of a call activity is not deployed or has no none start event. */
    CALLED_ELEMENT_ERROR,
    /** An error event (end event or job error) that no boundary catches. */
    UNHANDLED_ERROR_EVENT,
    /** The linked form of a user task is not deployed. */
    FORM_NOT_FOUND,
    /** A job failed with no retries left. */
    JOB_NO_RETRIES,
    /** The decision of a business rule task is not deployed. */
    CALLED_DECISION_ERROR,
    /** The decision of a business rule task failed to evaluate. */
    DECISION_EVALUATION_ERROR
  }

  private final EngineContext ctx;

  Incidents(EngineContext ctx) {
    this.ctx = ctx;
  }

  /** An incident of an element instance; {@code retry} says what to do again on resolution. */
  Incident raise(ElementInstance instance, ErrorType type, String message, Incident.Retry retry) {
    return raise(instance, type, message, retry, -1);
  }

  /** An incident of a job; resolving it makes the job activatable again (if it has retries). */
  Incident raiseForJob(ElementInstance instance, long jobKey, ErrorType type, String message) {
    return raise(instance, type, message, Incident.Retry.JOB, jobKey);
  }

  private Incident raise(
      ElementInstance instance, ErrorType type, String message, Incident.Retry retry, long jobKey) {
    Incident i = new Incident();
    i.key = ctx.newKey();
    i.errorType = type.name();
    i.errorMessage = message;
    i.processInstanceKey = instance.processInstanceKey;
    i.elementInstanceKey = instance.key;
    i.elementId = instance.elementId;
    i.bpmnProcessId = instance.bpmnProcessId;
    i.processDefinitionKey = instance.processDefinitionKey;
    i.jobKey = jobKey;
    i.retry = retry;
    i.created = ctx.now();
    ctx.state().incidents.put(i.key, i);
    ctx.record("INCIDENT", "CREATED", i.key, value(i));
    return i;
  }

  /** Resolves an incident (ResolveIncident); returns it so the caller retries its step. */
  Incident resolve(long incidentKey) {
    Incident incident = ctx.state().incidents.get(incidentKey);
    if (incident == null) {
      throw EngineException.notFound(
          "Expected to resolve incident with key '"
              + incidentKey
              + "', but no such incident was found");
    }
    ctx.state().incidents.remove(incidentKey);
    ctx.record("INCIDENT", "RESOLVED", incidentKey, value(incident));
    return incident;
  }

  /** Resolves (silently, as part of termination) the incidents of an element instance. */
  void removeIncidentsOf(long elementInstanceKey) {
    List<Incident> toRemove = new ArrayList<>();
    for (Incident i : ctx.state().incidents.values()) {
      if (i.elementInstanceKey == elementInstanceKey) {
        toRemove.add(i);
      }
    }
    for (Incident i : toRemove) {
      ctx.state().incidents.remove(i.key);
      ctx.record("INCIDENT", "RESOLVED", i.key, value(i));
    }
  }

  static Map<String, Object> value(Incident i) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("errorType", i.errorType);
    v.put("errorMessage", i.errorMessage);
    v.put("processInstanceKey", i.processInstanceKey);
    v.put("elementInstanceKey", i.elementInstanceKey);
    v.put("elementId", i.elementId);
    v.put("bpmnProcessId", i.bpmnProcessId);
    v.put("jobKey", i.jobKey);
    return v;
  }
}
