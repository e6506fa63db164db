package nl.knooppunt.workers.kafka;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import nl.knooppunt.processes.events.CloudEvent;
import nl.knooppunt.processes.events.CloudEventJson;
import nl.knooppunt.processes.events.Topic;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes one {@link CloudEvent} (as {@link CloudEventJson} writes it) and waits until Kafka
 * acknowledged it. A job completes only after this returns; when it throws, the job fails and is
 * retried with the same event id, which the consumers deduplicate.
 */
@Component
public class KafkaPublisher {

  private static final Duration SEND_TIMEOUT = Duration.ofSeconds(15);

  private final KafkaTemplate<String, String> template;

  public KafkaPublisher(KafkaTemplate<String, String> cloudEventTemplate) {
    this.template = cloudEventTemplate;
  }

  public void publish(Topic topic, String key, CloudEvent<?> event) {
    try {
      template
          .send(topic.topicName(), key, CloudEventJson.write(event))
          .get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KafkaUnavailableException(topic, e);
    } catch (ExecutionException | TimeoutException e) {
      throw new KafkaUnavailableException(topic, e);
    }
  }

  /** Kafka did not take the record in time: a technical failure, the job is retried. */
  public static final class KafkaUnavailableException extends RuntimeException {
    KafkaUnavailableException(Topic topic, Throwable cause) {
      super("Kafka did not acknowledge a record on " + topic.topicName() + ": " + cause, cause);
    }
  }
}
