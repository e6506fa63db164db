package nl.knooppunt.workers.jobs;

import io.camunda.client.api.response.ActivatedJob;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.knooppunt.processes.events.CloudEvent;
import nl.knooppunt.processes.events.EventType;
import nl.knooppunt.processes.events.Topic;
import nl.knooppunt.workers.kafka.EventPublisher;
import org.springframework.stereotype.Component;

/**
 * Logs what a job did as a domain event on {@code knooppunt.events.v1}, keyed by crisis id. The
 * event id is derived from the job key, which stays the same when a failed job is retried, so the
 * logbook keeps one entry per job.
 */
@Component
public class DomainEvents {

  static final String SOURCE = "/knooppunt/workers";

  private final EventPublisher publisher;
  private final Clock clock;

  public DomainEvents(EventPublisher publisher, Clock clock) {
    this.publisher = publisher;
    this.clock = clock;
  }

  /** One event for this job; {@code data} gains the process and element it came from. */
  public void log(
      ActivatedJob job,
      EventType type,
      String crisisId,
      boolean exercise,
      Map<String, Object> data) {
    log(job.getKey() + "#" + type.type(), type, crisisId, exercise, withOrigin(job, data));
  }

  /** One event with an id the caller derived from the business facts. */
  public void log(
      String eventId, EventType type, String crisisId, boolean exercise, Map<String, Object> data) {
    publisher.publish(
        Topic.EVENTS,
        crisisId,
        CloudEvent.of(eventId, type, SOURCE, clock.instant(), crisisId, exercise, data));
  }

  static Map<String, Object> withOrigin(ActivatedJob job, Map<String, Object> data) {
    Map<String, Object> all = new LinkedHashMap<>();
    all.put("proces", job.getBpmnProcessId());
    all.put("stap", job.getElementId());
    all.put("procesInstantie", job.getProcessInstanceKey());
    data.forEach(
        (k, v) -> {
          if (v != null) {
            all.put(k, v);
          }
        });
    return all;
  }
}
