package nl.knooppunt.workers.jobs;

import io.camunda.client.api.response.ActivatedJob;
import java.time.Clock;
import nl.knooppunt.processes.events.CloudEvent;
import nl.knooppunt.processes.events.EventPayload;
import nl.knooppunt.processes.events.EventType;
import nl.knooppunt.processes.events.Origin;
import nl.knooppunt.processes.events.Topic;
import nl.knooppunt.workers.kafka.KafkaPublisher;
import org.springframework.stereotype.Component;

/**
 * Logs what a job did as a domain event on {@link Topic#EVENTS}, keyed by crisis id. The event id
 * is derived from the job key (or from business facts), which stays the same when a failed job is
 * retried, so the logbook keeps one entry per job.
 */
@Component
public class DomainEvents {

  static final String SOURCE = "/knooppunt/workers";

  private final KafkaPublisher publisher;
  private final Clock clock;

  public DomainEvents(KafkaPublisher publisher, Clock clock) {
    this.publisher = publisher;
    this.clock = clock;
  }

  /** One event for this job, id {@code <job key>#<type>}. */
  public void log(
      ActivatedJob job, EventType type, String crisisId, boolean exercise, EventPayload data) {
    log(job.getKey() + "#" + type.type(), type, crisisId, exercise, data);
  }

  /** One event with an id the caller derived from the business facts. */
  public void log(
      String eventId, EventType type, String crisisId, boolean exercise, EventPayload data) {
    publisher.publish(
        Topic.EVENTS,
        crisisId,
        CloudEvent.of(eventId, type, SOURCE, clock.instant(), crisisId, exercise, data));
  }

  /** Where the job ran: process, element and instance. */
  public static Origin origin(ActivatedJob job) {
    return new Origin(job.getBpmnProcessId(), job.getElementId(), job.getProcessInstanceKey());
  }
}
