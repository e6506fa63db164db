package nl.knooppunt.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import nl.knooppunt.engine.command.Command;
import org.junit.jupiter.api.Test;

/** The job broker on its own: a fake command path and a fake clock. */
class JobBrokerTest {

  private final Map<String, Deque<Long>> activatable = new HashMap<>();
  private final List<Command.ActivateJobs> commands = new ArrayList<>();
  private final List<Runnable> afterCommit = new ArrayList<>();
  private long nanos = 1_000_000_000L;

  private final JobBroker broker =
      new JobBroker(
          type -> !activatable.getOrDefault(type, new ArrayDeque<>()).isEmpty(),
          this::activate,
          afterCommit::add,
          () -> nanos);

  private List<ActivatedJobData> activate(Command.ActivateJobs c) {
    commands.add(c);
    Deque<Long> keys = activatable.getOrDefault(c.type(), new ArrayDeque<>());
    List<ActivatedJobData> out = new ArrayList<>();
    while (!keys.isEmpty() && out.size() < c.max()) {
      long key = keys.poll();
      out.add(
          new ActivatedJobData(
              key,
              c.type(),
              1,
              "p",
              1,
              1,
              "task",
              2,
              Map.of(),
              c.worker(),
              3,
              0,
              "{}",
              "BPMN_ELEMENT",
              null,
              null));
    }
    return out;
  }

  private void jobs(String type, long... keys) {
    Deque<Long> queue = activatable.computeIfAbsent(type, t -> new ArrayDeque<>());
    for (long k : keys) {
      queue.add(k);
    }
  }

  private void commit() {
    List<Runnable> run = new ArrayList<>(afterCommit);
    afterCommit.clear();
    run.forEach(Runnable::run);
  }

  /** What one request received, hand-over by hand-over. */
  private static final class Received {
    final List<List<Long>> batches = new ArrayList<>();

    void accept(List<ActivatedJobData> jobs) {
      batches.add(jobs.stream().map(ActivatedJobData::key).toList());
    }
  }

  private JobRequest longPoll(String type, int max, long waitMillis, Received into) {
    return new JobRequest(
        type,
        "worker-1",
        60_000,
        max,
        List.of("a"),
        nanos + TimeUnit.MILLISECONDS.toNanos(waitMillis),
        false,
        into::accept);
  }

  private JobRequest stream(String type, Received into) {
    return new JobRequest(
        type, "streamer", 60_000, Integer.MAX_VALUE, List.of(), Long.MAX_VALUE, true, into::accept);
  }

  @Test
  void aLongPollIsServedAtOnceThroughTheCommandPathAndHandedOverAfterTheCommit() {
    jobs("a", 1, 2, 3);
    Received r = new Received();

    broker.add(longPoll("a", 2, 10_000, r));

    assertThat(commands)
        .containsExactly(new Command.ActivateJobs("a", "worker-1", 60_000, 2, List.of("a"), null));
    assertThat(r.batches).as("nothing before the batch is durable").isEmpty();
    commit();
    assertThat(r.batches).containsExactly(List.of(1L, 2L));
    assertThat(broker.waitingCount()).isZero();
  }

  @Test
  void aLongPollWaitsForJobsOfItsTypeAndLeavesOnceServed() {
    Received r = new Received();
    broker.add(longPoll("a", 5, 10_000, r));
    assertThat(commands).as("no activatable job: no command").isEmpty();
    assertThat(broker.waitingCount()).isOne();

    jobs("b", 9);
    broker.dispatch();
    assertThat(commands).isEmpty();

    jobs("a", 7);
    broker.dispatch();
    commit();
    assertThat(r.batches).containsExactly(List.of(7L));
    assertThat(broker.waitingCount()).isZero();
  }

  @Test
  void aLongPollWhoseDeadlinePassedIsAnsweredWithoutJobs() {
    Received r = new Received();
    broker.add(longPoll("a", 5, 100, r));
    broker.expire();
    assertThat(broker.waitingCount()).isOne();

    nanos += TimeUnit.MILLISECONDS.toNanos(100);
    broker.expire();
    commit();
    assertThat(r.batches).containsExactly(List.of());
    assertThat(broker.waitingCount()).isZero();

    Received late = new Received();
    broker.add(longPoll("a", 5, 0, late));
    commit();
    assertThat(late.batches).as("no waiting at all").containsExactly(List.of());
    assertThat(broker.waitingCount()).isZero();
  }

  @Test
  void streamsStayAndShareTheJobsRoundRobin() {
    Received first = new Received();
    Received second = new Received();
    broker.add(stream("a", first));
    broker.add(stream("a", second));

    jobs("a", 1);
    broker.dispatch();
    jobs("a", 2);
    broker.dispatch();
    jobs("a", 3, 4);
    broker.dispatch();
    commit();

    assertThat(first.batches).containsExactly(List.of(1L), List.of(3L, 4L));
    assertThat(second.batches).containsExactly(List.of(2L));
    assertThat(broker.waitingCount()).isEqualTo(2);
  }

  @Test
  void aCancelledRequestGetsNothingAndIsDropped() {
    Received r = new Received();
    JobRequest request = stream("a", r);
    broker.add(request);
    request.cancel();
    jobs("a", 1);

    broker.dispatch();
    commit();

    assertThat(r.batches).isEmpty();
    assertThat(commands).isEmpty();
    assertThat(broker.waitingCount()).isZero();
  }

  @Test
  void theLoopWaitsNoLongerThanTheNearestLongPollDeadline() {
    broker.add(stream("a", new Received()));
    assertThat(broker.waitMillis(1000)).isEqualTo(1000);
    broker.add(longPoll("a", 1, 500, new Received()));
    broker.add(longPoll("a", 1, 200, new Received()));
    assertThat(broker.waitMillis(1000)).isEqualTo(201);
  }

  @Test
  void closingAnswersEveryWaitingRequestWithoutJobs() {
    Received poll = new Received();
    Received stream = new Received();
    broker.add(longPoll("a", 1, 10_000, poll));
    broker.add(stream("a", stream));

    broker.closeAll();

    assertThat(poll.batches).containsExactly(List.of());
    assertThat(stream.batches).containsExactly(List.of());
    assertThat(broker.waitingCount()).isZero();
  }
}
