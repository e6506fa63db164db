package nl.knooppunt.engine.runtime;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import nl.knooppunt.engine.EngineException;
import nl.knooppunt.engine.command.Command;
import nl.knooppunt.engine.export.EngineRecord;
import nl.knooppunt.engine.export.RecordListener;
import nl.knooppunt.engine.journal.Journal;
import nl.knooppunt.engine.journal.JournalEntry;
import nl.knooppunt.engine.journal.SnapshotStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single engine thread. It takes commands from a queue, applies them to the {@link Engine},
 * appends them to the {@link Journal}, and after one fsync for the whole batch (group commit)
 * answers the requests and delivers the records to the listeners. It also fires what is due
 * (timers, job time-outs) and takes snapshots. Long-polling job activations and job streams wait in
 * its {@link JobBroker}, which activates through the same command path as client commands.
 */
public final class EngineLoop implements EngineHooks, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(EngineLoop.class);
  private static final int QUEUE_CAPACITY = 20_000;
  private static final int MAX_BATCH = 1_000;

  /** Receives the result of a command, after it is durable. */
  @FunctionalInterface
  public interface Callback {
    void done(Object result, EngineException error);
  }

  private record Submit(Command command, Callback callback, Callback onEnd) {}

  private record Run(Runnable runnable) {}

  private record Query(Function<StateReader, ?> read, Callback callback) {}

  private static final Object STOP = new Object();

  private final Engine engine;
  private final StateReader reader;
  private final Journal journal;
  private final SnapshotStore snapshots;
  private final long snapshotEvery;
  private final LinkedBlockingQueue<Object> queue = new LinkedBlockingQueue<>(QUEUE_CAPACITY);
  private final List<Runnable> afterCommit = new ArrayList<>();
  private final List<RecordListener> listeners = new CopyOnWriteArrayList<>();
  private final Map<Long, Callback> pendingRequests = new ConcurrentHashMap<>();
  private final Map<Long, List<Callback>> resultWaiters = new HashMap<>();
  private final Map<Long, Map<String, Object>> endedNow = new LinkedHashMap<>();
  private final JobBroker jobBroker;
  private final AtomicLong requestIds = new AtomicLong(1);
  private final Thread thread;
  private final CountDownLatch stopped = new CountDownLatch(1);
  private volatile boolean running = true;
  private boolean failed;

  /**
   * Why the journal cannot be written (a full disk), or null while it can. Meanwhile every command
   * and query is refused ({@code RESOURCE_EXHAUSTED}, naming the cause); the batch whose write
   * failed stays applied and buffered, its answers in {@link #held}, and each turn of the loop
   * tries to write it again. Once it is on disk the answers go out and commands are accepted again:
   * no restart, nothing acknowledged lost (docs/adr/0039).
   */
  private volatile Journal.JournalWriteException journalFull;

  private final List<Runnable> held = new ArrayList<>();

  /** How often a journal that could not be written is tried again. */
  private static final long WRITE_RETRY_MILLIS = 200;

  public EngineLoop(Engine engine, Journal journal, SnapshotStore snapshots, long snapshotEvery) {
    this.engine = engine;
    this.reader = engine.reader();
    this.journal = journal;
    this.snapshots = snapshots;
    this.snapshotEvery = snapshotEvery;
    engine.setHooks(this);
    this.jobBroker =
        new JobBroker(
            type -> !engine.state().activatable(type).isEmpty(),
            this::activate,
            afterCommit::add,
            System::nanoTime);
    this.thread = new Thread(this::run, "knooppunt-engine");
    this.thread.setDaemon(true);
  }

  public void start() {
    thread.start();
  }

  public void addRecordListener(RecordListener listener) {
    listeners.add(listener);
  }

  public void removeRecordListener(RecordListener listener) {
    listeners.remove(listener);
  }

  /** Submits a command; the callback runs after the command is durable (or rejected). */
  public void submit(Command command, Callback callback) {
    if (!running) {
      callback.done(
          null, new EngineException(EngineException.Reason.UNAVAILABLE, "the engine is closed"));
      return;
    }
    if (!queue.offer(new Submit(command, callback, null))) {
      callback.done(
          null,
          new EngineException(
              EngineException.Reason.RESOURCE_EXHAUSTED,
              "Expected to handle the request, but the engine's command queue is full"
                  + " (backpressure); retry later"));
    }
  }

  /** A new id for a deferred request (user-task transitions). */
  public long newRequestId(Callback callback) {
    long id = requestIds.getAndIncrement();
    pendingRequests.put(id, callback);
    return id;
  }

  public void forgetRequest(long id) {
    pendingRequests.remove(id);
  }

  /**
   * Creates an instance; {@code onCreated} gets the {@link Engine.CreateResult}, {@code onEnd} the
   * root variables when the instance completes (CreateProcessInstanceWithResult).
   */
  public void submitWithResult(Command.CreateInstance command, Callback onCreated, Callback onEnd) {
    if (!running || !queue.offer(new Submit(command, onCreated, onEnd))) {
      onCreated.done(
          null,
          new EngineException(
              EngineException.Reason.RESOURCE_EXHAUSTED,
              "Expected to handle the request, but the engine is closed or its queue is full"));
    }
  }

  /** Cancels waiting for a result (client went away). */
  public void forgetResult(long processInstanceKey, Callback onEnd) {
    runOnLoop(
        () -> {
          List<Callback> list = resultWaiters.get(processInstanceKey);
          if (list != null) {
            list.remove(onEnd);
            if (list.isEmpty()) {
              resultWaiters.remove(processInstanceKey);
            }
          }
        });
  }

  /** Registers a long-polling request or a stream. */
  public void addJobRequest(JobRequest request) {
    runOnLoop(() -> jobBroker.add(request));
  }

  public void removeJobRequest(JobRequest request) {
    request.cancel();
    runOnLoop(() -> jobBroker.remove(request));
  }

  /**
   * Runs a read-only query on the engine thread. {@code read} gets the {@link StateReader} and must
   * return an immutable snapshot; {@code callback} gets it once the batch the query ran in is
   * durable, so an answer never shows state that could still be lost. A query is not a command: it
   * is not journaled, changes nothing and produces no records, so replay and the journal are the
   * same with or without queries. It waits in the same bounded queue as commands ({@code
   * RESOURCE_EXHAUSTED} when full).
   */
  public void query(Function<StateReader, ?> read, Callback callback) {
    if (!running) {
      callback.done(
          null, new EngineException(EngineException.Reason.UNAVAILABLE, "the engine is closed"));
      return;
    }
    if (!queue.offer(new Query(read, callback))) {
      callback.done(
          null,
          new EngineException(
              EngineException.Reason.RESOURCE_EXHAUSTED,
              "Expected to handle the query, but the engine's queue is full (backpressure);"
                  + " retry later"));
    }
  }

  public void runOnLoop(Runnable r) {
    if (running) {
      queue.add(new Run(r));
    }
  }

  // ---- the loop -----------------------------------------------------------------------------

  private void run() {
    List<Object> batch = new ArrayList<>();
    try {
      while (running) {
        long waitMs = waitMillis();
        Object first = waitMs <= 0 ? queue.poll() : queue.poll(waitMs, TimeUnit.MILLISECONDS);
        batch.clear();
        if (first != null) {
          batch.add(first);
          queue.drainTo(batch, MAX_BATCH);
        }
        for (Object task : batch) {
          if (task == STOP) {
            running = false;
          } else if (task instanceof Submit s) {
            if (journalFull != null) {
              refuse(s.callback());
            } else {
              processCommand(s.command(), s.callback(), s.onEnd());
            }
          } else if (task instanceof Run r) {
            r.runnable().run();
          } else if (task instanceof Query q) {
            if (journalFull != null) {
              refuse(q.callback());
            } else {
              answer(q);
            }
          }
        }
        if (journalFull == null && engine.state().nextDue() <= engine.clock()) {
          processCommand(new Command.Tick(), null, null);
        }
        if (journalFull == null) {
          jobBroker.dispatch();
        }
        jobBroker.expire();
        commit();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Throwable t) {
      failed = true;
      LOG.error("engine loop failed; the engine stops", t);
    } finally {
      running = false;
      try {
        if (!failed) {
          commit();
        }
        failOutstanding();
        if (!failed && journalFull == null) {
          // only a state that matches the journal may become a snapshot
          snapshot();
        }
        journal.close();
      } catch (RuntimeException e) {
        LOG.warn("closing the journal failed", e);
      }
      stopped.countDown();
    }
  }

  private long waitMillis() {
    if (journalFull != null) {
      return Math.max(0, jobBroker.waitMillis(WRITE_RETRY_MILLIS));
    }
    long now = engine.clock();
    long due = engine.state().nextDue();
    long wait = 1000;
    if (due != Long.MAX_VALUE) {
      if (engine.state().pinnedClock != null) {
        wait = due <= now ? 0 : 1000;
      } else {
        wait = Math.min(wait, due - now);
      }
    }
    return Math.max(0, jobBroker.waitMillis(wait));
  }

  private void processCommand(Command command, Callback callback, Callback end) {
    Outcome outcome = apply(command);
    Object result = outcome.result();
    EngineException error = outcome.error();
    if (callback != null) {
      afterCommit.add(() -> callback.done(result, error));
    }
    if (end != null && error == null && result instanceof Engine.CreateResult created) {
      long key = created.processInstanceKey();
      if (endedNow.containsKey(key)) {
        Map<String, Object> vars = endedNow.get(key);
        afterCommit.add(() -> end.done(vars, null));
      } else {
        resultWaiters.computeIfAbsent(key, k -> new ArrayList<>()).add(end);
      }
    }
  }

  private record Outcome(Object result, EngineException error) {}

  /**
   * The command path: applies a command at the engine time and journals it (a rejected one too,
   * replay rejects it again; an ActivateJobs only when it activated jobs, with their keys).
   */
  private Outcome apply(Command command) {
    if (journalFull != null) {
      return new Outcome(null, journalFullError());
    }
    long now = engine.clock();
    engine.setNow(now);
    endedNow.clear();
    Object result = null;
    EngineException error = null;
    try {
      result = engine.process(command);
    } catch (EngineException e) {
      error = e;
    } catch (RuntimeException | StackOverflowError e) {
      LOG.error("internal error processing {}", command.getClass().getSimpleName(), e);
      error =
          new EngineException(
              EngineException.Reason.FAILED_PRECONDITION,
              "internal engine error: " + e.getClass().getSimpleName() + ": " + e.getMessage());
    }
    Command journaled = command;
    if (command instanceof Command.ActivateJobs a) {
      @SuppressWarnings("unchecked")
      List<ActivatedJobData> jobs = (List<ActivatedJobData>) result;
      journaled =
          jobs == null || jobs.isEmpty()
              ? null
              : a.withJobKeys(jobs.stream().map(ActivatedJobData::key).toList());
    }
    if (journaled != null) {
      journal.append(new JournalEntry(now, journaled));
    }
    return new Outcome(result, error);
  }

  /** The job broker's activations take the command path. */
  @SuppressWarnings("unchecked")
  private List<ActivatedJobData> activate(Command.ActivateJobs command) {
    Outcome outcome = apply(command);
    return outcome.error() != null || outcome.result() == null
        ? List.of()
        : (List<ActivatedJobData>) outcome.result();
  }

  private void answer(Query q) {
    Object result = null;
    EngineException error = null;
    try {
      result = q.read().apply(reader);
    } catch (EngineException e) {
      error = e;
    } catch (RuntimeException e) {
      LOG.error("internal error answering a query", e);
      error =
          new EngineException(
              EngineException.Reason.INTERNAL,
              "internal engine error: " + e.getClass().getSimpleName() + ": " + e.getMessage());
    }
    Object r = result;
    EngineException e = error;
    afterCommit.add(() -> q.callback().done(r, e));
  }

  /** The refusal while the journal cannot be written. */
  private EngineException journalFullError() {
    Journal.JournalWriteException cause = journalFull;
    return new EngineException(
        EngineException.Reason.RESOURCE_EXHAUSTED,
        "Expected to handle the request, but the engine's journal cannot be written ("
            + (cause == null ? "disk full" : rootMessage(cause))
            + "): commands are refused until there is space again; nothing acknowledged is lost");
  }

  private static String rootMessage(Throwable t) {
    Throwable root = t;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }

  private void refuse(Callback callback) {
    if (callback != null) {
      EngineException refusal = journalFullError();
      afterCommit.add(() -> callback.done(null, refusal));
    }
  }

  /** Whether the journal can be written (false while the disk is full). */
  public boolean journalWritable() {
    return journalFull == null;
  }

  private void commit() {
    try {
      journal.flush();
    } catch (Journal.JournalWriteException e) {
      if (journalFull == null) {
        journalFull = e;
        held.addAll(afterCommit);
        afterCommit.clear();
        LOG.error(
            "The engine's journal cannot be written: {}. Commands are refused until it can; the"
                + " batch being written ({} answers) waits and is tried again every {} ms",
            rootMessage(e),
            held.size(),
            WRITE_RETRY_MILLIS);
      }
      // what is left are refusals and empty long polls: nothing that needs the disk
      runAll(afterCommit);
      return;
    }
    if (journalFull != null) {
      LOG.warn(
          "The engine's journal is written again: the batch that waited is durable and commands"
              + " are accepted");
      journalFull = null;
      afterCommit.addAll(0, held);
      held.clear();
    }
    List<EngineRecord> records = engine.drainRecords();
    if (!records.isEmpty() && !listeners.isEmpty()) {
      for (EngineRecord record : records) {
        for (RecordListener l : listeners) {
          try {
            l.onRecord(record);
          } catch (RuntimeException e) {
            LOG.warn("record listener failed on {}", record, e);
          }
        }
      }
    }
    runAll(afterCommit);
    if (snapshotEvery > 0 && journal.entriesInSegment() >= snapshotEvery) {
      snapshot();
    }
  }

  private void runAll(List<Runnable> answers) {
    for (Runnable r : answers) {
      try {
        r.run();
      } catch (RuntimeException e) {
        LOG.warn("answering a request failed", e);
      }
    }
    answers.clear();
  }

  /**
   * Rolls the journal and writes a snapshot. A snapshot that cannot be written (a full disk) is
   * left out: the journal still holds every entry, and the next one is tried later.
   */
  private void snapshot() {
    try {
      long segment = journal.rollover();
      snapshots.write(engine.state(), segment);
      journal.deleteSegmentsBefore(segment);
    } catch (RuntimeException e) {
      LOG.warn("No snapshot this time, the journal keeps every entry: {}", e.toString());
    }
  }

  private void failOutstanding() {
    EngineException closed =
        new EngineException(EngineException.Reason.UNAVAILABLE, "the engine is shutting down");
    jobBroker.closeAll();
    Object task;
    while ((task = queue.poll()) != null) {
      if (task instanceof Submit s && s.callback() != null) {
        s.callback().done(null, closed);
      } else if (task instanceof Query q) {
        q.callback().done(null, closed);
      }
    }
  }

  // ---- hooks from the engine -----------------------------------------------------------------

  @Override
  public void processInstanceEnded(long key, boolean completed, Map<String, Object> vars) {
    Map<String, Object> copy = completed ? new LinkedHashMap<>(vars) : null;
    endedNow.put(key, copy);
    List<Callback> waiters = resultWaiters.remove(key);
    if (waiters != null) {
      for (Callback w : waiters) {
        afterCommit.add(
            () -> {
              if (completed) {
                w.done(copy, null);
              } else {
                w.done(
                    null,
                    EngineException.precondition(
                        "Expected to await the result of process instance '"
                            + key
                            + "', but it was terminated"));
              }
            });
      }
    }
  }

  @Override
  public void requestFinished(long requestId, EngineException error) {
    Callback cb = pendingRequests.remove(requestId);
    if (cb != null) {
      afterCommit.add(() -> cb.done(null, error));
    }
  }

  /** Whether the loop thread is running. */
  public boolean isRunning() {
    return running;
  }

  @Override
  public void close() {
    if (!running) {
      return;
    }
    queue.offer(STOP);
    try {
      if (!stopped.await(30, TimeUnit.SECONDS)) {
        LOG.warn("engine loop did not stop in time");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
