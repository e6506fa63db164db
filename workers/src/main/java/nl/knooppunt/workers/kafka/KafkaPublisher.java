package nl.knooppunt.workers.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
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
    publish(List.of(new Outgoing(topic, key, event)));
  }

  /** One record to write: its topic, its key and the event. */
  public record Outgoing(Topic topic, String key, CloudEvent<?> event) {}

  /**
   * Writes the records together and waits until Kafka acknowledged every one: one round trip for
   * all instead of one per record (a notice and its logbook event go out side by side). When one is
   * not acknowledged this throws, the job fails and is retried with the same ids.
   */
  public void publish(List<Outgoing> records) {
    List<CompletableFuture<?>> sent = new ArrayList<>(records.size());
    for (Outgoing record : records) {
      sent.add(
          template.send(
              record.topic().topicName(), record.key(), CloudEventJson.write(record.event())));
    }
    long deadline = System.nanoTime() + SEND_TIMEOUT.toNanos();
    for (int i = 0; i < sent.size(); i++) {
      Topic topic = records.get(i).topic();
      try {
        sent.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new KafkaUnavailableException(topic, e);
      } catch (ExecutionException | TimeoutException e) {
        throw new KafkaUnavailableException(topic, e);
      }
    }
  }

  /** Kafka did not take the record in time: a technical failure, the job is retried. */
  public static final class KafkaUnavailableException extends RuntimeException {
    KafkaUnavailableException(Topic topic, Throwable cause) {
      super("Kafka did not acknowledge a record on " + topic.topicName() + ": " + cause, cause);
    }
  }
}
