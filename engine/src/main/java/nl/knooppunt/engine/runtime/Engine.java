package nl.knooppunt.engine.runtime;

import java.util.List;
import nl.knooppunt.engine.EngineException;
import nl.knooppunt.engine.command.Command;
import nl.knooppunt.engine.export.EngineRecord;
import nl.knooppunt.engine.runtime.state.DeployedForm;
import nl.knooppunt.engine.runtime.state.DeployedProcess;
import nl.knooppunt.engine.runtime.state.Incident;

/**
 * The deterministic state machine: applies one {@link Command} at a time to {@link EngineState}.
 * Given the same state, command and time it always produces the same new state, records and keys,
 * which is what makes journal replay correct. Single-threaded: only the engine loop calls it.
 *
 * <p>It wires the parts once and hands each command to the processor it belongs to. Dependencies
 * point one way: Engine → processors ({@link Deployer}, {@link InstanceProcessor}, {@link
 * MessageProcessor}, {@link JobProcessor}, {@link UserTaskProcessor}, {@link TimerProcessor}) →
 * {@link BpmnExecutor} → collaborators ({@link EventScopes}, {@link Gateways}, {@link Mappings},
 * {@link UserTasks}, {@link Jobs}, {@link Timers}, {@link Incidents}, {@link StartEvents}, {@link
 * ElementInstances}, {@link VariableScopes}) → {@link EngineContext}. No part reaches another
 * through the Engine.
 */
public final class Engine {

  /** Result of a deployment. */
  public record DeployResult(
      long deploymentKey,
      List<DeployedProcess> processes,
      List<DeployedForm> forms,
      List<nl.knooppunt.engine.runtime.state.DeployedDecision> decisions,
      List<nl.knooppunt.engine.runtime.state.DeployedDecisionRequirements> decisionRequirements) {

    public DeployResult(
        long deploymentKey, List<DeployedProcess> processes, List<DeployedForm> forms) {
      this(deploymentKey, processes, forms, List.of(), List.of());
    }
  }

  /**
   * Result of correlating a message: its key and the first process instance it correlated with, or
   * -1 when no subscription or message start event took it.
   */
  public record CorrelateResult(long messageKey, long processInstanceKey) {}

  /** Result of creating an instance. */
  public record CreateResult(DeployedProcess process, long processInstanceKey) {}

  private final EngineContext ctx;
  private final Incidents incidents;
  private final Deployer deployer;
  private final InstanceProcessor instances;
  private final MessageProcessor messages;
  private final JobProcessor jobs;
  private final UserTaskProcessor userTasks;
  private final TimerProcessor timers;
  private final BpmnExecutor executor;
  private final ResourceDeletion deletion;
  private final Modification modification;
  private final Migration migration;

  public Engine(EngineState state) {
    ctx = new EngineContext(state);
    VariableScopes variables = new VariableScopes(ctx);
    incidents = new Incidents(ctx);
    Jobs jobStore = new Jobs(ctx, incidents);
    Timers timerStore = new Timers(ctx, variables);
    StartEvents startEvents = new StartEvents(ctx);
    EventScopes scopes = new EventScopes(ctx, variables, timerStore);
    UserTasks userTaskStore = new UserTasks(ctx, variables, jobStore);
    ElementInstances elementInstances = new ElementInstances(ctx);
    executor =
        new BpmnExecutor(
            ctx,
            variables,
            elementInstances,
            scopes,
            new Gateways(ctx, variables, incidents),
            new Mappings(ctx, variables, elementInstances),
            incidents,
            jobStore,
            userTaskStore,
            startEvents);
    deployer = new Deployer(ctx, timerStore, startEvents);
    deletion = new ResourceDeletion(ctx, timerStore, startEvents);
    modification = new Modification(ctx, variables, executor);
    migration = new Migration(ctx, scopes, timerStore);
    instances = new InstanceProcessor(ctx, variables, executor);
    messages = new MessageProcessor(ctx, scopes, startEvents, executor);
    userTasks = new UserTaskProcessor(ctx, userTaskStore, executor);
    jobs = new JobProcessor(ctx, jobStore, variables, scopes, userTaskStore, userTasks, executor);
    timers = new TimerProcessor(ctx, timerStore, executor);
  }

  public EngineState state() {
    return ctx.state();
  }

  /** Replaces the whole state (after loading a snapshot). */
  public void replaceState(EngineState newState) {
    ctx.replaceState(newState);
  }

  public void setHooks(EngineHooks hooks) {
    ctx.setHooks(hooks);
  }

  public long now() {
    return ctx.now();
  }

  /** The engine time for the next command (wall clock, or the pinned clock). */
  public void setNow(long now) {
    ctx.setNow(now);
  }

  /** The time the engine uses now: the pinned clock if pinned, else the wall clock. */
  public long clock() {
    Long pinned = ctx.state().pinnedClock;
    return pinned != null ? pinned : System.currentTimeMillis();
  }

  /** Records produced since the last call, in order. */
  public List<EngineRecord> drainRecords() {
    return ctx.drainRecords();
  }

  /** Read-only queries on the live state (on the engine thread). */
  StateReader reader() {
    return new StateReader(ctx);
  }

  // ---- command dispatch -------------------------------------------------------------------

  /** Applies a command. Returns its result, or throws {@link EngineException} (rejection). */
  public Object process(Command command) {
    ctx.drainFreedMessageStarts(); // a rejected command may have left some behind: never used
    ctx.takeProcessInstanceEnded(); // likewise
    Object result = dispatch(command);
    messages.correlateBufferedStarts();
    deletion.sweep(command instanceof Command.MigrateInstance);
    return result;
  }

  private Object dispatch(Command command) {
    if (command instanceof Command.Deploy c) {
      return deployer.deploy(c);
    } else if (command instanceof Command.CreateInstance c) {
      if (deletion.draining(c.processDefinitionKey())) {
        throw EngineException.notFound(
            "Expected to find process definition with key '"
                + c.processDefinitionKey()
                + "', but none found (it is deleted)");
      }
      return instances.createInstance(c);
    } else if (command instanceof Command.DeleteResource c) {
      return deletion.delete(c);
    } else if (command instanceof Command.ModifyInstance c) {
      return modification.modify(c);
    } else if (command instanceof Command.MigrateInstance c) {
      return migration.migrate(c);
    } else if (command instanceof Command.CancelInstance c) {
      return instances.cancelInstance(c.processInstanceKey());
    } else if (command instanceof Command.SetVariables c) {
      return instances.setVariables(c);
    } else if (command instanceof Command.PublishMessage c) {
      return messages.publish(c);
    } else if (command instanceof Command.CorrelateMessage c) {
      return messages.correlate(c);
    } else if (command instanceof Command.BroadcastSignal c) {
      return messages.broadcastSignal(c);
    } else if (command instanceof Command.ActivateJobs c) {
      return jobs.activate(c);
    } else if (command instanceof Command.YieldJobs c) {
      return jobs.yieldJobs(c);
    } else if (command instanceof Command.CompleteJob c) {
      return jobs.complete(c);
    } else if (command instanceof Command.FailJob c) {
      return jobs.fail(c);
    } else if (command instanceof Command.ThrowError c) {
      return jobs.throwError(c);
    } else if (command instanceof Command.UpdateJobRetries c) {
      return jobs.updateRetries(c);
    } else if (command instanceof Command.UpdateJobTimeout c) {
      return jobs.updateTimeout(c);
    } else if (command instanceof Command.ResolveIncident c) {
      return resolveIncident(c.incidentKey());
    } else if (command instanceof Command.CompleteUserTask c) {
      return userTasks.complete(c);
    } else if (command instanceof Command.AssignUserTask c) {
      return userTasks.assign(c);
    } else if (command instanceof Command.UpdateUserTask c) {
      return userTasks.update(c);
    } else if (command instanceof Command.PinClock c) {
      ctx.state().pinnedClock = c.timestamp();
      return null;
    } else if (command instanceof Command.ResetClock) {
      ctx.state().pinnedClock = null;
      return null;
    } else if (command instanceof Command.Tick) {
      return tick();
    }
    throw new IllegalArgumentException("unknown command " + command);
  }

  private Object tick() {
    messages.expireMessages();
    jobs.timeOutJobs();
    timers.fireDue();
    return null;
  }

  /** The incident goes; what it stopped runs again (the job, or the element's step). */
  private Object resolveIncident(long incidentKey) {
    Incident incident = incidents.resolve(incidentKey);
    if (incident.retry == Incident.Retry.JOB) {
      jobs.onIncidentResolved(incident);
    } else {
      executor.retryAfterIncident(incident);
    }
    return null;
  }
}
