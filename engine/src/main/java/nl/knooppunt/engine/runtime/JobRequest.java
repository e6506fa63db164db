package nl.knooppunt.engine.runtime;

import java.util.List;
import java.util.function.Consumer;

/**
 * A waiting ActivateJobs request (long polling, until {@code deadlineNanos}) or a job stream (no
 * deadline): it gets jobs of its type as they become activatable ({@link JobBroker}). The consumer
 * runs on the engine thread after the activation is durable; an empty list ends a long poll.
 */
public final class JobRequest {
  final String type;
  final String worker;
  final long timeout;
  final int max;
  final List<String> fetchVariables;
  final long deadlineNanos;
  final boolean stream;
  final Consumer<List<ActivatedJobData>> consumer;
  volatile boolean cancelled;

  public JobRequest(
      String type,
      String worker,
      long timeout,
      int max,
      List<String> fetchVariables,
      long deadlineNanos,
      boolean stream,
      Consumer<List<ActivatedJobData>> consumer) {
    this.type = type;
    this.worker = worker;
    this.timeout = timeout;
    this.max = max;
    this.fetchVariables = fetchVariables;
    this.deadlineNanos = deadlineNanos;
    this.stream = stream;
    this.consumer = consumer;
  }

  public void cancel() {
    cancelled = true;
  }
}
