package nl.knooppunt.engine.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.grpc.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Timers (ISO 8601 date, duration, cycle, FEEL) on start, intermediate and boundary events. Time is
 * moved with the clock API (newPinClockCommand), never waited for.
 *
 * <p>Docs: docs.camunda.io/docs/components/modeler/bpmn/timer-events/ and
 * docs.camunda.io/docs/components/concepts/process-instance-creation/ (clock, for tests).
 */
@DisplayName("Timer events — docs.camunda.io/docs/components/modeler/bpmn/timer-events/")
class TimerEventsIT extends ConformanceTestBase {

  /** A long job timeout, so moving the clock never times out the jobs a test holds. */
  private static final Duration LONG = Duration.ofDays(2);

  @Test
  @DisplayName("intermediate timer with a duration fires once the duration has passed")
  void intermediateDuration() {
    final String id = uid("timer_duration");
    final String probe = uid("probe");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .intermediateCatchEvent("wait", c -> c.timerWithDuration("PT10M"))
            .serviceTask("probe", t -> t.zeebeJobType(probe))
            .endEvent()
            .done());
    pinNow();
    final long instance = start(id);

    assertNoJob(probe);
    advance(Duration.ofMinutes(9));
    assertNoJob(probe);

    final List<ActivatedJob> fired = new ArrayList<>();
    advanceUntil(
        Duration.ofMinutes(2),
        () -> {
          fired.addAll(activate(probe, 1));
          return !fired.isEmpty();
        });
    assertThat(fired.get(0).getProcessInstanceKey()).isEqualTo(instance);
  }

  @Test
  @DisplayName("intermediate timer with a date fires at that date, not before")
  void intermediateDate() {
    final String id = uid("timer_date");
    final String probe = uid("probe");
    final Instant base = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    final Instant due = base.plus(Duration.ofHours(1));
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .intermediateCatchEvent("wait", c -> c.timerWithDate(due.toString()))
            .serviceTask("probe", t -> t.zeebeJobType(probe))
            .endEvent()
            .done());
    pin(base);
    start(id);

    advance(Duration.ofMinutes(59));
    assertNoJob(probe);
    advance(Duration.ofMinutes(2));
    assertThat(awaitJob(probe).getElementId()).isEqualTo("probe");
  }

  @Test
  @DisplayName("a timer duration may come from a FEEL expression")
  void durationFromFeel() {
    final String id = uid("timer_feel");
    final String work = uid("work");
    final String late = uid("late");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .serviceTask("work", t -> t.zeebeJobType(work))
            .boundaryEvent("sla", b -> b.timerWithDurationExpression("sla"))
            .serviceTask("late", t -> t.zeebeJobType(late))
            .endEvent()
            .moveToActivity("work")
            .endEvent()
            .done());
    pinNow();
    start(id, Map.of("sla", "PT30M"));
    awaitJob(work, LONG); // the boundary timer exists once the task's job does

    advance(Duration.ofMinutes(29));
    assertNoJob(late);
    advance(Duration.ofMinutes(2));
    assertThat(awaitJob(late).getElementId()).isEqualTo("late");
  }

  @Test
  @DisplayName("interrupting timer boundary: fires after the duration and cancels the task")
  void interruptingBoundaryTimer() {
    final String id = uid("timer_boundary");
    final String work = uid("work");
    final String escalate = uid("escalate");
    final String after = uid("after");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .serviceTask("work", t -> t.zeebeJobType(work))
            .boundaryEvent("sla", b -> b.timerWithDuration("PT10M"))
            .serviceTask("escalate", t -> t.zeebeJobType(escalate))
            .endEvent()
            .moveToActivity("work")
            .serviceTask("after", t -> t.zeebeJobType(after))
            .endEvent()
            .done());
    pinNow();
    start(id);
    final ActivatedJob job = awaitJob(work, LONG);

    advance(Duration.ofMinutes(9));
    assertNoJob(escalate);
    advance(Duration.ofMinutes(2));

    assertThat(awaitJob(escalate).getElementId()).isEqualTo("escalate");
    assertThat(errorCode(failure(() -> complete(job)))).isEqualTo(Status.Code.NOT_FOUND);
    assertNoJob(after);
  }

  @Test
  @DisplayName("non-interrupting cycle boundary R2/PT10M fires twice, the task stays active")
  void nonInterruptingCycleBoundaryFiresTwice() {
    final String id = uid("timer_cycle");
    final String work = uid("work");
    final String remind = uid("remind");
    final String after = uid("after");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .serviceTask("work", t -> t.zeebeJobType(work))
            .boundaryEvent("reminder", b -> b.cancelActivity(false).timerWithCycle("R2/PT10M"))
            .serviceTask("remind", t -> t.zeebeJobType(remind))
            .endEvent()
            .moveToActivity("work")
            .serviceTask("after", t -> t.zeebeJobType(after))
            .endEvent()
            .done());
    pinNow();
    start(id);
    final ActivatedJob job = awaitJob(work, LONG);

    advance(Duration.ofMinutes(11));
    complete(awaitJob(remind, LONG));
    assertNoJob(remind);
    advance(Duration.ofMinutes(11)); // +22m: the second repetition is due (+20m or +21m)
    complete(awaitJob(remind, LONG));
    advance(Duration.ofMinutes(30)); // +52m: R2 is exhausted
    assertNoJob(remind);

    complete(job);
    assertThat(awaitJob(after).getElementId()).isEqualTo("after");
  }

  @Test
  @DisplayName("timer start event with a date creates one instance at that date")
  void timerStartDate() {
    final String id = uid("timer_start_date");
    final String probe = uid("probe");
    final Instant base = pinNow();
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent("at")
            .timerWithDate(base.plus(Duration.ofHours(2)).toString())
            .serviceTask("probe", t -> t.zeebeJobType(probe))
            .endEvent()
            .done());

    advance(Duration.ofHours(1));
    assertNoJob(probe);
    advance(Duration.ofMinutes(61));
    final ActivatedJob job = awaitJob(probe, LONG);
    assertThat(job.getBpmnProcessId()).isEqualTo(id);
    advance(Duration.ofHours(3));
    assertNoJob(probe);
  }

  @Test
  @DisplayName("timer start event with a cycle R2/PT1H creates an instance per repetition")
  void timerStartCycle() {
    final String id = uid("timer_start_cycle");
    final String probe = uid("probe");
    pinNow();
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent("hourly")
            .timerWithCycle("R2/PT1H")
            .serviceTask("probe", t -> t.zeebeJobType(probe))
            .endEvent()
            .done());

    advance(Duration.ofMinutes(50));
    assertNoJob(probe);
    advance(Duration.ofMinutes(11)); // +61m
    final ActivatedJob first = awaitJob(probe, LONG);
    advance(Duration.ofMinutes(61)); // +122m
    final ActivatedJob second = awaitJob(probe, LONG);
    assertThat(second.getProcessInstanceKey()).isNotEqualTo(first.getProcessInstanceKey());
    advance(Duration.ofHours(3));
    assertNoJob(probe);
  }

  @Test
  @DisplayName("deploying a new version cancels the timer start events of the previous version")
  void newVersionCancelsPreviousTimerStart() {
    final String id = uid("timer_start_replaced");
    final String probeV1 = uid("probeV1");
    final String probeV2 = uid("probeV2");
    final Instant base = pinNow();
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent("at")
            .timerWithDate(base.plus(Duration.ofHours(1)).toString())
            .serviceTask("probe", t -> t.zeebeJobType(probeV1))
            .endEvent()
            .done());
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent("manual")
            .serviceTask("probe", t -> t.zeebeJobType(probeV2))
            .endEvent()
            .done());

    advance(Duration.ofHours(2));
    assertNoJob(probeV1);
    assertNoJob(probeV2);
  }

  @Test
  @DisplayName("a zero duration fires at once, without moving the clock")
  void zeroDurationFiresImmediately() {
    final String id = uid("timer_zero");
    final String probe = uid("probe");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .intermediateCatchEvent("now", c -> c.timerWithDuration("PT0S"))
            .serviceTask("probe", t -> t.zeebeJobType(probe))
            .endEvent()
            .done());
    pinNow();
    start(id);

    assertThat(awaitJob(probe).getElementId()).isEqualTo("probe");
  }

  @Test
  @DisplayName("a cycle with a start time fires first at that time, then every interval")
  void cycleWithStartTime() {
    final String id = uid("timer_cycle_start");
    final String probe = uid("probe");
    final Instant base = pinNow();
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent("scheduled")
            .timerWithCycle("R2/" + base.plus(Duration.ofMinutes(30)) + "/PT1H")
            .serviceTask("probe", t -> t.zeebeJobType(probe))
            .endEvent()
            .done());

    advance(Duration.ofMinutes(20));
    assertNoJob(probe);
    advance(Duration.ofMinutes(11)); // +31m: the start time has passed
    awaitJob(probe, LONG);
    advance(Duration.ofMinutes(40)); // +71m: the next one is due at +90m
    assertNoJob(probe);
    advance(Duration.ofMinutes(21)); // +92m
    awaitJob(probe, LONG);
  }

  @Test
  @DisplayName("an interrupting timer on an embedded subprocess terminates what runs inside it")
  void interruptingTimerOnSubprocess() {
    final String id = uid("timer_subprocess");
    final String inner = uid("inner");
    final String late = uid("late");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .subProcess("scope")
            .embeddedSubProcess()
            .startEvent()
            .serviceTask("work", t -> t.zeebeJobType(inner))
            .endEvent()
            .subProcessDone()
            .boundaryEvent("sla", b -> b.timerWithDuration("PT2H"))
            .serviceTask("late", t -> t.zeebeJobType(late))
            .endEvent()
            .moveToActivity("scope")
            .endEvent()
            .done());
    pinNow();
    start(id);
    final ActivatedJob job = awaitJob(inner, LONG);

    advance(Duration.ofHours(2).plusMinutes(1));

    assertThat(awaitJob(late).getElementId()).isEqualTo("late");
    assertThat(errorCode(failure(() -> complete(job)))).isEqualTo(Status.Code.NOT_FOUND);
  }
}
