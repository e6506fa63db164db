package nl.knooppunt.engine.grpc;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The {@code requestTimeout} of CreateProcessInstanceWithResult: the request is closed with {@code
 * DEADLINE_EXCEEDED} if the instance has not completed before it (docs.camunda.io, Zeebe API
 * gateway service, CreateProcessInstanceWithResult: "the request will be closed if the process is
 * not completed before the requestTimeout; if requestTimeout = 0, uses the generic requestTimeout
 * configured in the gateway"). One daemon thread serves every engine in the JVM; it only runs the
 * time-outs, never engine state (forgetting the waiter goes through the engine loop).
 */
public final class ResultDeadlines {

  /** Camunda's gateway default request timeout, used when a request gives requestTimeout 0. */
  public static final long GATEWAY_DEFAULT_MS = 15_000;

  private static final ScheduledThreadPoolExecutor TIMER = newTimer();

  private ResultDeadlines() {}

  private static ScheduledThreadPoolExecutor newTimer() {
    ScheduledThreadPoolExecutor timer =
        new ScheduledThreadPoolExecutor(
            1,
            r -> {
              Thread t = new Thread(r, "engine-result-deadlines");
              t.setDaemon(true);
              return t;
            });
    timer.setRemoveOnCancelPolicy(true);
    return timer;
  }

  /** One request's answer: whichever of result, error or time-out comes first answers it. */
  public static final class Deadline {
    private final AtomicBoolean answered = new AtomicBoolean();
    private volatile ScheduledFuture<?> timeout;

    /** True exactly once: the caller may answer the request. */
    public boolean claim() {
      if (!answered.compareAndSet(false, true)) {
        return false;
      }
      ScheduledFuture<?> t = timeout;
      if (t != null) {
        t.cancel(false);
      }
      return true;
    }
  }

  /**
   * Starts the clock of one request; {@code onTimeout} runs (at most once, and only if nothing
   * answered the request before) when {@code requestTimeoutMs} (0 = the gateway default) passes.
   */
  public static Deadline start(long requestTimeoutMs, Runnable onTimeout) {
    Deadline deadline = new Deadline();
    long ms = requestTimeoutMs > 0 ? requestTimeoutMs : GATEWAY_DEFAULT_MS;
    deadline.timeout =
        TIMER.schedule(
            () -> {
              if (deadline.claim()) {
                onTimeout.run();
              }
            },
            ms,
            TimeUnit.MILLISECONDS);
    return deadline;
  }
}
