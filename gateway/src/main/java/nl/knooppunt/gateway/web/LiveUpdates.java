package nl.knooppunt.gateway.web;

import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import nl.knooppunt.gateway.readmodel.ReadModelChanged;
import nl.knooppunt.gateway.security.CurrentUsers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Live updates for the pages: one server-sent event stream per open page ({@code /stroom}). When
 * the read model changed (after the commit), every page gets the event {@code gewijzigd} and
 * reloads the parts it shows through htmx. Bursts (a round of 400 notices) are coalesced into at
 * most one event per {@link #COALESCE}; a comment every {@link #HEARTBEAT} keeps proxies from
 * closing idle streams. On shutdown the streams are closed first, so the web server's graceful
 * shutdown does not wait for open pages (the browser reconnects to another gateway). A stream hears
 * only of changes that concern its viewer ({@link StreamAudience}, docs/adr/0031): a change to a
 * crisis out of the viewer's scope is not sent to it; the event carries no content, only the read
 * model's version. Every gateway replica hears of every committed change, also the ones another
 * replica projected ({@code ReadModelListener}, docs/adr/0038), and tells its own streams.
 */
@Controller
@Page
class LiveUpdates implements SmartLifecycle {

  /**
   * The name of the event pages listen to ({@code hx-trigger="gewijzigd from:body"}, see
   * knooppunt.js).
   */
  public static final String EVENT = "gewijzigd";

  static final Duration COALESCE = Duration.ofMillis(300);
  static final Duration HEARTBEAT = Duration.ofSeconds(20);
  private static final Logger LOG = LoggerFactory.getLogger(LiveUpdates.class);

  private final Set<SseEmitter> emitters = ConcurrentHashMap.newKeySet();

  /** Per open stream: whether a change of these crises concerns its viewer. */
  private final Map<SseEmitter, Predicate<Set<String>>> viewers = new ConcurrentHashMap<>();

  private final StreamAudience audience;

  /** The crises changed since the last event. */
  private final AtomicReference<Set<String>> changedCrises =
      new AtomicReference<>(ConcurrentHashMap.newKeySet());

  /** Whether a change that belongs to no crisis came since the last event (it reaches everyone). */
  private final AtomicBoolean changedElsewhere = new AtomicBoolean();

  private final AtomicBoolean dirty = new AtomicBoolean();
  private final AtomicLong sequence = new AtomicLong();

  /**
   * The number of committed read-model changes so far. A page carries the version it was rendered
   * at; a stream that opens later than a change (the page was rendered, the task appeared, then the
   * browser connected) learns the current version at once and the page reloads its live parts, so
   * no change falls between rendering and connecting.
   */
  private final AtomicLong version = new AtomicLong();

  /**
   * This replica's mark on its versions: a page rendered by one gateway replica and connected to
   * another (round robin, docs/adr/0038) gets a version of another replica and reloads its live
   * parts, since counts of two replicas cannot be compared.
   */
  private final String replica =
      Long.toString(java.util.concurrent.ThreadLocalRandom.current().nextLong() >>> 1, 36);

  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "knooppunt-live-updates");
            t.setDaemon(true);
            return t;
          });

  private volatile boolean running;

  /** Every stream hears of every change (tests without a read model). */
  public LiveUpdates() {
    this(StreamAudience.EVERYONE);
  }

  @Autowired
  public LiveUpdates(StreamAudience audience) {
    this.audience = audience;
    timer.scheduleWithFixedDelay(
        this::flush, COALESCE.toMillis(), COALESCE.toMillis(), TimeUnit.MILLISECONDS);
    timer.scheduleWithFixedDelay(
        this::heartbeat, HEARTBEAT.toMillis(), HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * The streams one session holds open at most: a person with a few tabs. A page that is left
   * closes its stream, but the server learns of that only at its next write; so a new stream beyond
   * the limit closes the session's oldest one (a tab still open reconnects), and one session cannot
   * hold more of the server's connections.
   */
  public static final int STREAMS_PER_SESSION = 4;

  private final ConcurrentHashMap<String, java.util.LinkedHashSet<SseEmitter>> bySession =
      new ConcurrentHashMap<>();

  @GetMapping(path = "/stroom", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  public SseEmitter stream(HttpSession session) {
    String owner = session.getId();
    SseEmitter emitter = new SseEmitter(Duration.ofMinutes(30).toMillis());
    if (!running) {
      emitter.complete();
      return emitter;
    }
    java.util.List<SseEmitter> closed = new java.util.ArrayList<>();
    bySession.compute(
        owner,
        (k, open) -> {
          java.util.LinkedHashSet<SseEmitter> set =
              open == null ? new java.util.LinkedHashSet<>() : open;
          while (set.size() >= STREAMS_PER_SESSION) {
            SseEmitter oldest = set.iterator().next();
            set.remove(oldest);
            closed.add(oldest);
          }
          set.add(emitter);
          return set;
        });
    for (SseEmitter old : closed) {
      emitters.remove(old);
      viewers.remove(old);
      old.complete();
    }
    add(emitter, CurrentUsers.signedIn().map(audience::viewer).orElse(crises -> false));
    Runnable remove =
        () -> {
          emitters.remove(emitter);
          viewers.remove(emitter);
          bySession.computeIfPresent(
              owner,
              (k, open) -> {
                open.remove(emitter);
                return open.isEmpty() ? null : open;
              });
        };
    emitter.onCompletion(remove);
    emitter.onTimeout(remove);
    emitter.onError(e -> remove.run());
    try {
      emitter.send(SseEmitter.event().name(VERSION_EVENT).data(versionToken()));
    } catch (IOException | IllegalStateException e) {
      remove.run();
    }
    return emitter;
  }

  /** Registers an open stream that hears of every change (tests). */
  void add(SseEmitter emitter) {
    add(emitter, crises -> true);
  }

  /** Registers an open stream with its viewer's filter. */
  void add(SseEmitter emitter, Predicate<Set<String>> viewer) {
    viewers.put(emitter, viewer);
    emitters.add(emitter);
  }

  /** The event a new stream gets first: the read model's version now. */
  public static final String VERSION_EVENT = "versie";

  @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
  public void changed(ReadModelChanged change) {
    version.incrementAndGet();
    if (change.crisisId() == null) {
      changedElsewhere.set(true);
    } else {
      changedCrises.get().add(change.crisisId());
    }
    dirty.set(true);
  }

  /** The read model's version (see {@link #version}). */
  public long version() {
    return version.get();
  }

  /**
   * The version as the pages carry it: this replica's mark and its count ({@code r7k2.57}). A page
   * reloads its live parts when the stream names another one.
   */
  public String versionToken() {
    return replica + "." + version.get();
  }

  /** Number of open streams (for tests and metrics). */
  public int openStreams() {
    return emitters.size();
  }

  /**
   * Runs on the timer: nothing may escape, or the executor cancels the schedule and no page hears
   * of a change again until the gateway restarts.
   */
  private void flush() {
    try {
      if (!dirty.getAndSet(false)) {
        return;
      }
      boolean everyone = changedElsewhere.getAndSet(false);
      Set<String> crises = Set.copyOf(changedCrises.getAndSet(ConcurrentHashMap.newKeySet()));
      if (!everyone && crises.isEmpty()) {
        return;
      }
      long id = sequence.incrementAndGet();
      send(
          SseEmitter.event().name(EVENT).id(Long.toString(id)).data(versionToken()),
          emitter -> everyone || concerns(emitter, crises));
    } catch (RuntimeException e) {
      LOG.warn("live update not sent: {}", e.toString());
    }
  }

  /** Whether the changed crises concern the stream's viewer (when in doubt: yes, it is a ping). */
  private boolean concerns(SseEmitter emitter, Set<String> crises) {
    try {
      return viewers.getOrDefault(emitter, c -> false).test(crises);
    } catch (RuntimeException e) {
      LOG.debug("live update audience not known: {}", e.toString());
      return true;
    }
  }

  private void heartbeat() {
    try {
      send(SseEmitter.event().comment("hartslag"), emitter -> true);
    } catch (RuntimeException e) {
      LOG.warn("heartbeat not sent: {}", e.toString());
    }
  }

  private void send(SseEmitter.SseEventBuilder event, Predicate<SseEmitter> to) {
    for (SseEmitter emitter : emitters) {
      if (!to.test(emitter)) {
        continue;
      }
      try {
        emitter.send(event);
      } catch (IOException | RuntimeException e) {
        LOG.debug("live update stream closed: {}", e.toString());
        emitters.remove(emitter);
        viewers.remove(emitter);
        try {
          emitter.completeWithError(e);
        } catch (RuntimeException alreadyDone) {
          // the stream was closed by the other side meanwhile: nothing left to complete
        }
      }
    }
  }

  @Override
  public void start() {
    running = true;
  }

  @Override
  public void stop() {
    running = false;
    timer.shutdownNow();
    emitters.forEach(SseEmitter::complete);
    emitters.clear();
    viewers.clear();
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /** Stops before the web server's graceful shutdown (which waits for open requests). */
  @Override
  public int getPhase() {
    return Integer.MAX_VALUE;
  }
}
