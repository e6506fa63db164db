package nl.knooppunt.engine.runtime;

import java.util.Map;
import nl.knooppunt.engine.runtime.state.Job;

/**
 * A job as handed to a worker: a copy of the job taken at activation, with the variables it fetched
 * and, for task listeners, the user task's properties.
 */
public record ActivatedJobData(
    long key,
    String type,
    long processInstanceKey,
    String bpmnProcessId,
    int processDefinitionVersion,
    long processDefinitionKey,
    String elementId,
    long elementInstanceKey,
    Map<String, String> customHeaders,
    String worker,
    int retries,
    long deadline,
    String variablesJson,
    String kind,
    String listenerEventType,
    Map<String, Object> userTask) {

  static ActivatedJobData of(Job job, String variablesJson, Map<String, Object> userTask) {
    return new ActivatedJobData(
        job.key,
        job.type,
        job.processInstanceKey,
        job.bpmnProcessId,
        job.version,
        job.processDefinitionKey,
        job.elementId,
        job.elementInstanceKey,
        Map.copyOf(job.customHeaders),
        job.worker,
        job.retries,
        job.deadline,
        variablesJson,
        job.kind,
        job.listenerEventType,
        userTask);
  }
}
