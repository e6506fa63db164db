package nl.knooppunt.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import nl.knooppunt.gateway.readmodel.ReadModelChanged;
import org.junit.jupiter.api.Test;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

class LiveUpdatesTest {

  /** A stream whose browser went away in the worst way: sending and closing both throw. */
  static final class BrokenStream extends SseEmitter {
    @Override
    public void send(SseEventBuilder builder) {
      throw new IllegalStateException("the async request is already done");
    }

    @Override
    public void completeWithError(Throwable ex) {
      throw new IllegalStateException("already completed");
    }
  }

  /** A healthy page that counts the events it gets. */
  static final class CountingStream extends SseEmitter {
    final AtomicInteger events = new AtomicInteger();

    @Override
    public void send(SseEventBuilder builder) {
      events.incrementAndGet();
    }
  }

  @Test
  void aViewerHearsOnlyOfTheCrisesThatConcernItAndOfChangesOutsideAnyCrisis() {
    LiveUpdates live = new LiveUpdates();
    live.start();
    try {
      CountingStream regio = new CountingStream();
      CountingStream national = new CountingStream();
      live.add(regio, crises -> crises.contains("DN5-OWN"));
      live.add(national, crises -> true);

      live.changed(new ReadModelChanged("t", "DN5-ELSEWHERE"));
      await().atMost(Duration.ofSeconds(5)).until(() -> national.events.get() >= 1);
      live.changed(new ReadModelChanged("t", "DN5-OWN"));
      await().atMost(Duration.ofSeconds(5)).until(() -> regio.events.get() >= 1);
      live.changed(new ReadModelChanged("t", null));
      await().atMost(Duration.ofSeconds(5)).until(() -> regio.events.get() >= 2);

      // one flush at a time, in order: had the change elsewhere reached the region, it would count
      // 3
      assertThat(regio.events.get()).isEqualTo(2);
      assertThat(national.events.get()).isEqualTo(3);
    } finally {
      live.stop();
    }
  }

  @Test
  void aPageThatWentAwayBadlyDoesNotSilenceTheOthers() {
    LiveUpdates live = new LiveUpdates();
    live.start();
    try {
      CountingStream page = new CountingStream();
      live.add(new BrokenStream());
      live.add(page);

      live.changed(new ReadModelChanged("t", "c"));
      await().atMost(Duration.ofSeconds(5)).until(() -> page.events.get() >= 1);
      int first = page.events.get();

      live.changed(new ReadModelChanged("t", "c"));
      await().atMost(Duration.ofSeconds(5)).until(() -> page.events.get() > first);
      assertThat(live.openStreams()).as("the broken stream is dropped").isEqualTo(1);
      assertThat(live.version()).isEqualTo(2);
    } finally {
      live.stop();
    }
  }
}
