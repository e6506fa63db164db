package nl.knooppunt.engine.runtime;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import nl.knooppunt.engine.command.Command;

/**
 * Hands jobs to waiting workers: long-polling ActivateJobs requests and job streams wait here, on
 * the engine thread, until jobs of their type become activatable. It activates through the command
 * path it is given — an {@link Command.ActivateJobs} applied and journaled like any client command,
 * with the job keys it picked — and hands the jobs over after the batch is durable. Streams share
 * the work round-robin; a long poll that got jobs, or whose deadline passed, is answered and gone.
 */
final class JobBroker {

  private final Predicate<String> activatable;
  private final CommandPath activation;
  private final Consumer<Runnable> afterCommit;
  private final LongSupplier nanoTime;
  private final LinkedList<JobRequest> waiting = new LinkedList<>();

  /** Applies an ActivateJobs command like any other (journaled when it activated jobs). */
  @FunctionalInterface
  interface CommandPath {
    List<ActivatedJobData> activate(Command.ActivateJobs command);
  }

  /**
   * @param activatable whether a job of the type is activatable now
   * @param activation the engine's command path
   * @param afterCommit runs a hand-over once the batch is durable
   * @param nanoTime the clock of the long-polling deadlines
   */
  JobBroker(
      Predicate<String> activatable,
      CommandPath activation,
      Consumer<Runnable> afterCommit,
      LongSupplier nanoTime) {
    this.activatable = activatable;
    this.activation = activation;
    this.afterCommit = afterCommit;
    this.nanoTime = nanoTime;
  }

  /** A new request: a long poll is served at once if it can be, else it waits (as a stream). */
  void add(JobRequest request) {
    if (request.cancelled) {
      return;
    }
    if (!request.stream) {
      List<ActivatedJobData> jobs = activate(request, request.max);
      if (!jobs.isEmpty()) {
        afterCommit.accept(() -> request.consumer.accept(jobs));
        return;
      }
      if (request.deadlineNanos <= nanoTime.getAsLong()) {
        afterCommit.accept(() -> request.consumer.accept(List.of()));
        return;
      }
    }
    waiting.add(request);
  }

  void remove(JobRequest request) {
    waiting.remove(request);
  }

  int waitingCount() {
    return waiting.size();
  }

  private List<ActivatedJobData> activate(JobRequest r, int max) {
    if (!activatable.test(r.type)) {
      return List.of();
    }
    return activation.activate(
        new Command.ActivateJobs(r.type, r.worker, r.timeout, max, r.fetchVariables, null));
  }

  /** Serves the waiting requests whose type has activatable jobs. */
  void dispatch() {
    if (waiting.isEmpty()) {
      return;
    }
    Iterator<JobRequest> it = waiting.iterator();
    while (it.hasNext()) {
      JobRequest r = it.next();
      if (r.cancelled) {
        it.remove();
        continue;
      }
      if (!activatable.test(r.type)) {
        continue;
      }
      if (r.stream) {
        List<ActivatedJobData> jobs = activate(r, Integer.MAX_VALUE);
        if (!jobs.isEmpty()) {
          afterCommit.accept(() -> r.consumer.accept(jobs));
        }
        // rotate streams so several workers share the work
        it.remove();
        waiting.addLast(r);
        break;
      }
      List<ActivatedJobData> jobs = activate(r, r.max);
      if (!jobs.isEmpty()) {
        it.remove();
        afterCommit.accept(() -> r.consumer.accept(jobs));
      }
    }
    // a rotated stream may have left jobs for others
    boolean more = false;
    for (JobRequest r : waiting) {
      if (!r.cancelled && activatable.test(r.type)) {
        more = true;
        break;
      }
    }
    if (more) {
      for (JobRequest r : new ArrayList<>(waiting)) {
        if (r.cancelled || !activatable.test(r.type)) {
          continue;
        }
        List<ActivatedJobData> jobs = activate(r, r.stream ? Integer.MAX_VALUE : r.max);
        if (!jobs.isEmpty()) {
          if (!r.stream) {
            waiting.remove(r);
          }
          afterCommit.accept(() -> r.consumer.accept(jobs));
        }
      }
    }
  }

  /** Answers the long polls whose deadline passed (with no jobs) and drops cancelled requests. */
  void expire() {
    long now = nanoTime.getAsLong();
    Iterator<JobRequest> it = waiting.iterator();
    while (it.hasNext()) {
      JobRequest r = it.next();
      if (r.cancelled) {
        it.remove();
      } else if (!r.stream && r.deadlineNanos <= now) {
        it.remove();
        afterCommit.accept(() -> r.consumer.accept(List.of()));
      }
    }
  }

  /** At most {@code wait} ms, less when a long poll's deadline comes sooner. */
  long waitMillis(long wait) {
    long now = nanoTime.getAsLong();
    for (JobRequest r : waiting) {
      if (!r.stream) {
        wait = Math.min(wait, TimeUnit.NANOSECONDS.toMillis(r.deadlineNanos - now) + 1);
      }
    }
    return wait;
  }

  /** The engine stops: every waiting request is answered with no jobs. */
  void closeAll() {
    for (JobRequest r : waiting) {
      try {
        r.consumer.accept(List.of());
      } catch (RuntimeException e) {
        // client gone
      }
    }
    waiting.clear();
  }
}
