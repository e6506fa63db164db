package nl.knooppunt.engine.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientStatusException;
import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.response.DeploymentEvent;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.grpc.Status;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import nl.knooppunt.engine.conformance.IncidentProbe.IncidentView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Shared helpers of the conformance suite. Every test deploys its own uniquely named process ids
 * and job types, so tests never see each other's jobs or instances.
 */
@ExtendWith(ConformanceTarget.class)
abstract class ConformanceTestBase {

  /** How long the suite waits for something the engine does asynchronously. */
  static final Duration WAIT = Duration.ofSeconds(30);

  /** How long a negative check ("no job appears") long-polls. */
  static final Duration QUIET = Duration.ofSeconds(1);

  private static final AtomicLong SEQUENCE = new AtomicLong();

  protected static CamundaClient client;
  protected static ConformanceTarget.Target target;

  private boolean clockPinned;
  private Instant pinnedAt;

  @BeforeAll
  static void connect() {
    target = ConformanceTarget.current();
    client = target.client();
  }

  @AfterEach
  void resetClockIfPinned() {
    if (clockPinned) {
      clockPinned = false;
      client.newResetClockCommand().send().join();
    }
  }

  // ---------------------------------------------------------------- ids

  /** A fresh id that is a valid BPMN id / job type: letters, digits and underscores. */
  static String uid(final String prefix) {
    return prefix + "_" + Long.toString(System.nanoTime(), 36) + "_" + SEQUENCE.incrementAndGet();
  }

  // ---------------------------------------------------------------- deploy and start

  static DeploymentEvent deploy(final BpmnModelInstance model) {
    return client
        .newDeployResourceCommand()
        .addProcessModel(model, uid("model") + ".bpmn")
        .send()
        .join();
  }

  static DeploymentEvent deploy(final String resourceName, final BpmnModelInstance model) {
    return client.newDeployResourceCommand().addProcessModel(model, resourceName).send().join();
  }

  static DeploymentEvent deployXml(final String resourceName, final String xml) {
    return client.newDeployResourceCommand().addResourceStringUtf8(xml, resourceName).send().join();
  }

  /** A BPMN file from src/test/resources/conformance/, with {@code ${id}} placeholders filled. */
  static String resourceXml(final String fileName, final Map<String, String> placeholders) {
    try (InputStream in =
        ConformanceTestBase.class.getResourceAsStream("/conformance/" + fileName)) {
      if (in == null) {
        throw new IllegalArgumentException("no resource conformance/" + fileName);
      }
      String xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      for (final Map.Entry<String, String> e : placeholders.entrySet()) {
        xml = xml.replace("${" + e.getKey() + "}", e.getValue());
      }
      return xml;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static long start(final String processId) {
    return start(processId, Map.of());
  }

  static long start(final String processId, final Map<String, Object> variables) {
    final ProcessInstanceEvent event =
        client
            .newCreateInstanceCommand()
            .bpmnProcessId(processId)
            .latestVersion()
            .variables(variables)
            .send()
            .join();
    return event.getProcessInstanceKey();
  }

  // ---------------------------------------------------------------- jobs

  /** One activation attempt: long-polls up to {@code requestTimeout}. */
  static List<ActivatedJob> activate(
      final String type, final int max, final Duration jobTimeout, final Duration requestTimeout) {
    return client
        .newActivateJobsCommand()
        .jobType(type)
        .maxJobsToActivate(max)
        .timeout(jobTimeout)
        .workerName("conformance")
        .requestTimeout(requestTimeout)
        .send()
        .join()
        .getJobs();
  }

  static List<ActivatedJob> activate(final String type, final int max) {
    return activate(type, max, Duration.ofMinutes(5), Duration.ofMillis(500));
  }

  /** Waits until a job of this type can be activated, and activates it. */
  static ActivatedJob awaitJob(final String type) {
    return awaitJob(type, Duration.ofMinutes(5));
  }

  static ActivatedJob awaitJob(final String type, final Duration jobTimeout) {
    return await("a job of type " + type)
        .atMost(WAIT)
        .until(() -> activate(type, 1, jobTimeout, Duration.ofMillis(500)), jobs -> !jobs.isEmpty())
        .get(0);
  }

  /** Waits until {@code count} jobs of this type have been activated (in any number of calls). */
  static List<ActivatedJob> awaitJobs(final String type, final int count) {
    final List<ActivatedJob> jobs = new ArrayList<>();
    await(count + " jobs of type " + type)
        .atMost(WAIT)
        .until(
            () -> {
              jobs.addAll(activate(type, count - jobs.size()));
              return jobs.size() >= count;
            });
    return jobs;
  }

  /** Asserts that no job of this type becomes activatable within {@link #QUIET}. */
  static void assertNoJob(final String type) {
    final List<ActivatedJob> jobs = activate(type, 10, Duration.ofMinutes(5), QUIET);
    assertThat(jobs).as("jobs of type %s", type).isEmpty();
  }

  static void complete(final ActivatedJob job) {
    client.newCompleteCommand(job.getKey()).send().join();
  }

  static void complete(final ActivatedJob job, final Map<String, Object> variables) {
    client.newCompleteCommand(job.getKey()).variables(variables).send().join();
  }

  /** Activates the probe job of this type, completes it and returns its variables. */
  static Map<String, Object> probe(final String type) {
    final ActivatedJob job = awaitJob(type);
    complete(job);
    return job.getVariablesAsMap();
  }

  // ---------------------------------------------------------------- time

  /**
   * Pins the engine clock. The clock is reset after the test. Tests pin relative to {@link
   * #pinNow()} so they never depend on the wall clock.
   */
  Instant pin(final Instant time) {
    client.newPinClockCommand().time(time).send().join();
    clockPinned = true;
    pinnedAt = time;
    return time;
  }

  /** Pins the clock at the current wall time (truncated to the second) and returns it. */
  Instant pinNow() {
    return pin(Instant.now().truncatedTo(ChronoUnit.SECONDS));
  }

  /** Moves the pinned clock forward. */
  Instant advance(final Duration by) {
    if (pinnedAt == null) {
      throw new IllegalStateException("pin the clock first");
    }
    return pin(pinnedAt.plus(by));
  }

  /**
   * Moves the pinned clock forward by {@code step} until the condition holds. For timers whose
   * creation is asynchronous: a timer created after one step is due by a later step.
   */
  void advanceUntil(final Duration step, final java.util.concurrent.Callable<Boolean> condition) {
    await()
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> {
              advance(step);
              return condition.call();
            });
  }

  // ---------------------------------------------------------------- incidents

  static IncidentView awaitIncident(final long processInstanceKey) {
    return awaitIncident(processInstanceKey, i -> true);
  }

  static IncidentView awaitIncident(
      final long processInstanceKey, final Predicate<IncidentView> matching) {
    return await("an incident in process instance " + processInstanceKey)
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(250))
        .until(
            () ->
                target.incidents().activeIncidents(processInstanceKey).stream()
                    .filter(matching)
                    .toList(),
            list -> !list.isEmpty())
        .get(0);
  }

  // ---------------------------------------------------------------- errors

  /**
   * The status code of a failed command over either protocol (unwrapping futures): the gRPC status,
   * or for a REST problem its title (Camunda's rejection names: NOT_FOUND, INVALID_ARGUMENT, ...;
   * INVALID_STATE is gRPC's FAILED_PRECONDITION) or else its HTTP status.
   */
  static Status.Code errorCode(final Throwable thrown) {
    final ClientStatusException status = find(thrown, ClientStatusException.class);
    if (status != null) {
      return status.getStatusCode();
    }
    final ProblemException problem = find(thrown, ProblemException.class);
    assertThat(problem).as("a gRPC status or REST problem error, but got %s", thrown).isNotNull();
    final String title = problem.details() == null ? null : problem.details().getTitle();
    if ("INVALID_STATE".equals(title)) {
      return Status.Code.FAILED_PRECONDITION;
    }
    for (final Status.Code code : Status.Code.values()) {
      if (code.name().equals(title)) {
        return code;
      }
    }
    return switch (problem.code()) {
      case 400 -> Status.Code.INVALID_ARGUMENT;
      case 404 -> Status.Code.NOT_FOUND;
      case 409 -> Status.Code.FAILED_PRECONDITION;
      case 413, 429, 503 -> Status.Code.RESOURCE_EXHAUSTED;
      case 504 -> Status.Code.DEADLINE_EXCEEDED;
      default -> Status.Code.UNKNOWN;
    };
  }

  /**
   * A variables document that is not a JSON object is refused: over gRPC by the gateway with
   * INVALID_ARGUMENT; over REST the client itself refuses to send it (it must turn the document
   * into the request's JSON object first), as against a cluster.
   */
  static void assertNotAnObjectRefused(final Throwable thrown) {
    if (find(thrown, io.camunda.client.api.command.InternalClientException.class) != null) {
      assertThat(thrown).hasStackTraceContaining("Map<String, Object>");
      return;
    }
    assertThat(errorCode(thrown)).isEqualTo(Status.Code.INVALID_ARGUMENT);
  }

  /** The message of a failed command over either protocol (gRPC description or problem detail). */
  static String errorMessage(final Throwable thrown) {
    final ClientStatusException status = find(thrown, ClientStatusException.class);
    if (status != null) {
      final String description = status.getStatus().getDescription();
      return description == null ? String.valueOf(status.getMessage()) : description;
    }
    final ProblemException problem = find(thrown, ProblemException.class);
    assertThat(problem).as("a gRPC status or REST problem error, but got %s", thrown).isNotNull();
    return problem.details() == null ? problem.getMessage() : problem.details().getDetail();
  }

  /** The HTTP status of a failed REST command (user tasks, clock). */
  static int httpCode(final Throwable thrown) {
    final ProblemException problem = find(thrown, ProblemException.class);
    assertThat(problem).as("a REST problem error, but got %s", thrown).isNotNull();
    return problem.code();
  }

  /** The first throwable of this type in the cause chain (futures wrap client errors). */
  static <T extends Throwable> T find(final Throwable thrown, final Class<T> type) {
    Throwable t = thrown;
    while (t != null) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
      t = t.getCause();
    }
    return null;
  }

  /** Runs a command that must fail and returns what it threw. */
  static Throwable failure(final ThrowingRunnable command) {
    try {
      command.run();
    } catch (Throwable t) {
      return t;
    }
    throw new AssertionError("the command was accepted but should have been rejected");
  }

  @FunctionalInterface
  interface ThrowingRunnable {
    void run() throws Exception;
  }
}
