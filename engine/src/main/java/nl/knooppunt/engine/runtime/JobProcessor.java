package nl.knooppunt.engine.runtime;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.knooppunt.engine.EngineException;
import nl.knooppunt.engine.command.Command;
import nl.knooppunt.engine.runtime.state.ElementInstance;
import nl.knooppunt.engine.runtime.state.Incident;
import nl.knooppunt.engine.runtime.state.Job;

/**
 * The job commands: activation, yielding, completion, failure with retries and back-off, thrown
 * errors, retries and time-out updates, and the time-outs and back-offs that end (Tick). A
 * completed job completes its element (or, for a task listener, goes on with the user task); a
 * thrown error is caught by the nearest error boundary. The jobs themselves are {@link Jobs}.
 */
final class JobProcessor {

  private final EngineContext ctx;
  private final Jobs jobs;
  private final VariableScopes variables;
  private final EventScopes scopes;
  private final UserTasks userTasks;
  private final UserTaskProcessor userTaskCommands;
  private final BpmnExecutor executor;

  JobProcessor(
      EngineContext ctx,
      Jobs jobs,
      VariableScopes variables,
      EventScopes scopes,
      UserTasks userTasks,
      UserTaskProcessor userTaskCommands,
      BpmnExecutor executor) {
    this.ctx = ctx;
    this.jobs = jobs;
    this.variables = variables;
    this.scopes = scopes;
    this.userTasks = userTasks;
    this.userTaskCommands = userTaskCommands;
    this.executor = executor;
  }

  private EngineState state() {
    return ctx.state();
  }

  List<ActivatedJobData> activate(Command.ActivateJobs c) {
    List<ActivatedJobData> out = new ArrayList<>();
    List<Job> picked = new ArrayList<>();
    Map<Long, String> jsonByKey = new java.util.HashMap<>();
    if (c.jobKeys() != null) {
      for (Long key : c.jobKeys()) {
        Job job = state().jobs.get(key);
        if (job != null && job.state == Job.State.ACTIVATABLE) {
          picked.add(job);
        }
      }
    } else {
      // stay below the client's message size: stop when the variables would exceed the budget
      long bytes = 0;
      Iterator<Long> it = state().activatable(c.type()).iterator();
      while (it.hasNext() && picked.size() < c.max()) {
        Job job = state().jobs.get(it.next());
        String json = writeJson(variablesFor(job, c.fetchVariables()));
        bytes += json.length() + 512L;
        if (!picked.isEmpty() && bytes > RESPONSE_BUDGET_CHARS) {
          break;
        }
        picked.add(job);
        jsonByKey.put(job.key, json);
      }
    }
    for (Job job : picked) {
      state().unindexJob(job);
      job.state = Job.State.ACTIVATED;
      job.deadline = ctx.now() + c.timeout();
      job.worker = c.worker() == null ? "" : c.worker();
      state().indexJob(job);
      jobs.record(job, "ACTIVATED");
      String json = jsonByKey.get(job.key);
      if (json == null) {
        json = writeJson(variablesFor(job, c.fetchVariables()));
      }
      out.add(ActivatedJobData.of(job, json, userTaskOf(job)));
    }
    return out;
  }

  /** Budget for one activation response (the client accepts 5 MB messages by default). */
  private static final long RESPONSE_BUDGET_CHARS = 3L * 1024 * 1024;

  private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
      new com.fasterxml.jackson.databind.ObjectMapper();

  private static String writeJson(Map<String, Object> variables) {
    try {
      return JSON.writeValueAsString(variables);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private Map<String, Object> variablesFor(Job job, List<String> fetch) {
    ElementInstance inst = state().instances.get(job.elementInstanceKey);
    Map<String, Object> all =
        inst != null
            ? variables.visible(inst)
            : job.variablesSnapshot == null ? Map.of() : job.variablesSnapshot;
    if (fetch == null || fetch.isEmpty()) {
      return new LinkedHashMap<>(all);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    for (String name : fetch) {
      if (all.containsKey(name)) {
        out.put(name, all.get(name));
      }
    }
    return out;
  }

  private Map<String, Object> userTaskOf(Job job) {
    if (!"TASK_LISTENER".equals(job.kind)) {
      return null;
    }
    return userTasks.propertiesForListener(job.userTaskKey);
  }

  private Job existing(long key, String action) {
    Job job = state().jobs.get(key);
    if (job == null) {
      throw EngineException.notFound(
          "Expected to " + action + " job with key '" + key + "', but no such job was found");
    }
    return job;
  }

  Object yieldJobs(Command.YieldJobs c) {
    for (Long key : c.jobKeys()) {
      Job job = state().jobs.get(key);
      if (job != null && job.state == Job.State.ACTIVATED) {
        state().unindexJob(job);
        job.state = Job.State.ACTIVATABLE;
        job.worker = "";
        job.deadline = -1;
        state().indexJob(job);
        jobs.record(job, "YIELDED");
      }
    }
    return null;
  }

  Object complete(Command.CompleteJob c) {
    Job job = existing(c.jobKey(), "complete");
    if (job.state == Job.State.FAILED || job.state == Job.State.ERROR_THROWN) {
      throw EngineException.invalidState(
          "Expected to complete job with key '"
              + job.key
              + "', but it is in state '"
              + job.state
              + "' with an open incident; resolve the incident first");
    }
    if ("TASK_LISTENER".equals(job.kind) && c.variables() != null && !c.variables().isEmpty()) {
      throw EngineException.invalidArgument(
          "Expected to complete task listener job with key '"
              + job.key
              + "' without variables, but variables were given; task listener jobs cannot set"
              + " variables");
    }
    state().removeJob(job);
    jobs.record(job, "COMPLETED");
    if ("TASK_LISTENER".equals(job.kind)) {
      userTaskCommands.onListenerJobCompleted(job, c.result());
      return null;
    }
    ElementInstance inst = state().instances.get(job.elementInstanceKey);
    if (inst != null && ExecutionListenerJobs.KIND.equals(job.kind)) {
      inst.jobKey = -1;
      if ("START".equals(job.listenerEventType)) {
        executor.startListenerCompleted(inst, c.variables());
      } else {
        executor.endListenerCompleted(inst, c.variables());
      }
    } else if (inst != null) {
      inst.jobKey = -1;
      inst.pendingVariables = c.variables();
      executor.complete(inst, null);
    }
    return null;
  }

  Object fail(Command.FailJob c) {
    Job job = existing(c.jobKey(), "fail");
    if (job.state != Job.State.ACTIVATED && job.state != Job.State.ACTIVATABLE) {
      throw EngineException.invalidState(
          "Expected to fail job with key '"
              + job.key
              + "', but it is in state '"
              + job.state
              + "'");
    }
    state().unindexJob(job);
    job.retries = c.retries();
    job.errorMessage = c.errorMessage() == null ? "" : c.errorMessage();
    job.worker = "";
    ElementInstance inst = state().instances.get(job.elementInstanceKey);
    if (inst != null && c.variables() != null) {
      variables.setAllLocal(inst, c.variables());
    }
    if (job.retries > 0) {
      if (c.retryBackOff() > 0) {
        job.state = Job.State.BACKOFF;
        job.backoffUntil = ctx.now() + c.retryBackOff();
      } else {
        job.state = Job.State.ACTIVATABLE;
      }
      state().indexJob(job);
      jobs.record(job, "FAILED");
      return null;
    }
    job.state = Job.State.FAILED;
    jobs.record(job, "FAILED");
    jobs.raiseIncident(
        job,
        Incidents.ErrorType.JOB_NO_RETRIES,
        job.errorMessage.isEmpty() ? "No more retries left." : job.errorMessage);
    return null;
  }

  Object throwError(Command.ThrowError c) {
    Job job = existing(c.jobKey(), "throw an error for");
    if (job.state == Job.State.FAILED || job.state == Job.State.ERROR_THROWN) {
      throw EngineException.invalidState(
          "Expected to throw an error for job with key '"
              + job.key
              + "', but it is in state '"
              + job.state
              + "'");
    }
    ElementInstance inst = state().instances.get(job.elementInstanceKey);
    EventScopes.ErrorCatch caught =
        inst == null ? null : scopes.findErrorCatch(inst, c.errorCode());
    state().unindexJob(job);
    job.errorCode = c.errorCode();
    job.errorMessage = c.errorMessage() == null ? "" : c.errorMessage();
    if (caught != null) {
      state().removeJob(job);
      jobs.record(job, "ERROR_THROWN");
      inst.jobKey = -1;
      executor.catchError(caught, c.variables());
      return null;
    }
    job.state = Job.State.ERROR_THROWN;
    jobs.record(job, "ERROR_THROWN");
    jobs.raiseIncident(
        job,
        Incidents.ErrorType.UNHANDLED_ERROR_EVENT,
        "Expected to throw an error event with the code '"
            + c.errorCode()
            + "' with message '"
            + job.errorMessage
            + "', but it was not caught. No error events are available in the scope.");
    return null;
  }

  Object updateRetries(Command.UpdateJobRetries c) {
    Job job = existing(c.jobKey(), "update retries of");
    if (c.retries() < 1) {
      throw EngineException.invalidArgument(
          "Expected to update retries for job with key '"
              + job.key
              + "' with a positive amount of retries, but the amount given was '"
              + c.retries()
              + "'");
    }
    job.retries = c.retries();
    jobs.record(job, "RETRIES_UPDATED");
    return null;
  }

  Object updateTimeout(Command.UpdateJobTimeout c) {
    Job job = existing(c.jobKey(), "update the timeout of");
    if (job.state != Job.State.ACTIVATED) {
      throw EngineException.invalidState(
          "Expected to update the timeout of job with key '"
              + job.key
              + "', but it is not active (state '"
              + job.state
              + "')");
    }
    state().unindexJob(job);
    job.deadline = ctx.now() + c.timeout();
    state().indexJob(job);
    jobs.record(job, "TIMEOUT_UPDATED");
    return null;
  }

  void timeOutJobs() {
    for (Job job : state().dueJobs(ctx.now())) {
      state().unindexJob(job);
      String intent = job.state == Job.State.ACTIVATED ? "TIMED_OUT" : "RECURRED_AFTER_BACKOFF";
      job.state = Job.State.ACTIVATABLE;
      job.worker = "";
      job.deadline = -1;
      state().indexJob(job);
      jobs.record(job, intent);
    }
  }

  void onIncidentResolved(Incident incident) {
    Job job = state().jobs.get(incident.jobKey);
    if (job == null) {
      return;
    }
    job.incidentKey = -1;
    if (job.state == Job.State.FAILED && job.retries <= 0) {
      jobs.raiseIncident(job, Incidents.ErrorType.JOB_NO_RETRIES, "No more retries left.");
      return;
    }
    state().unindexJob(job);
    job.state = Job.State.ACTIVATABLE;
    state().indexJob(job);
    jobs.record(job, "RECURRED_AFTER_BACKOFF");
  }
}
