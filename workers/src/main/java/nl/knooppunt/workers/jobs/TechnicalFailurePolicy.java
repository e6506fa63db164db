package nl.knooppunt.workers.jobs;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.BpmnError;
import io.camunda.client.exception.JobError;
import io.camunda.client.jobhandling.CommandExceptionHandlingStrategy;
import io.camunda.client.jobhandling.DefaultJobExceptionHandlingStrategy;
import io.camunda.client.jobhandling.JobExceptionHandlingStrategy;
import io.camunda.client.metrics.MetricsRecorder;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Business failures are named BPMN errors (the model decides what happens); everything else is
 * technical (Kafka or a channel unreachable) and is retried with a growing backoff: 5 s, 30 s, 3
 * min, ... until the job's retries are used up and the engine raises an incident for an operator.
 */
@Component
public class TechnicalFailurePolicy implements JobExceptionHandlingStrategy {

  static final Duration FIRST_BACKOFF = Duration.ofSeconds(5);
  static final Duration MAX_BACKOFF = Duration.ofMinutes(10);

  /** The retries a job type is declared with in the models. */
  static final int DECLARED_RETRIES = 3;

  private static final Logger log = LoggerFactory.getLogger(TechnicalFailurePolicy.class);

  private final DefaultJobExceptionHandlingStrategy namedErrors;

  public TechnicalFailurePolicy(
      CommandExceptionHandlingStrategy commandExceptions, MetricsRecorder metrics) {
    this.namedErrors = new DefaultJobExceptionHandlingStrategy(commandExceptions, metrics);
  }

  @Override
  public void handleException(Exception exception, ExceptionHandlingContext context)
      throws Exception {
    if (exception instanceof BpmnError || exception instanceof JobError) {
      namedErrors.handleException(exception, context);
      return;
    }
    ActivatedJob job = context.job();
    int retriesLeft = Math.max(0, job.getRetries() - 1);
    Duration backoff = backoff(retriesLeft);
    log.warn(
        "Job {} ({}) failed, {} retries left, next try in {}: {}",
        job.getKey(),
        job.getType(),
        retriesLeft,
        backoff,
        exception.toString());
    context
        .jobClient()
        .newFailCommand(job.getKey())
        .retries(retriesLeft)
        .retryBackoff(backoff)
        .errorMessage(exception.getClass().getSimpleName() + ": " + exception.getMessage())
        .send()
        .join();
  }

  static Duration backoff(int retriesLeft) {
    int attempt = Math.max(0, DECLARED_RETRIES - 1 - retriesLeft);
    Duration backoff = FIRST_BACKOFF.multipliedBy((long) Math.pow(6, Math.min(attempt, 6)));
    return backoff.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff;
  }
}
