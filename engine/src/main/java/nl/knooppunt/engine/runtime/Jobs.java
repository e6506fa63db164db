package nl.knooppunt.engine.runtime;

import java.util.LinkedHashMap;
import java.util.Map;
import nl.knooppunt.engine.runtime.state.ElementInstance;
import nl.knooppunt.engine.runtime.state.Incident;
import nl.knooppunt.engine.runtime.state.Job;

/**
 * Jobs as state: created for a job-based element or a task listener, cancelled with their element,
 * stopped by an incident. The job commands are {@link JobProcessor}'s.
 */
final class Jobs {

  private final EngineContext ctx;
  private final Incidents incidents;

  Jobs(EngineContext ctx, Incidents incidents) {
    this.ctx = ctx;
    this.incidents = incidents;
  }

  Job create(
      ElementInstance inst,
      String type,
      int retries,
      Map<String, String> headers,
      String kind,
      String listenerEventType,
      long userTaskKey) {
    Job job = new Job();
    job.key = ctx.newKey();
    job.type = type;
    job.retries = retries;
    job.elementInstanceKey = inst.key;
    job.processInstanceKey = inst.processInstanceKey;
    job.processDefinitionKey = inst.processDefinitionKey;
    job.bpmnProcessId = inst.bpmnProcessId;
    job.version = inst.version;
    job.elementId = inst.elementId;
    job.customHeaders = new LinkedHashMap<>(headers);
    job.kind = kind;
    job.listenerEventType = listenerEventType;
    job.userTaskKey = userTaskKey;
    job.created = ctx.now();
    ctx.state().putJob(job);
    inst.jobKey = job.key;
    record(job, "CREATED");
    return job;
  }

  /** The element instance ends: its job (if any) is cancelled. */
  void cancelJobOf(ElementInstance inst) {
    if (inst.jobKey < 0) {
      return;
    }
    Job job = ctx.state().jobs.get(inst.jobKey);
    inst.jobKey = -1;
    if (job != null) {
      ctx.state().removeJob(job);
      record(job, "CANCELED");
    }
  }

  /** The job stops with an incident (no retries, or an error nobody catches). */
  void raiseIncident(Job job, Incidents.ErrorType type, String message) {
    ElementInstance inst = ctx.state().instances.get(job.elementInstanceKey);
    if (inst == null) {
      return;
    }
    Incident incident = incidents.raiseForJob(inst, job.key, type, message);
    job.incidentKey = incident.key;
  }

  void record(Job job, String intent) {
    ctx.record("JOB", intent, job.key, value(job));
  }

  static Map<String, Object> value(Job job) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("type", job.type);
    v.put("worker", job.worker);
    v.put("retries", job.retries);
    v.put("deadline", job.deadline);
    v.put("errorMessage", job.errorMessage);
    v.put("elementId", job.elementId);
    v.put("elementInstanceKey", job.elementInstanceKey);
    v.put("processInstanceKey", job.processInstanceKey);
    v.put("bpmnProcessId", job.bpmnProcessId);
    v.put("processDefinitionKey", job.processDefinitionKey);
    v.put("customHeaders", job.customHeaders);
    v.put("jobKind", job.kind);
    v.put("listenerEventType", job.listenerEventType);
    return v;
  }
}
