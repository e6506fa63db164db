package nl.knooppunt.gateway.readmodel;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Hears what the other gateway replicas projected ({@link ReadModelSignal}, docs/adr/0038): one
 * connection of its own, taken from the pool and kept while the gateway runs, {@code LISTEN}s on
 * the channel; every change another replica signalled is published here as a {@link
 * ReadModelChanged}, so this replica's open pages hear of it too (the projection itself stays with
 * the one replica that consumed the event).
 *
 * <p>When the connection breaks (a database restart, a failover) it is replaced, retrying every
 * {@link #RETRY} at most; after a reconnect every page is told that anything may have changed (a
 * change without crisis reaches everyone), because signals sent while nobody listened are lost. An
 * idle connection is checked every {@link #POLL}.
 */
@Component
class ReadModelListener implements SmartLifecycle {

  /** The type of the change told to every page after a reconnect. */
  static final String RECONNECTED = "knooppunt.leesmodel.opnieuw-verbonden";

  /** The listening connection's name in {@code pg_stat_activity}. */
  public static final String APPLICATION_NAME = "knooppunt-leesmodel-luisteraar";

  static final Duration POLL = Duration.ofSeconds(5);
  static final Duration RETRY = Duration.ofSeconds(5);
  private static final Logger LOG = LoggerFactory.getLogger(ReadModelListener.class);

  private final DataSource dataSource;
  private final ReadModelSignal signal;
  private final ApplicationEventPublisher events;
  private final Object lock = new Object();

  private volatile boolean running;
  private volatile Thread thread;
  private volatile Connection connection;
  private volatile boolean listening;

  ReadModelListener(
      DataSource dataSource, ReadModelSignal signal, ApplicationEventPublisher events) {
    this.dataSource = dataSource;
    this.signal = signal;
    this.events = events;
  }

  /** Whether the connection listens now (for health and tests). */
  public boolean listening() {
    return listening;
  }

  @Override
  public void start() {
    running = true;
    Thread t = new Thread(this::run, "knooppunt-read-model-listener");
    t.setDaemon(true);
    thread = t;
    t.start();
  }

  private void run() {
    boolean lostBefore = false;
    while (running) {
      try (Connection c = dataSource.getConnection()) {
        connection = c;
        c.setAutoCommit(true);
        try (Statement s = c.createStatement()) {
          // named, so an operator finds it in pg_stat_activity
          s.execute("set application_name = '" + APPLICATION_NAME + "'");
          s.execute("LISTEN " + ReadModelSignal.CHANNEL);
        }
        listening = true;
        if (lostBefore) {
          LOG.info("listening for read-model changes of other replicas again");
          events.publishEvent(new ReadModelChanged(RECONNECTED, null));
          lostBefore = false;
        }
        PGConnection pg = c.unwrap(PGConnection.class);
        while (running) {
          PGNotification[] notices = pg.getNotifications((int) POLL.toMillis());
          if (notices == null || notices.length == 0) {
            try (Statement s = c.createStatement()) {
              s.execute("select 1");
            }
            continue;
          }
          for (PGNotification n : notices) {
            ReadModelChanged change = signal.fromOtherReplica(n.getParameter());
            if (change != null) {
              events.publishEvent(change);
            }
          }
        }
      } catch (SQLException | RuntimeException e) {
        listening = false;
        if (!running) {
          return;
        }
        if (!lostBefore) {
          LOG.warn(
              "not listening for read-model changes of other replicas ({}); retrying every {}",
              e.toString(),
              RETRY);
        }
        lostBefore = true;
        pause();
      } finally {
        connection = null;
        listening = false;
      }
    }
  }

  private void pause() {
    synchronized (lock) {
      if (!running) {
        return;
      }
      try {
        lock.wait(RETRY.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        running = false;
      }
    }
  }

  @Override
  public void stop() {
    running = false;
    synchronized (lock) {
      lock.notifyAll();
    }
    // closes the socket under the waiting listener at once; the pool drops the broken connection
    Connection c = connection;
    if (c != null) {
      try {
        c.abort(Runnable::run);
      } catch (SQLException | RuntimeException e) {
        LOG.debug("listening connection not aborted: {}", e.toString());
      }
    }
    Thread t = thread;
    if (t != null) {
      try {
        t.join(POLL.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }
}
